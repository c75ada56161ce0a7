"""A table as a plain grid of cell texts: what the .docx and .xlsx readers hand to the plan parser.

Both readers flatten their table into rows of ``Cell``; merged areas are expanded so that every
row has one ``Cell`` per grid column, and a cell covered by a merge says where its text lives.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# Limits no real plan reaches (30-60 task rows, a few hundred characters a cell, under 15 columns);
# a file beyond them is refused with a message naming the limit rather than read for minutes.
MAX_ROWS = 10_000  # table rows in one document or workbook
MAX_COLUMNS = 64  # grid columns of one table
MAX_CELL_CHARS = 100_000  # characters in one cell or paragraph
MAX_CELLS = 200_000  # grid positions of all tables of one document or workbook
MAX_PARAGRAPHS = 20_000  # paragraphs before the plan table (letterhead, title, grounds)


def limit_text(count: int) -> str:
    """10000 -> "10.000", the Vietnamese way of grouping digits."""
    return f"{count:,}".replace(",", ".")


def rows_limit_detail() -> str:
    return f"Bảng có hơn {limit_text(MAX_ROWS)} dòng (giới hạn {limit_text(MAX_ROWS)} dòng)."


def cells_limit_detail() -> str:
    return f"Các bảng có hơn {limit_text(MAX_CELLS)} ô (giới hạn {limit_text(MAX_CELLS)} ô)."


def paragraphs_limit_detail() -> str:
    return (
        f"Có hơn {limit_text(MAX_PARAGRAPHS)} đoạn văn trước bảng kế hoạch "
        f"(giới hạn {limit_text(MAX_PARAGRAPHS)} đoạn)."
    )


def columns_limit_detail(where: str = "") -> str:
    return f"Bảng rộng hơn {MAX_COLUMNS} cột (giới hạn {MAX_COLUMNS} cột){where}."


def cell_limit_detail() -> str:
    return (
        f"Một ô có hơn {limit_text(MAX_CELL_CHARS)} ký tự "
        f"(giới hạn {limit_text(MAX_CELL_CHARS)} ký tự một ô)."
    )


@dataclass(frozen=True)
class Cell:
    """One grid position. ``text`` is NFC; paragraphs inside the cell are separated by "\\n".

    ``merged_up``: this position continues a vertical merge started in a row above (its own text
    is empty; the text is in the first cell of the merge). ``merged_left``: this position continues
    a horizontal merge started to its left (same rule).
    """

    text: str = ""
    merged_up: bool = False
    merged_left: bool = False
    bold: bool = False


@dataclass
class Grid:
    """One table of a document, with where it came from for messages ("bảng 2, dòng 14")."""

    rows: list[list[Cell]]
    source: str = ""  # file name
    table_index: int = 0  # 1-based position of the table (or sheet) in the document
    is_repeat_header: list[bool] = field(default_factory=list)  # per row, Word's "repeat header"

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def resolved_texts(grid: Grid) -> list[list[str]]:
    """The text shown at every position, merges followed (left first, then up), in one pass.

    Computed once per grid and kept with it: following a chain of 8,000 vertically merged cells
    from every row of it would take time growing with the square of the chain.
    """
    cached = grid.__dict__.get("_resolved")
    if cached is not None and cached[0] is grid.rows and cached[1] == len(grid.rows):
        resolved: list[list[str]] = cached[2]
        return resolved
    resolved = []
    for r, cells in enumerate(grid.rows):
        above = resolved[r - 1] if r > 0 else []
        texts: list[str] = []
        for c, cell in enumerate(cells):
            if cell.merged_left and c > 0:
                texts.append(texts[c - 1])
            elif cell.merged_up and r > 0:
                texts.append(above[c] if c < len(above) else "")
            else:
                texts.append(cell.text)
        resolved.append(texts)
    grid.__dict__["_resolved"] = (grid.rows, len(grid.rows), resolved)
    return resolved


_MEMOS: list[Any] = []  # the lru caches of every long_text_memo, emptied after each parse


def long_text_memo(function: Callable[[str], str], size: int = 128) -> Callable[[str], str]:
    """``function`` remembering its last results for long texts: a merged cell's text shows in
    every row the merge covers, and must be cleaned once, not once per row (a row has at most
    ``MAX_COLUMNS`` merged texts, so ``size`` covers them). ``clear_text_memos`` forgets them."""
    cached = lru_cache(maxsize=size)(function)
    _MEMOS.append(cached)

    def call(text: str) -> str:
        return cached(text) if len(text) > 128 else function(text)

    return call


def clear_text_memos() -> None:
    """Forget the long texts of the file just read (so that no file's text outlives its import)."""
    for cached in _MEMOS:
        cached.cache_clear()
