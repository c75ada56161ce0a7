"""Legacy Vietnamese encodings (TCVN3/ABC and VNI) found in old Word and Excel files: to Unicode.

In a .docx or .xlsx the legacy bytes sit as Latin-1 code points and read right only in the legacy
font, so the font name of the run decides (DOMAIN §8); ``looks_like_legacy`` is a weak fallback.
The tables come from resources/legacy/*.json, loaded once on first use.
"""

import json
import unicodedata
from dataclasses import dataclass
from functools import cache

from kscdesk.paths import resource_path

TCVN3 = "tcvn3"
TCVN3_CAPITAL = "tcvn3-capital"  # a .Vn…H font: lower-case codes drawn as capitals
VNI = "vni"
ENCODINGS = (TCVN3, TCVN3_CAPITAL, VNI)


@dataclass(frozen=True)
class _Table:
    encode: dict[str, str]  # Unicode letter -> legacy characters
    decode: dict[str, str]  # legacy characters (1 or 2) -> Unicode letter
    longest: int


def _load(name: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(resource_path("legacy", name).read_text(encoding="utf-8"))
    return data


def _letters(data: dict[str, object], key: str) -> dict[str, str]:
    raw = data[key]
    if not isinstance(raw, dict):
        raise TypeError(f"legacy table {key!r} is not a mapping")
    return {str(k): str(v) for k, v in raw.items()}


@cache
def _table(encoding: str) -> _Table:
    if encoding in (TCVN3, TCVN3_CAPITAL):
        data = _load("tcvn3.json")
        encode = _letters(data, "map")
        if encoding == TCVN3_CAPITAL:
            encode = {**encode, **_letters(data, "capital_font_map")}
            # The seven capitals with a code of their own keep it; others use the lower-case code.
        decode = {v: k for k, v in _letters(data, "map").items()}
        return _Table(encode, decode, 1)
    if encoding == VNI:
        encode = _letters(_load("vni.json"), "map")
        decode = {v: k for k, v in encode.items()}
        # Marks are typed in the base's case, but a mixed-case pair is unambiguous: accept it.
        for legacy, letter in list(decode.items()):
            if len(legacy) == 2:
                decode.setdefault(legacy[0] + legacy[1].swapcase(), letter)
        return _Table(encode, decode, 2)
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def encoding_for_font(font_name: str | None) -> str | None:
    """TCVN3 for ".Vn…" fonts (capital variant for ".Vn…H"), VNI for "VNI-…", else None."""
    if not font_name:
        return None
    name = font_name.strip()
    folded = name.casefold()
    if folded.startswith(".vn"):
        return TCVN3_CAPITAL if name.endswith("H") else TCVN3
    if folded.startswith(("vni-", "vni ")):
        return VNI
    return None


def decode_legacy(text: str, encoding: str) -> str:
    """Legacy text (as Latin-1 code points) to NFC Unicode."""
    table = _table(encoding)
    out: list[str] = []
    index = 0
    while index < len(text):
        for width in range(table.longest, 0, -1):
            letter = table.decode.get(text[index : index + width])
            if letter is not None:
                out.append(letter)
                index += width
                break
        else:
            out.append(text[index])
            index += 1
    result = "".join(out)
    if encoding == TCVN3_CAPITAL:
        result = result.upper()
    return unicodedata.normalize("NFC", result)


def decode_legacy_run(text: str, font_name: str | None) -> tuple[str, str | None]:
    """Decode a run typed in a legacy font: (Unicode text, encoding) or (text, None) unchanged."""
    encoding = encoding_for_font(font_name)
    if encoding is None:
        return text, None
    return decode_legacy(text, encoding), (TCVN3 if encoding == TCVN3_CAPITAL else encoding)


def encode_legacy(text: str, encoding: str) -> str:
    """Unicode to the legacy form. For TCVN3 a capital with a tone mark has no code: use
    ``TCVN3_CAPITAL`` (text meant for a .Vn…H font) or get ``ValueError``."""
    table = _table(encoding)
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        legacy = table.encode.get(char)
        if legacy is None and encoding == TCVN3_CAPITAL and char.isupper():
            legacy = table.encode.get(char.lower())
        if legacy is None:
            if encoding.startswith(TCVN3) and char.lower() in table.encode and char.isupper():
                raise ValueError(f"TCVN3 has no code for {char!r} outside a capital font")
            legacy = char
        out.append(legacy)
    return "".join(out)


# Characters no Unicode Vietnamese text uses, but legacy text is full of.
_VIETNAMESE = frozenset(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)
_MIN_EVIDENCE = 2


def looks_like_legacy(text: str) -> str | None:
    """A weak guess from character statistics: TCVN3, VNI or None. Prefer the font name."""
    if any(0x1EA0 <= ord(c) <= 0x1EF9 or c in "ăĂđĐơƠưƯ" for c in text):
        return None  # already Unicode Vietnamese
    foreign = [c for c in text if 0xA0 <= ord(c) <= 0xFF and c not in _VIETNAMESE]
    tcvn = sum(1 for c in foreign if c in _table(TCVN3).decode)
    vni_table = _table(VNI)
    vni = sum(1 for i in range(len(text) - 1) if text[i : i + 2] in vni_table.decode) + sum(
        1 for c in foreign if c in vni_table.decode
    )
    if max(tcvn, vni) < _MIN_EVIDENCE:
        return None
    return VNI if vni > tcvn else TCVN3
