"""Evidence against the expected output: done without proof, wrong kind, outside the period."""

from datetime import date

import pytest

from kscdesk.domain.evidence_checks import EvidenceProblem as P
from kscdesk.domain.evidence_checks import check_evidence, expected_kinds
from kscdesk.domain.model import Evidence
from kscdesk.domain.model import EvidenceType as K
from kscdesk.domain.period import parse_period_key

Q1 = parse_period_key("2025-Q1")  # 15/12/2024 – 14/3/2025


def doc(kind: K, issued_on: date | None = date(2025, 2, 1)) -> Evidence:
    return Evidence(doc_type=kind, number_symbol="1/X-UBND", issued_on=issued_on)


@pytest.mark.parametrize(
    ("output", "kinds"),
    [
        ("Báo cáo kết quả rà soát", {K.REPORT}),
        ("Kế hoạch được ban hành", {K.PLAN}),
        ("Kế hoạch; Báo cáo kết quả thực hiện", {K.PLAN, K.REPORT}),
        ("Quyết định công bố danh mục TTHC", {K.DECISION}),
        ("Văn bản chỉ đạo, đôn đốc", {K.OFFICIAL_LETTER}),
        ("Danh mục TTHC được niêm yết", set()),
        # A kind named inside a citation is not the expected output.
        ("Thực hiện theo Kế hoạch số 56/KH-UBND; Báo cáo kết quả", {K.REPORT}),
    ],
)
def test_the_kinds_an_expected_output_names(output: str, kinds: set[K]) -> None:
    assert expected_kinds(output) == kinds


CASES = [
    # output, evidence, done, problems
    ("Kế hoạch", [], True, [P.DONE_WITHOUT_EVIDENCE]),
    ("Kế hoạch", [], False, []),
    ("Kế hoạch", [doc(K.PLAN)], True, []),
    ("Kế hoạch được ban hành", [doc(K.REPORT)], True, [P.KIND_MISMATCH]),
    ("Kế hoạch; Báo cáo", [doc(K.REPORT)], True, []),
    ("Văn bản chỉ đạo", [doc(K.REPORT)], True, []),
    ("Danh mục niêm yết", [doc(K.NOTICE)], True, []),
    ("Báo cáo", [doc(K.REPORT, date(2025, 3, 15))], True, [P.OUTSIDE_PERIOD]),
    ("Báo cáo", [doc(K.REPORT, date(2024, 12, 15))], True, []),
    ("Báo cáo", [doc(K.REPORT, date(2025, 3, 14))], True, []),
    ("Báo cáo", [doc(K.REPORT, None)], True, []),
    ("Kế hoạch", [doc(K.REPORT, date(2023, 1, 1))], False, [P.KIND_MISMATCH, P.OUTSIDE_PERIOD]),
]


@pytest.mark.parametrize(("output", "evidence", "done", "problems"), CASES)
def test_evidence_warnings_for_a_task_in_a_period(
    output: str, evidence: list[Evidence], done: bool, problems: list[P]
) -> None:
    warnings = check_evidence(output, evidence, Q1, is_done=done)
    assert [w.problem for w in warnings] == problems


def test_a_kind_mismatch_names_what_is_expected_and_what_there_is() -> None:
    [warning] = check_evidence("Kế hoạch được ban hành", [doc(K.REPORT)], None, is_done=True)
    assert warning.message == "Kết quả công việc cần Kế hoạch nhưng minh chứng chỉ có Báo cáo."


def test_a_date_outside_the_period_names_the_document_and_the_window() -> None:
    evidence = doc(K.REPORT, date(2025, 4, 2))
    [warning] = check_evidence("Báo cáo", [evidence], Q1, is_done=True)
    assert warning.evidence_uid == evidence.uid
    assert "Báo cáo số 1/X-UBND ban hành ngày 02/04/2025" in warning.message
    assert "Quý I năm 2025 (15/12/2024 – 14/03/2025)" in warning.message
