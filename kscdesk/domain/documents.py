"""Official documents as cited (DOMAIN §6): number/symbol, kind, date, issuer and summary.

"35/QĐ-UBND" is number 35 / type code QĐ - issuer UBND; a công văn has no type code
("1631/UBND-TTHC"); a legal document carries its year ("01/2024/QĐ-UBND"). A citation reads
"Kế hoạch số 56/KH-UBND ngày 09/3/2022 của UBND thành phố về …".
"""

import re
from dataclasses import dataclass
from datetime import date

from kscdesk.domain.errors import DomainError, InvalidDate
from kscdesk.domain.model import EvidenceType
from kscdesk.domain.text import clean_text, search_key


class InvalidDocumentNumber(DomainError):
    """A text is not a document number/symbol such as "35/QĐ-UBND"."""

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(
            f"“{text}” không phải số, ký hiệu văn bản (ví dụ đúng: 35/QĐ-UBND, 1631/UBND-TTHC)."
        )


# Type codes of the document kinds kscdesk keeps as evidence.
TYPE_CODES: dict[str, EvidenceType] = {
    "QĐ": EvidenceType.DECISION,
    "KH": EvidenceType.PLAN,
    "BC": EvidenceType.REPORT,
    "TB": EvidenceType.NOTICE,
    "CT": EvidenceType.DIRECTIVE,
    "TTr": EvidenceType.SUBMISSION,
}
# Type codes of other administrative and legal documents (NĐ 30/2020 Phụ lục III): recognised
# as a kind, kept as "Khác".
_OTHER_CODES = ("NQ", "NĐ", "TT", "TTLT", "HD", "CTr", "PA", "ĐA", "QC", "QyĐ")
_CODE_KEYS = {code.upper().replace("Đ", "D"): code for code in (*TYPE_CODES, *_OTHER_CODES)}
# Names of the kinds as they open a citation or head a letterhead, longest first.
KIND_NAMES: tuple[tuple[str, EvidenceType], ...] = (
    ("quyet dinh", EvidenceType.DECISION),
    ("ke hoach", EvidenceType.PLAN),
    ("bao cao", EvidenceType.REPORT),
    ("thong bao", EvidenceType.NOTICE),
    ("chi thi", EvidenceType.DIRECTIVE),
    ("to trinh", EvidenceType.SUBMISSION),
    ("cong van", EvidenceType.OFFICIAL_LETTER),
    ("van ban", EvidenceType.OFFICIAL_LETTER),
)

_CODE = r"[A-ZĐ][A-Za-zĐđ0-9]*"
_NUMBER = re.compile(rf"^(\d{{1,6}})(?:/(\d{{4}}))?/([A-Za-zĐđ][A-Za-zĐđ0-9]*)((?:-{_CODE})*)$")
# A number/symbol inside running text (citations, letterheads).
NUMBER_IN_TEXT = re.compile(rf"\d{{1,6}}(?:/\d{{4}})?/{_CODE}(?:-{_CODE})*")
_DATE_SLASH = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)


@dataclass(frozen=True)
class DocumentNumber:
    """A parsed number/symbol; ``text`` is the normalised form ("35/QĐ-UBND")."""

    text: str
    number: int
    year: int | None
    type_code: str | None  # None for a công văn
    issuer_code: str

    @property
    def kind(self) -> EvidenceType:
        """The kind the symbol names: its type code, or a công văn when it has none."""
        if self.type_code is None:
            return EvidenceType.OFFICIAL_LETTER
        return TYPE_CODES.get(self.type_code, EvidenceType.OTHER)


def _type_code(code: str) -> str | None:
    """The canonical type code for a symbol's first part ("QD" → "QĐ"), or None for an issuer."""
    return _CODE_KEYS.get(code.upper().replace("Đ", "D"))


