"""Use cases on progress: the task list of a period with deadlines and standings, the counts
of every period, and the settings they depend on (days off, report day). Recording is in
``kscdesk.services.record_progress``.
"""

import json
from dataclasses import dataclass, field
from datetime import date

from kscdesk.domain.deadlines import Deadlines, task_deadlines
from kscdesk.domain.errors import DomainError
from kscdesk.domain.model import (
    Evidence,
    PlanKind,
    Progress,
    ProgressStatus,
    Section,
    Standing,
    Task,
)
from kscdesk.domain.period import Period, parse_period_key, periods_of_year
from kscdesk.domain.standing import Assessment, assess
from kscdesk.domain.workdays import WorkCalendar
from kscdesk.services import task_lookup
from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans, settings
from kscdesk.store import progress as progress_store

DAYS_OFF_KEY = "days_off"  # JSON list of ISO dates the office is closed besides public holidays
REPORT_DAY_KEY = "report_submission_day"  # day of the period's last month the report is due


@dataclass(frozen=True)
class ProgressRow:
    """One task of the progress list: the task, its section, deadlines, record and standing."""

    task: Task
    section: Section | None
    deadlines: Deadlines
    progress: Progress | None
    assessment: Assessment
    evidence: tuple[Evidence, ...] = ()

    @property
    def standing(self) -> Standing:
        return self.assessment.standing

    @property
    def number(self) -> str:
        """The number as printed in the plan: "3", "1a"."""
        return self.task.label

    @property
    def full_number(self) -> str:
        """The number with its section: "II.3" (just the number when there is no section)."""
        code = self.task.section_code
        return f"{code}.{self.task.label}" if code else self.task.label

    def evidence_in(self, period: Period) -> tuple[Evidence, ...]:
        """The evidence dated in the period's window (undated evidence counts everywhere)."""
        return tuple(
            e for e in self.evidence if e.issued_on is None or period.contains(e.issued_on)
        )


@dataclass(frozen=True)
class ProgressTable:
    """The progress of one plan in one period."""

    plan_uid: str
    plan_title: str
    plan_year: int
    period: Period
    submission_day: int
    rows: tuple[ProgressRow, ...] = field(default_factory=tuple)


# --- Settings ----------------------------------------------------------------------------


def days_off(ws: Workspace) -> list[date]:
    """The office's own days off (besides public holidays), oldest first."""
    text = settings.get_setting(ws.db, DAYS_OFF_KEY, "[]") or "[]"
    try:
        return sorted(date.fromisoformat(item) for item in json.loads(text))
    except (ValueError, TypeError):
        return []


def set_days_off(ws: Workspace, days: list[date]) -> None:
    settings.set_setting(
        ws.db, DAYS_OFF_KEY, json.dumps([d.isoformat() for d in sorted(set(days))])
    )


def work_calendar(ws: Workspace) -> WorkCalendar:
    return WorkCalendar(days_off(ws))


def report_day(ws: Workspace, plan_submission_day: int = 17) -> int:
    """The day of a period's last month the report is due: the setting, else the plan's."""
    text = settings.get_setting(ws.db, REPORT_DAY_KEY)
    if text and text.isdigit() and 1 <= int(text) <= 31:
        return int(text)
    return plan_submission_day


def set_report_day(ws: Workspace, day: int) -> None:
    if not 1 <= day <= 31:
        raise ServiceError(f"Ngày nộp báo cáo {day} không hợp lệ: phải từ 1 đến 31.")
    settings.set_setting(ws.db, REPORT_DAY_KEY, str(day))


# --- Finding plans and tasks --------------------------------------------------------------


def default_plan_uid(ws: Workspace) -> str:
    """The folder's own plan of the latest year (or the latest plan when it has none of its own)."""
    summaries = plans.list_plans(ws.db)
    if not summaries:
        raise ServiceError("Chưa có kế hoạch nào. Hãy nhập kế hoạch cấp trên trước.")
    own = [s for s in summaries if s.kind is PlanKind.OWN]
    return (own or summaries)[0].uid


