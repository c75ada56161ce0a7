"""Exchange records: trusted office keys, packages received and written, consolidated data per
commune and period, and receipts with their comments per task."""

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import msgspec
from sqlite_utils import Database

from kscdesk.domain.exchange import ReportSummary
from kscdesk.domain.model import Level, Office
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


@contextmanager
def savepoint(db: Database) -> Iterator[None]:
    """One package's changes inside a batch's transaction, all or nothing. The name is fixed so
    that SQLite's statement cache serves every package (sqlite-utils' ``atomic`` names each
    savepoint anew); without an open transaction, one of its own."""
    if not db.conn.in_transaction:
        with db.atomic():
            yield
        return
    execute = db.conn.execute
    execute("SAVEPOINT kscdesk_package")
    try:
        yield
    except BaseException:
        if db.conn.in_transaction:  # a RAISE(ROLLBACK) may have ended the transaction already
            execute("ROLLBACK TO kscdesk_package")
            execute("RELEASE kscdesk_package")
        raise
    execute("RELEASE kscdesk_package")


@contextmanager
def roomy_cache(db: Database, kib: int = 64 * 1024) -> Iterator[None]:
    """A larger page cache while a batch writes: SQLite then writes each page of the batch's
    transaction once, at commit, instead of spilling pages it will change again."""
    previous = db.conn.execute("PRAGMA cache_size").fetchone()[0]
    db.conn.execute(f"PRAGMA cache_size = {-abs(int(kib))}")
    try:
        yield
    finally:
        db.conn.execute(f"PRAGMA cache_size = {int(previous)}")


def get_trusted_key(db: Database, office_key: str) -> TrustedKey | None:
    row = db.execute(
        "SELECT office_key, office_uid, name, public_key, fingerprint, pending_public_key, "
        "pending_fingerprint FROM trusted_keys WHERE office_key = ?",
        [office_key],
    ).fetchone()
    return None if row is None else TrustedKey(*row)


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
    row = db.execute(
        f"SELECT {_PACKAGE_COLUMNS} FROM packages WHERE package_id = ?", [package_id]
    ).fetchone()
    return None if row is None else PackageRecord(*row)  # the columns in the fields' order


def package_standing(
    db: Database, package_id: str, sender_key: str, kind: str, period_key: str
) -> tuple[tuple[str, str] | None, int | None]:
    """What an import checks first, in one statement: (direction, content hash) of the package
    already recorded with this id, or None; and ``highest_sequence`` of its sender, kind and
    period."""
    direction, content_hash, highest = db.conn.execute(
        "SELECT p.direction, p.content_hash, (SELECT max(sequence) FROM packages "
        "WHERE direction = 'in' AND sender_key = ? AND kind = ? AND period_key = ?) "
        "FROM (SELECT 1) LEFT JOIN packages p ON p.package_id = ?",
        [sender_key, kind, period_key, package_id],
    ).fetchone()
    known = None if direction is None else (str(direction), str(content_hash))
    return known, None if highest is None else int(highest)


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


def save_package(
    db: Database,
    record: PackageRecord,
    data: str | bytes,
    *,
    deflated: bytes | None = None,
    supersede: bool = True,
) -> None:
    """Record a package with its data JSON (text, or UTF-8 bytes stored as text without a
    round trip through Python; or ``deflated``, as compressed in the package, raw DEFLATE);
    an earlier current one of the same sender, kind and period (received) becomes superseded
    and stays in history. ``supersede`` False: the caller knows there is no earlier one."""
    if db.conn.in_transaction:  # the caller's transaction (or savepoint) makes it atomic
        _save_package(db, record, b"" if deflated is not None else data, deflated, supersede)
    else:
        with db.atomic():
            _save_package(db, record, b"" if deflated is not None else data, deflated, supersede)


