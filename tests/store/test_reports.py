"""Report texts per plan and period, and the list of reports built."""

from sqlite_utils import Database

from kscdesk.domain.model import Plan, PlanContent
from kscdesk.domain.report_draft import SavedPart
from kscdesk.store import plans, reports
from kscdesk.store.database import configure_connection
from kscdesk.store.migrations import apply_migrations


def _db_with_plan() -> tuple[Database, str]:
    db = Database(memory=True)
    configure_connection(db)
    apply_migrations(db)
    return db, plans.save_plan_content(db, PlanContent(Plan("UBND phường A", 2025, "Kế hoạch")))


def test_texts_are_kept_per_period_and_part_and_replaced_on_save() -> None:
    db, plan_uid = _db_with_plan()
    reports.save_report_text(db, plan_uid, "2025-Q1", "kien_nghi", SavedPart("", "Một"))
    reports.save_report_text(db, plan_uid, "2025-Q1", "kien_nghi", SavedPart("", "Hai"))
    reports.save_report_text(db, plan_uid, "2025-Q2", "kien_nghi", SavedPart("", "Ba"))
    assert reports.load_report_texts(db, plan_uid, "2025-Q1") == {"kien_nghi": SavedPart("", "Hai")}
    reports.delete_report_text(db, plan_uid, "2025-Q1", "kien_nghi")
    assert reports.load_report_texts(db, plan_uid, "2025-Q1") == {}
    assert reports.load_report_texts(db, plan_uid, "2025-Q2")["kien_nghi"].text == "Ba"


def test_texts_are_stored_nfc() -> None:
    db, plan_uid = _db_with_plan()
    decomposed = "Kie\u0302\u0301n nghi\u0323"
    reports.save_report_text(db, plan_uid, "2025-Q1", "kien_nghi", SavedPart("", decomposed))
    assert reports.load_report_texts(db, plan_uid, "2025-Q1")["kien_nghi"].text == "Kiến nghị"


def test_builds_are_listed_newest_first_and_go_with_their_plan() -> None:
    db, plan_uid = _db_with_plan()
    first = reports.record_build(db, plan_uid, "2025-Q1", "/a/q1.docx", "/a/q1.xlsx")
    second = reports.record_build(db, plan_uid, "2025-Q2", "/a/q2.docx", "/a/q2.xlsx")
    assert [b.uid for b in reports.list_builds(db, plan_uid)] == [second.uid, first.uid]
    plans.delete_plan(db, plan_uid)
    assert reports.list_builds(db, plan_uid) == []