def find_task(ws: Workspace, plan_uid: str, ref: str) -> Task:
    """A task of the plan by its number as printed ("1a", "II.3") or a prefix of its id."""
    return task_lookup.find_task(ws, ref, plan_uid)


# --- The progress list ------------------------------------------------------------------


def done_before_period(records: list[Progress], period: Period) -> dict[str, date]:
    """Per task, the completion recorded in a period that ended before this one started."""
    result: dict[str, date] = {}
    for record in records:
        if record.status is not ProgressStatus.DONE:
            continue
        try:
            earlier = parse_period_key(record.period_key)
        except DomainError:
            continue
        completed = record.completed_on or earlier.last_month_end
        if earlier.last_month_end < period.calendar_start or completed < period.calendar_start:
            known = result.get(record.task_uid)
            result[record.task_uid] = min(known, completed) if known else completed
    return result


def effective_records(records: list[Progress], period: Period) -> dict[str, Progress]:
    """Per task, the record that speaks for the period: its own, or for a six-month, nine-month
    or year period without one, the latest record of the quarters it spans (officers record per
    quarter; the Q2 record serves the six-month report)."""
    result: dict[str, Progress] = {}
    rank: dict[str, int] = {}
    for record in records:
        if record.period_key == period.key:
            result[record.task_uid], rank[record.task_uid] = record, 99
            continue
        if period.quarter is not None:
            continue
        try:
            inner = parse_period_key(record.period_key)
        except DomainError:
            continue
        inside = inner.year == period.year and inner.last_month <= period.last_month
        if inside and inner.quarter and inner.quarter > rank.get(record.task_uid, 0):
            result[record.task_uid], rank[record.task_uid] = record, inner.quarter
    return result


def progress_table(
    ws: Workspace, period_key: str, plan_uid: str | None = None, *, today: date | None = None
) -> ProgressTable:
    """Every task of the plan with its deadlines and standing in the period."""
    period = parse_period_key(period_key)
    plan_uid = plan_uid or default_plan_uid(ws)
    content = plans.load_plan_content(ws.db, plan_uid)
    day = report_day(ws, content.plan.submission_day)
    work = work_calendar(ws)
    events = progress_store.event_dates(ws.db, plan_uid)
    every_record = progress_store.list_plan_progress(ws.db, plan_uid)
    records = effective_records(every_record, period)
    done_before = done_before_period(every_record, period)
    evidence = progress_store.list_evidence_for_plan(ws.db, plan_uid)
    sections = {s.code: s for s in content.sections}
    today = today or date.today()
    rows = []
    for task in content.tasks:
        deadlines = task_deadlines(
            task.timeframe, content.plan.year, events.get(task.uid), work, day
        )
        record = records.get(task.uid)
        assessment = assess(
            deadlines,
            period,
            record,
            today=today,
            done_before=done_before.get(task.uid),
        )
        rows.append(
            ProgressRow(
                task=task,
                section=sections.get(task.section_code),
                deadlines=deadlines,
                progress=record,
                assessment=assessment,
                evidence=tuple(evidence.get(task.uid, [])),
            )
        )
    return ProgressTable(
        plan_uid=plan_uid,
        plan_title=content.plan.title,
        plan_year=content.plan.year,
        period=period,
        submission_day=day,
        rows=tuple(rows),
    )


@dataclass(frozen=True)
class PeriodCount:
    """How many of the tasks a period expects were done in it (for the dashboard)."""

    period: Period
    expected: int
    done: int


def period_counts(
    ws: Workspace, plan_uid: str, year: int, *, today: date | None = None
) -> list[PeriodCount]:
    """Expected and done tasks in every period of the year, in the order reports fall due."""
    counts = []
    for period in periods_of_year(year):
        rows = progress_table(ws, period.key, plan_uid, today=today).rows
        expected = [row for row in rows if row.assessment.expected]
        done = sum(1 for row in expected if row.standing.is_done)
        counts.append(PeriodCount(period, len(expected), done))
    return counts
