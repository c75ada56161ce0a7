"""The facts printed above a plan table: issuer, level, year, title, decision number and date.

Works on plain text lines (body paragraphs and letterhead cells of a .docx, the title rows of an
.xlsx) so that both readers share it. Missing facts stay empty and are reported as warnings.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from kscdesk.domain.model import Decision, Level
from kscdesk.domain.text import clean_text, nfc, search_key

# Unit types as printed, longest first so "thành phố" wins over "phố" and "thị xã" over "xã".
_UNIT_TYPES = (
    "thành phố",
    "thị trấn",
    "thị xã",
    "đặc khu",
    "tỉnh",
    "huyện",
    "quận",
    "xã",
    "phường",
)
_LEVEL_OF_TYPE = {
    "tỉnh": Level.PROVINCE,
    "huyện": Level.DISTRICT,
    "quận": Level.DISTRICT,
    "thị xã": Level.DISTRICT,
    "thành phố": Level.DISTRICT,  # a city of a province; centrally-run cities are below
    "xã": Level.COMMUNE,
    "phường": Level.COMMUNE,
    "thị trấn": Level.COMMUNE,
    "đặc khu": Level.COMMUNE,
}
# Cities directly under the central government (provincial level), by search key.
_CENTRAL_CITIES = {"ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"}

_TYPE_PATTERN = "|".join(re.escape(t) for t in _UNIT_TYPES)
_COMMITTEE = r"(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)"
_ISSUER_LINE = re.compile(rf"^(?:{_COMMITTEE}\s+)?({_TYPE_PATTERN})\s+(\S.{{0,60}})$", re.I)
_ISSUER_IN_TEXT = re.compile(
    rf"(?:của\s+(?:chủ tịch\s+)?|^chủ tịch\s+){_COMMITTEE}\s+({_TYPE_PATTERN})\s+([^,;()]+)", re.I
)
_ATTACHED = re.compile(r"kèm theo\s+quyết định\s+số\s*:?\s*(\S*)", re.I)
_DATE_SLASH = re.compile(r"ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.I)
_DATE_WORDS = re.compile(r"ngày\s*(\d{1,2})\s+tháng\s*(\d{1,2})\s+năm\s*(\d{4})", re.I)
_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.I)
_NUMBER_LINE = re.compile(r"^số\s*:?\s*(\S*)", re.I)
_TITLE_STOP = re.compile(
    r"^\(|^(?:ban hành\s+)?kèm theo|^căn cứ|^stt\b|^[IVX]{1,4}\s*[.:]|^\d{1,2}\s*[.:]", re.I
)
_ACRONYM = re.compile(r"^[A-ZĐ]{2,}(?:-[A-ZĐ]+)?$")


@dataclass
class PreambleFacts:
    """What the preamble says; empty strings and None where it says nothing readable."""

    issuer: str = ""
    level: Level = Level.DISTRICT
    year: int | None = None
    title: str = ""
    decision: Decision | None = None
    warnings: list[str] = field(default_factory=list)


def read_preamble(lines: list[str]) -> PreambleFacts:
    """Read the plan's header facts from the text lines printed before its table."""
    clean = [clean_text(part) for line in lines for part in nfc(line).splitlines()]
    clean = [line for line in clean if line]
    facts = PreambleFacts()
    plan_heading = _plan_heading_index(clean)
    issuer = _find_issuer(clean, plan_heading)
    if issuer is not None:
        unit_type, name = issuer
        facts.issuer = f"UBND {unit_type} {name}"
        central = (
            unit_type == "thành phố" and search_key(name).removeprefix("tp ") in _CENTRAL_CITIES
        )
        facts.level = Level.PROVINCE if central else _LEVEL_OF_TYPE[unit_type]
    else:
        facts.warnings.append("Không tìm thấy cơ quan ban hành kế hoạch.")
    facts.title = _find_title(clean, plan_heading)
    if issuer is not None:
        place = issuer[1]
        # Document text is never a pattern nor a replacement template ("UBND\\1" in a name).
        facts.title = re.sub(re.escape(place), lambda _match: place, facts.title, flags=re.I)
    facts.decision = _find_decision(clean)
    facts.year = _find_year(facts, clean)
    if not facts.title:
        facts.warnings.append("Không tìm thấy tên kế hoạch.")
    if facts.year is None:
        facts.warnings.append("Không xác định được năm của kế hoạch.")
    return facts


