"""Write a plan as a printable Excel workbook that imports back as the same plan.

Sheet "Kế hoạch": letterhead, "KẾ HOẠCH", title and decision line, then the plan table (header
repeated on every printed page, A4 landscape, wrapped Times New Roman). Sheet "Phụ lục chỉ tiêu":
the indicators. Sub-items a), b) are laid out as the shared fixture does: number and content
merged down the sub-rows, the "a)" marker in front of the first text that differs per row.
"""

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.worksheet import Worksheet

from kscdesk.domain.model import PlanContent, Task
from kscdesk.domain.office_names import area_name, has_committee
from kscdesk.formats.atomic_write import write_atomically

FONT_NAME = "Times New Roman"
BODY_SIZE = 12
TITLE_SIZE = 13

PLAN_SHEET = "Kế hoạch"
INDICATOR_SHEET = "Phụ lục chỉ tiêu"
PLAN_HEADERS = (
    ("STT", 6),
    ("Nội dung công việc", 44),
    ("Kết quả công việc", 38),
    ("Cơ quan chủ trì", 24),
    ("Cơ quan phối hợp", 26),
    ("Thời gian thực hiện", 18),
)
INDICATOR_HEADERS = (
    ("STT", 6),
    ("Nội dung chỉ tiêu", 52),
    ("Đơn vị tính", 12),
    ("Chỉ tiêu năm", 16),
    ("Cơ quan chủ trì", 26),
    ("Cơ quan phối hợp", 30),
)

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(wrap_text=True, horizontal="center", vertical="center")
_CENTER_TOP = Alignment(wrap_text=True, horizontal="center", vertical="top")
# Row heights: neither Excel nor LibreOffice reliably fits rows of a generated file, so estimate.
_LINE_POINTS = 14.0  # one line of 12 pt Times New Roman
_CHARS_PER_WIDTH = 1.3  # characters of 12 pt Times New Roman per unit of column width
_WRAP_SLACK = 1.05  # words do not fill a line exactly


def write_plan_xlsx(content: PlanContent, path: Path) -> None:
    """Write ``content`` to ``path`` (.xlsx), replacing the file."""
    workbook = Workbook()
    sheet = workbook.active
    if sheet is None:  # a new Workbook always has one sheet
        sheet = workbook.create_sheet()
    sheet.title = PLAN_SHEET
    _write_plan_sheet(sheet, content)
    if content.indicators:
        _write_indicator_sheet(workbook.create_sheet(INDICATOR_SHEET), content)
    write_atomically(path, workbook.save)  # never a half-written file in place of the old one


def _font(size: int = BODY_SIZE, *, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic)


def _issuer_lines(issuer: str) -> list[str]:
    """ "UBND thành phố Quảng Ngãi" -> ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ QUẢNG NGÃI"]."""
    if has_committee(issuer):
        return ["ỦY BAN NHÂN DÂN", area_name(issuer).upper()]
    return [issuer.upper()] if issuer else []


def _decision_line(content: PlanContent) -> str:
    decision = content.plan.decision
    if decision is None:
        return ""
    line = f"(Ban hành kèm theo Quyết định số {decision.number}"
    if decision.date is not None:
        line += f" ngày {decision.date:%d/%m/%Y}"
    if content.plan.issuer:
        line += f" của Chủ tịch {content.plan.issuer}"
    return line + ")"


def _merge_write(sheet: Worksheet, row: int, cols: tuple[int, int], text: str, font: Font) -> None:
    sheet.merge_cells(start_row=row, start_column=cols[0], end_row=row, end_column=cols[1])
    cell = sheet.cell(row=row, column=cols[0], value=text or None)
    cell.font = font
    cell.alignment = _CENTER


def _page_setup(sheet: Worksheet, header_row: int, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[chr(ord("A") + index - 1)].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "Trang &P/&N"
    sheet.oddFooter.center.font = FONT_NAME
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)


def _write_header(sheet: Worksheet, row: int, headers: tuple[tuple[str, int], ...]) -> None:
    for col, (title, _) in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=col, value=title)
        cell.font = _font(bold=True)
        cell.alignment = _CENTER
        cell.border = _BORDER


def _cell_value(text: str) -> str | int | None:
    """Task numbers as numbers (no "number stored as text" flag in Excel); other text as is."""
    if text.isascii() and text.isdigit() and not text.startswith("0"):
        return int(text)
    return text or None


def _write_row(sheet: Worksheet, row: int, values: list[str], *, bold: bool = False) -> None:
    for col, value in enumerate(values, start=1):
        cell = sheet.cell(
            row=row, column=col, value=_cell_value(value) if col == 1 else value or None
        )
        cell.font = _font(bold=bold)
        cell.alignment = _CENTER_TOP if col == 1 else _WRAP_TOP
        cell.border = _BORDER


