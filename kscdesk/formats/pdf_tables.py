"""Ruled tables of PDF pages -> ``Grid``s, one per table even when it runs over several pages.

pdfplumber finds each table's cells from the page's ruling lines. The cells' edges give the
table's lattice; a cell spanning several lattice positions becomes one anchor plus positions
marked ``merged_left`` / ``merged_up``, exactly as the .docx reader expands merges. A table that
ends a page and one that starts the next page with the same columns are one table: the header
rows repeated on the next page are dropped and a row split by the page break is joined again.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from kscdesk.formats.grid import Cell, Grid
from kscdesk.formats.pdf_layout import Glyph, Line, box_limit, is_wrapped, join_wrapped, lines_of
from kscdesk.formats.pdf_layout import paragraphs as paragraphs_of
from kscdesk.formats.plan_columns import Role, find_header

_SNAP = 2.0  # points: edges closer than this are the same rule
_SUB_START = re.compile(r"^[a-zđ]\)")

Bbox = tuple[float, float, float, float]


@dataclass
class _Box:
    """An anchor cell: its text lines and where its lines wrap (to join a split row)."""

    lines: list[Line]
    limit: float


@dataclass
class PageTable:
    """One ruled table as printed on one page."""

    page: int  # 0-based
    bbox: Bbox
    columns: list[float]  # x of the vertical rules
    rows: list[list[Cell]]
    boxes: dict[tuple[int, int], _Box] = field(default_factory=dict)


def _snap(values: list[float]) -> list[float]:
    snapped: list[float] = []
    for value in sorted(values):
        if not snapped or value - snapped[-1] > _SNAP:
            snapped.append(value)
    return snapped


def _index(edges: list[float], value: float) -> int:
    """The lattice position an edge value falls on (nearest edge)."""
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def build_page_table(page: int, bbox: Bbox, cells: list[Bbox], glyphs: list[Glyph]) -> PageTable:
    """The grid of one table: lattice from the cells' edges, text from the glyphs inside."""
    xs = _snap([c[0] for c in cells] + [c[2] for c in cells])
    ys = _snap([c[1] for c in cells] + [c[3] for c in cells])
    width, height = len(xs) - 1, len(ys) - 1
    anchors: dict[tuple[int, int], tuple[int, int]] = {}
    spans: dict[tuple[int, int], Bbox] = {}
    for x0, top, x1, bottom in cells:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        spans[(r0, c0)] = (x0, top, x1, bottom)
        for r in range(r0, max(r1, r0 + 1)):
            for c in range(c0, max(c1, c0 + 1)):
                anchors.setdefault((r, c), (r0, c0))
    owned: dict[tuple[int, int], list[Glyph]] = {}
    for glyph in glyphs:
        col = bisect_right(xs, glyph.x_mid) - 1
        row = bisect_right(ys, glyph.y_mid) - 1
        if 0 <= col < width and 0 <= row < height:
            owned.setdefault(anchors.get((row, col), (row, col)), []).append(glyph)
    table = PageTable(page, bbox, xs, [])
    for r in range(height):
        cells_row: list[Cell] = []
        for c in range(width):
            anchor = anchors.get((r, c), (r, c))
            if anchor != (r, c):
                up, left = r > anchor[0], c > anchor[1]
                cells_row.append(Cell(merged_up=up, merged_left=left and not up))
                continue
            x0, _, x1, _ = spans.get((r, c), (xs[c], 0.0, xs[c + 1], 0.0))
            lines = lines_of(owned.get((r, c), []))
            limit = box_limit(lines, x0, x1)
            table.boxes[(r, c)] = _Box(lines, limit)
            text = "\n".join(paragraphs_of(lines, limit))
            bold = bool(lines) and all(line.bold for line in lines)
            cells_row.append(Cell(text=text, bold=bold))
        table.rows.append(cells_row)
    return table


def same_columns(first: PageTable, second: PageTable) -> bool:
    return len(first.columns) == len(second.columns) and all(
        abs(a - b) <= _SNAP for a, b in zip(first.columns, second.columns, strict=True)
    )


class TableChain:
    """One logical table assembled from its pieces on consecutive pages."""

    def __init__(self, first: PageTable) -> None:
        self.pieces = [first]
        self.rows: list[list[Cell]] = [list(row) for row in first.rows]
        self.boxes: dict[tuple[int, int], _Box] = dict(first.boxes)
        grid = Grid(rows=self.rows)
        header = find_header(grid)
        self.header_rows = header.last_row + 1 if header is not None else 0
        self.number_col = header.roles.get(Role.NUMBER, 0) if header is not None else 0

    @property
    def last(self) -> PageTable:
        return self.pieces[-1]

    def append(self, piece: PageTable) -> None:
        """Add the next page's piece: repeated header rows dropped, a split row joined."""
        self.pieces.append(piece)
        skip = 0
        while (
            skip < min(self.header_rows, len(piece.rows))
            and _texts(piece.rows[skip]) == _texts(self.rows[skip])
            and any(_texts(piece.rows[skip]))
        ):
            skip += 1
        offset = len(self.rows) - skip
        body = range(skip, len(piece.rows))
        if body and self._ends_in_body() and self._is_split_row(piece.rows[skip]):
            self._join_split_row(piece, skip)
            body = range(skip + 1, len(piece.rows))
            offset -= 1
        for r in body:
            self.rows.append(list(piece.rows[r]))
        for (r, c), box in piece.boxes.items():
            if r in body:
                self.boxes[(r + offset, c)] = box

    def _ends_in_body(self) -> bool:
        """The table so far ends with a body row (not its header, nor a header pasted again)."""
        if len(self.rows) <= self.header_rows:
            return False
        last = _texts(self.rows[-1])
        return all(last != _texts(self.rows[k]) for k in range(self.header_rows))

    def _is_split_row(self, row: list[Cell]) -> bool:
        number = row[self.number_col] if self.number_col < len(row) else Cell()
        if number.text or number.merged_left:
            return False
        return not any(_SUB_START.match(cell.text) for cell in row)

    def _join_split_row(self, piece: PageTable, index: int) -> None:
        last = len(self.rows) - 1
        for c, cell in enumerate(piece.rows[index]):
            box = piece.boxes.get((index, c))
            if not cell.text or box is None or not box.lines:
                continue
            r, col = last, c
            while r > 0 and self.rows[r][col].merged_up:
                r -= 1
            while col > 0 and self.rows[r][col].merged_left:
                col -= 1
            target = self.rows[r][col]
            before = self.boxes.get((r, col))
            if before is not None and before.lines and target.text:
                wrapped = is_wrapped(before.lines[-1], box.lines[0], before.limit)
                text = (
                    join_wrapped(target.text, cell.text)
                    if wrapped
                    else f"{target.text}\n{cell.text}"
                )
                self.boxes[(r, col)] = _Box([*before.lines, *box.lines], box.limit)
            else:
                text = f"{target.text}\n{cell.text}".strip("\n")
                self.boxes[(r, col)] = box
            self.rows[r][col] = replace(target, text=text)

    def grid(self, source: str, index: int) -> Grid:
        width = max((len(row) for row in self.rows), default=0)
        rows = [row + [Cell()] * (width - len(row)) for row in self.rows]
        return Grid(
            rows=rows, source=source, table_index=index, is_repeat_header=[False] * len(rows)
        )


def _texts(row: list[Cell]) -> list[str]:
    return [" ".join(cell.text.split()) for cell in row]
