"""Read a plan typed in Excel (.xlsx) into grids of cell texts plus the title lines above the table.

Each sheet becomes one ``Grid`` starting at its table header (the row with "STT" / "Nội dung");
rows above it are title rows, returned as preamble lines. Merged areas are expanded as
``grid.py`` describes; numbers, dates and legacy-font text (TCVN3/VNI) are rendered as text.
"""

import bisect
import datetime as dt
import math
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.cell import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kscdesk.domain.model import ImportWarning
from kscdesk.domain.text import nfc, search_key
from kscdesk.formats.archive_guard import check_ooxml_archive
from kscdesk.formats.errors import PlanTooLarge, UnsafeFile, printable
from kscdesk.formats.grid import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    Cell,
    Grid,
    cell_limit_detail,
    cells_limit_detail,
    columns_limit_detail,
    rows_limit_detail,
)
from kscdesk.formats.legacy_encoding import TCVN3, VNI, decode_legacy_run
from kscdesk.formats.parser_boundary import unreadable_file_boundary
from kscdesk.formats.xlsx_limits import check_merged_areas

_ENCODING_NAMES = {TCVN3: "TCVN3", VNI: "VNI"}
_NUMBER_HEADERS = frozenset({"stt", "tt", "so tt", "so thu tu"})
_HEADER_LOOKAHEAD = 60  # title rows never run longer than this


@dataclass
class XlsxDocument:
    """What a workbook holds for the plan parser."""

    grids: list[Grid]
    preamble: list[str]  # title rows above each sheet's table header
    warnings: list[ImportWarning] = field(default_factory=list)  # legacy text converted
    legacy_encodings: dict[int, set[str]] = field(default_factory=dict)  # sheet -> encodings


def read_xlsx_grids(path: Path) -> tuple[list[Grid], list[str]]:
    """Grids (one per non-empty sheet) and preamble lines (title rows, in order)."""
    document = read_xlsx_document(path)
    return document.grids, document.preamble


def read_xlsx_document(path: Path, source: Path | None = None) -> XlsxDocument:
    """Check the archive, then read every visible sheet; ``source`` names the file in messages.

    A hidden sheet is not read (a hidden copy of the plan would add every task twice); a warning
    names it.
    """
    shown = source or path
    with unreadable_file_boundary(shown):
        check_ooxml_archive(path)
        check_merged_areas(path, shown)
        with warnings.catch_warnings():
            # openpyxl warns about extensions it drops (data validation, conditional formats).
            warnings.simplefilter("ignore", UserWarning)
            workbook = openpyxl.load_workbook(path, read_only=False, data_only=True)
        document = XlsxDocument(grids=[], preamble=[])
        try:
            for index, sheet in enumerate(workbook.worksheets, start=1):
                if sheet.sheet_state != "visible":
                    if any(cell.value is not None for cell in _cells(sheet).values()):
                        document.warnings.append(_hidden_sheet_warning(sheet, index))
                    continue
                _read_sheet(sheet, index, shown, document)
        finally:
            workbook.close()
    for index, encodings in sorted(document.legacy_encodings.items()):
        names = ", ".join(_ENCODING_NAMES.get(e, e) for e in sorted(encodings))
        message = (
            f"Văn bản gõ bằng bảng mã cũ ({names}) đã được chuyển sang Unicode; hãy kiểm tra lại."
        )
        document.warnings.append(ImportWarning(message, table=index))
    return document


def _hidden_sheet_warning(sheet: Worksheet, index: int) -> ImportWarning:
    return ImportWarning(
        f"Trang tính ẩn “{printable(sheet.title)}” không được đọc; chỉ các trang tính đang hiện "
        "được nhập.",
        table=index,
    )


def _cells(sheet: Worksheet) -> dict[tuple[int, int], Any]:
    """The cells the sheet really holds, by (row, column): never the rectangle up to its last
    cell, which one value at XFD1048576 would make 17 billion cells wide."""
    cells: dict[tuple[int, int], Any] = sheet._cells
    return cells


def _read_sheet(sheet: Worksheet, index: int, source: Path, document: XlsxDocument) -> None:
    texts = _sheet_texts(sheet, document.legacy_encodings.setdefault(index, set()), source)
    if not document.legacy_encodings[index]:
        del document.legacy_encodings[index]
    if not texts:
        return
    last_row = max(r for r, _ in texts)
    header_row = _find_header_row(texts, last_row)
    table_cols = [c for r, c in texts if r >= header_row]
    if not table_cols:
        return
    first_col, last_col = min(table_cols), max(table_cols)
    if last_col - first_col >= MAX_COLUMNS:
        far = max((r, c) for r, c in texts if r >= header_row and c == last_col)
        cell = f"{get_column_letter(far[1])}{far[0]}"
        where = f": có dữ liệu ở ô {cell}, trang “{printable(sheet.title)}”"
        raise PlanTooLarge(source, columns_limit_detail(where))
    # Only rows holding text: a value far below the table adds one row, not a million.
    kept = sorted({r for r, _ in texts if r >= header_row})
    if len(kept) + sum(len(g.rows) for g in document.grids) > MAX_ROWS:
        raise PlanTooLarge(source, rows_limit_detail())
    positions = len(kept) * (last_col - first_col + 1)
    if positions + sum(len(g.rows) * g.width for g in document.grids) > MAX_CELLS:
        raise PlanTooLarge(source, cells_limit_detail())
    document.preamble.extend(_preamble_lines(texts, header_row))
    covered = _merged_cover(sheet, kept, first_col, last_col, source)
    cells_by_position = _cells(sheet)
    rows: list[list[Cell]] = []
    for row in kept:
        cells = []
        for col in range(first_col, last_col + 1):
            up, left, anchor = covered.get((row, col), (False, False, (row, col)))
            text = "" if up or left else texts.get((row, col), "")
            bold = _is_bold(cells_by_position.get(anchor))
            cells.append(Cell(text=text, merged_up=up, merged_left=left, bold=bold))
        rows.append(cells)
    document.grids.append(
        Grid(rows=rows, source=source.name, table_index=index, is_repeat_header=[False] * len(rows))
    )


