import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kscdesk.domain.period import Period, PeriodKind, parse_period_key, quarter_period
from kscdesk.domain.text import nfc
from kscdesk.domain.timeframe import (
    Recurrence,
    Timeframe,
    describe,
    expected_in,
    expected_periods,
    parse_timeframe,
)

EQ = Recurrence.EVERY_QUARTER
AR = Recurrence.AS_REGULATED
SIX = Recurrence.SIX_MONTHS_AND_YEAR
YEARLY = Recurrence.YEARLY


@dataclass(frozen=True)
class Reading:
    """The expected interpretation of one timeframe cell."""

    dues: tuple[str, ...] = ()  # dd/mm/yyyy
    recurrence: Recurrence | None = None
    event: bool = False
    unknown: tuple[str, ...] = ()


def _case(source: str, text: str, year: int, reading: Reading) -> object:
    return pytest.param(text, year, reading, id=f"{source}:{text!r}")


# One case per distinct timeframe cell of the seeds, the city2023 answer key and DOMAIN §2,
# copied literally (the seed 000 cells with the extraction's line wraps and blank lines).
CASES = [
    # fixtures/city2023.truth.json (seed 000, plan year 2023)
    _case("truth", "Quý I", 2023, Reading(dues=("31/03/2023",))),
    _case("truth", "Quý IV", 2023, Reading(dues=("31/12/2023",))),
    _case("truth", "Thường xuyên", 2023, Reading(recurrence=EQ)),
    _case("truth", "Theo kế hoạch", 2023, Reading(event=True)),
    _case("truth", "Theo Kế hoạch", 2023, Reading(event=True)),
    _case("truth", "Hàng quý/năm", 2023, Reading(recurrence=EQ)),
    _case("truth", "Định kỳ 06 tháng và cuối năm", 2023, Reading(recurrence=SIX)),
    _case("truth", "Năm 2023", 2023, Reading(dues=("31/12/2023",))),
    _case(
        "truth",
        "- Định kỳ 3 tháng/lần.\n- Đột xuất theo thời điểm yêu cầu.",
        2023,
        Reading(recurrence=EQ, event=True),
    ),
    _case(
        "truth",
        "- Định kỳ theo quy định.\n- Đột xuất theo thời điểm yêu cầu.",
        2023,
        Reading(recurrence=AR, event=True),
    ),
    # seeds/000 as extracted from the PDF: line wraps inside the cells
    _case("000", "Quý IV  ", 2023, Reading(dues=("31/12/2023",))),
    _case("000", "Thường \n\nxuyên ", 2023, Reading(recurrence=EQ)),
    _case("000", "Theo kế \n\nhoạch ", 2023, Reading(event=True)),
    _case("000", "Theo Kế \n\nhoạch ", 2023, Reading(event=True)),
    _case("000", "Hàng \n\nquý/năm  ", 2023, Reading(recurrence=EQ)),
    _case("000", "Định kỳ 06 \n\ntháng và \n\ncuối năm ", 2023, Reading(recurrence=SIX)),
    _case(
        "000",
        "- Định kỳ 3 \n\ntháng/lần. \n\n- Đột xuất \n\ntheo thời \n\nđiểm yêu \n\ncầu. ",
        2023,
        Reading(recurrence=EQ, event=True),
    ),
    _case(
        "000",
        "- Định kỳ \n\ntheo quy \n\nđịnh. \n\n- Đột xuất \n\ntheo thời \n\nđiểm yêu \n\ncầu. ",
        2023,
        Reading(recurrence=AR, event=True),
    ),
    # seeds/003 (ward plan 2025), typos "Đợt xuất" kept as printed
    _case("003", "Quý I", 2025, Reading(dues=("31/03/2025",))),
    _case("003", "Theo Nghị quyết", 2025, Reading(event=True)),
    _case("003", "Theo lộ\ntrình Kế hoạch", 2025, Reading(event=True)),
    _case("003", "Theo lộ trình Công văn", 2025, Reading(event=True)),
    _case(
        "003",
        "- Định kỳ theo quy\nđịnh. - Đợt xuất theo thời điểm yêu cầu của cấp trên",
        2025,
        Reading(recurrence=AR, event=True),
    ),
    _case(
        "003",
        "- Định kỳ 3 tháng/lần. - Đợt xuất theo thời điểm yêu cầu của cấp trên",
        2025,
        Reading(recurrence=EQ, event=True),
    ),
    # seeds/002 (numbered paragraphs, "c) Thời gian: …", plan year 2021)
    _case("002", "Thường xuyên.", 2021, Reading(recurrence=EQ)),
    _case("002", "Trong tháng 9/2021.", 2021, Reading(dues=("30/09/2021",))),
    _case("002", "Hằng năm.", 2021, Reading(recurrence=YEARLY)),
    # DOMAIN §2 "Timeframe phrases seen"
    _case("domain", "Quý I/2024", 2024, Reading(dues=("31/03/2024",))),
    _case("domain", "Quý I, II/2024", 2024, Reading(dues=("31/03/2024", "30/06/2024"))),
    _case(
        "domain",
        "Quý I, II, III, IV/2024",
        2024,
        Reading(dues=("31/03/2024", "30/06/2024", "30/09/2024", "31/12/2024")),
    ),
    _case("domain", "Trước ngày 05/03/2024", 2024, Reading(dues=("05/03/2024",))),
    _case("domain", "Thường xuyên theo thời gian thực", 2024, Reading(recurrence=EQ)),
    _case("domain", "Định kỳ hằng quý", 2024, Reading(recurrence=EQ)),
    _case("domain", "Định kỳ 3 tháng/lần", 2024, Reading(recurrence=EQ)),
    _case("domain", "Định kỳ theo quy định", 2024, Reading(recurrence=AR)),
    _case("domain", "Đột xuất theo thời điểm yêu cầu", 2024, Reading(event=True)),
    _case("domain", "Theo Kế hoạch số …/KH-UBND ngày …", 2024, Reading(event=True)),
    _case("domain", "Theo Kế hoạch số 56/KH-UBND ngày 05/03/2024", 2024, Reading(event=True)),
    _case("domain", "Theo lộ trình …", 2024, Reading(event=True)),
    _case("domain", "Ngay sau khi …", 2024, Reading(event=True)),
    _case("domain", "Sau khi có …", 2024, Reading(event=True)),
    _case("domain", "Chậm nhất là 03 ngày làm việc kể từ …", 2024, Reading(event=True)),
    _case("domain", "Hoàn thành trước 10 ngày …", 2024, Reading(event=True)),
    _case("domain", "chậm nhất là ngày 17 của tháng cuối quý", 2024, Reading(recurrence=EQ)),
    # brief: other one-off forms
    _case("brief", "Trước ngày 15/3", 2024, Reading(dues=("15/03/2024",))),
    _case("brief", "Tháng 6/2025", 2025, Reading(dues=("30/06/2025",))),
    _case("brief", "Trong tháng 3", 2025, Reading(dues=("31/03/2025",))),
    _case("brief", "6 tháng đầu năm", 2025, Reading(dues=("30/06/2025",))),
    _case("brief", "Quý I năm 2024", 2023, Reading(dues=("31/03/2024",))),
    _case("brief", "Thuong xuyen", 2025, Reading(recurrence=EQ)),
    _case("brief", "QUÝ I", 2025, Reading(dues=("31/03/2025",))),
]


