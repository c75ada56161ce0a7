"""Document numbers and citations as the seeds write them (DOMAIN §6)."""

import contextlib
from datetime import date

import pytest
from conftest import SEEDS
from hypothesis import given
from hypothesis import strategies as st

from kscdesk.domain.documents import (
    DocumentFacts,
    InvalidDocumentNumber,
    parse_citation,
    parse_document_date,
    parse_document_number,
)
from kscdesk.domain.errors import DomainError, InvalidDate
from kscdesk.domain.model import EvidenceType as K

NUMBERS = [
    # typed, normalised, kind, year
    ("35/QĐ-UBND", "35/QĐ-UBND", K.DECISION, None),
    ("1631/UBND-TTHC", "1631/UBND-TTHC", K.OFFICIAL_LETTER, None),
    ("56/KH-UBND", "56/KH-UBND", K.PLAN, None),
    ("12/BC-UBND", "12/BC-UBND", K.REPORT, None),
    ("382/TB-UBND", "382/TB-UBND", K.NOTICE, None),
    ("09/CT-UBND", "09/CT-UBND", K.DIRECTIVE, None),
    ("14/TTr-UBND", "14/TTr-UBND", K.SUBMISSION, None),
    ("2152/KH-VP", "2152/KH-VP", K.PLAN, None),
    ("01/2024/QĐ-UBND", "01/2024/QĐ-UBND", K.DECISION, 2024),
    ("61/2018/NĐ-CP", "61/2018/NĐ-CP", K.OTHER, 2018),
    ("2319/VPCP-KSTT", "2319/VPCP-KSTT", K.OFFICIAL_LETTER, None),
    ("100/TCTCCTTHC", "100/TCTCCTTHC", K.OFFICIAL_LETTER, None),
    (" 35 / QD - UBND ", "35/QĐ-UBND", K.DECISION, None),
    ("35/qđ-UBND", "35/QĐ-UBND", K.DECISION, None),
    ("14/ttr-UBND", "14/TTr-UBND", K.SUBMISSION, None),
]


@pytest.mark.parametrize(("typed", "normal", "kind", "year"), NUMBERS)
def test_a_document_number_is_read_into_its_parts(
    typed: str, normal: str, kind: K, year: int | None
) -> None:
    parsed = parse_document_number(typed)
    assert (parsed.text, parsed.kind, parsed.year) == (normal, kind, year)


@pytest.mark.parametrize(
    "typed", ["", "35", "abc", "35QĐ-UBND", "35/QĐ", "QĐ-UBND/35", "35/QĐ-", "35//QĐ-UBND"]
)
def test_a_text_that_is_not_a_document_number_is_refused_by_name(typed: str) -> None:
    with pytest.raises(InvalidDocumentNumber, match="không phải số, ký hiệu văn bản"):
        parse_document_number(typed)


# Real citations, each checked below to occur in the seed documents.
CITATIONS = [
    (
        "Kế hoạch số 2152/KH-VP ngày 29/12/2021",
        DocumentFacts(K.PLAN, "2152/KH-VP", date(2021, 12, 29)),
    ),
    (
        "Chỉ thị số 19/CT-UBND ngày 07/12/2018 của Chủ tịch UBND tỉnh về nâng cao chất lượng",
        DocumentFacts(
            K.DIRECTIVE,
            "19/CT-UBND",
            date(2018, 12, 7),
            "Chủ tịch UBND tỉnh",
            "Nâng cao chất lượng",
        ),
    ),
    (
        "Chỉ thị số 10/CT-TTg của Thủ tướng Chính phủ ngày 22/4/2019 về việc tăng cường xử lý",
        DocumentFacts(
            K.DIRECTIVE,
            "10/CT-TTg",
            date(2019, 4, 22),
            "Thủ tướng Chính phủ",
            "Về việc tăng cường xử lý",
        ),
    ),
    (
        "Quyết định số 01/2024/QĐ-UBND ngày 03/01/2024 của UBND tỉnh ban hành Quy định",
        DocumentFacts(
            K.DECISION, "01/2024/QĐ-UBND", date(2024, 1, 3), "UBND tỉnh", "Ban hành Quy định"
        ),
    ),
    (
        "Công văn số 1549/UBND-TTHC ngày 06/4/2022 của Chủ tịch UBND tỉnh",
        DocumentFacts(K.OFFICIAL_LETTER, "1549/UBND-TTHC", date(2022, 4, 6), "Chủ tịch UBND tỉnh"),
    ),
    (
        "Kế hoạch số 120/KH-UBND ngày 09/10/2020 của UBND tỉnh về số hóa kết quả giải quyết TTHC",
        DocumentFacts(
            K.PLAN, "120/KH-UBND", date(2020, 10, 9), "UBND tỉnh", "Số hóa kết quả giải quyết TTHC"
        ),
    ),
    (
        "Báo cáo số 230/BC-UBND ngày 16/12/2022",
        DocumentFacts(K.REPORT, "230/BC-UBND", date(2022, 12, 16)),
    ),
    ("Báo cáo số 214/BC-UBND", DocumentFacts(K.REPORT, "214/BC-UBND")),
]


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the checkout")
    return " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize(("citation", "facts"), CITATIONS)
