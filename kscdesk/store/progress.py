"""Where each task stands per reporting period, and the evidence documents that prove it."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlite_utils import Database

from kscdesk.domain.model import (
    Attachment,
    Evidence,
    EvidenceType,
    Progress,
    ProgressStatus,
    Standing,
)
from kscdesk.domain.text import nfc
from kscdesk.store.clock import date_from_iso, date_to_iso, now_iso
from kscdesk.store.errors import RecordNotFound


def _require_task(db: Database, task_uid: str) -> None:
    if db.execute("SELECT 1 FROM tasks WHERE uid = ?", [task_uid]).fetchone() is None:
        raise RecordNotFound("nhiệm vụ", task_uid)


def save_progress(db: Database, progress: Progress) -> None:
    """Store a task's status for a period, replacing the earlier one for that task and period.

    The first stored row keeps its uid. RecordNotFound when the task is not stored.
    """
    with db.atomic():
        _require_task(db, progress.task_uid)
        db.execute(
            "INSERT INTO progress "
            "(uid, task_uid, period_key, status, completed_on, note, updated_at, override, "
            "override_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (task_uid, period_key) DO UPDATE SET status = excluded.status, "
            "completed_on = excluded.completed_on, note = excluded.note, "
            "updated_at = excluded.updated_at, override = excluded.override, "
            "override_reason = excluded.override_reason",
            [
                progress.uid,
                progress.task_uid,
                progress.period_key,
                progress.status.value,
                date_to_iso(progress.completed_on),
                nfc(progress.note),
                now_iso(),
                progress.override.value if progress.override else None,
                nfc(progress.override_reason),
            ],
        )


def _progress_from_row(row: dict[str, Any]) -> Progress:
    return Progress(
        task_uid=row["task_uid"],
        period_key=row["period_key"],
        status=ProgressStatus(row["status"]),
        completed_on=date_from_iso(row["completed_on"]),
        note=row["note"],
        uid=row["uid"],
        override=Standing(row["override"]) if row["override"] else None,
        override_reason=row["override_reason"],
    )


def list_progress(db: Database, plan_uid: str, period_key: str) -> dict[str, Progress]:
    """The plan's recorded progress for one period, keyed by task uid (unrecorded tasks absent)."""
    rows = db.query(
        "SELECT p.* FROM progress p JOIN tasks t ON t.uid = p.task_uid "
        "WHERE t.plan_uid = ? AND p.period_key = ? ORDER BY t.position, t.rowid",
        [plan_uid, period_key],
    )
    return {row["task_uid"]: _progress_from_row(row) for row in rows}


def list_plan_progress(db: Database, plan_uid: str) -> list[Progress]:
    """Every progress record of the plan's tasks, all periods, in table then period order."""
    rows = db.query(
        "SELECT p.* FROM progress p JOIN tasks t ON t.uid = p.task_uid "
        "WHERE t.plan_uid = ? ORDER BY t.position, t.rowid, p.period_key",
        [plan_uid],
    )
    return [_progress_from_row(row) for row in rows]


def load_progress(db: Database, task_uid: str, period_key: str) -> Progress | None:
    """The task's record for the period, or None when nothing was recorded."""
    rows = list(
        db.query(
            "SELECT * FROM progress WHERE task_uid = ? AND period_key = ?", [task_uid, period_key]
        )
    )
    return _progress_from_row(rows[0]) if rows else None


def set_event_date(db: Database, task_uid: str, event_on: date | None) -> None:
    """Record (or forget, with None) the date of the event a task's relative deadline counts
    from."""
    with db.atomic():
        _require_task(db, task_uid)
        if event_on is None:
            db.execute("DELETE FROM task_events WHERE task_uid = ?", [task_uid])
            return
        db.execute(
            "INSERT INTO task_events (task_uid, event_on, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (task_uid) DO UPDATE SET event_on = excluded.event_on, "
            "updated_at = excluded.updated_at",
            [task_uid, date_to_iso(event_on), now_iso()],
        )


def event_dates(db: Database, plan_uid: str) -> dict[str, date]:
    """The recorded event dates of the plan's tasks, keyed by task uid."""
    rows = db.query(
        "SELECT e.task_uid, e.event_on FROM task_events e JOIN tasks t ON t.uid = e.task_uid "
        "WHERE t.plan_uid = ?",
        [plan_uid],
    )
    result: dict[str, date] = {}
    for row in rows:
        day = date_from_iso(row["event_on"])
        if day is not None:
            result[row["task_uid"]] = day
    return result


