"""The change journal: every change to progress and evidence, with when, who, and old → new."""

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from kscdesk.domain.text import nfc
from kscdesk.store.clock import now_iso


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change of one field; ``old`` is None for a creation, ``new`` for a deletion."""

    at: str
    officer: str
    entity: str
    entity_uid: str
    task_uid: str | None
    field: str
    old: str | None
    new: str | None


def _text(value: str | None) -> str | None:
    return nfc(value) if value is not None else None


def record_change(db: Database, entry: HistoryEntry) -> None:
    """Append ``entry`` to the journal (inside the caller's transaction, when there is one).

    ``entry.at`` may be left empty: the current local time is then recorded.
    """
    with db.atomic():
        db.execute(
            "INSERT INTO history (at, officer, entity, entity_uid, task_uid, field, old, new) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                entry.at or now_iso(),
                nfc(entry.officer),
                entry.entity,
                entry.entity_uid,
                entry.task_uid,
                entry.field,
                _text(entry.old),
                _text(entry.new),
            ],
        )


def _entry(row: dict[str, Any]) -> HistoryEntry:
    return HistoryEntry(
        at=row["at"],
        officer=row["officer"],
        entity=row["entity"],
        entity_uid=row["entity_uid"],
        task_uid=row["task_uid"],
        field=row["field"],
        old=row["old"],
        new=row["new"],
    )


def list_for_task(db: Database, task_uid: str) -> list[HistoryEntry]:
    """Every change concerning the task, oldest first."""
    rows = db.query("SELECT * FROM history WHERE task_uid = ? ORDER BY id", [task_uid])
    return [_entry(row) for row in rows]


def list_for_entity(db: Database, entity_uid: str) -> list[HistoryEntry]:
    """Every change of one record (a progress row, an evidence record), oldest first."""
    rows = db.query("SELECT * FROM history WHERE entity_uid = ? ORDER BY id", [entity_uid])
    return [_entry(row) for row in rows]
