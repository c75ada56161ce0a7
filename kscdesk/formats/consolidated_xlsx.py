"""The parent's consolidated workbook: the ledger, task status per commune, and indicator counts
per commune with totals summed from the counts (rates computed from the sums)."""

import os
import tempfile
from copy import copy
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kscdesk.domain.consolidation import Consolidation, format_rate, rate

FONT = "Times New Roman"
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEAD = Alignment(wrap_text=True, horizontal="center", vertical="center")


def write_consolidated_xlsx(view: Consolidation, path: Path) -> None:
    """Write the workbook to ``path`` through a temporary file (replaced only when complete)."""
    workbook = Workbook()
    ledger = workbook.active
    assert ledger is not None  # a new workbook always has one sheet
    ledger.title = "Tình hình nộp"
    _ledger(ledger, view)
    _tasks(workbook.create_sheet("Tiến độ nhiệm vụ"), view)
    _indicators(workbook.create_sheet("Chỉ tiêu"), view)
    handle, temp = tempfile.mkstemp(prefix=".xlsx-", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        workbook.save(temp)
        os.replace(temp, path)
    finally:
        Path(temp).unlink(missing_ok=True)


def _title(sheet: Worksheet, view: Consolidation, text: str, width: int) -> None:
    sheet.append([f"{view.office_name.upper()}"])
    sheet.append([f"{text} – {view.period_label}"])
    sheet.append([f"Hạn nộp của cấp xã: {view.deadline:%d/%m/%Y}"])
    for row in (1, 2, 3):
        cell = sheet.cell(row=row, column=1)
        cell.font = Font(name=FONT, size=13, bold=row < 3)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        cell.alignment = Alignment(horizontal="center")


def _table(
    sheet: Worksheet, headers: list[str], widths: list[float], rows: list[list[object]]
) -> None:
    first = sheet.max_row + 2  # a blank line under the title
    table: list[list[object]] = [list(headers), *rows]
    for offset, values in enumerate(table):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=first + offset, column=column, value=value)
    # Style one header cell and one body cell, then copy their style records to the others:
    # setting Font/Border objects cell by cell costs a hash per attribute (slow for big tables).
    head, body = sheet.cell(row=first, column=1), sheet.cell(row=first + 1, column=1)
    for cell, bold, align in ((head, True, _HEAD), (body, False, _WRAP)):
        cell.border = _BORDER
        cell.font = Font(name=FONT, size=12, bold=bold)
        cell.alignment = align
    for r in sheet.iter_rows(min_row=first, max_row=sheet.max_row, max_col=len(headers)):
        template = head if r[0].row == first else body
        for cell in r:
            cell._style = copy(template._style)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.print_title_rows = f"{first}:{first}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _ledger(sheet: Worksheet, view: Consolidation) -> None:
    _title(sheet, view, "TÌNH HÌNH NỘP BÁO CÁO", 6)
    rows: list[list[object]] = [
        [n, r.name, r.standing.label, r.sent_at or "", r.versions, _receipt(r.receipt)]
        for n, r in enumerate(view.ledger, start=1)
    ]
    _table(
        sheet,
        ["STT", "Đơn vị", "Tình trạng", "Thời điểm gửi", "Số lần gửi", "Biên nhận"],
        [6, 34, 20, 24, 10, 22],
        rows,
    )


def _receipt(decision: str | None) -> str:
    return {"accepted": "Đã tiếp nhận", "returned": "Trả lại để chỉnh sửa"}.get(decision or "", "")


def _tasks(sheet: Worksheet, view: Consolidation) -> None:
    names = [r.name for r in view.ledger]
    _title(sheet, view, "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ", 2 + len(names))
    rows: list[list[object]] = [[t.number, t.content, *t.statuses] for t in view.tasks]
    _table(sheet, ["STT", "Nội dung công việc", *names], [6, 50, *[18] * len(names)], rows)
    sheet.freeze_panes = sheet.cell(row=6, column=3)


def _indicators(sheet: Worksheet, view: Consolidation) -> None:
    _title(sheet, view, "KẾT QUẢ THỰC HIỆN CHỈ TIÊU", 6)
    rows: list[list[object]] = []
    for total in view.indicators:
        rows.append([total.number, f"{total.name} ({total.unit})", "", "", "", ""])
        for count in total.counts:
            rows.append(
                [
                    "",
                    "",
                    count.office,
                    _n(count.numerator),
                    _n(count.denominator),
                    format_rate(count.rate),
                ]
            )
        rows.append(
            [
                "",
                "",
                "Tổng cộng",
                total.numerator,
                total.denominator,
                format_rate(rate(total.numerator, total.denominator)),
            ]
        )
    _table(
        sheet,
        ["STT", "Chỉ tiêu", "Đơn vị", "Số đạt", "Tổng số", "Tỷ lệ"],
        [6, 44, 30, 12, 12, 12],
        rows,
    )
    bold = None
    for row in sheet.iter_rows(min_row=6, max_row=sheet.max_row):
        if row[2].value == "Tổng cộng" or row[0].value:
            if bold is None:
                row[0].font = Font(name=FONT, size=12, bold=True)
                bold = row[0]
            for cell in row:
                cell._style = copy(bold._style)


def _n(value: int | None) -> object:
    return "" if value is None else value