def save_evidence(db: Database, evidence: Evidence) -> None:
    """Insert or update an evidence document with its task links and attachments.

    The links and attachments stored become exactly those of ``evidence``. Attachment files
    must already be in the AttachmentStore. RecordNotFound when a linked task is not stored.
    """
    with db.atomic():
        for task_uid in evidence.task_uids:
            _require_task(db, task_uid)
        db.execute(
            "INSERT INTO evidence "
            "(uid, doc_type, number_symbol, issued_on, issuer, summary, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (uid) DO UPDATE SET doc_type = excluded.doc_type, "
            "number_symbol = excluded.number_symbol, issued_on = excluded.issued_on, "
            "issuer = excluded.issuer, summary = excluded.summary",
            [
                evidence.uid,
                evidence.doc_type.value,
                nfc(evidence.number_symbol),
                date_to_iso(evidence.issued_on),
                nfc(evidence.issuer),
                nfc(evidence.summary),
                now_iso(),
            ],
        )
        db.execute("DELETE FROM evidence_tasks WHERE evidence_uid = ?", [evidence.uid])
        db.conn.executemany(
            "INSERT OR IGNORE INTO evidence_tasks (evidence_uid, task_uid) VALUES (?, ?)",
            [(evidence.uid, task_uid) for task_uid in evidence.task_uids],
        )
        db.execute("DELETE FROM evidence_attachments WHERE evidence_uid = ?", [evidence.uid])
        for position, attachment in enumerate(evidence.attachments):
            db.execute(
                "INSERT OR IGNORE INTO attachments (digest, size) VALUES (?, ?)",
                [attachment.digest, attachment.size],
            )
            db.execute(
                "INSERT OR IGNORE INTO evidence_attachments "
                "(evidence_uid, digest, file_name, position) VALUES (?, ?, ?, ?)",
                [evidence.uid, attachment.digest, nfc(attachment.file_name), position],
            )


def _evidence_from_rows(db: Database, rows: Sequence[dict[str, Any]]) -> list[Evidence]:
    """Evidence records for these evidence rows, with their task links and attachments."""
    result: list[Evidence] = []
    for row in rows:
        task_uids = tuple(
            link["task_uid"]
            for link in db.query(
                "SELECT et.task_uid FROM evidence_tasks et JOIN tasks t ON t.uid = et.task_uid "
                "WHERE et.evidence_uid = ? ORDER BY t.position, t.rowid",
                [row["uid"]],
            )
        )
        attachments = tuple(
            Attachment(digest=item["digest"], file_name=item["file_name"], size=item["size"])
            for item in db.query(
                "SELECT ea.digest, ea.file_name, a.size FROM evidence_attachments ea "
                "JOIN attachments a ON a.digest = ea.digest "
                "WHERE ea.evidence_uid = ? ORDER BY ea.position",
                [row["uid"]],
            )
        )
        result.append(
            Evidence(
                doc_type=EvidenceType(row["doc_type"]),
                number_symbol=row["number_symbol"],
                issued_on=date_from_iso(row["issued_on"]),
                issuer=row["issuer"],
                summary=row["summary"],
                task_uids=task_uids,
                attachments=attachments,
                uid=row["uid"],
            )
        )
    return result


# Dated documents first, oldest first; undated ones last, in the order they were entered.
_EVIDENCE_ORDER = "ORDER BY e.issued_on IS NULL, e.issued_on, e.created_at, e.rowid"


def load_evidence(db: Database, evidence_uid: str) -> Evidence:
    """One evidence document; RecordNotFound when it is not stored."""
    rows = list(db.query("SELECT * FROM evidence WHERE uid = ?", [evidence_uid]))
    if not rows:
        raise RecordNotFound("minh chứng", evidence_uid)
    return _evidence_from_rows(db, rows)[0]


def list_evidence_for_task(db: Database, task_uid: str) -> list[Evidence]:
    """The evidence documents linked to a task, by date of issue."""
    rows = list(
        db.query(
            "SELECT e.* FROM evidence e JOIN evidence_tasks et ON et.evidence_uid = e.uid "
            f"WHERE et.task_uid = ? {_EVIDENCE_ORDER}",
            [task_uid],
        )
    )
    return _evidence_from_rows(db, rows)


def list_evidence_for_plan(db: Database, plan_uid: str) -> dict[str, list[Evidence]]:
    """The evidence of every task of a plan, keyed by task uid (tasks without any absent)."""
    rows = list(
        db.query(
            "SELECT DISTINCT e.* FROM evidence e "
            "JOIN evidence_tasks et ON et.evidence_uid = e.uid "
            "JOIN tasks t ON t.uid = et.task_uid "
            f"WHERE t.plan_uid = ? {_EVIDENCE_ORDER}",
            [plan_uid],
        )
    )
    by_task: dict[str, list[Evidence]] = {}
    for evidence in _evidence_from_rows(db, rows):
        for task_uid in evidence.task_uids:
            by_task.setdefault(task_uid, []).append(evidence)
    return by_task


def delete_evidence(db: Database, evidence_uid: str) -> None:
    """Delete an evidence document and its links; attachment files stay in the store."""
    with db.atomic():
        cursor = db.execute("DELETE FROM evidence WHERE uid = ?", [evidence_uid])
        if cursor.rowcount == 0:
            raise RecordNotFound("minh chứng", evidence_uid)
