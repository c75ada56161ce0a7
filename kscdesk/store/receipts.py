"""Receipts: the parent's answer to a commune's report (accepted, or returned with comments per
task), as written by the parent and as received by the commune."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from kscdesk.domain.text import nfc
from kscdesk.store.clock import now_iso


@dataclass(frozen=True)
class TaskCommentRecord:
    task_uid: str
    number: str
    comment: str
    period_key: str
    decision: str
    created_at: str


def save_receipt(  # noqa: PLR0913 - the columns of one record
    db: Database,
    package_id: str,
    direction: str,
    office_uid: str | None,
    period_key: str,
    decision: str,
    comment: str,
    about_package: str | None,
    task_comments: Sequence[tuple[str, str, str]],
) -> None:
    """Record a receipt and its comments per task (task uid, number, comment)."""
    with db.atomic():
        db.execute(
            "INSERT INTO receipts (package_id, direction, office_uid, period_key, decision, "
            "comment, about_package, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                package_id,
                direction,
                office_uid,
                period_key,
                decision,
                nfc(comment),
                about_package,
                now_iso(),
            ],
        )
        db.conn.executemany(
            "INSERT INTO receipt_comments (package_id, task_uid, number, comment) "
            "VALUES (?, ?, ?, ?)",
            [(package_id, uid, number, nfc(text)) for uid, number, text in task_comments],
        )


def latest_receipt(db: Database, period_key: str, direction: str = "in") -> dict[str, Any] | None:
    rows = list(
        db.query(
            "SELECT * FROM receipts WHERE period_key = ? AND direction = ? "
            "ORDER BY created_at DESC, rowid DESC LIMIT 1",
            [period_key, direction],
        )
    )
    return rows[0] if rows else None


def list_task_comments(db: Database, task_uid: str) -> list[TaskCommentRecord]:
    """The parent's comments on a task from received receipts, newest first."""
    rows = db.query(
        "SELECT c.task_uid, c.number, c.comment, r.period_key, r.decision, r.created_at "
        "FROM receipt_comments c JOIN receipts r ON r.package_id = c.package_id "
        "WHERE c.task_uid = ? AND r.direction = 'in' ORDER BY r.created_at DESC, r.rowid DESC",
        [task_uid],
    )
    return [TaskCommentRecord(**row) for row in rows]


def receipt_decisions(db: Database, period_key: str) -> dict[str, str]:
    """The decision of the last receipt written for each commune for the period."""
    rows = db.query(
        "SELECT office_uid, decision FROM receipts WHERE direction = 'out' AND period_key = ? "
        "ORDER BY created_at, rowid",
        [period_key],
    )
    return {row["office_uid"]: row["decision"] for row in rows}


@dataclass(frozen=True)
class ReceivedReceipt:
    package_id: str
    period_key: str
    decision: str
    comment: str
    created_at: str
    task_comments: tuple[tuple[str, str], ...]  # (task number, comment)


def list_received_receipts(db: Database) -> list[ReceivedReceipt]:
    """Receipts the parent sent back to this commune, newest first, with comments per task."""
    result = []
    for row in db.query(
        "SELECT * FROM receipts WHERE direction = 'in' ORDER BY created_at DESC, rowid DESC"
    ):
        comments = tuple(
            (c["number"], c["comment"])
            for c in db.query(
                "SELECT number, comment FROM receipt_comments WHERE package_id = ? ORDER BY rowid",
                [row["package_id"]],
            )
        )
        result.append(
            ReceivedReceipt(
                row["package_id"],
                row["period_key"],
                row["decision"],
                row["comment"],
                row["created_at"],
                comments,
            )
        )
    return result
