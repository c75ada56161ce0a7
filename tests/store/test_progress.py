from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlite_utils import Database

from kscdesk.domain.model import (
    Attachment,
    Evidence,
    EvidenceType,
    PlanContent,
    Progress,
    ProgressStatus,
)
from kscdesk.store.errors import RecordNotFound
from kscdesk.store.plans import delete_plan, save_plan_content
from kscdesk.store.progress import (
    delete_evidence,
    list_evidence_for_plan,
    list_evidence_for_task,
    list_progress,
    load_evidence,
    save_evidence,
    save_progress,
)

REPORT_PDF = Attachment("a" * 64, "Báo cáo 12-BC-UBND.pdf", 1024)
SCAN = Attachment("b" * 64, "scan.jpg", 2048)


@pytest.fixture
def plan(db: Database, small_plan: PlanContent) -> PlanContent:
    save_plan_content(db, small_plan)
    return small_plan


def test_saving_progress_again_for_a_period_replaces_it(db: Database, plan: PlanContent) -> None:
    task = plan.tasks[0]
    first = Progress(task.uid, "2025-Q1", ProgressStatus.IN_PROGRESS, note="đang rà soát")
    save_progress(db, first)
    done = Progress(task.uid, "2025-Q1", ProgressStatus.DONE, date(2025, 3, 10), "xong")
    save_progress(db, done)
    assert list_progress(db, plan.plan.uid, "2025-Q1") == {task.uid: replace(done, uid=first.uid)}
    assert db.table("progress").count == 1


def test_progress_is_kept_per_period_and_keyed_by_task(db: Database, plan: PlanContent) -> None:
    first, second = plan.tasks[0], plan.tasks[1]
    save_progress(db, Progress(first.uid, "2025-Q1", ProgressStatus.DONE, date(2025, 3, 1)))
    save_progress(db, Progress(second.uid, "2025-Q2", ProgressStatus.IN_PROGRESS))
    q1 = list_progress(db, plan.plan.uid, "2025-Q1")
    assert list(q1) == [first.uid]
    assert q1[first.uid].completed_on == date(2025, 3, 1)
    assert list(list_progress(db, plan.plan.uid, "2025-Q2")) == [second.uid]
    assert list_progress(db, plan.plan.uid, "2025-Q3") == {}


def test_progress_for_an_unknown_task_is_refused(db: Database) -> None:
    with pytest.raises(RecordNotFound, match="nhiệm vụ"):
        save_progress(db, Progress("no-such-task", "2025-Q1"))


def make_evidence(plan: PlanContent, **changes: Any) -> Evidence:
    evidence = Evidence(
        EvidenceType.REPORT,
        "12/BC-UBND",
        date(2025, 3, 14),
        issuer="UBND phường Đức Phổ",
        summary="Báo cáo kết quả kiểm soát TTHC quý I",
        task_uids=(plan.tasks[0].uid, plan.tasks[2].uid),
        attachments=(REPORT_PDF, SCAN),
    )
    return replace(evidence, **changes)


def test_evidence_comes_back_with_its_tasks_and_attachments(
    db: Database, plan: PlanContent
) -> None:
    evidence = make_evidence(plan)
    save_evidence(db, evidence)
    assert load_evidence(db, evidence.uid) == evidence
    assert list_evidence_for_task(db, plan.tasks[2].uid) == [evidence]
    assert list_evidence_for_task(db, plan.tasks[1].uid) == []


def test_saving_evidence_again_replaces_its_links_and_attachments(
    db: Database, plan: PlanContent
) -> None:
    evidence = make_evidence(plan)
    save_evidence(db, evidence)
    edited = replace(evidence, task_uids=(plan.tasks[1].uid,), attachments=(SCAN,), summary="")
    save_evidence(db, edited)
    assert load_evidence(db, evidence.uid) == edited
    assert list_evidence_for_task(db, plan.tasks[0].uid) == []
    assert db.table("attachments").count == 2  # files stay known; only the link went


def test_evidence_of_a_task_is_listed_by_date_undated_last(db: Database, plan: PlanContent) -> None:
    late = make_evidence(plan, issued_on=date(2025, 6, 1), number_symbol="20/BC-UBND")
    undated = make_evidence(plan, issued_on=None, number_symbol="1631/UBND-TTHC")
    early = make_evidence(plan, issued_on=date(2025, 1, 5), number_symbol="5/KH-UBND")
    for evidence in (late, undated, early):
        save_evidence(db, evidence)
    listed = list_evidence_for_task(db, plan.tasks[0].uid)
    assert [e.number_symbol for e in listed] == ["5/KH-UBND", "20/BC-UBND", "1631/UBND-TTHC"]


def test_evidence_for_a_plan_is_grouped_by_task(db: Database, plan: PlanContent) -> None:
    shared = make_evidence(plan)
    single = make_evidence(plan, task_uids=(plan.tasks[2].uid,), issued_on=date(2025, 4, 1))
    save_evidence(db, shared)
    save_evidence(db, single)
    by_task = list_evidence_for_plan(db, plan.plan.uid)
    assert by_task == {plan.tasks[0].uid: [shared], plan.tasks[2].uid: [shared, single]}


def test_evidence_linked_to_an_unknown_task_is_refused_and_nothing_written(
    db: Database, plan: PlanContent
) -> None:
    evidence = make_evidence(plan, task_uids=(plan.tasks[0].uid, "no-such-task"))
    with pytest.raises(RecordNotFound):
        save_evidence(db, evidence)
    assert db.table("evidence").count == 0
    assert db.table("evidence_tasks").count == 0


def test_deleting_a_plan_unlinks_its_evidence(db: Database, plan: PlanContent) -> None:
    evidence = make_evidence(plan)
    save_evidence(db, evidence)
    delete_plan(db, plan.plan.uid)
    assert load_evidence(db, evidence.uid).task_uids == ()


def test_deleted_evidence_is_gone(db: Database, plan: PlanContent) -> None:
    evidence = make_evidence(plan)
    save_evidence(db, evidence)
    delete_evidence(db, evidence.uid)
    with pytest.raises(RecordNotFound, match="minh chứng"):
        load_evidence(db, evidence.uid)
    with pytest.raises(RecordNotFound):
        delete_evidence(db, evidence.uid)
    assert db.table("evidence_tasks").count == 0
