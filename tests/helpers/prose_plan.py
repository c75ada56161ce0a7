"""Seed 002 (a plan written as prose) as paragraphs, the way its Word original holds them.

The seed is text extracted from a PDF: each printed line is one line, paragraphs are wrapped.
A line starts a new paragraph when it starts a numbered or lettered item, a Roman section or a
bullet, when the line before it ended a sentence or a label (":") or was short, or when one of
the two is in capitals and the other is not.
"""

import re
from pathlib import Path

_STARTS_ITEM = re.compile(r"^(?:[IVX]{1,4}\.|\d{1,2}\.|[a-zđ]\)|-\s)")
_ENDS_PARAGRAPH = re.compile(r"[.:;]$")
_FULL_LINE = 55  # the seed's wrapped lines are longer; a shorter line ended its paragraph


def seed_paragraphs(path: Path) -> list[str]:
    paragraphs: list[str] = []
    last_length = 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        previous = paragraphs[-1] if paragraphs else ""
        if (
            previous
            and last_length >= _FULL_LINE
            and not _STARTS_ITEM.match(line)
            and not _ENDS_PARAGRAPH.search(previous)
            and previous.isupper() == line.isupper()
        ):
            glue = "" if paragraphs[-1].endswith("-") and line[:1].isupper() else " "
            paragraphs[-1] = f"{paragraphs[-1]}{glue}{line}"
        else:
            paragraphs.append(line)
        last_length = len(line)
    return paragraphs


def section_two_words(path: Path) -> list[str]:
    """The words printed in section II, in order, without the item labels."""
    text = path.read_text(encoding="utf-8")
    start = text.index("II. GIẢI PHÁP")
    end = text.index("III. TỔ CHỨC THỰC HIỆN")
    body = text[start:end]
    for label in ("Nội dung thực hiện:", "Đơn vị thực hiện:", "Thời gian:"):
        body = body.replace(label, " ")
    body = re.sub(r"(?m)^\s*(?:[a-c]\)|II\.)\s", " ", body)
    words = re.findall(r"[\w/%()-]+", re.sub(r"(\w-) *\n\s*(?=[A-ZĐ])", r"\1", body))
    return words
