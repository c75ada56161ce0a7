"""Text of a PDF page from its positioned characters: glyphs -> lines -> paragraphs.

A PDF has no paragraphs, only characters at positions. Lines are rebuilt from the characters'
baselines; a line break is a wrap inside a paragraph when the next line's first word would not
have fitted at the end of the line (so the typesetter had to wrap), otherwise the line ended a
paragraph. Wrapped lines are joined with one space, or with nothing after a hyphen inside a
document code ("02/2017/TT-" + "VPCP"). Ligatures are written out, text drawn in a legacy font
(.VnTime: TCVN3, VNI-Times: VNI) is converted to Unicode, and text is NFC.
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from kscdesk.domain.text import nfc
from kscdesk.formats.legacy_encoding import decode_legacy, encoding_for_font

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_SPACE_GAP = 0.18  # a gap wider than this many font sizes between glyphs is a space
_BLOCK_GAP = 2.5  # wider than this: two blocks side by side (letterhead), not one line
_WRAP_TOLERANCE = 1.5  # points
SOFT_HYPHEN = "\u00ad"
SOFT_BREAK = SOFT_HYPHEN  # a hyphen at a line end inside a word, spelling not yet decided
_CODE_BROKEN = re.compile(r"[A-ZĐ0-9]-$")
_CODE_START = re.compile(r"^[A-ZĐ0-9]")
_CODE_END = re.compile(r"[A-ZĐ0-9]$")
_WORD = re.compile(r"[\w-]+")
_MARKED = re.compile(rf"(\w+){SOFT_BREAK}(\w+)")
_SENTENCE_END = re.compile(r"[.;:!?…][\"”’)]*$")
# A line starting like a list item starts a paragraph, however full the line before it was.
_ITEM_START = re.compile(r"^(?:[-+*•–—·]\s|[a-zđ]\)\s|\d{1,2}[.)]\s|\(\d{1,2}\)\s|[IVX]{1,4}\.\s)")


@dataclass
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    legacy: str | None = None  # TCVN3/VNI: the font draws legacy codes (".VnTime", "VNI-Times")

    @property
    def x_mid(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def y_mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Line:
    """One printed line (or one block of it), left to right."""

    glyphs: list[Glyph] = field(default_factory=list)
    text: str = ""

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return self.glyphs[-1].x1

    @property
    def top(self) -> float:
        return min(g.top for g in self.glyphs)

    @property
    def bottom(self) -> float:
        return max(g.bottom for g in self.glyphs)

    @property
    def size(self) -> float:
        return max(g.size for g in self.glyphs)

    @property
    def bold(self) -> bool:
        visible = [g for g in self.glyphs if not g.text.isspace()]
        return bool(visible) and sum(g.bold for g in visible) * 2 > len(visible)

    def first_word_width(self) -> float:
        """Width of the first word, as the typesetter would have had to fit it."""
        start = self.glyphs[0].x0
        previous = self.glyphs[0]
        for glyph in self.glyphs:
            if glyph.text.isspace() or glyph.x0 - previous.x1 > _SPACE_GAP * glyph.size:
                return previous.x1 - start
            previous = glyph
        return previous.x1 - start


def glyphs_of(chars: Iterable[dict[str, Any]]) -> list[Glyph]:
    """pdfplumber characters -> glyphs; a combining mark joins the glyph before it."""
    found: list[Glyph] = []
    for char in chars:
        text = char.get("text") or ""
        if not char.get("upright", True) or not text or text.startswith("(cid:"):
            continue  # vertical text; a glyph whose font has no Unicode mapping
        text = "".join(_LIGATURES.get(ch, ch) for ch in text)
        if found and all(unicodedata.combining(ch) for ch in text):
            found[-1].text += text
            continue
        size = float(char.get("size") or 0) or float(char["bottom"] - char["top"]) or 1.0
        font = str(char.get("fontname", ""))
        legacy = _legacy_encoding(font)
        if legacy is None and text == SOFT_HYPHEN:
            text = "-"  # an optional hyphen is only drawn where a line broke at it
        found.append(
            Glyph(
                text,
                float(char["x0"]),
                float(char["x1"]),
                float(char["top"]),
                float(char["bottom"]),
                size,
                "bold" in font.lower(),
                legacy,
            )
        )
    return found


def _legacy_encoding(font: str) -> str | None:
    """ "ABCDEF+.VnTimeH,Bold" -> the legacy encoding its family draws, if any."""
    family = _SUBSET_PREFIX.sub("", font).split(",")[0]
    family = re.sub(r"-(?:Bold|Italic|BoldItalic|Regular)$", "", family)
    return encoding_for_font(family)


def lines_of(glyphs: Sequence[Glyph], *, split_blocks: bool = False) -> list[Line]:
    """Glyphs grouped into lines by baseline, top to bottom; blocks split on wide gaps if asked."""
    ordered = sorted(glyphs, key=lambda g: (g.bottom, g.x0))
    rows: list[list[Glyph]] = []
    for glyph in ordered:
        if rows and abs(glyph.bottom - rows[-1][0].bottom) <= 0.3 * glyph.size:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda g: g.x0)
        lines.extend(_build_lines(row, split_blocks))
    lines.sort(key=lambda line: (round(line.bottom), line.x0))
    return lines


def _build_lines(row: list[Glyph], split_blocks: bool) -> list[Line]:
    lines: list[Line] = []
    current = Line()
    parts: list[tuple[str, str | None]] = []
    previous: Glyph | None = None
    for glyph in row:
        if previous is not None:
            gap = glyph.x0 - previous.x1
            if split_blocks and gap > _BLOCK_GAP * glyph.size:
                lines.append(_finish(current, parts))
                current, parts = Line(), []
            elif gap > _SPACE_GAP * glyph.size and not glyph.text.isspace():
                parts.append((" ", None))
        current.glyphs.append(glyph)
        parts.append((glyph.text, glyph.legacy))
        previous = glyph
    lines.append(_finish(current, parts))
    return [line for line in lines if line.text]


def _finish(line: Line, parts: list[tuple[str, str | None]]) -> Line:
    runs = [
        "".join(text for text, _ in run)
        if encoding is None
        else decode_legacy("".join(text for text, _ in run), encoding)
        for encoding, run in ((key, list(group)) for key, group in groupby(parts, lambda p: p[1]))
    ]
    line.text = " ".join(nfc("".join(runs)).split())
    while line.glyphs and line.glyphs[-1].text.isspace():
        line.glyphs.pop()
    while line.glyphs and line.glyphs[0].text.isspace():
        line.glyphs.pop(0)
    return line


def is_wrapped(line: Line, following: Line, right_limit: float) -> bool:
    """Did ``line`` end only because ``following``'s first word did not fit before the edge?"""
    space = 0.25 * following.size
    end = line.x1 + space + following.first_word_width()
    if _ITEM_START.match(following.text):
        # "- Phòng Tài chính" / "- Kế hoạch": a dash that clearly did not fit is a wrap; after a
        # sentence end, or when it would have fitted, the line starts a new item.
        return not _SENTENCE_END.search(line.text) and end > right_limit + 0.5
    return end > right_limit - _WRAP_TOLERANCE


