"""The officer's report texts per plan and period, and the list of report files built."""

from dataclasses import dataclass

from sqlite_utils import Database

from kscdesk.domain.model import EvidenceType, new_uid
from kscdesk.domain.report_draft import SavedPart
from kscdesk.domain.report_input import EvidenceRef
from kscdesk.domain.text import nfc
from kscdesk.store.clock import date_from_iso, now_iso


def save_report_text(
    db: Database, plan_uid: str, period_key: str, part: str, saved: SavedPart
) -> None:
    """Keep the officer's text of one part (with the draft it was edited from)."""
    with db.atomic():
        db.execute(
            "INSERT INTO report_texts (plan_uid, period_key, part, draft, text, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (plan_uid, period_key, part) DO UPDATE SET "
            "draft = excluded.draft, text = excluded.text, updated_at = excluded.updated_at",
            [plan_uid, period_key, part, nfc(saved.draft), nfc(saved.text), now_iso()],
        )


def delete_report_text(db: Database, plan_uid: str, period_key: str, part: str) -> None:
    """Forget the officer's text of a part: the part follows the draft again."""
    with db.atomic():
        db.execute(
            "DELETE FROM report_texts WHERE plan_uid = ? AND period_key = ? AND part = ?",
            [plan_uid, period_key, part],
        )


def load_report_texts(db: Database, plan_uid: str, period_key: str) -> dict[str, SavedPart]:
    rows = db.query(
        "SELECT part, draft, text FROM report_texts WHERE plan_uid = ? AND period_key = ?",
        [plan_uid, period_key],
    )
    return {row["part"]: SavedPart(draft=row["draft"], text=row["text"]) for row in rows}


@dataclass(frozen=True)
class ReportBuild:
    """A report built: its period, when, and the two files written."""

    uid: str
    plan_uid: str
    period_key: str
    built_at: str
    docx_path: str
    xlsx_path: str


def record_build(
    db: Database, plan_uid: str, period_key: str, docx_path: str, xlsx_path: str
) -> ReportBuild:
    build = ReportBuild(new_uid(), plan_uid, period_key, now_iso(), docx_path, xlsx_path)
    with db.atomic():
        db.execute(
            "INSERT INTO report_builds (uid, plan_uid, period_key, built_at, docx_path, xlsx_path) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [build.uid, plan_uid, period_key, build.built_at, docx_path, xlsx_path],
        )
    return build


def list_builds(db: Database, plan_uid: str) -> list[ReportBuild]:
    """Reports built from the plan, newest first."""
    rows = db.query(
        "SELECT * FROM report_builds WHERE plan_uid = ? ORDER BY built_at DESC, rowid DESC",
        [plan_uid],
    )
    return [
        ReportBuild(
            uid=row["uid"],
            plan_uid=row["plan_uid"],
            period_key=row["period_key"],
            built_at=row["built_at"],
            docx_path=row["docx_path"],
            xlsx_path=row["xlsx_path"],
        )
        for row in rows
    ]


def list_evidence_refs(db: Database, plan_uid: str) -> dict[str, list[EvidenceRef]]:
    """Every task's evidence as the report cites it, in one query, keyed by task uid.

    Dated documents first, oldest first, as ``progress.list_evidence_for_task`` orders them.
    """
    rows = db.query(
        "SELECT et.task_uid, e.uid, e.doc_type, e.number_symbol, e.issued_on, e.issuer, "
        "e.summary FROM evidence e JOIN evidence_tasks et ON et.evidence_uid = e.uid "
        "JOIN tasks t ON t.uid = et.task_uid WHERE t.plan_uid = ? "
        "ORDER BY e.issued_on IS NULL, e.issued_on, e.created_at, e.rowid",
        [plan_uid],
    )
    by_task: dict[str, list[EvidenceRef]] = {}
    for row in rows:
        by_task.setdefault(row["task_uid"], []).append(
            EvidenceRef(
                uid=row["uid"],
                type_label=EvidenceType(row["doc_type"]).label,
                number_symbol=row["number_symbol"],
                issued_on=date_from_iso(row["issued_on"]),
                issuer=row["issuer"],
                summary=row["summary"],
            )
        )
    return by_task
