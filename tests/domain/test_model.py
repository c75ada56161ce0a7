"""Small behaviours of the model records."""

from datetime import date
from decimal import Decimal

from kscdesk.domain.model import Evidence, EvidenceType, ImportWarning, IndicatorValue


def test_rate_is_computed_from_counts() -> None:
    value = IndicatorValue(indicator_uid="x", period_key="2025-Q1", numerator=1, denominator=8)
    assert value.rate == Decimal("12.5")


def test_rate_of_a_zero_denominator_is_none() -> None:
    assert (
        IndicatorValue(indicator_uid="x", period_key="2025-Q1", numerator=0, denominator=0).rate
        is None
    )


def test_evidence_citation_reads_like_a_document_reference() -> None:
    evidence = Evidence(
        doc_type=EvidenceType.PLAN, number_symbol="56/KH-UBND", issued_on=date(2021, 12, 29)
    )
    assert evidence.citation == "Kế hoạch số 56/KH-UBND ngày 29/12/2021"


def test_import_warning_says_where_it_comes_from() -> None:
    assert (
        str(ImportWarning("Thiếu nội dung", table=2, row=14)) == "Bảng 2, dòng 14: Thiếu nội dung"
    )
    assert str(ImportWarning("Đã chuyển mã TCVN3")) == "Đã chuyển mã TCVN3"
