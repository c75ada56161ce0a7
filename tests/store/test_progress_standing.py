"""Progress records keep an override with its reason; tasks keep the date of their event."""

from datetime import date

import pytest
from sqlite_utils import Database

from kscdesk.domain.model import PlanContent, Progress, ProgressStatus, Standing
from kscdesk.store.errors import RecordNotFound
from kscdesk.store.plans import save_plan_content
from kscdesk.store.progress import (
    event_dates,
    list_plan_progress,
    list_progress,
    load_progress,
    save_progress,
    set_event_date,
)


@pytest.fixture
def plan(db: Database, small_plan: PlanContent) -> PlanContent:
    save_plan_content(db, small_plan)
    return small_plan


def test_an_override_and_its_reason_are_kept_and_can_be_removed(
    db: Database, plan: PlanContent
) -> None:
    task = plan.tasks[0]
    record = Progress(
        task.uid,
        "2025-Q1",
        ProgressStatus.DONE,
        date(2025, 3, 20),
        override=Standing.DONE_ON_TIME,
        override_reason="Gia hạn theo Công văn 12/UBND",
    )
    save_progress(db, record)
    assert list_progress(db, plan.plan.uid, "2025-Q1")[task.uid] == record
    save_progress(db, Progress(task.uid, "2025-Q1", ProgressStatus.NOT_OCCURRED, uid=record.uid))
    stored = load_progress(db, task.uid, "2025-Q1")
    assert stored is not None
    assert (stored.status, stored.override, stored.override_reason) == (
        ProgressStatus.NOT_OCCURRED,
        None,
        "",
    )
    assert load_progress(db, task.uid, "2025-Q2") is None


def test_every_period_of_a_plan_is_listed_in_table_then_period_order(
    db: Database, plan: PlanContent
) -> None:
    first, second = plan.tasks[0], plan.tasks[1]
    save_progress(db, Progress(second.uid, "2025-Q2", ProgressStatus.IN_PROGRESS))
    save_progress(db, Progress(first.uid, "2025-Q2", ProgressStatus.DONE))
    save_progress(db, Progress(first.uid, "2025-Q1", ProgressStatus.IN_PROGRESS))
    keys = [(p.task_uid, p.period_key) for p in list_plan_progress(db, plan.plan.uid)]
    assert keys == [(first.uid, "2025-Q1"), (first.uid, "2025-Q2"), (second.uid, "2025-Q2")]


def test_an_event_date_is_kept_per_task_and_can_be_forgotten(
    db: Database, plan: PlanContent
) -> None:
    task = plan.tasks[0]
    set_event_date(db, task.uid, date(2025, 2, 3))
    set_event_date(db, task.uid, date(2025, 2, 4))
    assert event_dates(db, plan.plan.uid) == {task.uid: date(2025, 2, 4)}
    set_event_date(db, task.uid, None)
    assert event_dates(db, plan.plan.uid) == {}
    with pytest.raises(RecordNotFound):
        set_event_date(db, "no-such-task", date(2025, 2, 4))
