"""The parent's consolidated workbook: the ledger, task status per commune, and indicator counts
per commune with totals summed from the counts (rates computed from the sums).

Written in openpyxl's write-only mode: rows stream out as they are made, and every cell takes
one of a few style records made once per workbook (a per-cell Font/Border costs a hash each)."""

from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from kscdesk.domain.consolidation import Consolidation, format_rate, rate
from kscdesk.formats.atomic_write import write_atomically

FONT = "Times New Roman"
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEAD = Alignment(wrap_text=True, horizontal="center", vertical="center")
TITLE_ROWS = 3  # office, sheet title, deadline; then a blank row and the table's header row


class _Styles:
    """The workbook's cell styles, each made once on a template cell."""

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        def template(font: Font, alignment: Alignment, border: Border | None) -> WriteOnlyCell:
            cell = WriteOnlyCell(sheet)
            cell.font = font
            cell.alignment = alignment
            if border is not None:
                cell.border = border
            return cell

        centre = Alignment(horizontal="center")
        self.title = template(Font(name=FONT, size=13, bold=True), centre, None)
        self.subtitle = template(Font(name=FONT, size=13), centre, None)
        self.head = template(Font(name=FONT, size=12, bold=True), _HEAD, _BORDER)
        self.body = template(Font(name=FONT, size=12), _WRAP, _BORDER)
        self.strong = template(Font(name=FONT, size=12, bold=True), _WRAP, _BORDER)

    @staticmethod
    def row(
        sheet: WriteOnlyWorksheet, values: Iterable[object], style: WriteOnlyCell
    ) -> list[WriteOnlyCell]:
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value)
            cell._style = style._style  # shared: never changed after the template is made
            cells.append(cell)
        return cells


def write_consolidated_xlsx(view: Consolidation, path: Path) -> None:
    """Write the workbook to ``path`` through a temporary file (replaced only when complete)."""
    workbook = Workbook(write_only=True)
    ledger = workbook.create_sheet("Tình hình nộp")
    styles = _Styles(ledger)
    _ledger(ledger, view, styles)
    _tasks(workbook.create_sheet("Tiến độ nhiệm vụ"), view, styles)
    _indicators(workbook.create_sheet("Chỉ tiêu"), view, styles)
    write_atomically(path, lambda temp: workbook.save(temp))


def _sheet(  # noqa: PLR0913 - one table's parts
    sheet: WriteOnlyWorksheet,
    view: Consolidation,
    styles: _Styles,
    title: str,
    headers: Sequence[str],
    widths: Sequence[float],
) -> None:
    """Set up the page and column widths (before any row, as write-only mode needs), then
    write the three title rows, a blank row and the header row."""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    first = TITLE_ROWS + 2
    sheet.print_title_rows = f"{first}:{first}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    last = get_column_letter(len(headers))
    lines = (
        (view.office_name.upper(), styles.title),
        (f"{title} – {view.period_label}", styles.title),
        (f"Hạn nộp của cấp xã: {view.deadline:%d/%m/%Y}", styles.subtitle),
    )
    for row, (text, style) in enumerate(lines, start=1):
        sheet.merged_cells.add(f"A{row}:{last}{row}")
        sheet.append(styles.row(sheet, [text], style))
    sheet.append([])
    sheet.append(styles.row(sheet, headers, styles.head))


def _ledger(sheet: WriteOnlyWorksheet, view: Consolidation, styles: _Styles) -> None:
    headers = ["STT", "Đơn vị", "Tình trạng", "Thời điểm gửi", "Số lần gửi", "Biên nhận"]
    _sheet(sheet, view, styles, "TÌNH HÌNH NỘP BÁO CÁO", headers, [6, 34, 20, 24, 10, 22])
    for n, r in enumerate(view.ledger, start=1):
        values = [n, r.name, r.standing.label, r.sent_at or "", r.versions, _receipt(r.receipt)]
        sheet.append(styles.row(sheet, values, styles.body))


def _receipt(decision: str | None) -> str:
    return {"accepted": "Đã tiếp nhận", "returned": "Trả lại để chỉnh sửa"}.get(decision or "", "")


def _tasks(sheet: WriteOnlyWorksheet, view: Consolidation, styles: _Styles) -> None:
    names = [r.name for r in view.ledger]
    sheet.freeze_panes = f"C{TITLE_ROWS + 3}"
    headers = ["STT", "Nội dung công việc", *names]
    widths = [6, 50, *[18] * len(names)]
    _sheet(sheet, view, styles, "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ", headers, widths)
    for t in view.tasks:
        sheet.append(styles.row(sheet, [t.number, t.content, *t.statuses], styles.body))


def _indicators(sheet: WriteOnlyWorksheet, view: Consolidation, styles: _Styles) -> None:
    headers = ["STT", "Chỉ tiêu", "Đơn vị", "Số đạt", "Tổng số", "Tỷ lệ"]
    _sheet(sheet, view, styles, "KẾT QUẢ THỰC HIỆN CHỈ TIÊU", headers, [6, 44, 30, 12, 12, 12])
    for total in view.indicators:
        heading = [total.number, f"{total.name} ({total.unit})", "", "", "", ""]
        sheet.append(styles.row(sheet, heading, styles.strong))
        for count in total.counts:
            values = [
                "",
                "",
                count.office,
                _n(count.numerator),
                _n(count.denominator),
                format_rate(count.rate),
            ]
            sheet.append(styles.row(sheet, values, styles.body))
        values = [
            "",
            "",
            "Tổng cộng",
            total.numerator,
            total.denominator,
            format_rate(rate(total.numerator, total.denominator)),
        ]
        sheet.append(styles.row(sheet, values, styles.strong))


def _n(value: int | None) -> object:
    return "" if value is None else value
