"""Where a task stands in a reporting period: the one rule the progress page, the to-do list and
the reports share.

Call ``standing_of(task_deadlines(task.timeframe, plan.year, event_on, work, submission_day),
period, progress, today=…)`` per task and period; ``assess`` also tells whether the period
expects the task, its due dates and whether it is overdue.

Rules:
- the due dates of a period are the one-off deadlines inside the months it names, plus an
  earlier one-off deadline still not met (a one-off task is expected in the period of its
  deadline and after it until done); a recurring task is expected in every period its
  recurrence covers, due on its day ("trước ngày 10 hằng tháng") or else on the period's report
  deadline (day ``deadlines.submission_day`` of its last month);
- the standing is judged as of ``today``, or of the period's last day once it is over: done
  before the last due date is early, on it on time, after it late; in progress after it overdue,
  except continuous work ("Thường xuyên" with no fixed deadline), which is in progress on time;
- the officer's override (with its reason) always wins.
"""

from dataclasses import dataclass
from datetime import date

from kscdesk.domain.deadlines import Deadlines
from kscdesk.domain.model import Progress, ProgressStatus, Standing
from kscdesk.domain.period import Period
from kscdesk.domain.timeframe import expected_in


@dataclass(frozen=True)
class Assessment:
    """A task in a period: whether it is expected there, its due dates, its standing."""

    expected: bool
    dues: tuple[date, ...]
    standing: Standing
    derived: Standing  # the standing before any override
    overdue: bool  # not done and its last due date has passed (as of the judgement day)

    @property
    def due(self) -> date | None:
        """The due date the standing is judged against (the period's last one)."""
        return self.dues[-1] if self.dues else None

    @property
    def is_overridden(self) -> bool:
        return self.standing is not self.derived


def period_dues(
    deadlines: Deadlines,
    period: Period,
    done_before: date | None = None,
) -> tuple[date, ...]:
    """The due dates that concern the period (see the module's rules), oldest first.

    ``done_before`` is the completion date recorded in an earlier period, if any: a one-off
    deadline met before the period no longer concerns it.
    """
    dues: set[date] = set()
    for due in deadlines.fixed:
        if period.calendar_contains(due) or (due < period.calendar_start and done_before is None):
            dues.add(due)
    recurrence = deadlines.timeframe.recurrence
    if recurrence is not None and _recurs_in(deadlines, period):
        if deadlines.recurring_day is not None:
            dues.update(deadlines.recurring_day.dues_in(period))
        else:
            dues.add(period.deadline(deadlines.submission_day))
    return tuple(sorted(dues))


def _recurs_in(deadlines: Deadlines, period: Period) -> bool:
    recurrence = deadlines.timeframe.recurrence
    return (
        recurrence is not None
        and period.year == deadlines.timeframe.plan_year
        and recurrence.expects(period)
    )


def is_expected(deadlines: Deadlines, period: Period, done_before: date | None = None) -> bool:
    """Whether a report for the period should show progress on the task."""
    if expected_in(deadlines.timeframe, period) or _recurs_in(deadlines, period):
        return True
    if done_before is not None:
        return False
    if any(period.calendar_contains(due) or due < period.calendar_start for due in deadlines.fixed):
        return True
    event = deadlines.event_on
    return event is not None and event <= period.last_month_end


def _derive(
    progress: Progress | None, due: date | None, as_of: date, *, continuous: bool = False
) -> Standing:
    status = progress.status if progress else ProgressStatus.NOT_STARTED
    if status is ProgressStatus.NOT_OCCURRED:
        return Standing.NOT_OCCURRED
    if status is ProgressStatus.DONE:
        completed = progress.completed_on if progress else None
        if completed is None or due is None or completed == due:
            return Standing.DONE_ON_TIME
        return Standing.DONE_EARLY if completed < due else Standing.DONE_LATE
    if status is ProgressStatus.IN_PROGRESS:
        late = not continuous and due is not None and as_of > due
        return Standing.IN_PROGRESS_OVERDUE if late else Standing.IN_PROGRESS_ON_TIME
    return Standing.NOT_STARTED


def assess(
    deadlines: Deadlines,
    period: Period,
    progress: Progress | None,
    *,
    today: date,
    done_before: date | None = None,
) -> Assessment:
    """A task's standing in a period (``progress`` is its record for that period, or None)."""
    dues = period_dues(deadlines, period, done_before)
    as_of = min(today, period.last_month_end)
    due = dues[-1] if dues else None
    # Continuous work ("Thường xuyên") in progress is on time; a fixed deadline still counts.
    continuous = deadlines.timeframe.is_continuous and not deadlines.fixed
    derived = _derive(progress, due, as_of, continuous=continuous)
    standing = progress.override if progress and progress.override else derived
    finished = standing.is_done or standing is Standing.NOT_OCCURRED
    return Assessment(
        expected=is_expected(deadlines, period, done_before),
        dues=dues,
        standing=standing,
        derived=derived,
        overdue=not finished
        and due is not None
        and as_of > due
        and not (continuous and standing is Standing.IN_PROGRESS_ON_TIME),
    )


def standing_of(
    deadlines: Deadlines,
    period: Period,
    progress: Progress | None,
    *,
    today: date,
    done_before: date | None = None,
) -> Standing:
    """Only the standing of ``assess``: what a report prints for the task and period."""
    return assess(
        deadlines,
        period,
        progress,
        today=today,
        done_before=done_before,
    ).standing
