"""Vietnamese text at the boundaries: NFC, diacritic-free search keys, alphabetical order."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")

# Vietnamese alphabet order (a ă â b c d đ e ê g h i …), with f, j, w, z slotted in.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"  # f j w z for loan words
_BASE_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Tone order used by dictionaries: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_VOWEL_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def nfc(text: str) -> str:
    """NFC-normalise text that crosses a boundary (file, form, command line)."""
    return unicodedata.normalize("NFC", text)


def clean_text(text: str) -> str:
    """NFC, with runs of white space folded into one space and the ends trimmed."""
    return _SPACES.sub(" ", nfc(text)).strip()


def _build_search_table() -> dict[int, str | None]:
    """One translate() table: precomposed Latin letters to their bare base, marks dropped."""
    table: dict[int, str | None] = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        bare = "".join(
            ch for ch in unicodedata.normalize("NFD", chr(code)) if not unicodedata.combining(ch)
        )
        if bare != chr(code):
            table[code] = bare
    for code in range(0x300, 0x370):  # combining marks left by decomposed (NFD) input
        table[code] = None
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    return table


_SEARCH_TABLE = _build_search_table()


def search_key(text: str) -> str:
    """Lower-case text without tones or letter marks, đ as d: "Kiểm soát" → "kiem soat"."""
    return _SPACES.sub(" ", text.lower().translate(_SEARCH_TABLE)).strip()


def matches(query: str, text: str) -> bool:
    """True when every word of the query occurs in the text, ignoring tones and case."""
    haystack = search_key(text)
    return all(word in haystack for word in search_key(query).split())


def _letter_rank(ch: str) -> tuple[int, int]:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    tone = 0
    letter = ""
    for part in decomposed:
        if part in _TONES:
            tone = _TONES[part]
        elif part in _VOWEL_MARKS or not unicodedata.combining(part):
            letter += part
    base = unicodedata.normalize("NFC", letter)
    if base in _BASE_RANK:
        return (_BASE_RANK[base] * 2 + 1000, tone)
    return (ord(base[0]) if base else 0, tone)


def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A key that orders text by the Vietnamese alphabet, tones deciding only ties."""
    ranks = [_letter_rank(ch) for ch in nfc(text)]
    return tuple(r[0] for r in ranks), tuple(r[1] for r in ranks)
