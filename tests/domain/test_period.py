from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kscdesk.domain.errors import DomainError
from kscdesk.domain.period import (
    DateOutsidePeriods,
    InvalidPeriod,
    InvalidSubmissionDay,
    Period,
    PeriodKind,
    current_reporting_period,
    parse_period_key,
    period_for_date,
    periods_of_year,
    quarter_period,
)

Q = PeriodKind.QUARTER


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        (quarter_period(2025, 1), date(2024, 12, 15), date(2025, 3, 14)),
        (quarter_period(2025, 2), date(2025, 3, 15), date(2025, 6, 14)),
        (quarter_period(2025, 3), date(2025, 6, 15), date(2025, 9, 14)),
        (quarter_period(2025, 4), date(2025, 9, 15), date(2025, 12, 14)),
        (Period(PeriodKind.SIX_MONTHS, 2025), date(2024, 12, 15), date(2025, 6, 14)),
        (Period(PeriodKind.NINE_MONTHS, 2025), date(2024, 12, 15), date(2025, 9, 14)),
        (Period(PeriodKind.YEAR, 2025), date(2024, 12, 15), date(2025, 12, 14)),
    ],
)
def test_each_period_has_its_nd09_data_window(period: Period, start: date, end: date) -> None:
    assert (period.start, period.end) == (start, end)
    assert period.contains(start)
    assert period.contains(end)
    assert not period.contains(start - timedelta(days=1))
    assert not period.contains(end + timedelta(days=1))


