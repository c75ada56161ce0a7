"""Fuzz cases of OpenDocument plans (.odt, .ods): the zip container (``ZIP_MUTATIONS``) and the
XML of content.xml — broken, deeply nested, huge repeats and spans."""

import random
import re

from fuzz.zip_mutations import member, replace_member

CONTENT = "content.xml"
HUGE = ("1000000000", "99999999999999999999", "-1", "0", "x", "65536", "1048577")


def _content(base: bytes) -> str:
    return member(base, CONTENT).decode("utf-8", "replace")


def _with(base: bytes, text: str) -> bytes:
    return replace_member(base, CONTENT, text.encode("utf-8", "surrogatepass"))


def broken_xml(rng: random.Random, base: bytes) -> bytes:
    text = _content(base)
    position = rng.randrange(len(text))
    edit = rng.choice(("cut", "lt", "bad-char", "entity", "wrong-root"))
    if edit == "cut":
        text = text[:position]
    elif edit == "lt":
        text = f"{text[:position]}<{text[position:]}"
    elif edit == "bad-char":
        text = f"{text[:position]}\x01\x0b{text[position:]}"
    elif edit == "entity":
        text = (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            + text.split("?>", 1)[-1].replace("<text:p", "<text:p>&b;</text:p><text:p", 1)
        )
    else:
        text = "<junk/>"
    return _with(base, text)


def huge_repeats(rng: random.Random, base: bytes) -> bytes:
    """Repeated or spanned rows and columns far beyond any sheet or table."""
    text = _content(base)
    attribute = rng.choice(
        (
            "table:number-columns-repeated",
            "table:number-rows-repeated",
            "table:number-columns-spanned",
            "table:number-rows-spanned",
        )
    )
    value = rng.choice(HUGE)
    hits = [m.start() for m in re.finditer(r"<table:table-(?:cell|row)\b", text)]
    for start in rng.sample(hits, min(len(hits), rng.randint(1, 4))):
        end = text.find(" ", start)
        text = f'{text[:end]} {attribute}="{value}"{text[end:]}'
    return _with(base, text.replace(f'{attribute}="{value}" {attribute}=', f"{attribute}=", 1))


def deep_nesting(rng: random.Random, base: bytes) -> bytes:
    text = _content(base)
    depth = rng.choice((200, 3000, 30000))
    kind = rng.choice(("span", "table", "list"))
    if kind == "span":
        inner = "<text:p>" + "<text:span>" * depth + "x" + "</text:span>" * depth + "</text:p>"
    elif kind == "table":
        depth //= 10
        inner = (
            "<table:table><table:table-row><table:table-cell>" * depth
            + "<text:p/>"
            + ("</table:table-cell></table:table-row></table:table>" * depth)
        )
    else:
        inner = (
            "<text:list><text:list-item>" * depth
            + "<text:p>x</text:p>"
            + ("</text:list-item></text:list>" * depth)
        )
    at = text.find("<text:p")
    return _with(base, text[:at] + inner + text[at:] if at != -1 else text)


def huge_text(rng: random.Random, base: bytes) -> bytes:
    text = _content(base)
    filler = rng.choice(
        ("x" * 200_001, "<text:line-break/>".join(["dòng"] * 20_000), "y " * 60_000)
    )
    at = text.find("</text:p>")
    return _with(base, text[:at] + filler + text[at:] if at != -1 else text)


LIST_STYLE = (
    '<text:list-style style:name="LF"><text:list-level-style-number text:level="1" '
    'style:num-format="{fmt}" style:num-suffix="." text:start-value="{start}"/></text:list-style>'
)


def long_list(rng: random.Random, base: bytes) -> bytes:
    """A numbered list of thousands of items in a cell (or before the table), roman numbers from
    an odd start: each item's number was counted from the list's start (26 s for 10,000)."""
    text = _content(base)
    style = LIST_STYLE.format(
        fmt=rng.choice(("I", "i", "a", "1")), start=rng.choice(("1", "10000000", "x", "9" * 5000))
    )
    if "</office:automatic-styles>" in text:
        text = text.replace("</office:automatic-styles>", f"{style}</office:automatic-styles>", 1)
    count = rng.choice((2_000, 10_000))
    items = "<text:list-item><text:p>việc</text:p></text:list-item>" * count
    at = text.find("<text:p", text.find("<table:table-cell") if rng.random() < 0.7 else 0)
    block = f'<text:list text:style-name="LF">{items}</text:list>'
    return _with(base, text[:at] + block + text[at:] if at != -1 else text)


XML_CASES = {
    "broken-xml": (broken_xml, 5),
    "huge-repeats": (huge_repeats, 6),
    "deep-nesting": (deep_nesting, 3),
    "huge-text": (huge_text, 3),
    "long-list": (long_list, 3),
}
