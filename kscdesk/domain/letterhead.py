"""The letterhead of an official document (NĐ 30/2020 Phụ lục I), read from its first lines.

Left column: parent agency, issuing agency, "Số: 35/QĐ-UBND"; right column: the national motto
and "Đức Phổ, ngày 05 tháng 01 năm 2026"; then the kind ("KẾ HOẠCH") and the summary. A PDF
text layer may put both columns on one line, so the motto is cut out wherever it appears.
"""

import re
from collections.abc import Sequence

from kscdesk.domain.documents import (
    NUMBER_IN_TEXT,
    DocumentFacts,
    InvalidDocumentNumber,
    kind_named,
    make_date,
    parse_document_number,
)
from kscdesk.domain.errors import InvalidDate
from kscdesk.domain.model import EvidenceType
from kscdesk.domain.text import clean_text, search_key

_MOTTO = re.compile(
    r"C[ỘO]NG\s+H[ÒOÓ]A\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM"
    r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc",
    re.IGNORECASE,
)
_NUMBER_LINE = re.compile(rf"\bSố\s*:?\s*({NUMBER_IN_TEXT.pattern})")
_DATE_LINE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_PLACE_DATE = re.compile(r"[^,]*,\s*ngày\s+\d.*$", re.IGNORECASE)
_RULE = re.compile(r"^[\s_\-–—=.*]*$")
_BODY_START = ("can cu", "thuc hien", "kinh gui", "dieu 1", "i.", "1.", "phan i")
_GENERIC_HEADS = ("uy ban nhan dan", "hoi dong nhan dan", "ubnd")
_LEVEL_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")
_TITLES = frozenset({"quyet dinh", "ke hoach", "bao cao", "thong bao", "chi thi", "to trinh"})
_SCAN_LINES = 40


def _lines(raw: Sequence[str]) -> list[str]:
    result: list[str] = []
    for line in raw[: _SCAN_LINES * 2]:
        text = clean_text(_MOTTO.sub(" ", line))
        if text and not _RULE.match(text):
            result.append(text)
    return result[:_SCAN_LINES]


def _kind_title(line: str) -> EvidenceType | None:
    """The kind when a line is a title in capitals ("KẾ HOẠCH"), or None."""
    if line != line.upper() or len(line) > 20:
        return None
    return kind_named(line) if search_key(line) in _TITLES else None


def _issuer_name(lines: list[str]) -> str:
    """The issuing agency from the header lines above "Số:", as officers write it."""
    if not lines:
        return ""
    chosen = lines[-1:]
    for index, line in enumerate(lines):
        if search_key(line) in _GENERIC_HEADS and index + 1 < len(lines):
            chosen = lines[index : index + 2]
            break
    name = " ".join(chosen)
    return _readable_agency(name)


def _readable_agency(name: str) -> str:
    """ "ỦY BAN NHÂN DÂN PHƯỜNG ĐỨC PHỔ" → "UBND phường Đức Phổ"; other names as they are."""
    if name != name.upper():
        return name
    key = search_key(name)
    for head in ("uy ban nhan dan ", "ubnd "):
        if key.startswith(head):
            rest = name[len(head) :].strip()
            lower = rest.lower()
            for level in _LEVEL_WORDS:
                if lower.startswith(level + " "):
                    place = rest[len(level) :].strip().title()
                    return f"UBND {level} {place}"
            return f"UBND {rest.title()}"
    return name


def read_letterhead(raw_lines: Sequence[str]) -> DocumentFacts:
    """What the first lines of a document say: number, date, issuer, kind, summary."""
    lines = _lines(raw_lines)
    number = ""
    number_kind: EvidenceType | None = None
    number_at = None
    for index, line in enumerate(lines):
        found = _NUMBER_LINE.search(line)
        if found:
            try:
                parsed = parse_document_number(found.group(1))
            except InvalidDocumentNumber:
                continue
            number, number_kind, number_at = parsed.text, parsed.kind, index
            break
    issued_on = None
    for line in lines:
        dated = _DATE_LINE.search(line)
        if dated:
            try:
                day, month, year = (int(part) for part in dated.groups())
                issued_on = make_date(day, month, year, dated.group(0))
            except InvalidDate:
                continue
            break
    header = lines[:number_at] if number_at is not None else []
    header = [_PLACE_DATE.sub("", line).strip() for line in header]
    issuer = _issuer_name([line for line in header if line])
    kind, summary = _kind_and_summary(lines, number_at)
    if number_kind is not None and number_kind is not EvidenceType.OTHER:
        kind = number_kind  # the symbol is the document's own; a title may head an annex
    return DocumentFacts(
        kind=kind, number=number, issued_on=issued_on, issuer=issuer, summary=summary
    )


def _kind_and_summary(lines: list[str], number_at: int | None) -> tuple[EvidenceType | None, str]:
    start = number_at + 1 if number_at is not None else 0
    for index in range(start, len(lines)):
        line = lines[index]
        if search_key(line).startswith("v/v"):
            rest = clean_text(line[3:])
            return EvidenceType.OFFICIAL_LETTER, rest[:1].upper() + rest[1:]
        kind = _kind_title(line)
        if kind is None:
            continue
        summary: list[str] = []
        for follower in lines[index + 1 : index + 4]:
            key = search_key(follower)
            if key.startswith(_BODY_START) or _DATE_LINE.search(follower) or len(follower) > 200:
                break
            if follower == follower.upper() and follower != follower.lower():
                break  # the authority of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN …") follows it
            summary.append(follower)
        return kind, clean_text(" ".join(summary))
    return None, ""
