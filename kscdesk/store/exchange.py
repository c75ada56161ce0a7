"""Exchange records: trusted office keys, packages received and written, consolidated data per
commune and period, and receipts with their comments per task."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from kscdesk.domain.text import nfc
from kscdesk.store.clock import now_iso


@dataclass(frozen=True)
class TrustedKey:
    office_key: str
    office_uid: str | None
    name: str
    public_key: str
    fingerprint: str
    pending_public_key: str | None
    pending_fingerprint: str | None


@dataclass(frozen=True)
class PackageRecord:
    package_id: str
    direction: str  # 'in' | 'out'
    kind: str
    sender_key: str
    sender_name: str
    office_uid: str | None
    period_key: str
    sequence: int
    content_hash: str
    created_at: str
    received_at: str = ""
    status: str = "current"
    file_name: str = ""


@dataclass(frozen=True)
class ConsolidatedTask:
    office_uid: str
    task_uid: str
    parent_task_uid: str | None
    number: str
    content: str
    status: str | None
    not_applicable: bool
    position: int


@dataclass(frozen=True)
class ConsolidatedIndicator:
    office_uid: str
    number: str
    name: str
    unit: str
    numerator: int | None
    denominator: int | None
    position: int


def get_trusted_key(db: Database, office_key: str) -> TrustedKey | None:
    rows = list(db.query("SELECT * FROM trusted_keys WHERE office_key = ?", [office_key]))
    if not rows:
        return None
    row = rows[0]
    return TrustedKey(
        office_key=row["office_key"],
        office_uid=row["office_uid"],
        name=row["name"],
        public_key=row["public_key"],
        fingerprint=row["fingerprint"],
        pending_public_key=row["pending_public_key"],
        pending_fingerprint=row["pending_fingerprint"],
    )


def list_trusted_keys(db: Database) -> list[TrustedKey]:
    keys = [
        get_trusted_key(db, row["office_key"])
        for row in db.query("SELECT office_key FROM trusted_keys ORDER BY name")
    ]
    return [key for key in keys if key is not None]


def trust_key(  # noqa: PLR0913 - the columns of one record
    db: Database, office_key: str, office_uid: str | None, name: str, public_key: str, fp: str
) -> None:
    """Trust ``public_key`` for the office (first use, or the officer accepted a new key)."""
    with db.atomic():
        db.execute(
            "INSERT INTO trusted_keys (office_key, office_uid, name, public_key, fingerprint, "
            "first_seen) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (office_key) DO UPDATE SET "
            "office_uid = excluded.office_uid, name = excluded.name, "
            "public_key = excluded.public_key, fingerprint = excluded.fingerprint, "
            "pending_public_key = NULL, pending_fingerprint = NULL",
            [office_key, office_uid, nfc(name), public_key, fp, now_iso()],
        )


# Every column of a package record but its data JSON, which is large and read only on demand.
_PACKAGE_COLUMNS = (
    "package_id, direction, kind, sender_key, sender_name, office_uid, period_key, sequence, "
    "content_hash, created_at, received_at, status, file_name"
)


def find_package(db: Database, package_id: str) -> PackageRecord | None:
    rows = list(
        db.query(f"SELECT {_PACKAGE_COLUMNS} FROM packages WHERE package_id = ?", [package_id])
    )
    return _package(rows[0]) if rows else None


def _package(row: dict[str, Any]) -> PackageRecord:
    return PackageRecord(
        package_id=row["package_id"],
        direction=row["direction"],
        kind=row["kind"],
        sender_key=row["sender_key"],
        sender_name=row["sender_name"],
        office_uid=row["office_uid"],
        period_key=row["period_key"],
        sequence=row["sequence"],
        content_hash=row["content_hash"],
        created_at=row["created_at"],
        received_at=row["received_at"],
        status=row["status"],
        file_name=row["file_name"],
    )


def highest_sequence(db: Database, sender_key: str, kind: str, period_key: str) -> int | None:
    """The highest sequence received from this sender for this kind and period, or None."""
    row = db.execute(
        "SELECT max(sequence) FROM packages WHERE direction = 'in' AND sender_key = ? "
        "AND kind = ? AND period_key = ?",
        [sender_key, kind, period_key],
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def save_package(db: Database, record: PackageRecord, data: str) -> None:
    """Record a package; an earlier current one of the same sender, kind and period (received)
    becomes superseded and stays in history."""
    with db.atomic():
        if record.direction == "in":
            db.execute(
                "UPDATE packages SET status = 'superseded' WHERE direction = 'in' "
                "AND sender_key = ? AND kind = ? AND period_key = ? AND status = 'current'",
                [record.sender_key, record.kind, record.period_key],
            )
        db.execute(
            "INSERT INTO packages (package_id, direction, kind, sender_key, sender_name, "
            "office_uid, period_key, sequence, content_hash, created_at, received_at, status, "
            "file_name, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'current', ?, ?)",
            [
                record.package_id,
                record.direction,
                record.kind,
                record.sender_key,
                nfc(record.sender_name),
                record.office_uid,
                record.period_key,
                record.sequence,
                record.content_hash,
                record.created_at,
                record.received_at or now_iso(),
                nfc(record.file_name),
                data,
            ],
        )


def list_packages(
    db: Database, *, kind: str | None = None, direction: str | None = None
) -> list[PackageRecord]:
    """Packages newest first, optionally of one kind and direction."""
    sql = (
        f"SELECT {_PACKAGE_COLUMNS} FROM packages "
        "WHERE (? IS NULL OR kind = ?) AND (? IS NULL OR direction = ?)"
    )
    rows = db.query(
        sql + " ORDER BY received_at DESC, rowid DESC", [kind, kind, direction, direction]
    )
    return [_package(row) for row in rows]


def package_data(db: Database, package_id: str) -> str:
    row = db.execute("SELECT data FROM packages WHERE package_id = ?", [package_id]).fetchone()
    return str(row[0]) if row else ""


def replace_consolidated(  # noqa: PLR0913 - the key and the rows of one package
    db: Database,
    office_uid: str,
    period_key: str,
    package_id: str,
    tasks: Sequence[ConsolidatedTask],
    indicators: Sequence[ConsolidatedIndicator],
) -> None:
    """The commune's consolidated rows for the period become those of this package."""
    with db.atomic():
        for table in ("consolidated_tasks", "consolidated_indicators"):
            db.execute(
                f"DELETE FROM {table} WHERE office_uid = ? AND period_key = ?",
                [office_uid, period_key],
            )
        db.conn.executemany(
            "INSERT INTO consolidated_tasks (office_uid, period_key, package_id, task_uid, "
            "parent_task_uid, number, content, status, not_applicable, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    office_uid,
                    period_key,
                    package_id,
                    t.task_uid,
                    t.parent_task_uid,
                    t.number,
                    t.content,
                    t.status,
                    int(t.not_applicable),
                    t.position,
                )
                for t in tasks
            ],
        )
        db.conn.executemany(
            "INSERT INTO consolidated_indicators (office_uid, period_key, package_id, number, "
            "name, unit, numerator, denominator, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    office_uid,
                    period_key,
                    package_id,
                    i.number,
                    i.name,
                    i.unit,
                    i.numerator,
                    i.denominator,
                    i.position,
                )
                for i in indicators
            ],
        )


