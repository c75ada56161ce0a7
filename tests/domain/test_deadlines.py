from datetime import date

import pytest

from kscdesk.domain.deadlines import RecurringDay, recurring_day, relative_deadline, task_deadlines
from kscdesk.domain.period import parse_period_key
from kscdesk.domain.standing import period_dues
from kscdesk.domain.workdays import WorkCalendar

WORK = WorkCalendar()
EVENT = date(2024, 2, 7)  # Wednesday before Tết Giáp Thìn (08/02 – 14/02/2024 off)


@pytest.mark.parametrize(
    ("text", "event_on", "expected"),
    [
        # Working days skip Tết: 3 working days from 07/02/2024 are 15, 16, 19/02.
        (
            "Chậm nhất là 03 ngày làm việc kể từ ngày quyết định công bố",
            EVENT,
            date(2024, 2, 19),
        ),
        ("Chậm nhất là 05 ngày kể từ ngày nhận được văn bản", EVENT, date(2024, 2, 12)),
        ("Trong thời hạn 02 ngày làm việc kể từ ngày ký", date(2024, 4, 26), date(2024, 5, 3)),
        ("Hoàn thành trước 10 ngày so với ngày tổ chức hội nghị", EVENT, date(2024, 1, 28)),
        ("Trước 03 ngày làm việc tính đến ngày họp", date(2024, 2, 15), date(2024, 2, 5)),
        # "Ngay sau khi": the next working day.
        ("Ngay sau khi có Quyết định công bố TTHC", EVENT, date(2024, 2, 15)),
        # No count of days: expected from the event on, no fixed date.
        ("Sau khi có văn bản hướng dẫn của cấp trên", EVENT, None),
        ("Đột xuất theo thời điểm yêu cầu", EVENT, None),
        ("Đợt xuất theo yêu cầu", EVENT, None),
    ],
)
def test_a_relative_deadline_becomes_a_date_once_the_event_is_dated(
    text: str, event_on: date, expected: date | None
) -> None:
    rule = relative_deadline(text)
    assert rule is not None
    assert rule.due(event_on, WORK) == expected
    deadlines = task_deadlines(text, 2024, event_on, WORK)
    assert deadlines.fixed == ((expected,) if expected else ())
    assert not deadlines.waits_for_event


@pytest.mark.parametrize(
    "text",
    [
        "Chậm nhất là 03 ngày làm việc kể từ ngày quyết định công bố",
        "Hoàn thành trước 10 ngày so với ngày tổ chức hội nghị",
        "Ngay sau khi có Quyết định",
    ],
)
def test_without_the_event_date_a_relative_deadline_waits_for_it(text: str) -> None:
    deadlines = task_deadlines(text, 2024)
    assert deadlines.fixed == ()
    assert deadlines.waits_for_event


@pytest.mark.parametrize(
    "text",
    [
        "Theo kế hoạch",
        "Theo Kế hoạch số 7384/KH-UBND ngày 30/10/2023",
        "Theo Kế hoạch số 7781/KH-UBND ngày 24/11/2022 của UBND tỉnh",
        "Theo lộ trình của Chính phủ",
        "Theo Nghị quyết",
    ],
)
def test_a_date_inside_a_citation_is_never_a_deadline(text: str) -> None:
    deadlines = task_deadlines(text, 2024, None, WORK)
    assert deadlines.fixed == ()
    for key in ("2023-Q4", "2024-Q1", "2024-Y"):
        assert period_dues(deadlines, parse_period_key(key)) == ()


def test_a_citation_beside_a_real_deadline_keeps_only_the_deadline() -> None:
    text = "Trước ngày 15/3/2024 (theo Kế hoạch số 7781/KH-UBND ngày 24/11/2022)"
    assert task_deadlines(text, 2024).fixed == (date(2024, 3, 15),)


def test_a_monthly_recurrence_gives_a_date_in_every_month_of_the_period() -> None:
    deadlines = task_deadlines("Trước ngày 10 hằng tháng", 2025)
    assert deadlines.recurring_day == RecurringDay(10, monthly=True)
    assert not deadlines.timeframe.unknown_parts
    assert period_dues(deadlines, parse_period_key("2025-Q1")) == (
        date(2025, 1, 10),
        date(2025, 2, 10),
        date(2025, 3, 10),
    )
    assert len(period_dues(deadlines, parse_period_key("2025-H1"))) == 6


def test_day_seventeen_of_the_quarters_last_month_is_due_once_per_quarter() -> None:
    deadlines = task_deadlines("chậm nhất là ngày 17 của tháng cuối quý", 2025)
    assert recurring_day("chậm nhất là ngày 17 của tháng cuối quý") == RecurringDay(17, False)
    assert period_dues(deadlines, parse_period_key("2025-Q2")) == (date(2025, 6, 17),)
    assert period_dues(deadlines, parse_period_key("2025-9M")) == (
        date(2025, 3, 17),
        date(2025, 6, 17),
        date(2025, 9, 17),
    )


@pytest.mark.parametrize(
    ("text", "period_key", "expected"),
    [
        ("Quý I", "2024-Q1", (date(2024, 3, 31),)),
        ("Quý IV", "2024-Q1", ()),
        ("Quý I/2024", "2024-Q1", (date(2024, 3, 31),)),
        ("Quý I, II/2024", "2024-Q2", (date(2024, 3, 31), date(2024, 6, 30))),
        ("Trước ngày 05/03/2024", "2024-Q1", (date(2024, 3, 5),)),
        ("Năm 2023", "2023-Q4", (date(2023, 12, 31),)),
        # Recurring without a day of their own: due on the report day (17th of the last month).
        ("Thường xuyên", "2024-Q3", (date(2024, 9, 17),)),
        ("Thường xuyên theo thời gian thực", "2024-Q1", (date(2024, 3, 17),)),
        ("Hàng quý/năm", "2024-Q2", (date(2024, 6, 17),)),
        ("Định kỳ hằng quý", "2024-Q4", (date(2024, 12, 17),)),
        ("Định kỳ 06 tháng và cuối năm", "2024-Q1", ()),
        ("Định kỳ 06 tháng và cuối năm", "2024-H1", (date(2024, 6, 17),)),
        ("Định kỳ 3 tháng/lần", "2024-Q1", (date(2024, 3, 17),)),
        ("Định kỳ theo quy định", "2024-Q2", (date(2024, 6, 17),)),
        # A recurrence of another year's plan expects nothing.
        ("Thường xuyên", "2025-Q1", ()),
    ],
)
def test_every_timeframe_phrase_gives_the_due_dates_of_a_period(
    text: str, period_key: str, expected: tuple[date, ...]
) -> None:
    deadlines = task_deadlines(text, 2024 if "2023" not in text else 2023)
    assert period_dues(deadlines, parse_period_key(period_key)) == expected


def test_the_report_day_setting_moves_the_due_date_of_recurring_tasks() -> None:
    deadlines = task_deadlines("Thường xuyên", 2025, submission_day=20)
    assert period_dues(deadlines, parse_period_key("2025-Q1")) == (date(2025, 3, 20),)
