"""The period report's tables as a printable Excel workbook.

Sheets: "Nhiệm vụ" (status of every task reported on), "Chỉ tiêu" (targets, counts, rates,
Đạt/Không đạt) and one sheet per statistical form (Biểu II.06a …) laid out from its column
tree. Every sheet prints on A4 landscape, fitted to the page width, header rows repeated.
"""

import math
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kscdesk.domain.indicators import compute_rate, format_count, format_rate
from kscdesk.domain.report_input import STANDING_LABELS, ReportInput
from kscdesk.formats.atomic_write import write_atomically
from kscdesk.formats.report_forms import FormDefinition, header_cells

FONT = "Times New Roman"
TASK_SHEET = "Nhiệm vụ"
INDICATOR_SHEET = "Chỉ tiêu"
TASK_COLUMNS = (
    ("STT", 6),
    ("Nội dung công việc", 56),
    ("Thời gian thực hiện", 16),
    ("Tình trạng", 18),
    ("Ngày hoàn thành", 13),
    ("Văn bản, minh chứng", 30),
    ("Ghi chú", 28),
)
INDICATOR_COLUMNS = (
    ("STT", 6),
    ("Chỉ tiêu", 50),
    ("Đơn vị", 8),
    ("Chỉ tiêu giao", 13),
    ("Tử số", 12),
    ("Mẫu số", 12),
    ("Tỷ lệ", 11),
    ("Lũy kế từ đầu năm", 22),
    ("Đạt/Không đạt", 14),
)
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(wrap_text=True, horizontal="center", vertical="center")


LINE_POINTS = 15.0  # one line of 12 pt Times New Roman
CHARS_PER_WIDTH = 1.15  # characters of 12 pt text per unit of Excel column width (with slack)
BLANK_FORM_ROWS = 5  # rows under a form's header left for the officer to fill in


def _lines(text: object, width: float) -> int:
    """Printed lines a wrapped cell needs (Excel and LibreOffice do not fit generated rows)."""
    if text is None or text == "":
        return 1
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))


def _fit_row(sheet: Worksheet, row: int, widths: list[float], minimum: int = 1) -> None:
    values = [sheet.cell(row=row, column=col).value for col in range(1, len(widths) + 1)]
    lines = max([minimum, *(_lines(v, w) for v, w in zip(values, widths, strict=True))])
    sheet.row_dimensions[row].height = lines * LINE_POINTS + 3


def _font(*, bold: bool = False, italic: bool = False, size: int = 12) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic)


def _title(sheet: Worksheet, lines: list[str], width: int) -> int:
    """Centred title lines over the table; returns the next free row."""
    for row, text in enumerate(lines, start=1):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        cell = sheet.cell(row=row, column=1, value=text)
        cell.font = _font(bold=row == 1, italic=row > 1, size=13 if row == 1 else 12)
        cell.alignment = _CENTER
    return len(lines) + 2


def _print_setup(sheet: Worksheet, first_header: int, last_header: int) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{first_header}:{last_header}"
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.freeze_panes = sheet.cell(row=last_header + 1, column=1)


def _header(sheet: Worksheet, row: int, columns: tuple[tuple[str, int], ...]) -> None:
    for col, (title, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=row, column=col, value=title)
        cell.font = _font(bold=True)
        cell.alignment = _CENTER
        cell.border = _BORDER
        sheet.column_dimensions[get_column_letter(col)].width = width
    _fit_row(sheet, row, [float(w) for _, w in columns])


def _row(sheet: Worksheet, row: int, values: list[object], *, bold: bool = False) -> None:
    for col, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=col, value=value)
        cell.font = _font(bold=bold)
        cell.alignment = _CENTER if col == 1 else _WRAP
        cell.border = _BORDER
    widths = [
        sheet.column_dimensions[get_column_letter(c)].width for c in range(1, len(values) + 1)
    ]
    if not bold:
        _fit_row(sheet, row, widths)


def _task_sheet(sheet: Worksheet, data: ReportInput) -> None:
    row = _title(
        sheet,
        [f"TÌNH HÌNH THỰC HIỆN NHIỆM VỤ {data.period.label.upper()}", data.period.window_text],
        len(TASK_COLUMNS),
    )
    header_row = row
    _header(sheet, row, TASK_COLUMNS)
    tasks = [task for task in data.tasks if task.in_period]
    for code, title in data.sections:
        in_section = [task for task in tasks if task.section_code == code]
        if not in_section:
            continue
        row += 1
        _row(sheet, row, [code, title, "", "", "", "", ""], bold=True)
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(TASK_COLUMNS))
        for task in in_section:
            row += 1
            _row(
                sheet,
                row,
                [
                    task.number,
                    " ".join(task.content.split()),
                    task.timeframe.strip(),
                    STANDING_LABELS.get(task.standing, task.standing),
                    f"{task.completed_on:%d/%m/%Y}" if task.completed_on else "",
                    "; ".join(item.short_citation for item in task.evidence),
                    task.note,
                ],
            )
    _print_setup(sheet, header_row, header_row)