def test_a_real_citation_gives_kind_number_date_issuer_and_summary(
    citation: str, facts: DocumentFacts, seed_text: str
) -> None:
    assert citation in seed_text  # the table holds citations as the seeds write them
    assert parse_citation(citation) == facts


def test_the_citation_the_issue_names_is_read() -> None:
    facts = parse_citation(
        "Kế hoạch số 56/KH-UBND ngày 09/3/2022 của UBND thành phố về kiểm soát TTHC năm 2022"
    )
    assert facts == DocumentFacts(
        K.PLAN, "56/KH-UBND", date(2022, 3, 9), "UBND thành phố", "Kiểm soát TTHC năm 2022"
    )


def test_a_citation_with_the_date_in_words_is_read() -> None:
    facts = parse_citation("Quyết định số 35/QĐ-UBND ngày 14 tháng 02 năm 2025 của UBND phường")
    assert (facts.issued_on, facts.issuer) == (date(2025, 2, 14), "UBND phường")


def test_a_citation_without_a_document_number_is_refused() -> None:
    with pytest.raises(InvalidDocumentNumber):
        parse_citation("Kế hoạch của UBND phường về kiểm soát TTHC")


def test_a_citation_with_an_impossible_date_is_refused() -> None:
    with pytest.raises(InvalidDate, match="30/02/2022"):
        parse_citation("Kế hoạch số 56/KH-UBND ngày 30/02/2022")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09/3/2022", date(2022, 3, 9)),
        ("9-3-2022", date(2022, 3, 9)),
        ("ngày 05 tháng 01 năm 2026", date(2026, 1, 5)),
    ],
)
def test_a_document_date_is_read_day_first(text: str, expected: date) -> None:
    assert parse_document_date(text) == expected


@pytest.mark.parametrize("text", ["2022-03-09x", "hôm qua", "31/02/2024", "3/2022"])
def test_an_unreadable_date_is_refused(text: str) -> None:
    with pytest.raises(InvalidDate):
        parse_document_date(text)


@given(st.text(max_size=120))
def test_any_text_is_read_or_refused_with_a_domain_error(text: str) -> None:
    for parse in (parse_document_number, parse_citation):
        with contextlib.suppress(DomainError):
            parse(text)


@given(
    st.integers(1, 99999),
    st.sampled_from(["QĐ", "KH", "BC", "TB", "CT", "TTr", "UBND", "VPCP"]),
    st.sampled_from(["UBND", "UBND-TTHC", "VP", "TTg-KSTT"]),
)
def test_a_normalised_number_reads_back_as_itself(number: int, code: str, issuer: str) -> None:
    parsed = parse_document_number(f"{number}/{code}-{issuer}")
    assert parse_document_number(parsed.text) == parsed
    assert parse_citation(f"Văn bản số {parsed.text} ngày 01/02/2025").number == parsed.text
