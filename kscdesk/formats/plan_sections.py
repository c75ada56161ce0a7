"""Section rows of a plan table: "I", "A.", "Phần II", "B - title", or a bold title with no code.

Sections nest one level: when the first section is a letter, Roman sections inside it are its
subsections (seed 003: C > I–VII), and the other way round.
"""

import re
from dataclasses import dataclass, field

from kscdesk.domain.model import Section

_ROMAN = r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
LETTER = r"[A-HĐ]"
_PART = r"(?:PHẦN|Phần|phần)\s+"  # "Phần I": a section code with its word
SECTION_CODE = re.compile(rf"^(?:{_PART})?(?=[IVXLĐA-H])({_ROMAN}|{LETTER})\s*[.):]?$")
SECTION_IN_TEXT = re.compile(
    rf"^(?:{_PART})?(?=[IVXLĐA-H])({_ROMAN}|{LETTER})\s*(?:[.):]|\s[-–])\s*(\S.*)$", re.S
)
TASK_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\s*[.)]?$")
_NUMBERED_TEXT = re.compile(r"^(?:\d{1,3}|[a-zđ])\s*[.)/]")


@dataclass
class SectionTrail:
    """The sections met so far and the one the next task belongs to."""

    sections: list[Section] = field(default_factory=list)
    top_kind: str | None = None  # "roman" or "letter": the kind of the outer sections
    top_code: str | None = None
    section: str = ""
    section_changed: bool = False
    top_count: int = 0  # outer sections so far (the code of the next uncoded one)


@dataclass(frozen=True)
class SectionRow:
    """One table row as the section reader needs it."""

    texts: list[str]  # tidied text shown at each position (merges resolved)
    own: list[str]  # text of the cells that hold it ("" where a merge covers the position)
    bold: list[bool]
    spans_row: bool  # one cell covers the whole row (a title merged across)
    number_col: int | None
    content_col: int


def read_section_row(row: SectionRow, trail: SectionTrail) -> bool:
    """Record the section a row opens; False when the row is not a section row."""
    own_number = row.own[row.number_col] if row.number_col is not None else ""
    others = {t for i, t in enumerate(row.own) if t and i != row.number_col}
    code_match = SECTION_CODE.match(own_number) if own_number else None
    if code_match and len(others) <= 1:
        title = row.texts[row.content_col] if row.content_col < len(row.texts) else ""
        if not title and others:
            title = next(iter(others))
        if title and not TASK_NUMBER.match(title):
            add_section(code_match.group(1), title, trail)
            return True
    filled = [i for i, t in enumerate(row.own) if t]
    distinct = {row.own[i] for i in filled}
    if len(distinct) != 1 or (own_number and own_number not in distinct):
        return False
    text = next(iter(distinct))
    in_text = SECTION_IN_TEXT.match(text)
    if in_text and "\n" not in text:
        add_section(in_text.group(1), in_text.group(2).strip(), trail)
        return True
    if _is_uncoded_title(row, filled, text):
        add_section(_next_top_code(trail), text, trail)
        return True
    return False


def _is_uncoded_title(row: SectionRow, filled: list[int], text: str) -> bool:
    """A bold title alone on its row, merged across it or in the content column: a section the
    drafter left without a code (a plain continued row is neither bold nor merged across)."""
    if "\n" in text or _NUMBERED_TEXT.match(text) or not all(row.bold[i] for i in filled):
        return False
    return row.spans_row or filled == [row.content_col]


def _next_top_code(trail: SectionTrail) -> str:
    """The code an uncoded section gets: the next Roman numeral among the outer sections."""
    count = trail.top_count + 1
    numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC")]
    numerals += [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    parts = []
    for amount, numeral in numerals:
        times, count = divmod(count, amount)
        parts.append(numeral * times)
    return "".join(parts)


def add_section(code: str, title: str, trail: SectionTrail) -> None:
    kind = "letter" if re.fullmatch(LETTER, code) else "roman"
    if trail.top_kind is None:
        trail.top_kind = kind
    parent = None
    if kind == trail.top_kind:
        trail.top_code = code
    else:
        parent = trail.top_code
    trail.sections.append(Section(code, title, parent, position=len(trail.sections) + 1))
    if parent is None:
        trail.top_count += 1
    trail.section = code
    trail.section_changed = True
