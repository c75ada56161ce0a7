"""One sheet's cell texts -> a ``Grid`` starting at its table header, plus the title rows above.

Shared by the readers of .xls (xlrd) and .ods (ODF XML): the same rules as the .xlsx reader, over
plain dictionaries, so every spreadsheet format lands in the same grids.
"""

from kscdesk.formats.errors import PlanTooLarge
from kscdesk.formats.grid import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    Cell,
    Grid,
    cells_limit_detail,
    columns_limit_detail,
    rows_limit_detail,
)
from kscdesk.formats.xlsx_plan_reader import XlsxDocument, _find_header_row, _preamble_lines

MAX_MERGED_POSITIONS = 1_000_000  # positions covered by merges expanded per sheet
Position = tuple[int, int]  # (row, column), 1-based
Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (inclusive)


def add_sheet(
    document: XlsxDocument,
    texts: dict[Position, str],
    merges: list[Merge],
    bold: set[Position],
    where: tuple[str, int],
) -> None:
    """Append the sheet's grid and title lines to ``document``; ``where``: (file name, sheet)."""
    if not texts:
        return
    source, index = where
    last_row = max(r for r, _ in texts)
    header_row = _find_header_row(texts, last_row)
    table_cols = [c for r, c in texts if r >= header_row]
    if not table_cols:
        return
    first_col, last_col = min(table_cols), max(table_cols)
    if last_col - first_col >= MAX_COLUMNS:
        raise PlanTooLarge(source, columns_limit_detail(f", trang {index}"))
    document.preamble.extend(_preamble_lines(texts, header_row))
    covered: dict[Position, tuple[bool, bool, Position]] = {}
    budget = MAX_MERGED_POSITIONS
    for r0, c0, r1, c1 in merges:
        area = (r1 - r0 + 1) * (c1 - c0 + 1)
        if area > 10_000 or area > budget:
            continue  # a whole-sheet merge is formatting, not a table cell
        budget -= area
        for row in range(r0, r1 + 1):
            for col in range(c0, c1 + 1):
                if (row, col) != (r0, c0):
                    covered[(row, col)] = (row > r0, col > c0, (r0, c0))
    # Rows holding text or covered by a merge: a value far below the table (row 1,000,000 of an
    # .ods) adds one row, not a million empty ones.
    kept = sorted(
        {r for r, _ in texts if r >= header_row} | {r for r, _ in covered if r >= header_row}
    )
    if len(kept) + sum(len(g.rows) for g in document.grids) > MAX_ROWS:
        raise PlanTooLarge(source, rows_limit_detail())
    positions = len(kept) * (last_col - first_col + 1)
    if positions + sum(len(g.rows) * g.width for g in document.grids) > MAX_CELLS:
        raise PlanTooLarge(source, cells_limit_detail())
    rows: list[list[Cell]] = []
    for row in kept:
        cells = []
        for col in range(first_col, last_col + 1):
            up, left, anchor = covered.get((row, col), (False, False, (row, col)))
            text = "" if anchor != (row, col) else texts.get((row, col), "")
            cells.append(Cell(text=text, merged_up=up, merged_left=left, bold=anchor in bold))
        rows.append(cells)
    document.grids.append(
        Grid(rows=rows, source=source, table_index=index, is_repeat_header=[False] * len(rows))
    )