def _reading(timeframe: Timeframe) -> Reading:
    return Reading(
        dues=tuple(f"{c.due:%d/%m/%Y}" for c in timeframe.checkpoints),
        recurrence=timeframe.recurrence,
        event=timeframe.is_event_driven,
        unknown=timeframe.unknown_parts,
    )


@pytest.mark.parametrize(("text", "year", "expected"), CASES)
def test_timeframe_phrase_is_read_as_expected(text: str, year: int, expected: Reading) -> None:
    timeframe = parse_timeframe(text, year)
    assert _reading(timeframe) == expected
    assert not timeframe.is_flagged
    assert timeframe.text == text


def test_every_timeframe_of_the_city_answer_key_is_understood(fixtures_dir: Path) -> None:
    truth = json.loads((fixtures_dir / "city2023.truth.json").read_text(encoding="utf-8"))
    cells = [task["timeframe"] for task in truth["tasks"]]
    flagged = [cell for cell in cells if parse_timeframe(cell, truth["year"]).is_flagged]
    assert flagged == [""]  # task 16 has no timeframe in the plan


def test_blank_cell_is_flagged_but_has_no_unknown_part() -> None:
    timeframe = parse_timeframe("  \n", 2023)
    assert timeframe.is_blank
    assert timeframe.is_flagged
    assert timeframe.unknown_parts == ()
    assert describe(timeframe) == "Chưa ghi thời gian thực hiện"


@pytest.mark.parametrize(
    ("text", "dues", "unknown"),
    [
        ("Trước quý II", ("30/06/2023",), ("Trước",)),
        ("Đầu quý II", ("30/06/2023",), ("Đầu",)),
        ("Khi nào xong", (), ("Khi nào xong",)),
        ("Trong", (), ("Trong",)),
        ("Trước ngày 31/02/2024", (), ("Trước ngày 31/02/2024",)),
        ("Quý V", (), ("Quý V",)),
        ("Tháng 13/2024", (), ("Tháng 13/2024",)),
        ("Quý I; chưa rõ", ("31/03/2023",), ("chưa rõ",)),
    ],
)
def test_a_phrase_not_understood_is_kept_verbatim_and_flagged(
    text: str, dues: tuple[str, ...], unknown: tuple[str, ...]
) -> None:
    timeframe = parse_timeframe(text, 2023)
    assert _reading(timeframe) == Reading(dues=dues, unknown=unknown)
    assert timeframe.is_flagged


