"""Where a text cites another document ("theo Kế hoạch số 56/KH-UBND ngày 09/3/2022 của UBND
thành phố"): inside a citation the parent office is named legitimately, so neither the wording
rules nor the leftover-wording check touch it.
"""

import re

# "<số> <number/symbol> [ngày dd/mm/yyyy] của [Chủ tịch] UBND|Ủy ban nhân dân " right before a
# place word: the place word then names the document's issuer.
_ISSUER_OF_CITED = re.compile(
    r"(?:\bsố\s*:?\s*\S+|\b\d+/\S+)"
    r"(?:\s+ngày\s+\S+)?"
    r"\s+của\s+(?:(?:Chủ tịch|Thường trực|Văn phòng)\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)"
    r"\s+$",
    re.IGNORECASE,
)
_LOOK_BACK = 120


def is_in_citation(text: str, start: int) -> bool:
    """True when the words at ``start`` name the issuer of a document cited just before them."""
    before = text[max(0, start - _LOOK_BACK) : start]
    # A citation does not run across a clause or sentence break.
    cut = max(before.rfind(";"), before.rfind("\n"), before.rfind(". "))
    if cut >= 0:
        before = before[cut + 1 :]
    return _ISSUER_OF_CITED.search(before) is not None


# A year inside a document reference is the reference's, never the plan's: "ngày 29/6/2024",
# "142/2024/QH15", "giai đoạn 2022 - 2025".
_REFERENCE_YEARS = re.compile(
    r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d+/\d{4}/\S+|giai đoạn\s+\d{4}\s*[-–]\s*\d{4}",
    re.IGNORECASE,
)


def reference_spans(text: str) -> list[tuple[int, int]]:
    """Spans of dates and document symbols whose years belong to the cited document."""
    return [match.span() for match in _REFERENCE_YEARS.finditer(text)]
