"""The parent's consolidated workbook: the ledger, task status per commune, and indicator counts
per commune with totals summed from the counts (rates computed from the sums).

Written by the streaming writer of `kscdesk.formats.xlsx_stream`: a row becomes XML text as it
is made, and every cell takes one of the five styles below (declared once per workbook)."""

from collections.abc import Sequence
from pathlib import Path

from kscdesk.domain.consolidation import Consolidation, format_counts_rate
from kscdesk.formats.atomic_write import write_atomically
from kscdesk.formats.xlsx_stream import CellStyle, SheetWriter, StreamingWorkbook

FONT = "Times New Roman"
TITLE_ROWS = 3  # office, sheet title, deadline; then a blank row and the table's header row
HEADER_ROW = TITLE_ROWS + 2
STYLES = (
    CellStyle(FONT, 13, bold=True, horizontal="center"),  # 1: title
    CellStyle(FONT, 13, horizontal="center"),  # 2: subtitle
    CellStyle(FONT, 12, bold=True, border=True, horizontal="center", vertical="center", wrap=True),
    CellStyle(FONT, 12, border=True, vertical="top", wrap=True),  # 4: body
    CellStyle(FONT, 12, bold=True, border=True, vertical="top", wrap=True),  # 5: strong
)
TITLE, SUBTITLE, HEAD, BODY, STRONG = 1, 2, 3, 4, 5


def write_consolidated_xlsx(view: Consolidation, path: Path) -> None:
    """Write the workbook to ``path`` through a temporary file (replaced only when complete)."""
    workbook = StreamingWorkbook(STYLES)
    _ledger(workbook, view)
    _tasks(workbook, view)
    _indicators(workbook, view)
    write_atomically(path, workbook.save)


def _sheet(  # noqa: PLR0913 - one table's parts
    workbook: StreamingWorkbook,
    view: Consolidation,
    name: str,
    title: str,
    headers: Sequence[str],
    widths: Sequence[float],
    freeze: tuple[int, int] | None = None,
) -> SheetWriter:
    """A landscape A4 sheet fitted to the width, its header row printed on every page: the
    three title rows (merged across the table), a blank row and the header row."""
    sheet = workbook.add_sheet(name, widths, freeze=freeze, title_row=HEADER_ROW)
    lines = (
        (view.office_name.upper(), TITLE),
        (f"{title} – {view.period_label}", TITLE),
        (f"Hạn nộp của cấp xã: {view.deadline:%d/%m/%Y}", SUBTITLE),
    )
    for row, (text, style) in enumerate(lines, start=1):
        sheet.merge(row, 1, row, len(headers))
        sheet.append([text], style)
    sheet.append_blank()
    sheet.append(headers, HEAD)
    return sheet


def _ledger(workbook: StreamingWorkbook, view: Consolidation) -> None:
    headers = ["STT", "Đơn vị", "Tình trạng", "Thời điểm gửi", "Số lần gửi", "Biên nhận"]
    sheet = _sheet(
        workbook,
        view,
        "Tình hình nộp",
        "TÌNH HÌNH NỘP BÁO CÁO",
        headers,
        [6, 34, 20, 24, 10, 22],
    )
    for n, r in enumerate(view.ledger, start=1):
        values = [n, r.name, r.standing.label, r.sent_at or "", r.versions, _receipt(r.receipt)]
        sheet.append(values, BODY)


def _receipt(decision: str | None) -> str:
    return {"accepted": "Đã tiếp nhận", "returned": "Trả lại để chỉnh sửa"}.get(decision or "", "")


def _tasks(workbook: StreamingWorkbook, view: Consolidation) -> None:
    names = [r.name for r in view.ledger]
    sheet = _sheet(
        workbook,
        view,
        "Tiến độ nhiệm vụ",
        "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ",
        ["STT", "Nội dung công việc", *names],
        [6, 50, *[18] * len(names)],
        freeze=(2, HEADER_ROW),
    )
    for t in view.tasks:
        sheet.append([t.number, t.content, *t.statuses], BODY)


def _indicators(workbook: StreamingWorkbook, view: Consolidation) -> None:
    sheet = _sheet(
        workbook,
        view,
        "Chỉ tiêu",
        "KẾT QUẢ THỰC HIỆN CHỈ TIÊU",
        ["STT", "Chỉ tiêu", "Đơn vị", "Số đạt", "Tổng số", "Tỷ lệ"],
        [6, 44, 30, 12, 12, 12],
    )
    for total in view.indicators:
        sheet.append([total.number, f"{total.name} ({total.unit})", "", "", "", ""], STRONG)
        for count in total.counts:
            values = [
                "",
                "",
                count.office,
                _n(count.numerator),
                _n(count.denominator),
                format_counts_rate(count.numerator, count.denominator),
            ]
            sheet.append(values, BODY)
        numerator, denominator = total.numerator, total.denominator
        values = [
            "",
            "",
            "Tổng cộng",
            numerator,
            denominator,
            format_counts_rate(numerator, denominator),
        ]
        sheet.append(values, STRONG)


def _n(value: int | None) -> object:
    return "" if value is None else value