def _plan_heading_index(lines: list[str]) -> int | None:
    """The last line reading "KẾ HOẠCH" (or "KẾ HOẠCH …" in capitals): the plan's own heading."""
    found = None
    for index, line in enumerate(lines):
        key = search_key(line)
        if key == "ke hoach" or (key.startswith("ke hoach ") and line.isupper()):
            found = index
    return found


def _place_name(raw: str) -> str:
    """ "QUẢNG NGÃI" -> "Quảng Ngãi"; a name already in mixed case is kept as printed."""
    name = raw.strip(" .,;:")
    if name.isupper():
        name = " ".join(word[:1] + word[1:].lower() for word in name.split())
    return name


def _find_issuer(lines: list[str], plan_heading: int | None) -> tuple[str, str] | None:
    candidates: list[tuple[int, str, str]] = []
    for index, line in enumerate(lines):
        key = search_key(line)
        if key in {"uy ban nhan dan", "ubnd"}:
            for follower in lines[index + 1 : index + 4]:
                match = _ISSUER_LINE.match(follower)
                if match and follower.isupper():
                    candidates.append((index, match.group(1).lower(), _place_name(match.group(2))))
                    break
        elif key.startswith(("uy ban nhan dan ", "ubnd ")) and line.isupper():
            match = _ISSUER_LINE.match(line)
            if match:
                candidates.append((index, match.group(1).lower(), _place_name(match.group(2))))
    if candidates:
        limit = plan_heading if plan_heading is not None else len(lines)
        before = [c for c in candidates if c[0] < limit] or candidates
        _, unit_type, name = before[-1]
        return unit_type, name
    for line in lines:
        match = _ISSUER_IN_TEXT.search(line)
        if match:
            return match.group(1).lower(), _place_name(match.group(2))
    return None


def _find_title(lines: list[str], plan_heading: int | None) -> str:
    if plan_heading is not None:
        heading = lines[plan_heading]
        rest = clean_text(heading[len("KẾ HOẠCH") :]) if len(heading) > len("KẾ HOẠCH") else ""
        parts = [_sentence_case(rest)] if rest else []
        for line in lines[plan_heading + 1 : plan_heading + 4]:
            if _TITLE_STOP.search(line) or (parts and line.isupper() and not rest):
                break
            parts.append(line)
        return clean_text(" ".join(parts))
    for index, line in enumerate(lines):
        match = re.match(r"^ban hành kế hoạch\s+(.+)$", line, re.I)
        if match:
            text = match.group(1)
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if following and following[:1].islower():
                text = f"{text} {following}"
            return _sentence_case(clean_text(text))
    return ""


def _sentence_case(text: str) -> str:
    """A title printed in capitals, in sentence case; acronyms such as TTHC, UBND are kept."""
    if text.isupper():
        words = [w if _ACRONYM.match(w) and _is_acronym(w) else w.lower() for w in text.split()]
        text = " ".join(words)
    return text[:1].upper() + text[1:]


def _is_acronym(word: str) -> bool:
    """No vowel in it (TTHC, KSTT) or a known one: UBND, HĐND, DVC."""
    vowels = set("AĂÂEÊIOÔƠUƯY")
    bare = {search_key(ch).upper() for ch in word}
    return not (bare & vowels) or word in {"UBND", "HĐND", "CCHC", "DVC", "QĐ-UBND"}


def _find_decision(lines: list[str]) -> Decision | None:
    for index, line in enumerate(lines):
        match = _ATTACHED.search(line)
        if match:
            following = lines[index + 1] if index + 1 < len(lines) else ""
            return _decision_from(match.group(1), f"{line[match.end() :]} {following}")
    return None


def _decision_from(number: str, after: str) -> Decision | None:
    number = number.strip(" ,;:")
    if not number or not number[0].isdigit():
        return None  # a draft: "số      /QĐ-UBND"
    return Decision(number, _date_in(after))


def _date_in(text: str) -> date | None:
    match = _DATE_SLASH.search(text) or _DATE_WORDS.search(text)
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _find_year(facts: PreambleFacts, lines: list[str]) -> int | None:
    match = _YEAR.search(facts.title)
    if match:
        return int(match.group(1))
    if facts.decision is not None and facts.decision.date is not None:
        return facts.decision.date.year
    for line in lines:
        if "kế hoạch" in line.lower():
            match = _YEAR.search(line)
            if match:
                return int(match.group(1))
    return None
