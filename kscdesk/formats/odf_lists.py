"""Automatic bullets and numbers of OpenDocument lists, written out as the .docx reader writes
Word's: a bullet "-" (or "•", "–") becomes "- ", a "+" stays "+ ", a number or letter is printed
with its prefix and suffix ("a)", "1.")."""

from typing import Any

from kscdesk.formats.docx_numbering import format_number

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_BULLETS = {"+": "+ "}
_FORMATS = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_MAX_DEPTH = 10


class OdfLists:
    """Labels of list items by list style and level, from content.xml and styles.xml."""

    def __init__(self, roots: list[Any]) -> None:
        self._levels: dict[tuple[str, int], tuple[str, str, str, int]] = {}
        # Each list's item numbers, counted once: counting the items before each item anew
        # took 26 s for one list of 10,000 items.
        self._numbers: dict[Any, dict[Any, int]] = {}
        for root in roots:
            for style in root.iter(f"{TEXT}list-style"):
                name = style.get(f"{STYLE}name", "")
                for level in style:
                    number = _number(level.get(f"{TEXT}level"), 1)
                    if level.tag == f"{TEXT}list-level-style-bullet":
                        char = (level.get(f"{TEXT}bullet-char") or "-").strip()
                        self._levels[(name, number)] = ("bullet", _BULLETS.get(char, "- "), "", 1)
                    elif level.tag == f"{TEXT}list-level-style-number":
                        fmt = level.get(f"{STYLE}num-format", "")
                        prefix = level.get(f"{STYLE}num-prefix", "")
                        suffix = level.get(f"{STYLE}num-suffix", "")
                        start = _number(level.get(f"{TEXT}start-value"), 1)
                        self._levels[(name, number)] = (fmt, prefix, suffix, start)

    def label(self, paragraph: Any) -> str:
        """ "- ", "a) " … for a paragraph opening a list item; "" for any other paragraph."""
        item = paragraph.getparent()
        if (
            item is None
            or item.tag != f"{TEXT}list-item"
            or _first_paragraph(item) is not paragraph
        ):
            return ""
        depth, style, node = 0, "", item
        while node is not None and depth < _MAX_DEPTH:
            if node.tag == f"{TEXT}list":
                depth += 1
                style = node.get(f"{TEXT}style-name") or style
            elif node.tag.endswith("}table-cell"):
                break
            node = node.getparent()
        spec = self._levels.get((style, max(depth, 1)))
        if spec is None:
            return ""
        fmt, prefix, suffix, start = spec
        if fmt == "bullet":
            return prefix
        if not fmt:
            return ""
        count = self._position(item, start)
        return f"{prefix}{format_number(count, _FORMATS.get(fmt, 'decimal'))}{suffix} "

    def _position(self, item: Any, start: int) -> int:
        """The item's number in its list: items before it, from the list's start value."""
        parent = item.getparent()
        numbers = self._numbers.get(parent)
        if numbers is None:  # every item of the list at once (the dict keeps their proxies)
            numbers = {}
            count = start - 1
            for sibling in parent:
                if sibling.tag == f"{TEXT}list-item":
                    count = _number(sibling.get(f"{TEXT}start-value"), count + 1)
                    numbers[sibling] = count
            self._numbers[parent] = numbers
        return numbers.get(item, start)


def _first_paragraph(item: Any) -> Any:
    for child in item:
        if child.tag in (f"{TEXT}p", f"{TEXT}h"):
            return child
    return None


def _number(value: str | None, default: int) -> int:
    """A level or start value as written; ``default`` for anything but a plain number of at
    most nine digits (int() refuses over 4,300 digits, and no list counts that far)."""
    text = (value or "").strip()
    return int(text) if text.isdigit() and len(text) <= 9 else default
