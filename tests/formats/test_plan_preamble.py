"""Facts read from the text above a plan table: issuer, level, year, title, decision."""

from datetime import date

import pytest

from kscdesk.domain.model import Decision, Level
from kscdesk.formats.plan_preamble import read_preamble


def test_the_plan_letterhead_nearest_the_heading_names_the_issuer() -> None:
    facts = read_preamble(
        [
            "UBND THỊ XÃ ĐỨC PHỔ",
            "QUYẾT ĐỊNH",
            "ỦY BAN NHÂN DÂN",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "PHƯỜNG PHỔ NINH",
            "KẾ HOẠCH",
            "Hoạt động kiểm soát thủ tục hành chính năm 2025",
            "trên địa bàn phường Phổ Ninh",
            "(Ban hành kèm theo Quyết định số 35/QĐ-UBND ngày 14/02/2025 của Chủ tịch UBND phường)",
        ]
    )
    assert (facts.issuer, facts.level, facts.year) == ("UBND phường Phổ Ninh", Level.COMMUNE, 2025)
    assert (
        facts.title
        == "Hoạt động kiểm soát thủ tục hành chính năm 2025 trên địa bàn phường Phổ Ninh"
    )
    assert facts.decision == Decision("35/QĐ-UBND", date(2025, 2, 14))
    assert facts.warnings == []


@pytest.mark.parametrize(
    ("unit", "level"),
    [
        ("TỈNH QUẢNG NAM", Level.PROVINCE),
        ("THÀNH PHỐ ĐÀ NẴNG", Level.PROVINCE),
        ("THÀNH PHỐ QUẢNG NGÃI", Level.DISTRICT),
        ("HUYỆN TƯ NGHĨA", Level.DISTRICT),
        ("QUẬN 3", Level.DISTRICT),
        ("THỊ XÃ ĐỨC PHỔ", Level.DISTRICT),
        ("XÃ NGHĨA KỲ", Level.COMMUNE),
        ("THỊ TRẤN SÔNG VỆ", Level.COMMUNE),
    ],
)
def test_the_level_follows_the_issuer_words(unit: str, level: Level) -> None:
    assert read_preamble(["ỦY BAN NHÂN DÂN", unit, "KẾ HOẠCH", "Năm 2024"]).level is level


def test_a_blank_decision_number_gives_no_decision() -> None:
    facts = read_preamble(["(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày   /02/2023)"])
    assert facts.decision is None


def test_a_decision_date_written_in_words_on_the_next_line_is_read() -> None:
    facts = read_preamble(
        ["(Kèm theo Quyết định số 124/QĐ-UBND", "ngày 30 tháng 01 năm 2023 của Chủ tịch UBND tỉnh)"]
    )
    assert facts.decision == Decision("124/QĐ-UBND", date(2023, 1, 30))
    assert facts.year == 2023


def test_cited_decisions_are_not_the_plans_decision() -> None:
    facts = read_preamble(
        ["Căn cứ Quyết định số 124/QĐ-UBND ngày 30/01/2023 của Chủ tịch UBND tỉnh;"]
    )
    assert facts.decision is None


def test_a_title_in_capitals_is_put_in_sentence_case_keeping_acronyms_and_the_place() -> None:
    facts = read_preamble(
        ["UBND TỈNH QUẢNG NGÃI", "KẾ HOẠCH KIỂM SOÁT TTHC NĂM 2023 TRÊN ĐỊA BÀN TỈNH QUẢNG NGÃI"]
    )
    assert facts.title == "Kiểm soát TTHC năm 2023 trên địa bàn tỉnh Quảng Ngãi"


def test_without_a_plan_heading_the_decision_summary_gives_the_title() -> None:
    facts = read_preamble(["Ban hành Kế hoạch hoạt động kiểm soát thủ tục hành chính năm 2024"])
    assert facts.title == "Hoạt động kiểm soát thủ tục hành chính năm 2024"


def test_missing_facts_are_warnings() -> None:
    facts = read_preamble([])
    assert (facts.issuer, facts.title, facts.year) == ("", "", None)
    assert len(facts.warnings) == 3
