"""The period report as a Word document on the NĐ 30/2020 builder (DOMAIN §5 outline).

Body: opening, I. chỉ đạo, II. kết quả (with the indicator table), III. đánh giá (ưu điểm;
tồn tại, hạn chế), IV. phương hướng, V. kiến nghị, closing line; then the closing table and a
landscape appendix with the status of every task reported on.
"""

import re
from collections.abc import Mapping
from pathlib import Path

from kscdesk.domain.report_draft import indicator_rows, indicators_heading_number, report_title
from kscdesk.domain.report_input import STANDING_LABELS, Letterhead, ReportInput, ReportTask
from kscdesk.formats.nd30 import (
    Appendix,
    Block,
    Cell,
    Closing,
    DocumentSpec,
    Header,
    Paragraph,
    Role,
    Table,
    save_document,
)

REPORT_SYMBOL = "BC-UBND"
_SUB_HEADING = re.compile(r"^\d+(?:\.\d+)*\.\s")
_MAIN_HEADING = re.compile(r"^[IVX]+\.\s")
PLACEHOLDER = "…………………………………………………………………………………"
INDICATOR_WIDTHS = (1.3, 5.6, 2.2, 4.3, 2.4)
INDICATOR_HEADER = ("STT", "Chỉ tiêu", "Chỉ tiêu giao", "Kết quả đạt được", "Đạt/Không đạt")


def text_blocks(text: str) -> list[Block]:
    """One paragraph per line: "I. …" a main heading, "1. …" a sub-heading, others body."""
    blocks: list[Block] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _MAIN_HEADING.match(line):
            blocks.append(Paragraph(line, Role.HEADING_1))
        elif _SUB_HEADING.match(line):
            blocks.append(Paragraph(line, Role.HEADING_2))
        else:
            blocks.append(Paragraph(line))
    return blocks


def indicator_table(data: ReportInput) -> Table:
    rows = tuple(
        (
            Cell(number, align="center"),
            Cell(name, align="justify"),
            Cell(target, align="center"),
            Cell(figure, align="center"),
            Cell(met, align="center"),
        )
        for number, name, target, figure, met in indicator_rows(data)
    )
    return Table(INDICATOR_WIDTHS, header_rows=(INDICATOR_HEADER,), rows=rows)


def _part(parts: Mapping[str, str], key: str) -> list[Block]:
    blocks = text_blocks(parts.get(key, ""))
    return blocks or [Paragraph(PLACEHOLDER)]


def report_blocks(data: ReportInput, parts: Mapping[str, str]) -> list[Block]:
    """The body of the report from the parts' texts (edited or drafted) and the data."""
    next_label = data.next_period_label or "kỳ tiếp theo"
    blocks: list[Block] = [Paragraph(f"({data.period.window_text})", Role.NOTE)]
    blocks += text_blocks(parts.get("mo_dau", ""))
    blocks.append(Paragraph("I. Công tác chỉ đạo, điều hành", Role.HEADING_1))
    blocks += _part(parts, "chi_dao")
    blocks.append(Paragraph("II. Kết quả thực hiện", Role.HEADING_1))
    results = parts.get("ket_qua", "")
    blocks += _part(parts, "ket_qua")
    if data.indicators:
        number = indicators_heading_number(results)
        blocks.append(Paragraph(f"{number}. Kết quả thực hiện các chỉ tiêu", Role.HEADING_2))
        blocks.append(indicator_table(data))
    blocks.append(Paragraph("III. Đánh giá chung", Role.HEADING_1))
    blocks.append(Paragraph("1. Ưu điểm", Role.HEADING_2))
    blocks += _part(parts, "uu_diem")
    blocks.append(Paragraph("2. Tồn tại, hạn chế và nguyên nhân", Role.HEADING_2))
    blocks += _part(parts, "ton_tai")
    blocks.append(Paragraph(f"IV. Phương hướng, nhiệm vụ {next_label}", Role.HEADING_1))
    blocks += _part(parts, "phuong_huong")
    blocks.append(Paragraph("V. Đề xuất, kiến nghị", Role.HEADING_1))
    blocks += _part(parts, "kien_nghi")
    blocks += text_blocks(parts.get("ket_luan", ""))
    return blocks


def _status_cell(task: ReportTask) -> str:
    label = STANDING_LABELS.get(task.standing, task.standing)
    if task.completed_on is not None and task.is_done():
        label += f" ({task.completed_on:%d/%m/%Y})"
    return label


def task_status_rows(data: ReportInput) -> list[tuple[Cell, ...]]:
    """The appendix rows: a bold row per section, then its tasks."""
    rows: list[tuple[Cell, ...]] = []
    tasks = [task for task in data.tasks if task.in_period]
    for code, title in data.sections:
        in_section = [task for task in tasks if task.section_code == code]
        if not in_section:
            continue
        rows.append((Cell(code, bold=True, align="center"), Cell(title, bold=True, colspan=5)))
        for task in in_section:
            evidence = "; ".join(item.short_citation for item in task.evidence)
            rows.append(
                (
                    Cell(task.number, align="center"),
                    Cell(" ".join(task.content.split()), align="justify"),
                    Cell(task.timeframe.strip(), align="center"),
                    Cell(_status_cell(task), align="center"),
                    Cell(evidence),
                    Cell(task.note),
                )
            )
    return rows


TASK_HEADER = (
    "STT",
    "Nội dung công việc",
    "Thời gian thực hiện",
    "Tình trạng",
    "Văn bản, minh chứng",
    "Ghi chú",
)
TASK_WIDTHS = (1.0, 8.0, 2.4, 2.6, 3.6, 3.4)


def report_spec(
    data: ReportInput, parts: Mapping[str, str], letterhead: Letterhead
) -> DocumentSpec:
    """The NĐ 30 document spec of the report; number and day left blank (a draft)."""
    month = data.period.last_month
    header = Header(
        issuing_agency=letterhead.agency_lines,
        parent_agency=letterhead.parent_agency,
        symbol=REPORT_SYMBOL,
        place=letterhead.place,
        year=data.period.year,
        month=month,
    )
    office = data.office_name
    appendix = Appendix(
        title=f"Tình hình thực hiện các nhiệm vụ {_lower_first(data.period.label)}",
        attached_to=(
            f"(Kèm theo Báo cáo số      /{REPORT_SYMBOL} {header.issued_text} của {office})"
        ),
        blocks=(
            Table(TASK_WIDTHS, header_rows=(TASK_HEADER,), rows=tuple(task_status_rows(data))),
        ),
    )
    return DocumentSpec(
        header=header,
        kind="BÁO CÁO",
        summary=(report_title(data.period.label),),
        blocks=tuple(report_blocks(data, parts)),
        closing=Closing(
            recipients=letterhead.recipients,
            authority=letterhead.signer_authority,
            title=letterhead.signer_title,
            signer_name=letterhead.signer_name,
        ),
        appendices=(appendix,),
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def write_report_docx(
    data: ReportInput, parts: Mapping[str, str], letterhead: Letterhead, path: Path
) -> Path:
    """Write the report atomically; OutputFileLocked when the file is open in Word."""
    return save_document(report_spec(data, parts, letterhead), path)