def parse_document_number(text: str) -> DocumentNumber:
    """Read "35/QĐ-UBND", "1631/UBND-TTHC", "01/2024/QĐ-UBND"; InvalidDocumentNumber if not one.

    Spaces around "/" and "-" are dropped and "QD" is read as "QĐ".
    """
    compact = re.sub(r"\s*([/-])\s*", r"\1", clean_text(text)).replace("–", "-")
    match = _NUMBER.match(compact)
    if match is None:
        raise InvalidDocumentNumber(clean_text(text))
    number, year, first, rest = match.groups()
    parts = [part for part in rest.split("-") if part]
    type_code = _type_code(first)
    if type_code is None:
        first = first.upper() if first.islower() else first
        if not parts:
            # "100/TCTCCTTHC": an issuer code alone, as some offices number their letters.
            return DocumentNumber(compact, int(number), _year(year), None, first)
        issuer = "-".join([first, *parts])
    else:
        if not parts:
            raise InvalidDocumentNumber(clean_text(text))
        issuer = "-".join(parts)
    symbol = "-".join([type_code, issuer]) if type_code else issuer
    normal = f"{number}/{year}/{symbol}" if year else f"{number}/{symbol}"
    return DocumentNumber(normal, int(number), _year(year), type_code, issuer)


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def make_date(day: int, month: int, year: int, source: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise InvalidDate(f"Ngày “{source}” không có thật.") from error


def parse_document_date(text: str) -> date:
    """Read "09/3/2022", "9-3-2022" or "ngày 09 tháng 3 năm 2022"; InvalidDate otherwise."""
    cleaned = clean_text(text)
    match = _DATE_WORDS.search(cleaned) or _DATE_SLASH.fullmatch(cleaned)
    if match is None:
        raise InvalidDate(f"Không đọc được ngày “{cleaned}”: hãy viết theo dạng ngày/tháng/năm.")
    day, month, year = (int(part) for part in match.groups())
    return make_date(day, month, year, cleaned)


def format_date(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def kind_named(text: str) -> EvidenceType | None:
    """The kind a text starts with ("Kế hoạch số …" → KH), or None."""
    key = search_key(text)
    for name, kind in KIND_NAMES:
        if key.startswith(name):
            return kind
    return None


@dataclass(frozen=True)
class DocumentFacts:
    """What a citation or a letterhead says about a document; empty fields were not found."""

    kind: EvidenceType | None = None
    number: str = ""
    issued_on: date | None = None
    issuer: str = ""
    summary: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.kind or self.number or self.issued_on or self.issuer or self.summary)


_ISSUER = re.compile(
    r"\bcủa\s+(.+?)(?=\s+(?:về|V/v|ban hành|ngày|số)\b|\s*[,;(]|\s+-\s|$)", re.IGNORECASE
)
_SUMMARY = re.compile(r"\b(?:về|V/v)\s+(.+)$", re.IGNORECASE)
_ISSUED = re.compile(
    rf"ngày\s+(?:{_DATE_SLASH.pattern}|(\d{{1,2}})\s+tháng\s+(\d{{1,2}})\s+năm\s+(\d{{4}}))",
    re.IGNORECASE,
)


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".;,…").strip()
    if text.startswith(("…", "...")):
        return ""
    if text.lower().startswith("việc "):
        return "Về " + text
    return text[:1].upper() + text[1:]


def parse_citation(text: str) -> DocumentFacts:
    """Read a citation pasted as text; InvalidDocumentNumber when it names no document number.

    "Kế hoạch số 56/KH-UBND ngày 09/3/2022 của UBND thành phố về …" gives kind KH, number,
    date, issuer "UBND thành phố"; the summary is what follows "về".
    """
    cleaned = clean_text(text)
    found = NUMBER_IN_TEXT.search(cleaned)
    if found is None:
        raise InvalidDocumentNumber(cleaned)
    number = parse_document_number(found.group(0))
    kind = kind_named(cleaned) or number.kind
    if number.type_code and number.kind is not EvidenceType.OTHER:
        kind = number.kind
    after = cleaned[found.end() :]
    issued_on = None
    dated = _ISSUED.search(after)
    if dated is not None:
        parts = [int(g) for g in dated.groups() if g is not None]
        issued_on = make_date(parts[0], parts[1], parts[2], dated.group(0))
    issuer_match = _ISSUER.search(after)
    summary_match = _SUMMARY.search(after)
    summary = _sentence(summary_match.group(1)) if summary_match else ""
    if not summary_match:
        # "… của UBND tỉnh ban hành Quy định …": the summary is what the document does.
        acts = re.search(r"\b(ban hành\s+.+)$", after)
        summary = _sentence(acts.group(1)) if acts else ""
    return DocumentFacts(
        kind=kind,
        number=number.text,
        issued_on=issued_on,
        issuer=issuer_match.group(1).strip() if issuer_match else "",
        summary=summary,
    )
