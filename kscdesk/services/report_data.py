"""Gather what a period report is drafted from, out of today's store.

`report_tasks_from_store` turns the progress table (recorded states, due dates, derived
standings and overrides, as the progress page shows them) into the report's task lines.
"""

from kscdesk.domain.model import Plan, Task
from kscdesk.domain.period import Period, quarter_period
from kscdesk.domain.report_input import ReportIndicator, ReportInput, ReportTask
from kscdesk.domain.standing import is_expected
from kscdesk.domain.text import search_key
from kscdesk.services.indicators import list_figures
from kscdesk.services.offices import get_profile
from kscdesk.services.progress import progress_table
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans, reports


def next_period(period: Period) -> Period:
    """The quarter after the period's last month (Q4 and the year → Q1 of the next year)."""
    quarter = period.last_month // 3
    if quarter == 4:
        return quarter_period(period.year + 1, 1)
    return quarter_period(period.year, quarter + 1)


def report_tasks_from_store(
    ws: Workspace, plan: Plan, tasks: list[Task], period: Period
) -> tuple[ReportTask, ...]:
    """The report's view of every applicable task of the plan in the period.

    Standings come from the one rule the progress page and the to-do list use
    (kscdesk.domain.standing through services.progress.progress_table): recorded state,
    concrete due dates (working days, event dates), and the officer's overrides.
    """
    table = progress_table(ws, period.key, plan.uid)
    wanted = {task.uid for task in tasks if not task.not_applicable}
    evidence = reports.list_evidence_refs(ws.db, plan.uid)
    following = next_period(period)
    last_day = period.deadline(plan.submission_day)
    result = []
    for row in table.rows:
        task = row.task
        if task.uid not in wanted:
            continue
        record = row.progress
        cited = tuple(
            item
            for item in evidence.get(task.uid, [])
            if item.issued_on is None or period.start <= item.issued_on <= last_day
        )
        in_period = record is not None or row.assessment.expected
        due_next = is_expected(row.deadlines, following)
        if not in_period and not due_next:
            continue
        result.append(
            ReportTask(
                uid=task.uid,
                number=task.label,
                section_code=task.section_code,
                content=task.content,
                standing=row.standing.value,
                completed_on=record.completed_on if record else None,
                note=record.note if record else "",
                due_dates=row.assessment.dues,
                evidence=cited,
                due_next_period=due_next,
                timeframe=task.timeframe,
                in_period=in_period,
                recurring=row.deadlines.timeframe.recurrence is not None,
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
