"""The text of one plan table cell: lines joined back into sentences, units split by role.

Linear in the length of the text (a cell may hold 100,000 characters in 10,000 lines).
"""

import re

from kscdesk.domain.text import clean_text, nfc
from kscdesk.formats.grid import long_text_memo

_BULLET = re.compile(r"^(?:[-+*•–—·]|[a-zđ]\)|\d{1,2}[.)]\s|\(\d{1,2}\)|[IVX]{1,4}\.\s)")
_SENTENCE_ENDS = ".;:!?…"
_CLOSERS = '"”’)'  # may follow the full stop: «… “Quý I”.» or «(xong).»
_WORD_CHAR = re.compile(r"\w")
_LEAD_AND_COORDINATING = re.compile(r"chủ trì\s*,\s*phối hợp")
_INVISIBLE = str.maketrans({"\u200b": None, "\ufeff": None, "\u00ad": None})


def tidy_cell_text(text: str) -> str:
    """NFC, one item per line, a line wrapped inside a sentence joined back with one space.

    Linear in the length of the text: whether the line being built ends a sentence or at a
    hyphen is known from the last line added to it, never by searching the whole line again.
    """
    lines = [clean_text(line) for line in nfc(text).translate(_INVISIBLE).splitlines()]
    joined: list[str] = []
    parts: list[str] = []  # pieces of the line being built
    ends_sentence = broken_at_hyphen = False
    for line in lines:
        if not line:
            continue
        if parts and not _BULLET.match(line) and not ends_sentence:
            # "QĐ-" at a line end, "UBND" on the next: a symbol broken at its hyphen by hand
            parts.append("" if broken_at_hyphen and line[0].isalnum() else " ")
        else:
            if parts:
                joined.append("".join(parts))
            parts = []
        parts.append(line)
        bare = line.rstrip(_CLOSERS)
        ends_sentence = bool(bare) and bare[-1] in _SENTENCE_ENDS
        broken_at_hyphen = (
            len(line) >= 2 and line[-1] == "-" and _WORD_CHAR.match(line[-2]) is not None
        )
    if parts:
        joined.append("".join(parts))
    return "\n".join(joined)


tidy_cached = long_text_memo(tidy_cell_text)


# "Văn phòng chủ trì; các ban, ngành phối hợp." on one line: the lead's part ends at "chủ trì"
# (or "(chủ trì)") and a separator; what follows names the coordinators.
_LEAD_PART = re.compile(r"^(?P<lead>.*?\bchủ trì\)?)\s*[;,.]\s*(?P<rest>\S.*)$", re.IGNORECASE)


def _split_lead_then_coordinating(line: str) -> list[str]:
    match = _LEAD_PART.match(line)
    if match is None:
        return [line]
    rest = match.group("rest")
    if "phối hợp" not in rest.lower() or rest.lower().startswith("phối hợp"):
        return [line]  # "A chủ trì, phối hợp với B": one unit, both roles
    return [match.group("lead"), rest]


def split_units(text: str) -> tuple[str, str]:
    """(lead, coordinating) from one combined units cell, line by line (DOMAIN §2).

    A line is coordinating when it says "phối hợp" but not "chủ trì, phối hợp"; every other line
    is lead; when no line is coordinating the whole cell is the lead. A line naming both ("A chủ
    trì; B phối hợp") is first cut in two after "chủ trì".
    """
    lines = [part for line in text.split("\n") for part in _split_lead_then_coordinating(line)]
    coordinating = [
        line
        for line in lines
        if "phối hợp" in line.lower() and not _LEAD_AND_COORDINATING.search(line.lower())
    ]
    if not coordinating:
        return text, ""
    taken = set(coordinating)
    lead = [line for line in lines if line not in taken]
    return "\n".join(lead), "\n".join(coordinating)