@pytest.mark.parametrize(
    ("text", "dues"),
    [
        ("Từ quý I đến quý III", ("31/03/2023", "30/06/2023", "30/09/2023")),
        ("Quý I - IV", ("31/03/2023", "30/06/2023", "30/09/2023", "31/12/2023")),
        ("Quý I và Quý III", ("31/03/2023", "30/09/2023")),
        ("Quý I\nQuý IV", ("31/03/2023", "31/12/2023")),
        ("Quý 2/2024", ("30/06/2024",)),
        ("ngày 15 tháng 3 năm 2024", ("15/03/2024",)),
        ("Quý IV; Quý I", ("31/12/2023", "31/03/2023")),
        ("Quý I; Trước ngày 31/3", ("31/03/2023",)),
    ],
)
def test_several_checkpoints_keep_the_cells_order_without_repeats(
    text: str, dues: tuple[str, ...]
) -> None:
    assert _reading(parse_timeframe(text, 2023)) == Reading(dues=dues)


def test_checkpoint_label_is_the_phrase_it_came_from() -> None:
    timeframe = parse_timeframe("Quý I, II/2024;\nTrước ngày 05/03/2024", 2024)
    assert [c.label for c in timeframe.checkpoints] == [
        "Quý I, II/2024",
        "Quý I, II/2024",
        "Trước ngày 05/03/2024",
    ]
    assert timeframe.checkpoints[0].due == date(2024, 3, 31)


@pytest.mark.parametrize(
    ("text", "recurrence", "label"),
    [
        ("Hằng năm; Định kỳ hằng quý", EQ, "Định kỳ hằng quý"),
        ("Hằng năm\n- Định kỳ 06 tháng", SIX, "Định kỳ 06 tháng"),
        ("Định kỳ theo quy định; Thường xuyên", EQ, "Thường xuyên"),
        ("Thường xuyên; Định kỳ theo quy định", EQ, "Thường xuyên"),
    ],
)
def test_recurrences_in_one_cell_combine_to_the_more_frequent(
    text: str, recurrence: Recurrence, label: str
) -> None:
    timeframe = parse_timeframe(text, 2023)
    assert (timeframe.recurrence, timeframe.recurrence_label) == (recurrence, label)


def test_event_phrase_stops_where_the_next_phrase_starts() -> None:
    timeframe = parse_timeframe("Đột xuất hoặc định kỳ hằng quý", 2023)
    assert _reading(timeframe) == Reading(recurrence=EQ, event=True)


def test_dates_inside_an_event_phrase_are_not_deadlines() -> None:
    timeframe = parse_timeframe("Theo Kế hoạch số 184/KH-UBND ngày 30/11/2022 năm 2022", 2023)
    assert timeframe.checkpoints == ()
    assert timeframe.is_event_driven


def test_text_is_kept_verbatim_in_nfc() -> None:
    decomposed = "Thu\u031bo\u031b\u0300ng xuye\u0302n"
    timeframe = parse_timeframe(decomposed, 2023)
    assert timeframe.text == "Thường xuyên"
    assert timeframe.recurrence_label == "Thường xuyên"


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("Quý I", "Hạn 31/03/2023"),
        ("Quý I, II/2024", "Hạn 31/03/2024, 30/06/2024"),
        ("Thường xuyên", "Thường xuyên – minh chứng mỗi quý"),
        ("Theo kế hoạch", "Theo sự kiện, không có hạn cố định"),
        (
            "Định kỳ 06 tháng và cuối năm",
            "Định kỳ 06 tháng và cuối năm – minh chứng 6 tháng và cả năm (quý II, quý IV)",
        ),
        ("Hằng năm.", "Hằng năm – minh chứng cả năm (quý IV)"),
        (
            "- Định kỳ theo quy định.\n- Đột xuất theo thời điểm yêu cầu.",
            "Định kỳ theo quy định – minh chứng mỗi quý (theo NĐ 09/2019/NĐ-CP); "
            "có việc theo sự kiện, không có hạn cố định",
        ),
        ("Khi nào xong", "Chưa hiểu: “Khi nào xong”"),
        ("Quý I; chưa rõ", "Hạn 31/03/2023; chưa hiểu: “chưa rõ”"),
        ("", "Chưa ghi thời gian thực hiện"),
    ],
)
def test_describe_summarises_in_vietnamese(text: str, summary: str) -> None:
    assert describe(parse_timeframe(text, 2023)) == summary


def _keys(text: str, year: int = 2023) -> list[str]:
    return [p.key for p in expected_periods(parse_timeframe(text, year))]