def _write_plan_sheet(sheet: Worksheet, content: PlanContent) -> None:
    plan = content.plan
    last = len(PLAN_HEADERS)
    left, right = (1, 2), (3, last)
    motto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    issuer = _issuer_lines(plan.issuer)
    for offset in range(2):
        row = 1 + offset
        text = issuer[offset] if offset < len(issuer) else ""
        _merge_write(sheet, row, left, text, _font(TITLE_SIZE, bold=True))
        _merge_write(sheet, row, right, motto[offset], _font(TITLE_SIZE, bold=True))
    _merge_write(sheet, 4, (1, last), "KẾ HOẠCH", _font(14, bold=True))
    _merge_write(sheet, 5, (1, last), plan.title, _font(TITLE_SIZE, bold=True))
    _merge_write(sheet, 6, (1, last), _decision_line(content), _font(TITLE_SIZE, italic=True))
    sheet.row_dimensions[5].height = 36
    header_row = 8
    _write_header(sheet, header_row, PLAN_HEADERS)
    row = header_row + 1
    tasks_by_section: dict[str, list[Task]] = {}
    for task in sorted(content.tasks, key=lambda t: t.position):
        tasks_by_section.setdefault(task.section_code, []).append(task)
    written: set[str] = set()
    for section in sorted(content.sections, key=lambda s: s.position):
        _write_row(sheet, row, [section.code, section.title], bold=True)
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=last)
        row += 1
        for group in _task_groups(tasks_by_section.get(section.code, [])):
            row = _write_task_group(sheet, row, group)
        written.add(section.code)
    orphans = [t for t in content.tasks if t.section_code not in written]
    for group in _task_groups(sorted(orphans, key=lambda t: t.position)):
        row = _write_task_group(sheet, row, group)
    _page_setup(sheet, header_row, [w for _, w in PLAN_HEADERS])
    _fit_row_heights(sheet, header_row, row - 1)


def _lines_needed(text: str, width: float) -> int:
    per_line = max(width * _CHARS_PER_WIDTH, 1.0)
    return sum(max(1, math.ceil(len(p) * _WRAP_SLACK / per_line)) for p in text.split("\n"))


def _fit_row_heights(sheet: Worksheet, first: int, last: int) -> None:
    """Give every row of the table the height its wrapped text needs (merged blocks included)."""
    widths = {
        col: sheet.column_dimensions[chr(ord("A") + col - 1)].width or 10
        for col in range(1, sheet.max_column + 1)
    }
    spans = {
        (m.min_row, m.min_col): (m.max_row, m.max_col)
        for m in sheet.merged_cells.ranges
        if m.min_row >= first
    }
    need = dict.fromkeys(range(first, last + 1), 1)
    blocks: list[tuple[int, int, int]] = []  # first row, last row, lines
    for row in range(first, last + 1):
        for col in widths:
            value = sheet.cell(row=row, column=col).value
            if value is None:
                continue
            end_row, end_col = spans.get((row, col), (row, col))
            width = sum(widths[c] for c in range(col, end_col + 1))
            lines = _lines_needed(str(value), width)
            if end_row == row:
                need[row] = max(need[row], lines)
            else:
                blocks.append((row, end_row, lines))
    heights = {row: lines * _LINE_POINTS + 3 for row, lines in need.items()}
    for start, end, lines in blocks:
        missing = lines * _LINE_POINTS + 3 - sum(heights[r] for r in range(start, end + 1))
        if missing > 0:
            heights[end] += missing
    for row, height in heights.items():
        sheet.row_dimensions[row].height = round(height, 2)


@dataclass
class _Group:
    tasks: list[Task]

    @property
    def has_subs(self) -> bool:
        return any(t.sub for t in self.tasks)


def _task_groups(tasks: list[Task]) -> Iterator[_Group]:
    """Consecutive rows sharing a task number: a task and its sub-items a), b)."""
    group: list[Task] = []
    for task in tasks:
        if group and (task.number != group[0].number or not task.sub or not group[0].sub):
            yield _Group(group)
            group = []
        group.append(task)
    if group:
        yield _Group(group)


def _write_task_group(sheet: Worksheet, row: int, group: _Group) -> int:
    tasks = group.tasks
    shared_content = group.has_subs and len({t.content for t in tasks}) == 1
    shared_content = shared_content and all(t.output for t in tasks)
    for offset, task in enumerate(tasks):
        marker = f"{task.sub}) " if task.sub else ""
        content = task.content if shared_content else marker + task.content
        output = marker + task.output if shared_content else task.output
        values = [task.number, content, output, task.lead, task.coordinating, task.timeframe]
        if offset > 0 and group.has_subs:
            values[0] = ""
            if shared_content:
                values[1] = ""
        _write_row(sheet, row + offset, values)
    if len(tasks) > 1 and group.has_subs:
        end = row + len(tasks) - 1
        sheet.merge_cells(start_row=row, start_column=1, end_row=end, end_column=1)
        if shared_content:
            sheet.merge_cells(start_row=row, start_column=2, end_row=end, end_column=2)
    return row + len(tasks)


def _write_indicator_sheet(sheet: Worksheet, content: PlanContent) -> None:
    last = len(INDICATOR_HEADERS)
    year = content.plan.year
    _merge_write(sheet, 1, (1, last), "PHỤ LỤC", _font(14, bold=True))
    title = f"CÁC CHỈ TIÊU KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM {year}" if year else "CÁC CHỈ TIÊU"
    _merge_write(sheet, 2, (1, last), title, _font(TITLE_SIZE, bold=True))
    header_row = 4
    headers = tuple(
        (f"{name} {year}" if name == "Chỉ tiêu năm" and year else name, width)
        for name, width in INDICATOR_HEADERS
    )
    _write_header(sheet, header_row, headers)
    row = header_row + 1
    for indicator in sorted(content.indicators, key=lambda i: i.position):
        values = [
            indicator.number,
            indicator.name,
            indicator.unit,
            indicator.target_text,
            indicator.lead,
            indicator.coordinating,
        ]
        _write_row(sheet, row, values)
        for col in (3, 4):
            sheet.cell(row=row, column=col).alignment = _CENTER_TOP
        row += 1
    _page_setup(sheet, header_row, [w for _, w in INDICATOR_HEADERS])
    _fit_row_heights(sheet, header_row, row - 1)