def _save_package(
    db: Database, record: PackageRecord, data: str | bytes, deflated: bytes | None, supersede: bool
) -> None:
    if supersede and record.direction == "in":
        db.execute(
            "UPDATE packages SET status = 'superseded' WHERE direction = 'in' "
            "AND sender_key = ? AND kind = ? AND period_key = ? AND status = 'current'",
            [record.sender_key, record.kind, record.period_key],
        )
    db.execute(
        "INSERT INTO packages (package_id, direction, kind, sender_key, sender_name, "
        "office_uid, period_key, sequence, content_hash, created_at, received_at, status, "
        "file_name, data, data_deflated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'current', ?, CAST(? AS TEXT), ?)",
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
            deflated,
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
    """The data JSON of a package as it came ("" for an unknown package)."""
    row = db.execute(
        "SELECT data, data_deflated FROM packages WHERE package_id = ?", [package_id]
    ).fetchone()
    if row is None:
        return ""
    if row[1] is not None:
        return zlib.decompressobj(-15).decompress(row[1]).decode("utf-8")
    return str(row[0])


_ROWS = msgspec.json.Encoder()


def replace_consolidated(
    db: Database, office_uid: str, package_id: str, summary: ReportSummary
) -> None:
    """The commune's consolidated rows for the period become those of this package (one
    record: its task and indicator rows as JSON)."""
    db.execute(
        "INSERT INTO consolidated_reports (office_uid, period_key, package_id, tasks, indicators) "
        "VALUES (?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT)) "
        "ON CONFLICT (period_key, office_uid) DO UPDATE SET package_id = excluded.package_id, "
        "tasks = excluded.tasks, indicators = excluded.indicators",
        [
            office_uid,
            summary.period_key,
            package_id,
            _ROWS.encode(summary.tasks),
            _ROWS.encode(summary.indicators),
        ],
    )


class StoredStatus(msgspec.Struct, array_like=True, gc=False, frozen=True):
    """A task's row as stored: kscdesk.domain.exchange.TaskStatusRow."""

    parent_task_uid: str | None
    number: str  # its label: number and sub-number
    status: str | None
    not_applicable: bool


class StoredIndicator(msgspec.Struct, array_like=True, gc=False, frozen=True):
    """An indicator's row as stored: kscdesk.domain.exchange.IndicatorCountRow."""

    number: str
    name: str
    unit: str
    numerator: int | None
    denominator: int | None


_STATUSES = msgspec.json.Decoder(list[StoredStatus])
_INDICATORS = msgspec.json.Decoder(list[StoredIndicator])


@dataclass(frozen=True)
class ReportRows:
    """One commune's consolidated rows for a period, from the report ``package_id`` (whose data
    holds the rest of each task: its uid and text)."""

    office_uid: str
    package_id: str
    statuses: list[StoredStatus]
    indicators: list[StoredIndicator]


def consolidated_reports(
    db: Database, period_key: str, office_uid: str | None = None
) -> list[ReportRows]:
    """Each commune's consolidated rows for the period (or only this office's), by office uid."""
    rows = db.execute(
        # As bytes: the JSON goes to the decoder as stored, never through a Python string.
        "SELECT office_uid, package_id, CAST(tasks AS BLOB), CAST(indicators AS BLOB) "
        "FROM consolidated_reports WHERE period_key = ? AND (? IS NULL OR office_uid = ?) "
        "ORDER BY office_uid",
        [period_key, office_uid, office_uid],
    ).fetchall()
    statuses, indicators = _STATUSES.decode, _INDICATORS.decode
    return [
        ReportRows(office, package, statuses(tasks), indicators(values))
        for office, package, tasks, values in rows
    ]


def report_packages(db: Database, period_key: str) -> list[PackageRecord]:
    """Report packages received for the period, oldest first (history included)."""
    rows = db.execute(
        f"SELECT {_PACKAGE_COLUMNS} FROM packages WHERE direction = 'in' AND kind = 'report' "
        "AND period_key = ? ORDER BY created_at, sequence",
        [period_key],
    ).fetchall()
    return [PackageRecord(*row) for row in rows]


def offices_below(db: Database, parent_uid: str) -> list[Office]:
    """The offices whose parent is ``parent_uid``, unsorted."""
    rows = db.execute(
        "SELECT name, level, code, parent_uid, uid FROM offices WHERE parent_uid = ?", [parent_uid]
    ).fetchall()
    return [
        Office(name, Level(level), code, parent, uid) for name, level, code, parent, uid in rows
    ]


def offices_under(
    db: Database, parent_uid: str | None, code: str = ""
) -> list[tuple[str, str, str]]:
    """(uid, name, code) of the offices under ``parent_uid`` (every office for None), unsorted:
    for matching a sender, where sorting by Vietnamese collation would only cost time. With a
    ``code``, only offices with that code or with none (those are matched by name)."""
    sql = "SELECT uid, name, code FROM offices WHERE "
    sql += "true" if parent_uid is None else "parent_uid = ?"  # so the index serves
    params: list[str | None] = [] if parent_uid is None else [parent_uid]
    if code.strip():
        sql += " AND upper(trim(code)) IN ('', ?)"  # no code, or this one
        params.append(code.strip().upper())
    rows = db.execute(sql, params).fetchall()
    return [(str(uid), str(name), str(code)) for uid, name, code in rows]


def task_sections(db: Database, task_uids: list[str]) -> dict[str, tuple[str, str]]:
    """Section (code, title) in this office's plans of each of these tasks (the parent tasks the
    communes reported on), in one query."""
    rows = db.execute(
        "SELECT t.uid, t.section_code, coalesce(s.title, '') FROM tasks t "
        "LEFT JOIN sections s ON s.plan_uid = t.plan_uid AND s.code = t.section_code "
        "WHERE t.uid IN (SELECT value FROM json_each(?))",
        [_ROWS.encode(task_uids)],
    ).fetchall()
    return {str(uid): (str(code), str(title)) for uid, code, title in rows}
