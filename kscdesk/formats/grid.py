"""A table as a plain grid of cell texts: what the .docx and .xlsx readers hand to the plan parser.

Both readers flatten their table into rows of ``Cell``; merged areas are expanded so that every
row has one ``Cell`` per grid column, and a cell covered by a merge says where its text lives.
"""

from dataclasses import dataclass, field


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
