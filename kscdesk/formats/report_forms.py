"""Statistical report forms (TT 01/2020/TT-VPCP biểu mẫu) defined as data: a tree of columns.

A form file (JSON, schema ``kscdesk.form/1``) names the form and its column tree; a column
either has a width (a leaf) or children. The header grid — rows, spans, the row of column
numbers — is computed from the tree, so a new form is a new file, never new code.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kscdesk.formats.errors import UnreadablePlanFile

FORM_SCHEMA = "kscdesk.form/1"
DEFAULT_WIDTH = 10.0


@dataclass(frozen=True)
class FormColumn:
    title: str
    width: float = DEFAULT_WIDTH
    children: tuple["FormColumn", ...] = ()

    @property
    def leaves(self) -> list["FormColumn"]:
        if not self.children:
            return [self]
        return [leaf for child in self.children for leaf in child.leaves]

    @property
    def depth(self) -> int:
        return 1 + max((child.depth for child in self.children), default=0)


@dataclass(frozen=True)
class FormDefinition:
    code: str  # "II.06a"
    title: str
    basis: str  # "Thông tư số 01/2020/TT-VPCP"
    columns: tuple[FormColumn, ...]
    row_label: str = ""
    total_label: str = "Tổng cộng"

    @property
    def leaves(self) -> list[FormColumn]:
        return [leaf for column in self.columns for leaf in column.leaves]

    @property
    def header_depth(self) -> int:
        return max(column.depth for column in self.columns)


@dataclass(frozen=True)
class HeaderCell:
    """A header cell placed in the grid: 0-based row and column, with its spans."""

    text: str
    row: int
    col: int
    rowspan: int
    colspan: int


def _column(record: Any, path: Path) -> FormColumn:
    if not isinstance(record, dict) or not isinstance(record.get("title"), str):
        raise UnreadablePlanFile(path, "Mỗi cột của biểu mẫu phải có tên (title).")
    children = tuple(_column(child, path) for child in record.get("children", []))
    return FormColumn(record["title"], float(record.get("width", DEFAULT_WIDTH)), children)


def load_form(path: Path) -> FormDefinition:
    """Read a form definition; UnreadablePlanFile naming the file when it is not one."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UnreadablePlanFile(path, str(error)) from error
    if not isinstance(record, dict) or record.get("schema") != FORM_SCHEMA:
        raise UnreadablePlanFile(path, f"Không phải định nghĩa biểu mẫu ({FORM_SCHEMA}).")
    columns = tuple(_column(item, path) for item in record.get("columns", []))
    if not columns:
        raise UnreadablePlanFile(path, "Biểu mẫu không có cột nào.")
    return FormDefinition(
        code=str(record.get("code", "")),
        title=str(record.get("title", "")),
        basis=str(record.get("basis", "")),
        columns=columns,
        row_label=str(record.get("row_label", "")),
        total_label=str(record.get("total_label", "Tổng cộng")),
    )


def header_cells(form: FormDefinition) -> list[HeaderCell]:
    """The header grid: a leaf spans down to the last header row, a parent across its leaves."""
    depth = form.header_depth
    cells: list[HeaderCell] = []

    def place(column: FormColumn, row: int, col: int) -> int:
        width = len(column.leaves)
        rowspan = 1 if column.children else depth - row
        cells.append(HeaderCell(column.title, row, col, rowspan, width))
        child_col = col
        for child in column.children:
            child_col += place(child, row + 1, child_col)
        return width

    col = 0
    for column in form.columns:
        col += place(column, 0, col)
    return cells
