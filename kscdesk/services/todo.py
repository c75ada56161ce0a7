"""Use case: the officer's to-do list (Việc cần làm) for the start page and ``kscdesk todo``."""

from dataclasses import dataclass
from datetime import date, timedelta

from kscdesk.domain.model import Standing
from kscdesk.domain.period import Period, current_reporting_period, quarter_period
from kscdesk.domain.standing import period_dues
from kscdesk.services.progress import (
    ProgressRow,
    ProgressTable,
    default_plan_uid,
    progress_table,
    report_day,
)
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans

SOON_DAYS = 30


@dataclass(frozen=True)
class TodoItem:
    """A task that needs the officer: its number, text, the date concerned, its standing."""

    task_uid: str
    number: str
    content: str
    due: date | None
    standing: str  # the standing's label

    @classmethod
    def of(cls, row: ProgressRow, due: date | None) -> "TodoItem":
        return cls(row.task.uid, row.number, row.task.content, due, row.standing.label)


@dataclass(frozen=True)
class Todo:
    """What needs doing, as of ``today``, in the plan's current reporting period."""

    today: date
    plan_uid: str
    plan_title: str
    period: Period
    overdue: tuple[TodoItem, ...]
    due_soon: tuple[TodoItem, ...]
    without_evidence: tuple[TodoItem, ...]  # recurring tasks with no evidence yet this period
    waiting_for_event: tuple[TodoItem, ...]  # relative deadlines whose event is not dated yet
    next_report: Period
    next_report_due: date


def _next_report(today: date, day: int) -> tuple[Period, date]:
    period = current_reporting_period(today, day)
    while period.deadline(day) < today:
        number = (period.quarter or 4) % 4 + 1
        period = quarter_period(period.year + (1 if number == 1 else 0), number)
    return period, period.deadline(day)


def _upcoming(table: ProgressTable, row: ProgressRow, today: date) -> date | None:
    """The first due date of the task from today up to SOON_DAYS ahead, or None."""
    horizon = today + timedelta(days=SOON_DAYS)
    dues = set(period_dues(row.deadlines, table.period, None))
    dues.update(row.deadlines.fixed)
    if table.period.quarter is not None and table.period.quarter < 4:
        following = quarter_period(table.period.year, table.period.quarter + 1)
        dues.update(period_dues(row.deadlines, following, None))
    ahead = sorted(d for d in dues if today <= d <= horizon)
    return ahead[0] if ahead else None


def todo(ws: Workspace, *, today: date | None = None, plan_uid: str | None = None) -> Todo:
    """Overdue tasks, tasks due within 30 days, recurring ones still without evidence, and the
    next report's deadline (its day is a setting)."""
    today = today or date.today()
    table = progress_table(ws, _period_for(ws, today, plan_uid).key, plan_uid, today=today)
    overdue, soon, bare, waiting = [], [], [], []
    for row in table.rows:
        if row.task.not_applicable:
            continue
        finished = row.standing.is_done or row.standing is Standing.NOT_OCCURRED
        if row.assessment.overdue:
            overdue.append(TodoItem.of(row, row.assessment.due))
        elif not finished and (upcoming := _upcoming(table, row, today)) is not None:
            soon.append(TodoItem.of(row, upcoming))
        recurring = row.deadlines.is_recurring and row.assessment.expected and not finished
        if recurring and not row.evidence_in(table.period):
            bare.append(TodoItem.of(row, row.assessment.due))
        if row.deadlines.waits_for_event:
            waiting.append(TodoItem.of(row, None))
    next_period, next_due = _next_report(today, table.submission_day)
    return Todo(
        today=today,
        plan_uid=table.plan_uid,
        plan_title=table.plan_title,
        period=table.period,
        overdue=tuple(overdue),
        due_soon=tuple(sorted(soon, key=lambda item: item.due or today)),
        without_evidence=tuple(bare),
        waiting_for_event=tuple(waiting),
        next_report=next_period,
        next_report_due=next_due,
    )


def _period_for(ws: Workspace, today: date, plan_uid: str | None) -> Period:
    plan = plans.load_plan(ws.db, plan_uid or default_plan_uid(ws))
    return current_reporting_period(today, report_day(ws, plan.submission_day))