def _sheet_texts(sheet: Worksheet, legacy: set[str], source: Path) -> dict[tuple[int, int], str]:
    """Non-empty cell texts by (row, column), 1-based."""
    texts: dict[tuple[int, int], str] = {}
    for position, cell in _cells(sheet).items():
        if cell.value is None:
            continue
        raw = render_value(cell.value, str(cell.number_format or ""))
        if len(raw) > MAX_CELL_CHARS:
            raise PlanTooLarge(source, cell_limit_detail())
        font_name = cell.font.name if cell.font is not None else None
        decoded, encoding = decode_legacy_run(raw, font_name)
        if encoding and decoded != raw:
            legacy.add(encoding)
        text = _tidy(decoded)
        if text:
            texts[position] = text
    return texts


def render_value(value: Any, number_format: str = "") -> str:
    """A cell value as the officer sees it: 1 not "1.0", dates dd/mm/yyyy, decimal comma."""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return f"{value:%d/%m/%Y}"
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, float) and not math.isfinite(value):
        return "" if math.isnan(value) else ("∞" if value > 0 else "-∞")  # "1e999" in the XML
    if isinstance(value, int) and abs(value) >= 10**30:
        return f"{value:.6e}"  # no plan figure has 30 digits; str() refuses past 4,300
    if isinstance(value, int | float | Decimal):
        if "%" in number_format:
            return _number(Decimal(str(value)) * 100) + "%"
        return _number(Decimal(str(value)))
    return str(value)


def _number(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f").replace(".", ",")


def _tidy(text: str) -> str:
    """NFC, Windows line ends to "\\n", spaces trimmed at the ends of each line."""
    lines = nfc(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.strip() for line in lines).strip()


def _is_bold(cell: Any) -> bool:
    font = getattr(cell, "font", None)
    return bool(font is not None and font.b)


def _find_header_row(texts: dict[tuple[int, int], str], last_row: int) -> int:
    """The table header: a row with an "STT" cell and a "Nội dung" cell (else any "Nội dung")."""
    by_row: dict[int, list[str]] = {}
    for (row, _), text in texts.items():
        by_row.setdefault(row, []).append(search_key(text))
    candidates = sorted(r for r in by_row if r <= min(last_row, _HEADER_LOOKAHEAD))
    for row in candidates:
        keys = by_row[row]
        if any(k in _NUMBER_HEADERS for k in keys) and any("noi dung" in k for k in keys):
            return row
    for row in candidates:
        keys = by_row[row]
        if len(keys) >= 2 and any(k.startswith("noi dung") for k in keys):
            return row
    return min(by_row)


def _preamble_lines(texts: dict[tuple[int, int], str], header_row: int) -> list[str]:
    """Title rows above the header: the cells of each row joined, rows in order."""
    above = sorted(position for position in texts if position[0] < header_row)
    return _join_cells(texts[position] for position in above)


def _join_cells(cells: Iterable[str]) -> list[str]:
    # A letterhead row holds two blocks side by side (issuer | national motto): a line for each
    # cell, rather than one line mixing both.
    return [line for cell in cells for line in cell.split("\n") if line]


_Cover = tuple[bool, bool, tuple[int, int]]


def _merged_cover(
    sheet: Worksheet, kept: list[int], first_col: int, last_col: int, source: Path
) -> dict[tuple[int, int], _Cover]:
    """(row, col) of every kept position a merge covers -> (merged_up, merged_left, anchor).

    Merges are clamped to the table: its kept rows and its columns, never expanded beyond them.
    A vertical merge whose first row was dropped (no text in it) has no text to carry down.
    """
    covered: dict[tuple[int, int], _Cover] = {}
    kept_set = set(kept)
    budget = 4 * len(kept) * (last_col - first_col + 1)  # overlapping merges cannot cost more
    for merged in sheet.merged_cells.ranges:
        anchor = (merged.min_row, merged.min_col)
        col_from, col_to = max(merged.min_col, first_col), min(merged.max_col, last_col)
        start = bisect.bisect_left(kept, merged.min_row)
        stop = bisect.bisect_right(kept, merged.max_row)
        budget -= max(col_to - col_from + 1, 0) * (stop - start)
        if budget < 0:
            raise UnsafeFile(source, "Các vùng gộp ô chồng lên nhau.")
        for row in kept[start:stop]:
            up = row > merged.min_row and merged.min_row in kept_set
            for col in range(col_from, col_to + 1):
                if (row, col) != anchor:
                    covered[(row, col)] = (up, col > merged.min_col, anchor)
    return covered
