from datetime import date

import pytest

from kscdesk.domain.deadlines import task_deadlines
from kscdesk.domain.model import Progress, ProgressStatus, Standing
from kscdesk.domain.period import parse_period_key
from kscdesk.domain.standing import assess, standing_of

Q1 = parse_period_key("2025-Q1")
Q2 = parse_period_key("2025-Q2")
ONE_OFF = task_deadlines("Trước ngày 15/3/2025", 2025)
RECURRING = task_deadlines("Thường xuyên", 2025)


def record(status: ProgressStatus, completed: date | None = None, **extra: object) -> Progress:
    return Progress("t", "2025-Q1", status, completed, **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("progress", "today", "expected"),
    [
        (None, date(2025, 3, 1), Standing.NOT_STARTED),
        (record(ProgressStatus.NOT_STARTED), date(2025, 3, 20), Standing.NOT_STARTED),
        (record(ProgressStatus.IN_PROGRESS), date(2025, 3, 15), Standing.IN_PROGRESS_ON_TIME),
        (record(ProgressStatus.IN_PROGRESS), date(2025, 3, 16), Standing.IN_PROGRESS_OVERDUE),
        # Judged as of the period's last day once it is over.
        (record(ProgressStatus.IN_PROGRESS), date(2025, 8, 1), Standing.IN_PROGRESS_OVERDUE),
        (record(ProgressStatus.DONE, date(2025, 3, 14)), date(2025, 4, 1), Standing.DONE_EARLY),
        (record(ProgressStatus.DONE, date(2025, 3, 15)), date(2025, 4, 1), Standing.DONE_ON_TIME),
        (record(ProgressStatus.DONE, date(2025, 3, 16)), date(2025, 4, 1), Standing.DONE_LATE),
        (record(ProgressStatus.DONE), date(2025, 4, 1), Standing.DONE_ON_TIME),
        (record(ProgressStatus.NOT_OCCURRED), date(2025, 4, 1), Standing.NOT_OCCURRED),
    ],
)
def test_the_standing_follows_the_due_date_and_the_completion_date(
    progress: Progress | None, today: date, expected: Standing
) -> None:
    assert standing_of(ONE_OFF, Q1, progress, today=today) is expected


def test_an_override_with_its_reason_wins_over_the_derived_standing() -> None:
    progress = record(
        ProgressStatus.DONE,
        date(2025, 3, 16),
        override=Standing.DONE_ON_TIME,
        override_reason="Cấp trên gia hạn đến 20/3",
    )
    result = assess(ONE_OFF, Q1, progress, today=date(2025, 4, 1))
    assert result.standing is Standing.DONE_ON_TIME
    assert result.derived is Standing.DONE_LATE
    assert result.is_overridden


def test_a_one_off_task_is_expected_after_its_deadline_until_done() -> None:
    open_q2 = assess(ONE_OFF, Q2, None, today=date(2025, 5, 1))
    assert open_q2.expected
    assert open_q2.dues == (date(2025, 3, 15),)
    assert open_q2.overdue
    done_q2 = assess(ONE_OFF, Q2, None, today=date(2025, 5, 1), done_before=date(2025, 3, 10))
    assert not done_q2.expected
    assert done_q2.dues == ()


def test_a_one_off_task_is_not_expected_before_the_period_of_its_deadline() -> None:
    later = task_deadlines("Quý III", 2025)
    result = assess(later, Q1, None, today=date(2025, 2, 1))
    assert not result.expected
    assert not result.overdue


def test_a_recurring_task_is_expected_in_every_period_it_covers() -> None:
    for key in ("2025-Q1", "2025-Q2", "2025-H1", "2025-Q3", "2025-9M", "2025-Q4", "2025-Y"):
        assert assess(RECURRING, parse_period_key(key), None, today=date(2025, 1, 1)).expected
    half_yearly = task_deadlines("Định kỳ 06 tháng và cuối năm", 2025)
    assert not assess(half_yearly, Q1, None, today=date(2025, 1, 1)).expected
    assert assess(half_yearly, Q2, None, today=date(2025, 1, 1)).expected


def test_every_standing_maps_back_to_a_recorded_status() -> None:
    assert {s.status for s in Standing} == set(ProgressStatus)
    assert Standing.DONE_LATE.is_late and Standing.IN_PROGRESS_OVERDUE.is_late
    assert not Standing.DONE_EARLY.is_late


def test_continuous_work_in_progress_is_on_time_but_periodic_work_is_late_after_its_day() -> None:
    # "Thường xuyên": being in progress is the normal state of continuous work, even after the
    # quarter's report day; a periodic task ("Định kỳ hằng quý") in progress then is late.
    in_progress = record(ProgressStatus.IN_PROGRESS)
    after = date(2025, 3, 25)
    continuous = assess(RECURRING, Q1, in_progress, today=after)
    assert continuous.standing is Standing.IN_PROGRESS_ON_TIME
    assert not continuous.overdue
    periodic = assess(task_deadlines("Định kỳ hằng quý", 2025), Q1, in_progress, today=after)
    assert periodic.standing is Standing.IN_PROGRESS_OVERDUE
    assert periodic.overdue
    # Not started at all after the report day is still late for continuous work.
    assert assess(RECURRING, Q1, None, today=after).overdue
    # A fixed deadline beside "Thường xuyên" still counts.
    mixed = task_deadlines("Thường xuyên; trước ngày 15/3/2025", 2025)
    assert assess(mixed, Q1, in_progress, today=after).standing is Standing.IN_PROGRESS_OVERDUE
