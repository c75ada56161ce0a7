"""The commune's own plan as issued: "Quyết định ban hành Kế hoạch …" with the plan annexed.

Laid out on the NĐ 30/2020 builder (kscdesk.formats.nd30): the decision in portrait (căn cứ,
Điều 1–4, Nơi nhận, signer), the plan table in a landscape annex. Number and day are left blank
for the clerk. Tasks marked not applicable are left out of the document (they stay in the app).
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kscdesk.domain.model import PlanContent, Section, Task
from kscdesk.domain.office_names import locality as area_locality
from kscdesk.formats.nd30 import (
    Appendix,
    Cell,
    Closing,
    DocumentSpec,
    Header,
    Paragraph,
    Role,
    Run,
    Table,
    recipient_lines,
    save_document,
)

DECISION_SYMBOL = "QĐ-UBND"
PLAN_WIDTHS = (1.2, 7.0, 5.2, 3.2, 3.2, 2.6)
PLAN_HEADER = (
    "STT",
    "Nội dung công việc",
    "Kết quả công việc",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian thực hiện",
)

# The laws and decrees every KSTT decision cites (seed 003); the officer may edit the list.
DEFAULT_LEGAL_BASES: tuple[str, ...] = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành "
    "chính; Nghị định số 48/2013/NĐ-CP ngày 14/5/2013 và Nghị định số 92/2017/NĐ-CP ngày "
    "07/8/2017 của Chính phủ sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm "
    "soát thủ tục hành chính;",
    "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một "
    "cửa, một cửa liên thông trong giải quyết thủ tục hành chính; Nghị định số 107/2021/NĐ-CP "
    "ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số "
    "61/2018/NĐ-CP;",
    "Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thực hiện thủ tục hành "
    "chính trên môi trường điện tử;",
    "Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng "
    "Chính phủ hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính;",
)


@dataclass(frozen=True)
class DecisionFacts:
    """What the decision says beyond the plan: who issues it, where, on whose proposal."""

    office_name: str  # "Phường Đức Phổ", "UBND xã Tịnh Phong"
    place: str  # "Đức Phổ" in "Đức Phổ, ngày … tháng … năm …"
    drafted_on: date  # month and year of the draft's date line (the day is left blank)
    parent_citation: str = ""  # "Quyết định số 236/QĐ-UBND ngày 12/02/2025 của UBND thị xã …"
    proposing_unit: str = "Văn phòng – Thống kê"  # the KSTT lead unit of the commune
    parent_name: str = ""  # the parent office, among the recipients
    signer_name: str = ""
    legal_bases: tuple[str, ...] = field(default=DEFAULT_LEGAL_BASES)


def plan_title(content: PlanContent, facts: DecisionFacts) -> str:
    """ "Kế hoạch hoạt động kiểm soát thủ tục hành chính năm 2025 trên địa bàn phường …"."""
    return (
        f"Kế hoạch hoạt động kiểm soát thủ tục hành chính năm {content.plan.year} "
        f"trên địa bàn {area_locality(facts.office_name)}"
    )


def _article(number: int, text: str) -> Paragraph:
    return Paragraph(runs=(Run(f"Điều {number}. ", bold=True), Run(text)))


def decision_blocks(content: PlanContent, facts: DecisionFacts) -> tuple[Paragraph, ...]:
    locality = area_locality(facts.office_name)
    bases = list(facts.legal_bases)
    if facts.parent_citation:
        bases.append(
            f"Căn cứ {facts.parent_citation} ban hành Kế hoạch hoạt động kiểm soát thủ tục "
            f"hành chính năm {content.plan.year};"
        )
    bases.append(f"Theo đề nghị của {facts.proposing_unit}.")
    blocks = [Paragraph(f"CHỦ TỊCH ỦY BAN NHÂN DÂN {locality.upper()}", Role.CENTERED)]
    blocks += [Paragraph(text, Role.NOTE) for text in bases]
    blocks.append(Paragraph("QUYẾT ĐỊNH:", Role.CENTERED))
    blocks.append(_article(1, f"Ban hành kèm theo Quyết định này {plan_title(content, facts)}."))
    blocks.append(
        _article(
            2,
            f"{facts.proposing_unit} có trách nhiệm tham mưu, giúp Chủ tịch UBND {locality} "
            "chỉ đạo và tổ chức triển khai thực hiện Kế hoạch, bảo đảm chất lượng và tiến độ.",
        )
    )
    blocks.append(_article(3, "Quyết định này có hiệu lực thi hành kể từ ngày ký."))
    blocks.append(
        _article(
            4,
            f"{facts.proposing_unit}, các ban, ngành, bộ phận có liên quan chịu trách nhiệm "
            "thi hành Quyết định này./.",
        )
    )
    return tuple(blocks)


def _task_row(task: Task) -> tuple[Cell, ...]:
    return (
        Cell(f"{task.sub})" if task.sub else task.number, align="center"),
        Cell(task.content, align="justify"),
        Cell(task.output, align="justify"),
        Cell(task.lead),
        Cell(task.coordinating),
        Cell(task.timeframe, align="center"),
    )


def plan_table(content: PlanContent) -> Table:
    """The plan as one table: section rows across, task rows; not-applicable tasks left out."""
    tasks_by_section: dict[str, list[Task]] = {}
    for task in content.tasks:
        if not task.not_applicable:
            tasks_by_section.setdefault(task.section_code, []).append(task)
    rows: list[tuple[Cell, ...]] = []
    numbered: set[str] = set()
    for section in content.sections:
        rows.append(_section_row(section))
        for task in tasks_by_section.get(section.code, []):
            if task.sub and task.number not in numbered:
                # "1" over its a), b): the number once, with the shared content when there is one
                rows.append((Cell(task.number, bold=True, align="center"), *_blank_row()))
            numbered.add(task.number)
            rows.append(_task_row(task))
    return Table(PLAN_WIDTHS, header_rows=(PLAN_HEADER,), rows=tuple(rows), font_size=12)


def _blank_row() -> tuple[Cell, ...]:
    return tuple(Cell("") for _ in PLAN_HEADER[1:])


def _section_row(section: Section) -> tuple[Cell, ...]:
    return (
        Cell(section.code, bold=True, align="center"),
        Cell(section.title, bold=True, colspan=len(PLAN_HEADER) - 1),
    )


def decision_spec(content: PlanContent, facts: DecisionFacts) -> DocumentSpec:
    locality = area_locality(facts.office_name)
    header = Header(
        issuing_agency=("ỦY BAN NHÂN DÂN", locality.upper()),
        symbol=DECISION_SYMBOL,
        place=facts.place,
        year=facts.drafted_on.year,
        month=facts.drafted_on.month,
    )
    recipients = ["Như Điều 4"]
    if facts.parent_name:
        recipients.append(facts.parent_name)
    recipients.append(f"CT, PCT UBND {locality}")
    title = plan_title(content, facts)
    return DocumentSpec(
        header=header,
        kind="QUYẾT ĐỊNH",
        summary=(f"Ban hành {title}",),
        blocks=decision_blocks(content, facts),
        closing=Closing(recipient_lines(recipients), signer_name=facts.signer_name),
        appendices=(
            Appendix(
                title=title.removeprefix("Kế hoạch ").upper(),
                attached_to=(
                    f"(Ban hành kèm theo Quyết định số      /{DECISION_SYMBOL} "
                    f"{header.issued_text} của Chủ tịch UBND {locality})"
                ),
                blocks=(plan_table(content),),
                label="KẾ HOẠCH",
            ),
        ),
    )


def write_decision_docx(content: PlanContent, facts: DecisionFacts, path: Path) -> Path:
    """Write the decision with its annexed plan; atomic (OutputFileLocked when open in Word)."""
    return save_document(decision_spec(content, facts), path)
