"""Automatic list labels of a .docx: the numbers and letters Word draws but does not store.

Linear and bounded: list levels are 0-8 (anything else in ``ilvl`` is ignored), a new item
restarts only the deeper levels of its own list, and a Roman numeral is computed, not counted
(a list may start at 10,000,000).
"""

from typing import Any, ClassVar

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def val(element: Any) -> str | None:
    return None if element is None else element.get(f"{W}val")


def int_val(element: Any, default: int) -> int:
    value = val(element)
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Numbering:
    """Writes out automatic list labels ("- ", "a) ", "1. ") that Word draws but does not store."""

    _BULLETS: ClassVar[dict[str, str]] = {"-": "- ", "–": "- ", "−": "- ", "+": "+ "}

    def __init__(self, document: Any) -> None:
        self._levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self._counters: dict[str, dict[int, int]] = {}  # numId -> level -> last number drawn
        self._style_lists: dict[str, tuple[str, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, AttributeError, NotImplementedError):
            return
        abstract = {}
        for node in numbering.findall(f"{W}abstractNum"):
            levels = {}
            for lvl in node.findall(f"{W}lvl"):
                level = _level(lvl.get(f"{W}ilvl"))
                if level is None:
                    continue  # ilvl="x": not a level Word would draw
                fmt = val(lvl.find(f"{W}numFmt")) or "decimal"
                text = val(lvl.find(f"{W}lvlText")) or ""
                start = int_val(lvl.find(f"{W}start"), 1)
                levels[level] = (fmt, text, start)
            abstract[node.get(f"{W}abstractNumId")] = levels
        for num in numbering.findall(f"{W}num"):
            levels = abstract.get(val(num.find(f"{W}abstractNumId")), {})
            for ilvl, spec in levels.items():
                self._levels[(num.get(f"{W}numId") or "", ilvl)] = spec
        self._style_lists = _style_lists(document)

    def label(self, p: Any, *, empty: bool = False) -> str:
        if not self._levels:
            return ""
        num_pr = p.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            level = _level(val(num_pr.find(f"{W}ilvl")) or "0")
            key = (val(num_pr.find(f"{W}numId")) or "", -1 if level is None else level)
        else:  # a list style ("List Bullet") carries the numbering
            key = self._style_lists.get(val(p.find(f"{W}pPr/{W}pStyle")) or "", ("", 0))
        spec = self._levels.get(key)
        if spec is None:
            return ""
        fmt, text, start = spec
        if fmt == "bullet":
            return "" if empty else self._BULLETS.get(text.strip(), "- ")
        if fmt == "none":
            return ""
        counters = self._counters.setdefault(key[0], {})
        count = counters.get(key[1], start - 1) + 1
        counters[key[1]] = count
        for deeper in [level for level in counters if level > key[1]]:
            del counters[deeper]  # a new item restarts the numbering of the levels below it
        label = text.replace(f"%{key[1] + 1}", format_number(count, fmt))
        return label if empty else f"{label} "


def _level(value: str | None) -> int | None:
    """A list level 0-8 from its ilvl attribute; None for anything else."""
    if value is None or not value.isdigit() or len(value) > 1:
        return None
    return int(value) if int(value) <= 8 else None


def _style_lists(document: Any) -> dict[str, tuple[str, int]]:
    """Paragraph style id -> (numId, ilvl) of the list it draws, through its basedOn chain."""
    own: dict[str, tuple[str | None, str | None, str | None]] = {}
    try:
        styles = document.styles.element
    except (KeyError, AttributeError):
        return {}
    for style in styles.findall(f"{W}style"):
        num_pr = style.find(f"{W}pPr/{W}numPr")
        num_id = ilvl = None
        if num_pr is not None:
            num_id, ilvl = val(num_pr.find(f"{W}numId")), val(num_pr.find(f"{W}ilvl"))
        own[style.get(f"{W}styleId") or ""] = (num_id, ilvl, val(style.find(f"{W}basedOn")))
    # Resolved once per style, remembered along each basedOn chain (linear in the styles).
    resolved: dict[str, tuple[str | None, str | None]] = {}
    for style_id in own:
        path: list[str] = []
        seen: set[str] = set()
        current = style_id
        while current in own and current not in seen and current not in resolved:
            seen.add(current)
            path.append(current)
            current = own[current][2] or ""
        num_id, ilvl = resolved.get(current, (None, None))
        for walked in reversed(path):
            own_num, own_lvl, _ = own[walked]
            num_id, ilvl = own_num or num_id, own_lvl or ilvl
            resolved[walked] = (num_id, ilvl)
    found: dict[str, tuple[str, int]] = {}
    for style_id, (num_id, ilvl) in resolved.items():
        level = _level(ilvl or "0")
        if num_id and level is not None:
            found[style_id] = (num_id, level)
    return found


_ROMAN_NUMERALS = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
_MAX_ROMAN = 3999  # beyond it there is no standard numeral: the number is written in digits


def format_number(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and 0 < value <= _MAX_ROMAN:
        parts = []
        for amount, numeral in _ROMAN_NUMERALS:
            times, value = divmod(value, amount)
            parts.append(numeral * times)
        out = "".join(parts)
        return out.upper() if fmt == "upperRoman" else out
    return str(value)
