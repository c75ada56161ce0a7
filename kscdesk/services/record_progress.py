"""Use case: record progress. A task's status in a period (with an override and its reason),
the date of the event a relative deadline counts from, and the journal of those changes.

Every change is journalled in the history (who, when, old → new) in the same transaction.
"""

from dataclasses import dataclass, replace
from datetime import date

from kscdesk.domain.deadlines import task_deadlines
from kscdesk.domain.model import Progress, ProgressStatus, Standing, Task
from kscdesk.domain.period import Period, parse_period_key
from kscdesk.domain.standing import assess
from kscdesk.domain.text import nfc
from kscdesk.services.errors import ServiceError
from kscdesk.services.offices import get_officer_name
from kscdesk.services.progress import done_before_period, report_day, work_calendar
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.store import progress as progress_store
from kscdesk.store.history import HistoryEntry, list_for_task, record_change


@dataclass(frozen=True)
class ProgressChange:
    """What the officer records for a task and period."""

    status: ProgressStatus
    completed_on: date | None = None
    note: str = ""
    override: Standing | None = None
    override_reason: str = ""


def _show(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, Standing | ProgressStatus):
        return value.label
    return str(value)


_FIELDS = ("status", "completed_on", "note", "override", "override_reason")


def set_progress(ws: Workspace, task_uid: str, period_key: str, change: ProgressChange) -> Progress:
    """Record a task's status in a period; every changed field goes into the history."""
    period = parse_period_key(period_key)
    reason = nfc(change.override_reason).strip()
    if change.override is not None and change.override.status is not change.status:
        raise ServiceError(
            f"Tình trạng “{change.override.label}” không khớp với “{change.status.label}”."
        )
    completed = change.completed_on
    if change.status is not ProgressStatus.DONE and completed is not None:
        raise ServiceError("Chỉ ghi ngày hoàn thành cho nhiệm vụ đã hoàn thành.")
    if completed is not None and completed > date.today():
        raise ServiceError(f"Ngày hoàn thành {completed:%d/%m/%Y} chưa tới.")
    officer = get_officer_name(ws)
    with ws.db.atomic():
        task = plans.load_task(ws.db, task_uid)
        old = progress_store.load_progress(ws.db, task.uid, period.key)
        if change.override is not None:
            probe = Progress(task.uid, period.key, change.status, completed)
            if derived_standing(ws, task, period, probe) is change.override:
                change = replace(change, override=None)
            elif not reason:
                raise ServiceError("Ghi lý do khi chọn tình trạng khác với tình trạng tự tính.")
        new = Progress(
            task_uid=task.uid,
            period_key=period.key,
            status=change.status,
            completed_on=completed,
            note=nfc(change.note).strip(),
            override=change.override,
            override_reason=reason if change.override else "",
        )
        if old is not None:
            new = replace(new, uid=old.uid)
        for name in _FIELDS:
            before = getattr(old, name) if old else None
            after = getattr(new, name)
            if _show(before) == _show(after) or (old is None and after in ("", None)):
                continue
            record_change(
                ws.db,
                HistoryEntry(
                    at="",
                    officer=officer,
                    entity="progress",
                    entity_uid=new.uid,
                    task_uid=task.uid,
                    field=f"{period.key}:{name}",
                    old=_show(before) or ("" if old else None),
                    new=_show(after) or "",
                ),
            )
        progress_store.save_progress(ws.db, new)
    return new


def derived_standing(ws: Workspace, task: Task, period: Period, record: Progress) -> Standing:
    """The standing the rules give the task in the period with this record (no override)."""
    plan_uid = plans.plan_uid_of_task(ws.db, task.uid)
    plan = plans.load_plan(ws.db, plan_uid)
    events = progress_store.event_dates(ws.db, plan_uid)
    day = report_day(ws, plan.submission_day)
    deadlines = task_deadlines(
        task.timeframe, plan.year, events.get(task.uid), work_calendar(ws), day
    )
    others = [
        p for p in progress_store.list_plan_progress(ws.db, plan_uid) if p.task_uid == task.uid
    ]
    return assess(
        deadlines,
        period,
        replace(record, override=None),
        today=date.today(),
        done_before=done_before_period(others, period).get(task.uid),
    ).derived


def set_event_date(ws: Workspace, task_uid: str, event_on: date | None) -> None:
    """Record the date of the event a task's relative deadline counts from (None forgets it)."""
    officer = get_officer_name(ws)
    with ws.db.atomic():
        task = plans.load_task(ws.db, task_uid)
        known = progress_store.event_dates(ws.db, plans.plan_uid_of_task(ws.db, task.uid))
        before = known.get(task.uid)
        if before == event_on:
            return
        progress_store.set_event_date(ws.db, task.uid, event_on)
        record_change(
            ws.db,
            HistoryEntry(
                at="",
                officer=officer,
                entity="task",
                entity_uid=task.uid,
                task_uid=task.uid,
                field="event_on",
                old=_show(before),
                new=_show(event_on),
            ),
        )


def task_history(ws: Workspace, task_uid: str) -> list[HistoryEntry]:
    """Every recorded change concerning the task, newest first."""
    return list(reversed(list_for_task(ws.db, task_uid)))