def list_consolidated_tasks(db: Database, period_key: str) -> list[ConsolidatedTask]:
    # Plain tuples, not sqlite-utils' dict rows: a province has tens of thousands of these.
    rows = db.execute(
        "SELECT office_uid, task_uid, parent_task_uid, number, content, status, not_applicable, "
        "position FROM consolidated_tasks WHERE period_key = ? ORDER BY office_uid, position",
        [period_key],
    ).fetchall()
    return [
        ConsolidatedTask(office, task, parent, number, content, status, bool(na), position)
        for office, task, parent, number, content, status, na, position in rows
    ]


def list_consolidated_indicators(db: Database, period_key: str) -> list[ConsolidatedIndicator]:
    rows = db.execute(
        "SELECT office_uid, number, name, unit, numerator, denominator, position "
        "FROM consolidated_indicators WHERE period_key = ? ORDER BY office_uid, position",
        [period_key],
    ).fetchall()
    return [ConsolidatedIndicator(*row) for row in rows]


def report_packages(db: Database, period_key: str) -> list[PackageRecord]:
    """Report packages received for the period, oldest first (history included)."""
    rows = db.query(
        f"SELECT {_PACKAGE_COLUMNS} FROM packages WHERE direction = 'in' AND kind = 'report' "
        "AND period_key = ? ORDER BY created_at, sequence",
        [period_key],
    )
    return [_package(row) for row in rows]


def offices_under(
    db: Database, parent_uid: str | None, code: str = ""
) -> list[tuple[str, str, str]]:
    """(uid, name, code) of the offices under ``parent_uid`` (every office for None), unsorted:
    for matching a sender, where sorting by Vietnamese collation would only cost time. With a
    ``code``, only offices with that code or with none (those are matched by name)."""
    sql = "SELECT uid, name, code FROM offices WHERE (? IS NULL OR parent_uid = ?)"
    params: list[str | None] = [parent_uid, parent_uid]
    if code.strip():
        sql += " AND (trim(code) = '' OR upper(trim(code)) = ?)"
        params.append(code.strip().upper())
    rows = db.execute(sql, params).fetchall()
    return [(str(uid), str(name), str(code)) for uid, name, code in rows]


def parent_task_sections(db: Database, period_key: str) -> dict[str, tuple[str, str]]:
    """Section (code, title) in this office's plans of each parent task the communes reported
    on for the period, in one query."""
    rows = db.execute(
        "SELECT t.uid, t.section_code, coalesce(s.title, '') FROM tasks t "
        "LEFT JOIN sections s ON s.plan_uid = t.plan_uid AND s.code = t.section_code "
        "WHERE t.uid IN (SELECT parent_task_uid FROM consolidated_tasks WHERE period_key = ?)",
        [period_key],
    ).fetchall()
    return {str(uid): (str(code), str(title)) for uid, code, title in rows}
