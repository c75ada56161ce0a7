"""The evidence trash: a deleted record comes back as it was; files are freed only when unused."""

from datetime import date

from sqlite_utils import Database

from kscdesk.domain.model import Attachment, Evidence, EvidenceType, PlanContent
from kscdesk.store import evidence as store
from kscdesk.store import plans, progress

FILE_A = Attachment("a" * 64, "Kế hoạch.pdf", 10)
FILE_B = Attachment("b" * 64, "Báo cáo.docx", 20)


def saved(db: Database, plan: PlanContent, *files: Attachment, tasks: int = 2) -> Evidence:
    plans.save_plan_content(db, plan)
    evidence = Evidence(
        EvidenceType.PLAN,
        "56/KH-UBND",
        date(2025, 3, 9),
        "UBND phường",
        "Rà soát TTHC",
        tuple(task.uid for task in plan.tasks[:tasks]),
        files,
    )
    progress.save_evidence(db, evidence)
    return evidence


def test_a_record_moved_to_the_trash_is_restored_as_it_was(
    db: Database, small_plan: PlanContent
) -> None:
    evidence = saved(db, small_plan, FILE_A, FILE_B)
    store.move_to_trash(db, evidence.uid)
    assert progress.list_evidence_for_task(db, small_plan.tasks[0].uid) == []
    assert [e.uid for e in store.list_trash(db)] == [evidence.uid]
    assert store.restore_from_trash(db, evidence.uid) == evidence
    assert progress.load_evidence(db, evidence.uid) == evidence
    assert store.list_trash(db) == []


def test_a_restored_record_drops_links_to_tasks_deleted_meanwhile(
    db: Database, small_plan: PlanContent
) -> None:
    evidence = saved(db, small_plan, FILE_A)
    store.move_to_trash(db, evidence.uid)
    plans.delete_task(db, small_plan.tasks[1].uid)
    restored = store.restore_from_trash(db, evidence.uid)
    assert restored.task_uids == (small_plan.tasks[0].uid,)


def test_emptying_the_trash_frees_only_files_no_record_uses(
    db: Database, small_plan: PlanContent
) -> None:
    gone = saved(db, small_plan, FILE_A, FILE_B)
    kept = Evidence(
        EvidenceType.REPORT, "1/BC-UBND", None, task_uids=gone.task_uids[:1], attachments=(FILE_B,)
    )
    progress.save_evidence(db, kept)
    store.move_to_trash(db, gone.uid)
    assert store.used_hashes(db) == {FILE_A.digest, FILE_B.digest}
    assert store.empty_trash(db) == [FILE_A.digest]
    assert store.used_hashes(db) == {FILE_B.digest}


def test_search_ignores_tones_and_reads_file_names(db: Database, small_plan: PlanContent) -> None:
    evidence = saved(db, small_plan, FILE_B)
    assert [e.uid for e in store.search_evidence(db, "ra soat")] == [evidence.uid]
    assert [e.uid for e in store.search_evidence(db, "bao cao docx")] == [evidence.uid]
    assert store.search_evidence(db, "quyet dinh") == []


def test_a_record_trashed_before_files_were_named_by_digest_reads_its_sha256_names() -> None:
    evidence = Evidence(EvidenceType.PLAN, "56/KH-UBND", None, "", "", ("t1",), (FILE_A,))
    written = store.evidence_to_json(evidence)
    assert written["attachments"][0]["digest"] == FILE_A.digest
    older = {**written, "attachments": [{"sha256": "c" * 64, "file_name": "Cũ.pdf", "size": 4}]}
    assert store.evidence_from_json(older).attachments == (Attachment("c" * 64, "Cũ.pdf", 4),)
