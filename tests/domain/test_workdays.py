from datetime import date

import pytest

from kscdesk.domain.workdays import WorkCalendar

WORK = WorkCalendar()


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        # Tết Ất Tỵ 2025: 27/01 – 31/01 off (and Saturday 01/02): Friday 24/01 + 3 → 05/02.
        (date(2025, 1, 24), 3, date(2025, 2, 5)),
        (date(2025, 1, 24), 1, date(2025, 2, 3)),
        # Tết Giáp Thìn 2024: 08/02 – 14/02 off: Wednesday 07/02 + 1 → Thursday 15/02.
        (date(2024, 2, 7), 1, date(2024, 2, 15)),
        # Tết Bính Ngọ 2026: 16/02 – 20/02 off: Friday 13/02 + 2 → Tuesday 24/02.
        (date(2026, 2, 13), 2, date(2026, 2, 24)),
        # 30/4 – 1/5/2025, with 02/05 given off in exchange for Saturday 26/04 (a working day).
        (date(2025, 4, 29), 1, date(2025, 5, 5)),
        (date(2025, 4, 25), 1, date(2025, 4, 26)),
        # 2024: 29/04 swapped off for 04/05, then 30/4 and 1/5.
        (date(2024, 4, 26), 1, date(2024, 5, 2)),
        # An ordinary week: Friday + 1 is Monday; counting back skips the weekend too.
        (date(2025, 3, 7), 1, date(2025, 3, 10)),
        (date(2025, 3, 10), -1, date(2025, 3, 7)),
        # Counting back across Tết: 10 working days before Monday 10/02/2025.
        (date(2025, 2, 10), -10, date(2025, 1, 20)),
        (date(2025, 3, 10), 0, date(2025, 3, 10)),
    ],
)
def test_working_days_skip_weekends_tet_and_the_april_may_holidays(
    start: date, count: int, expected: date
) -> None:
    assert WORK.shift(start, count) == expected


def test_a_day_off_the_officer_adds_is_not_a_working_day() -> None:
    work = WorkCalendar([date(2025, 3, 10)])
    assert not work.is_working_day(date(2025, 3, 10))
    assert work.shift(date(2025, 3, 7), 1) == date(2025, 3, 11)


def test_holidays_come_from_the_library_with_their_names() -> None:
    assert WORK.holiday_name(date(2025, 1, 29)) is not None
    assert WORK.holiday_name(date(2025, 9, 2)) is not None
    assert WORK.holiday_name(date(2025, 3, 10)) is None
    assert WORK.next_working_day(date(2025, 5, 1)) == date(2025, 5, 5)