def _indicator_sheet(
    sheet: Worksheet, data: ReportInput, year_to_date: dict[str, tuple[int, int]]
) -> None:
    row = _title(
        sheet,
        [f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU {data.period.label.upper()}", data.period.window_text],
        len(INDICATOR_COLUMNS),
    )
    header_row = row
    _header(sheet, row, INDICATOR_COLUMNS)
    for item in data.indicators:
        row += 1
        has_counts = item.numerator is not None and item.denominator is not None
        rate = compute_rate(item.numerator or 0, item.denominator or 0) if has_counts else None
        ytd = year_to_date.get(item.number)
        ytd_text = ""
        if ytd is not None:
            ytd_text = f"{format_count(ytd[0])}/{format_count(ytd[1])} "
            ytd_text += f"({format_rate(compute_rate(*ytd))})"
        met = {True: "Đạt", False: "Không đạt", None: "N/A"}[item.met]
        _row(
            sheet,
            row,
            [
                item.number,
                item.name,
                item.unit,
                item.target_text,
                item.numerator,
                item.denominator,
                format_rate(rate) if has_counts else "",
                ytd_text,
                met,
            ],
        )
        for col in range(3, len(INDICATOR_COLUMNS) + 1):
            sheet.cell(row=row, column=col).alignment = _CENTER
    _print_setup(sheet, header_row, header_row)


def _form_sheet(sheet: Worksheet, form: FormDefinition, data: ReportInput) -> None:
    leaves = form.leaves
    row = _title(
        sheet,
        [
            f"Biểu số {form.code}: {form.title.upper()}",
            f"{data.period.label} – {data.office_name} ({form.basis})",
        ],
        len(leaves),
    )
    first = row
    for cell in header_cells(form):
        target = sheet.cell(row=first + cell.row, column=cell.col + 1, value=cell.text)
        target.font = _font(bold=True)
        target.alignment = _CENTER
        for r in range(cell.rowspan):
            for c in range(cell.colspan):
                sheet.cell(row=first + cell.row + r, column=cell.col + 1 + c).border = _BORDER
        if cell.rowspan > 1 or cell.colspan > 1:
            sheet.merge_cells(
                start_row=first + cell.row,
                start_column=cell.col + 1,
                end_row=first + cell.row + cell.rowspan - 1,
                end_column=cell.col + cell.colspan,
            )
    numbers = first + form.header_depth
    for col, leaf in enumerate(leaves, start=1):
        cell = sheet.cell(row=numbers, column=col, value=f"({col})")
        cell.font = _font(italic=True)
        cell.alignment = _CENTER
        cell.border = _BORDER
        sheet.column_dimensions[get_column_letter(col)].width = leaf.width
    widths = [leaf.width for leaf in leaves]
    for cell in header_cells(form):
        if cell.rowspan == 1:
            span = sum(widths[cell.col : cell.col + cell.colspan])
            height = _lines(cell.text, span) * LINE_POINTS + 3
            current = sheet.row_dimensions[first + cell.row].height or 0
            sheet.row_dimensions[first + cell.row].height = max(current, height)
    for offset in range(1, BLANK_FORM_ROWS + 1):
        _row(sheet, numbers + offset, [""] * len(leaves))
    total = [""] * len(leaves)
    total[1] = form.total_label
    _row(sheet, numbers + BLANK_FORM_ROWS + 1, list(total), bold=True)
    _print_setup(sheet, first, numbers)


def write_report_xlsx(
    data: ReportInput,
    path: Path,
    forms: list[FormDefinition],
    year_to_date: dict[str, tuple[int, int]] | None = None,
) -> Path:
    """Write the workbook atomically; OutputFileLocked when the file is open in Excel."""
    workbook = Workbook()
    sheet = workbook.active or workbook.create_sheet()
    sheet.title = TASK_SHEET
    _task_sheet(sheet, data)
    _indicator_sheet(workbook.create_sheet(INDICATOR_SHEET), data, year_to_date or {})
    for form in forms:
        _form_sheet(workbook.create_sheet(f"Biểu {form.code}"[:31]), form, data)
    return write_atomically(path, lambda tmp: workbook.save(tmp))