def join_wrapped(before: str, after: str) -> str:
    """Two parts of one paragraph, joined with one space.

    After a hyphen between capitals or digits ("02/2017/TT-" + "VPCP", "TT-" + "HC") the parts
    are one word: the hyphen is either printed ("TT-VPCP") or only shown because the line broke
    there (an optional hyphen in "TTHC"). It is marked with ``SOFT_BREAK`` and decided once the
    whole document is read (``resolve_breaks``).
    """
    if not before:
        return after
    if _CODE_BROKEN.search(before) and _CODE_START.match(after):
        return f"{before[:-1]}{SOFT_BREAK}{after}"
    return f"{before} {after}"


def paragraphs(lines: Sequence[Line], right_limit: float) -> list[str]:
    """Lines -> paragraph texts: wrapped lines joined, paragraph ends kept."""
    found: list[str] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else None
        if previous is None or not is_wrapped(previous, line, right_limit):
            found.append(line.text)
        elif _forced_break(previous, line, right_limit):
            found[-1] = f"{found[-1]}{line.text}"  # one word too long for the column, cut
        else:
            found[-1] = join_wrapped(found[-1], line.text)
    return found


def _forced_break(line: Line, following: Line, right_limit: float) -> bool:
    """A document code too long for its column ("142/2024/QH" + "15"), cut where the next glyph
    no longer fitted: one word filling the line, capitals or digits on both sides of the cut."""
    first = following.glyphs[0]
    return (
        " " not in line.text
        and "/" in line.text
        and _CODE_START.match(following.text) is not None
        and _CODE_END.search(line.text) is not None
        and line.x1 + (first.x1 - first.x0) > right_limit - _WRAP_TOLERANCE
    )


def resolve_breaks(texts: Iterable[str]) -> Callable[[str], str]:
    """A function deciding every ``SOFT_BREAK`` of a text by how the document spells the word:
    "TTHC" when it is printed unbroken elsewhere more often than "TT-HC", else with its hyphen."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_WORD.findall(text))

    def spelled(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        joined, hyphenated = f"{left}{right}", f"{left}-{right}"
        return joined if counts[joined] > counts[hyphenated] else hyphenated

    def resolve(text: str) -> str:
        return _MARKED.sub(spelled, text) if SOFT_BREAK in text else text

    return resolve


def box_limit(lines: Sequence[Line], left: float, right: float) -> float:
    """Where a line of a table cell spanning ``left``..``right`` has to wrap.

    The cell's padding is taken from its leftmost line and assumed the same on the right.
    """
    inset = max(0.0, min((line.x0 for line in lines), default=left) - left)
    return right - inset
