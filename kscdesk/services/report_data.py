"""Gather what a period report is drafted from, out of today's store.

`report_tasks_from_store` is THE adapter from the stored progress vocabulary to the report's
task standings. Today's store records three statuses (not started, in progress, done); the
standing (on time, overdue, late) is derived here, simply, from the due dates the timeframe
interpreter reads. When the progress vocabulary gains recorded states and derived standings
(issue 7), only this function changes.
"""

from datetime import date

from kscdesk.domain.model import Plan, Progress, ProgressStatus, Task
from kscdesk.domain.period import Period, PeriodKind, quarter_period
from kscdesk.domain.report_input import ReportIndicator, ReportInput, ReportTask
from kscdesk.domain.text import search_key
from kscdesk.domain.timeframe import Timeframe, expected_in, parse_timeframe
from kscdesk.services.indicators import list_figures
from kscdesk.services.offices import get_profile
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans, progress, reports


def next_period(period: Period) -> Period:
    """The quarter after the period's last month (Q4 and the year → Q1 of the next year)."""
    quarter = period.last_month // 3
    if quarter == 4:
        return quarter_period(period.year + 1, 1)
    return quarter_period(period.year, quarter + 1)


def _progress_in(
    records: dict[str, dict[str, Progress]], period: Period, task_uid: str
) -> Progress | None:
    """The record for the period itself, else the latest of its quarters (for H1, 9M, year)."""
    own = records.get(period.key, {}).get(task_uid)
    if own is not None or period.kind is PeriodKind.QUARTER:
        return own
    for quarter in range(period.last_month // 3, 0, -1):
        found = records.get(quarter_period(period.year, quarter).key, {}).get(task_uid)
        if found is not None:
            return found
    return None


def _standing(record: Progress | None, dues: tuple[date, ...], as_of: date) -> str:
    if record is None or record.status is ProgressStatus.NOT_STARTED:
        return "not_started"
    if record.status is ProgressStatus.IN_PROGRESS:
        return "in_progress_overdue" if any(due < as_of for due in dues) else "in_progress_on_time"
    if record.completed_on is not None and dues:
        upcoming = [due for due in dues if due >= record.completed_on]
        if not upcoming:
            return "done_late"
    return "done_on_time"


def report_tasks_from_store(
    ws: Workspace, plan: Plan, tasks: list[Task], period: Period
) -> tuple[ReportTask, ...]:
    """The report's view of every applicable task of the plan in the period (the adapter)."""
    keys = [period.key] + [quarter_period(period.year, q).key for q in range(1, 5)]
    records = {key: progress.list_progress(ws.db, plan.uid, key) for key in dict.fromkeys(keys)}
    evidence = reports.list_evidence_refs(ws.db, plan.uid)
    following = next_period(period)
    last_day = period.deadline(plan.submission_day)
    result = []
    for task in tasks:
        if task.not_applicable:
            continue
        timeframe: Timeframe = parse_timeframe(task.timeframe, plan.year)
        dues = tuple(checkpoint.due for checkpoint in timeframe.checkpoints)
        record = _progress_in(records, period, task.uid)
        cited = tuple(
            item
            for item in evidence.get(task.uid, [])
            if item.issued_on is None or period.start <= item.issued_on <= last_day
        )
        in_period = record is not None or expected_in(timeframe, period)
        due_next = expected_in(timeframe, following)
        if not in_period and not due_next:
            continue
        result.append(
            ReportTask(
                uid=task.uid,
                number=task.label,
                section_code=task.section_code,
                content=task.content,
                standing=_standing(record, dues, period.end),
                completed_on=record.completed_on if record else None,
                note=record.note if record else "",
                due_dates=dues,
                evidence=cited,
                due_next_period=due_next,
                timeframe=task.timeframe,
                in_period=in_period,
                recurring=timeframe.recurrence is not None,
            )
        )
    return tuple(result)


def _plan_citation(plan: Plan, office_name: str) -> str:
    if plan.decision is not None and plan.decision.number:
        when = f" ngày {plan.decision.date:%d/%m/%Y}" if plan.decision.date else ""
        return f"Quyết định số {plan.decision.number}{when} ban hành Kế hoạch {plan.title}"
    title = plan.title[:1].lower() + plan.title[1:]
    return f"Kế hoạch {title}" if not search_key(title).startswith("ke hoach") else title


def gather_report_input(ws: Workspace, plan_uid: str, period: Period) -> ReportInput:
    """Everything the report of the period is drafted from."""
    content = plans.load_plan_content(ws.db, plan_uid)
    plan = content.plan
    profile = get_profile(ws)
    office_name = profile.office.name if profile.office else plan.issuer
    parent_name = profile.parent.name if profile.parent else ""
    figures = list_figures(ws, period.key, plan_uid)
    following = next_period(period)
    label = following.label
    return ReportInput(
        office_name=office_name,
        parent_office_name=parent_name,
        period=period,
        plan_title=plan.title,
        plan_citation=_plan_citation(plan, office_name),
        sections=tuple((s.code, s.title) for s in content.sections),
        tasks=report_tasks_from_store(ws, plan, content.tasks, period),
        indicators=tuple(
            ReportIndicator(
                number=f.indicator.number,
                name=f.indicator.name,
                unit=f.indicator.unit,
                target_text=f.target_text,
                numerator=f.numerator,
                denominator=f.denominator,
                met=f.met,
            )
            for f in figures
        ),
        next_period_label=label[:1].lower() + label[1:],
    )