@pytest.mark.parametrize(
    ("key", "label", "calendar_start", "last_month_end"),
    [
        ("2025-Q1", "Quý I năm 2025", date(2025, 1, 1), date(2025, 3, 31)),
        ("2025-Q2", "Quý II năm 2025", date(2025, 4, 1), date(2025, 6, 30)),
        ("2025-Q3", "Quý III năm 2025", date(2025, 7, 1), date(2025, 9, 30)),
        ("2025-Q4", "Quý IV năm 2025", date(2025, 10, 1), date(2025, 12, 31)),
        ("2025-H1", "6 tháng đầu năm 2025", date(2025, 1, 1), date(2025, 6, 30)),
        ("2025-9M", "9 tháng năm 2025", date(2025, 1, 1), date(2025, 9, 30)),
        ("2025-Y", "Năm 2025", date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_period_key_label_and_calendar_span(
    key: str, label: str, calendar_start: date, last_month_end: date
) -> None:
    period = parse_period_key(key)
    assert period.key == key
    assert period.label == label
    assert period.calendar_start == calendar_start
    assert period.last_month_end == last_month_end
    assert period.calendar_contains(last_month_end)
    assert not period.calendar_contains(last_month_end + timedelta(days=1))


def test_window_text_writes_the_month_without_a_leading_zero() -> None:
    assert quarter_period(2026, 1).window_text == (
        "Số liệu tính từ ngày 15/12/2025 đến ngày 14/3/2026"
    )
    assert Period(PeriodKind.YEAR, 2025).window_text == (
        "Số liệu tính từ ngày 15/12/2024 đến ngày 14/12/2025"
    )


def test_first_quarter_window_starts_in_the_previous_year() -> None:
    assert quarter_period(2025, 1).contains(date(2024, 12, 20))
    assert period_for_date(date(2024, 12, 20)) == quarter_period(2025, 1)
    assert period_for_date(date(2024, 12, 14)) == quarter_period(2024, 4)


def test_deadline_defaults_to_day_17_of_the_last_month() -> None:
    assert quarter_period(2024, 1).deadline() == date(2024, 3, 17)
    assert Period(PeriodKind.YEAR, 2024).deadline(22) == date(2024, 12, 22)


@pytest.mark.parametrize(
    ("period", "due"),
    [
        (quarter_period(2024, 1), date(2024, 3, 31)),
        (quarter_period(2024, 2), date(2024, 6, 30)),
        (Period(PeriodKind.SIX_MONTHS, 2024), date(2024, 6, 30)),
        (quarter_period(2024, 3), date(2024, 9, 30)),
        (Period(PeriodKind.NINE_MONTHS, 2023), date(2023, 9, 30)),
        (quarter_period(2024, 4), date(2024, 12, 31)),
    ],
)
def test_submission_day_31_clamps_to_the_months_length(period: Period, due: date) -> None:
    assert period.deadline(31) == due


@pytest.mark.parametrize("day", [0, 32, -1])
def test_impossible_submission_day_is_refused(day: int) -> None:
    with pytest.raises(InvalidSubmissionDay, match="Ngày nộp báo cáo"):
        quarter_period(2025, 1).deadline(day)


def test_leap_years_do_not_change_the_windows() -> None:
    assert quarter_period(2024, 1).start == date(2023, 12, 15)
    assert period_for_date(date(2024, 2, 29)) == quarter_period(2024, 1)


@pytest.mark.parametrize(
    "key", ["", "2025", "2025-Q5", "2025-Q0", "25-Q1", "2025-H2", "2025/Q1", "Quý I"]
)
def test_bad_period_key_is_refused_in_vietnamese(key: str) -> None:
    with pytest.raises(InvalidPeriod, match="Mã kỳ báo cáo") as raised:
        parse_period_key(key)
    assert isinstance(raised.value, DomainError)


def test_period_key_is_read_leniently_about_case_and_spaces() -> None:
    assert parse_period_key(" 2025-q3 ") == quarter_period(2025, 3)
    assert parse_period_key("2025-9m") == Period(PeriodKind.NINE_MONTHS, 2025)


@pytest.mark.parametrize(
    ("kind", "quarter", "year"),
    [(Q, None, 2025), (Q, 5, 2025), (PeriodKind.YEAR, 1, 2025), (Q, 1, 999), (Q, 1, 10000)],
)
def test_impossible_period_is_refused(kind: PeriodKind, quarter: int | None, year: int) -> None:
    with pytest.raises(InvalidPeriod):
        Period(kind, year, quarter)


def test_periods_of_year_come_in_the_order_their_reports_fall_due() -> None:
    periods = periods_of_year(2025)
    assert [p.key for p in periods] == [
        "2025-Q1",
        "2025-Q2",
        "2025-H1",
        "2025-Q3",
        "2025-9M",
        "2025-Q4",
        "2025-Y",
    ]
    assert [p.end for p in periods] == sorted(p.end for p in periods)


@pytest.mark.parametrize(
    ("day", "kind", "key"),
    [
        (date(2025, 3, 14), Q, "2025-Q1"),
        (date(2025, 3, 15), Q, "2025-Q2"),
        (date(2025, 9, 14), Q, "2025-Q3"),
        (date(2025, 12, 15), Q, "2026-Q1"),
        (date(2025, 1, 10), PeriodKind.SIX_MONTHS, "2025-H1"),
        (date(2024, 12, 31), PeriodKind.YEAR, "2025-Y"),
        (date(2025, 9, 1), PeriodKind.NINE_MONTHS, "2025-9M"),
    ],
)
def test_period_for_date_finds_the_window_holding_it(day: date, kind: PeriodKind, key: str) -> None:
    assert period_for_date(day, kind).key == key


def test_a_date_outside_every_six_month_window_is_refused() -> None:
    with pytest.raises(DateOutsidePeriods, match="20/07/2025"):
        period_for_date(date(2025, 7, 20), PeriodKind.SIX_MONTHS)


@pytest.mark.parametrize(
    ("today", "key"),
    [
        (date(2025, 3, 10), "2025-Q1"),
        (date(2025, 3, 16), "2025-Q1"),  # window closed, report due on the 17th
        (date(2025, 3, 17), "2025-Q1"),
        (date(2025, 3, 18), "2025-Q2"),
        (date(2024, 12, 16), "2024-Q4"),
        (date(2024, 12, 20), "2025-Q1"),
        (date(2025, 5, 20), "2025-Q2"),
    ],
)
def test_current_reporting_period_holds_the_closed_quarter_until_its_deadline(
    today: date, key: str
) -> None:
    assert current_reporting_period(today).key == key


def test_current_reporting_period_follows_the_submission_day() -> None:
    assert current_reporting_period(date(2025, 6, 20), submission_day=22).key == "2025-Q2"
    assert current_reporting_period(date(2025, 6, 20)).key == "2025-Q3"


_DATES = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 14))


@given(_DATES)
def test_any_date_falls_in_exactly_one_quarter_window(day: date) -> None:
    candidates = [
        quarter_period(year, number)
        for year in (day.year, day.year + 1)
        if year <= 9999
        for number in range(1, 5)
    ]
    holding = [p for p in candidates if p.contains(day)]
    assert holding == [period_for_date(day)]


@given(
    st.integers(min_value=1000, max_value=9999),
    st.sampled_from([*range(1, 5), None, None, None]),
    st.sampled_from([PeriodKind.SIX_MONTHS, PeriodKind.NINE_MONTHS, PeriodKind.YEAR]),
)
def test_period_key_round_trips(year: int, number: int | None, kind: PeriodKind) -> None:
    period = quarter_period(year, number) if number else Period(kind, year)
    assert parse_period_key(period.key) == period
