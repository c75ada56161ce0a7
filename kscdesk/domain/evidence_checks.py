"""Evidence against the expected output (Kết quả công việc): what is missing or does not fit.

A task marked done needs evidence; evidence should be of a kind the output names ("Kế hoạch
được ban hành" expects a Kế hoạch, not a Báo cáo); and it should be dated inside the period.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from kscdesk.domain.documents import KIND_NAMES, NUMBER_IN_TEXT, format_date
from kscdesk.domain.model import Evidence, EvidenceType
from kscdesk.domain.period import Period
from kscdesk.domain.text import search_key


class EvidenceProblem(StrEnum):
    DONE_WITHOUT_EVIDENCE = "done_without_evidence"
    KIND_MISMATCH = "kind_mismatch"
    OUTSIDE_PERIOD = "outside_period"


@dataclass(frozen=True)
class EvidenceWarning:
    problem: EvidenceProblem
    message: str  # Vietnamese, for the officer
    evidence_uid: str | None = None


# A kind named inside a citation ("theo Kế hoạch số 56/KH-UBND") is not the expected output.
_CITED = re.compile(rf"\b\w+(?:\s+\w+)?\s+số\s+{NUMBER_IN_TEXT.pattern}")
# "Văn bản" and "công văn" accept any document kind.
_ANY_KIND = frozenset({EvidenceType.OFFICIAL_LETTER})


def expected_kinds(output: str) -> frozenset[EvidenceType]:
    """The document kinds a task's expected output names; empty when it names none."""
    key = search_key(_CITED.sub(" ", output))
    found: set[EvidenceType] = set()
    for name, kind in KIND_NAMES:
        if re.search(rf"\b{name}\b", key):
            found.add(kind)
    return frozenset(found)


def _kind_list(kinds: frozenset[EvidenceType]) -> str:
    order = [kind for _name, kind in KIND_NAMES if kind in kinds]
    return ", ".join(dict.fromkeys(kind.label for kind in order))


def _name(evidence: Evidence) -> str:
    number = f" số {evidence.number_symbol}" if evidence.number_symbol else ""
    return f"{evidence.doc_type.label}{number}"


def check_evidence(
    output: str,
    evidence: Sequence[Evidence],
    period: Period | None,
    *,
    is_done: bool,
) -> list[EvidenceWarning]:
    """The warnings for one task in one period (period None: no date check)."""
    warnings: list[EvidenceWarning] = []
    if is_done and not evidence:
        warnings.append(
            EvidenceWarning(
                EvidenceProblem.DONE_WITHOUT_EVIDENCE,
                "Nhiệm vụ đã đánh dấu hoàn thành nhưng chưa có minh chứng.",
            )
        )
    expected = expected_kinds(output)
    if evidence and expected and not expected & _ANY_KIND:
        kinds = {item.doc_type for item in evidence}
        if not kinds & expected:
            have = ", ".join(sorted({item.doc_type.label for item in evidence}))
            warnings.append(
                EvidenceWarning(
                    EvidenceProblem.KIND_MISMATCH,
                    f"Kết quả công việc cần {_kind_list(expected)} nhưng minh chứng chỉ có {have}.",
                )
            )
    if period is not None:
        for item in evidence:
            if item.issued_on is not None and not period.contains(item.issued_on):
                warnings.append(
                    EvidenceWarning(
                        EvidenceProblem.OUTSIDE_PERIOD,
                        f"{_name(item)} ban hành ngày {format_date(item.issued_on)}, ngoài kỳ "
                        f"{period.label} ({format_date(period.start)} – "
                        f"{format_date(period.end)}).",
                        item.uid,
                    )
                )
    return warnings
