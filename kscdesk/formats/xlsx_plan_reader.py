"""Read a plan typed in Excel (.xlsx) into grids of cell texts plus the title lines above the table.

Each sheet becomes one ``Grid`` starting at its table header (the row with "STT" / "Nội dung");
rows above it are title rows, returned as preamble lines. Merged areas are expanded as
``grid.py`` describes; numbers, dates and legacy-font text (TCVN3/VNI) are rendered as text.
"""

import datetime as dt
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from kscdesk.domain.model import ImportWarning
from kscdesk.domain.text import nfc, search_key
from kscdesk.formats.archive_guard import check_ooxml_archive
from kscdesk.formats.errors import UnreadablePlanFile
from kscdesk.formats.grid import Cell, Grid
from kscdesk.formats.legacy_encoding import TCVN3, VNI, decode_legacy_run

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
    """Check the archive, then read every sheet; ``source`` names the file in messages."""
    shown = source or path
    check_ooxml_archive(path)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about extensions it drops (data validation, conditional formats).
            warnings.simplefilter("ignore", UserWarning)
            workbook = openpyxl.load_workbook(path, read_only=False, data_only=True)
    except Exception as exc:  # openpyxl raises anything from KeyError to ValueError on bad parts
        raise UnreadablePlanFile(shown) from exc
    document = XlsxDocument(grids=[], preamble=[])
    try:
        for index, sheet in enumerate(workbook.worksheets, start=1):
            _read_sheet(sheet, index, shown.name, document)
    finally:
        workbook.close()
    for index, encodings in sorted(document.legacy_encodings.items()):
        names = ", ".join(_ENCODING_NAMES.get(e, e) for e in sorted(encodings))
        message = (
            f"Văn bản gõ bằng bảng mã cũ ({names}) đã được chuyển sang Unicode; hãy kiểm tra lại."
        )
        document.warnings.append(ImportWarning(message, table=index))
    return document


def _read_sheet(sheet: Worksheet, index: int, source: str, document: XlsxDocument) -> None:
    texts = _sheet_texts(sheet, document.legacy_encodings.setdefault(index, set()))
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
    document.preamble.extend(_preamble_lines(texts, header_row))
    covered = _merged_cover(sheet)
    rows: list[list[Cell]] = []
    for row in range(header_row, last_row + 1):
        cells = []
        for col in range(first_col, last_col + 1):
            up, left, anchor = covered.get((row, col), (False, False, (row, col)))
            text = "" if up or left else texts.get((row, col), "")
            bold = _is_bold(sheet.cell(row=anchor[0], column=anchor[1]))
            cells.append(Cell(text=text, merged_up=up, merged_left=left, bold=bold))
        rows.append(cells)
    document.grids.append(
        Grid(rows=rows, source=source, table_index=index, is_repeat_header=[False] * len(rows))
    )


def _sheet_texts(sheet: Worksheet, legacy: set[str]) -> dict[tuple[int, int], str]:
    """Non-empty cell texts by (row, column), 1-based."""
    texts: dict[tuple[int, int], str] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            raw = render_value(cell.value, str(cell.number_format or ""))
            font_name = cell.font.name if cell.font is not None else None
            decoded, encoding = decode_legacy_run(raw, font_name)
            if encoding and decoded != raw:
                legacy.add(encoding)
            text = _tidy(decoded)
            if text:
                texts[(cell.row, cell.column)] = text
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


def _merged_cover(sheet: Worksheet) -> dict[tuple[int, int], _Cover]:
    """(row, col) of every position a merge covers -> (merged_up, merged_left, its anchor)."""
    covered: dict[tuple[int, int], _Cover] = {}
    for merged in sheet.merged_cells.ranges:
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                if (row, col) != (merged.min_row, merged.min_col):
                    anchor = (merged.min_row, merged.min_col)
                    covered[(row, col)] = (row > merged.min_row, col > merged.min_col, anchor)
    return covered
