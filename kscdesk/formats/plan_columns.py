"""Plan table headers: find the header rows of a grid and map its columns to task fields.

Header texts vary between offices ("Kết quả công việc", "Sản phẩm", "Thời hạn", "Đơn vị chủ
trì" …), so columns are recognised by the words in them, not by position; a two-row header
("Phân công thực hiện" over "Cơ quan chủ trì | Cơ quan phối hợp") is read leaf first.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from kscdesk.domain.text import clean_text, search_key
from kscdesk.formats.grid import Grid, long_text_memo, resolved_texts

MAX_HEADER_SCAN = 15  # rows searched for a header at the top of a table

_NUMBER_KEYS = {"stt", "tt", "so tt", "so thu tu", "thu tu", "s tt"}
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$|^\(?\d{1,2}\s*=[\d\s+*/-]+\)?$")


class Role(StrEnum):
    """What a column of a plan or indicator table holds."""

    NUMBER = "number"
    CONTENT = "content"
    OUTPUT = "output"
    UNITS = "units"  # one combined column naming lead and coordinating units
    LEAD = "lead"
    COORDINATING = "coordinating"
    TIMEFRAME = "timeframe"
    TARGET = "target"  # indicator appendix: "Chỉ tiêu năm 2025"
    MEASURE = "measure"  # indicator appendix: "Đơn vị", "Đơn vị tính", "Tỉ lệ"
    NOTE = "note"


def column_role(text: str) -> Role | None:
    """The role of a column from its header text, or None when the text is not a known header."""
    key = re.sub(r"\s+", " ", search_key(text).replace("/", " / ")).strip(" .:")
    if not key:
        return None
    if key in _NUMBER_KEYS or key.startswith("stt"):
        return Role.NUMBER
    if "ghi chu" in key:
        return Role.NOTE
    if any(word in key for word in ("thoi gian", "thoi han", "tien do", "moc thoi")):
        return Role.TIMEFRAME
    has_lead, has_coordinating = "chu tri" in key, "phoi hop" in key
    if has_lead or has_coordinating:
        if has_lead and has_coordinating:
            return Role.UNITS
        return Role.LEAD if has_lead else Role.COORDINATING
    return _described_role(key)


def _described_role(key: str) -> Role | None:
    if "ket qua" in key or "san pham" in key or key.startswith("hinh thuc"):
        return Role.OUTPUT
    if any(word in key for word in ("noi dung", "nhiem vu", "cong viec", "ten chi tieu")):
        return Role.CONTENT
    if key.startswith(("chi tieu", "muc tieu")):
        return Role.TARGET
    if key in {"don vi", "dvt"} or key.startswith(("don vi tinh", "don vi /")):
        return Role.MEASURE
    if "ti le" in key or "ty le" in key:
        return Role.MEASURE
    units_words = ("thuc hien", "co quan", "don vi", "phan cong", "trach nhiem")
    if any(word in key for word in units_words):
        return Role.UNITS
    return None


@dataclass(frozen=True)
class Header:
    """The header block of a table: its rows, the role of each column and the printed texts."""

    first_row: int  # 0-based index of the first header row
    last_row: int  # 0-based index of the last header row
    roles: dict[Role, int]  # role -> 0-based column index (first column with that role)
    columns: tuple[str, ...]  # leaf header text of every column
    row_keys: tuple[tuple[str, ...], ...]  # search keys of each header row, to spot repeats

    @property
    def is_indicator_table(self) -> bool:
        content = self.roles.get(Role.CONTENT)
        if content is not None and "chi tieu" in search_key(self.columns[content]):
            return True
        plan_like = Role.OUTPUT in self.roles or Role.TIMEFRAME in self.roles
        return Role.TARGET in self.roles and not plan_like

    @property
    def is_plan_table(self) -> bool:
        return Role.CONTENT in self.roles and not self.is_indicator_table


def resolved_row(grid: Grid, row: int) -> list[str]:
    """The texts of a row with merged positions filled from the cell that holds their text."""
    return list(resolved_texts(grid)[row])


def resolved_text(grid: Grid, row: int, col: int) -> str:
    """The text shown at a grid position, following merges up and to the left."""
    texts = resolved_texts(grid)[row]
    return texts[col] if col < len(texts) else ""


_clean = long_text_memo(clean_text)
_key = long_text_memo(search_key)


def is_column_numbers_row(texts: list[str]) -> bool:
    """A row of column numbers under the header: "(1) (2) (3) …" or "1 2 3 …"."""
    values = [v for v in (_clean(t) for t in texts) if v]
    if len(values) < 2 or not all(_COLUMN_NUMBER.match(v) for v in values):
        return False
    firsts = [int(re.findall(r"\d+", v)[0]) for v in values]
    return firsts == list(range(firsts[0], firsts[0] + len(firsts)))


def find_header(grid: Grid) -> Header | None:
    """The header block near the top of a grid, or None when the grid is not a plan-like table."""
    for index in range(min(len(grid.rows), MAX_HEADER_SCAN)):
        roles = _row_roles(resolved_row(grid, index))
        content_like = Role.CONTENT in roles or Role.TARGET in roles
        others = set(roles) - {Role.CONTENT, Role.NOTE}
        if content_like and len(others) >= 2:
            return _header_from(grid, index)
    return None


def _row_roles(texts: list[str]) -> set[Role]:
    roles = set()
    for text in texts:
        role = column_role(text)
        if role is not None:
            roles.add(role)
    return roles


def _is_header_continuation(grid: Grid, row: int) -> bool:
    """A second header row: known header texts, each under a group cell spanning columns
    ("Phân công thực hiện") or under an empty cell; the other columns merged from above."""
    cells, above = grid.rows[row], grid.rows[row - 1]
    own = [
        (col, cell.text)
        for col, cell in enumerate(cells)
        if not cell.merged_up and not cell.merged_left and cell.text.strip()
    ]
    if not own:
        return False
    for col, text in own:
        if column_role(text) is None or col >= len(above):
            return False
        spans = above[col].merged_left or (col + 1 < len(above) and above[col + 1].merged_left)
        if not spans and resolved_text(grid, row - 1, col).strip():
            return False
    return True


def _header_from(grid: Grid, first: int) -> Header:
    last = first
    while last + 1 < len(grid.rows) and _is_header_continuation(grid, last + 1):
        last += 1
    width = grid.width
    rows = [
        resolved_row(grid, r) + [""] * (width - len(grid.rows[r])) for r in range(first, last + 1)
    ]
    columns: list[str] = []
    roles: dict[Role, int] = {}
    for col in range(width):
        texts = [clean_text(row[col]) for row in rows if clean_text(row[col])]
        leaf = next((t for t in reversed(texts) if column_role(t) is not None), "")
        leaf = leaf or (texts[-1] if texts else "")
        columns.append(leaf)
        role = column_role(leaf)
        if role is not None and role not in roles:
            roles[role] = col
    row_keys = tuple(tuple(search_key(t) for t in row) for row in rows)
    return Header(first, last, roles, tuple(columns), row_keys)


def is_repeated_header(texts: list[str], header: Header) -> bool:
    """A header row pasted again mid-table (or a repeat-header row that the reader kept)."""
    keys = [_key(t) for t in texts]
    for header_keys in header.row_keys:
        filled = [(k, h) for k, h in zip(keys, header_keys, strict=False) if h]
        if len(filled) < 2:
            continue
        same = sum(1 for k, h in filled if k == h)
        if same >= max(2, (len(filled) + 1) // 2):
            return True
    return False
