"""The edit journal of own plans: each edit keeps the rows it touched before and after, so undo
and redo work from the database and survive a restart."""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from kscdesk.store.clock import now_iso

_TABLES = ("tasks", "sections")
KEEP = 200  # edits kept per plan; older ones can no longer be undone


@dataclass(frozen=True)
class EditEntry:
    id: int
    label: str
    undone: bool


Snapshot = dict[str, dict[str, dict[str, Any] | None]]  # table -> uid -> row (None: absent)


def snapshot(
    db: Database,
    plan_uid: str,
    task_uids: Iterable[str] | None = None,
    section_uids: Iterable[str] | None = None,
) -> Snapshot:
    """The stored rows with these uids (every row of the plan when None), absent ones as None."""
    result: Snapshot = {}
    for table, uids in (("tasks", task_uids), ("sections", section_uids)):
        rows: dict[str, dict[str, Any] | None] = {}
        if uids is None:
            query = f"SELECT * FROM {table} WHERE plan_uid = ?"  # table is ours
            for row in db.query(query, [plan_uid]):
                rows[row["uid"]] = row
        else:
            for uid in uids:
                found = list(db.query(f"SELECT * FROM {table} WHERE uid = ?", [uid]))
                rows[uid] = found[0] if found else None
        result[table] = rows
    return result


def changed_rows(before: Snapshot, after: Snapshot) -> tuple[Snapshot, Snapshot]:
    """Only the rows that differ between two snapshots (both sides)."""
    old: Snapshot = {}
    new: Snapshot = {}
    for table in _TABLES:
        a, b = before.get(table, {}), after.get(table, {})
        uids = [uid for uid in {**a, **b} if a.get(uid) != b.get(uid)]
        old[table] = {uid: a.get(uid) for uid in uids}
        new[table] = {uid: b.get(uid) for uid in uids}
    return old, new


def restore(db: Database, state: Snapshot) -> None:
    """Put rows back as recorded: insert or update present ones, delete absent ones."""
    with db.atomic():
        for table in _TABLES:
            for uid, row in state.get(table, {}).items():
                if row is None:
                    db.execute(f"DELETE FROM {table} WHERE uid = ?", [uid])
                    continue
                names = list(row)
                updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "uid")
                # An upsert, never INSERT OR REPLACE: a replace deletes the row first, and the
                # cascade would take the task's progress and evidence links with it.
                db.execute(
                    f"INSERT INTO {table} ({', '.join(names)}) "
                    f"VALUES ({', '.join('?' for _ in names)}) "
                    f"ON CONFLICT (uid) DO UPDATE SET {updates}",
                    [row[n] for n in names],
                )


def record_edit(
    db: Database, plan_uid: str, label: str, before: Snapshot, after: Snapshot
) -> int | None:
    """Journal an edit (dropping the edits undone before it); None when nothing changed."""
    old, new = changed_rows(before, after)
    if not any(old.values()):
        return None
    with db.atomic():
        db.execute("DELETE FROM plan_edits WHERE plan_uid = ? AND undone = 1", [plan_uid])
        cursor = db.execute(
            "INSERT INTO plan_edits (plan_uid, at, label, before, after) VALUES (?, ?, ?, ?, ?)",
            [
                plan_uid,
                now_iso(),
                label,
                json.dumps(old, ensure_ascii=False),
                json.dumps(new, ensure_ascii=False),
            ],
        )
        db.execute(
            "DELETE FROM plan_edits WHERE plan_uid = ? AND id NOT IN "
            "(SELECT id FROM plan_edits WHERE plan_uid = ? ORDER BY id DESC LIMIT ?)",
            [plan_uid, plan_uid, KEEP],
        )
    return int(cursor.lastrowid or 0)


def list_edits(db: Database, plan_uid: str) -> list[EditEntry]:
    """The plan's journal, oldest first: done edits, then the undone ones redo would replay."""
    rows = db.query(
        "SELECT id, label, undone FROM plan_edits WHERE plan_uid = ? ORDER BY id", [plan_uid]
    )
    return [EditEntry(row["id"], row["label"], bool(row["undone"])) for row in rows]


def undo_last(db: Database, plan_uid: str) -> EditEntry | None:
    """Undo the latest done edit; None when there is nothing to undo."""
    with db.atomic():
        rows = list(
            db.query(
                "SELECT * FROM plan_edits WHERE plan_uid = ? AND undone = 0 "
                "ORDER BY id DESC LIMIT 1",
                [plan_uid],
            )
        )
        if not rows:
            return None
        restore(db, json.loads(rows[0]["before"]))
        db.execute("UPDATE plan_edits SET undone = 1 WHERE id = ?", [rows[0]["id"]])
    return EditEntry(rows[0]["id"], rows[0]["label"], True)


def redo_next(db: Database, plan_uid: str) -> EditEntry | None:
    """Redo the earliest undone edit; None when there is nothing to redo."""
    with db.atomic():
        rows = list(
            db.query(
                "SELECT * FROM plan_edits WHERE plan_uid = ? AND undone = 1 ORDER BY id LIMIT 1",
                [plan_uid],
            )
        )
        if not rows:
            return None
        restore(db, json.loads(rows[0]["after"]))
        db.execute("UPDATE plan_edits SET undone = 0 WHERE id = ?", [rows[0]["id"]])
    return EditEntry(rows[0]["id"], rows[0]["label"], False)