def test_one_off_task_is_expected_in_every_period_spanning_its_checkpoint() -> None:
    assert _keys("Quý I") == ["2023-Q1", "2023-H1", "2023-9M", "2023-Y"]
    assert _keys("Quý IV") == ["2023-Q4", "2023-Y"]
    assert _keys("Năm 2023") == ["2023-Q4", "2023-Y"]
    # The window of Q2 starts on 15/3, but a deadline of 31/03 belongs to Quý I.
    assert not expected_in(parse_timeframe("Quý I", 2023), quarter_period(2023, 2))


def test_checkpoint_in_another_year_is_expected_in_that_years_periods() -> None:
    timeframe = parse_timeframe("Quý I/2024", 2023)
    assert expected_periods(timeframe) == []
    assert expected_in(timeframe, quarter_period(2024, 1))


def test_recurring_task_is_expected_in_its_plan_years_periods_only() -> None:
    assert _keys("Thường xuyên") == [
        "2023-Q1",
        "2023-Q2",
        "2023-H1",
        "2023-Q3",
        "2023-9M",
        "2023-Q4",
        "2023-Y",
    ]
    assert not expected_in(parse_timeframe("Thường xuyên", 2023), quarter_period(2024, 1))


def test_six_months_and_year_task_is_expected_at_mid_year_and_year_end() -> None:
    assert _keys("Định kỳ 06 tháng và cuối năm") == ["2023-Q2", "2023-H1", "2023-Q4", "2023-Y"]


def test_yearly_task_is_expected_at_year_end() -> None:
    assert _keys("Hằng năm") == ["2023-Q4", "2023-Y"]


def test_event_driven_task_expects_nothing_on_its_own() -> None:
    assert _keys("Theo kế hoạch") == []
    assert _keys("Đột xuất theo thời điểm yêu cầu") == []


@pytest.mark.parametrize(
    ("recurrence", "keys"),
    [
        (EQ, {"Q1", "Q2", "H1", "Q3", "9M", "Q4", "Y"}),
        (AR, {"Q1", "Q2", "H1", "Q3", "9M", "Q4", "Y"}),
        (SIX, {"Q2", "H1", "Q4", "Y"}),
        (YEARLY, {"Q4", "Y"}),
    ],
)
def test_recurrence_expects_its_periods(recurrence: Recurrence, keys: set[str]) -> None:
    codes = ["Q1", "Q2", "H1", "Q3", "9M", "Q4", "Y"]
    periods = [parse_period_key(f"2025-{code}") for code in codes]
    assert {p.key[5:] for p in periods if recurrence.expects(p)} == keys


def test_expected_periods_of_another_year_can_be_asked() -> None:
    timeframe = parse_timeframe("Quý I, II/2024", 2023)
    assert [p.key for p in expected_periods(timeframe, 2024)] == [
        "2024-Q1",
        "2024-Q2",
        "2024-H1",
        "2024-9M",
        "2024-Y",
    ]
    assert Period(PeriodKind.YEAR, 2024) in expected_periods(timeframe, 2024)


@given(st.text(), st.integers(min_value=-10_000, max_value=20_000))
def test_parse_timeframe_never_crashes_and_keeps_the_text(text: str, year: int) -> None:
    timeframe = parse_timeframe(text, year)
    assert timeframe.text == nfc(text)
    assert isinstance(describe(timeframe), str)
    assert timeframe.is_flagged or not timeframe.unknown_parts


_VIETNAMESE = st.text(alphabet="ĐđQUÝquýIVivTHƯỜNGthườngxuyên0123456789/.,;-–\n ", max_size=60)


@given(_VIETNAMESE, st.integers(min_value=1990, max_value=2100))
def test_parse_timeframe_never_crashes_on_timeframe_like_text(text: str, year: int) -> None:
    timeframe = parse_timeframe(text, year)
    assert timeframe.text == nfc(text)
    assert all(c.due.year >= 1 for c in timeframe.checkpoints)


_UNDERSTOOD = [
    "Quý I",
    "Quý IV/2024",
    "Thường xuyên",
    "Theo kế hoạch",
    "Định kỳ 06 tháng và cuối năm",
    "Năm 2023",
    "Trước ngày 15/3",
    "Hằng năm",
    "Đợt xuất theo yêu cầu",
]


@given(
    st.lists(st.sampled_from(_UNDERSTOOD), min_size=1, max_size=4),
    st.sampled_from(["; ", "\n- ", ".\n- ", ";\n"]),
)
def test_understood_phrases_stay_understood_when_joined(phrases: list[str], separator: str) -> None:
    timeframe = parse_timeframe("- " + separator.join(phrases), 2023)
    assert timeframe.unknown_parts == ()
    assert not timeframe.is_flagged
