"""Backups of the database file with SQLite's online backup API, restore, and thinning."""

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from kscdesk.domain.text import search_key
from kscdesk.store.errors import BackupFailed, DatabaseFromNewerVersion, DatabaseUnreadable
from kscdesk.store.migrations import LATEST_VERSION, probe_schema_version

_PREFIX = "kscdesk"
_SUFFIX = ".sqlite"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(rf"^{_PREFIX}-(\d{{8}}-\d{{6}})-([a-z0-9-]+?)(?:\.(\d+))?{re.escape(_SUFFIX)}$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class BackupFile:
    """One backup in the backups folder, as its file name describes it."""

    path: Path
    taken_at: datetime
    reason: str


def _slug(reason: str) -> str:
    slug = _NOT_SLUG.sub("-", search_key(reason)).strip("-")[:40].strip("-")
    return slug or "sao-luu"


def _free_path(backups_dir: Path, taken_at: datetime, reason: str) -> Path:
    stem = f"{_PREFIX}-{taken_at.strftime(_STAMP)}-{_slug(reason)}"
    candidate = backups_dir / f"{stem}{_SUFFIX}"
    counter = 2
    while candidate.exists():
        candidate = backups_dir / f"{stem}.{counter}{_SUFFIX}"
        counter += 1
    return candidate


def check_integrity(path: Path, *, quick: bool = True) -> str | None:
    """None when the file opens read-only and passes SQLite's check; otherwise what is wrong.

    ``quick`` runs ``PRAGMA quick_check`` (start-up); otherwise the full ``integrity_check``.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return "tệp không tồn tại hoặc trống"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return str(error)
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        conn.close()
    messages = [str(row[0]) for row in rows]
    return None if messages == ["ok"] else "; ".join(messages[:3])


def _copy_connection(source: sqlite3.Connection, final: Path) -> None:
    """Copy a live database into ``final`` through a temporary file, so no half copy remains.

    The copy is opened and integrity-checked before it takes its final name: only a verified
    copy counts as a backup.
    """
    temp = final.with_name(final.name + ".tmp")
    try:
        dest = sqlite3.connect(temp)
        try:
            source.backup(dest)
            # A copy is one self-contained file: no write-ahead log beside it.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        problem = check_integrity(temp, quick=False)
        if problem is not None:
            raise BackupFailed(final, problem)
        os.replace(temp, final)
    finally:
        temp.unlink(missing_ok=True)


def backup_database(
    db: Database, backups_dir: Path, reason: str, *, now: datetime | None = None
) -> Path:
    """Copy the open database into ``backups_dir``; the file name carries the time and reason.

    Must run outside a transaction: a backup of uncommitted changes would not be a snapshot.
    """
    if db.conn.in_transaction:
        raise RuntimeError("backup_database() cannot run inside a transaction")
    backups_dir.mkdir(parents=True, exist_ok=True)
    final = _free_path(backups_dir, now or datetime.now(), reason)
    _copy_connection(db.conn, final)
    return final


def _backup_file(path: Path, backups_dir: Path, reason: str) -> Path:
    """Back up a closed database file; a damaged file is copied byte for byte instead."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    final = _free_path(backups_dir, datetime.now(), reason)
    try:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            _copy_connection(source, final)
        finally:
            source.close()
    except (sqlite3.DatabaseError, BackupFailed):
        # Damaged: keep it byte for byte (with its write-ahead log) so nothing is lost.
        shutil.copyfile(path, final)
        wal = Path(f"{path}-wal")
        if wal.is_file():
            shutil.copyfile(wal, Path(f"{final}-wal"))
    return final


def list_backups(backups_dir: Path) -> list[BackupFile]:
    """The backups in the folder, newest first; files not named by kscdesk are ignored."""
    if not backups_dir.is_dir():
        return []
    found: list[tuple[datetime, int, BackupFile]] = []
    for path in backups_dir.iterdir():
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        taken_at = datetime.strptime(match.group(1), _STAMP)
        counter = int(match.group(3) or 1)
        found.append((taken_at, counter, BackupFile(path, taken_at, match.group(2))))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [backup for _, _, backup in found]


def is_good_backup(path: Path) -> bool:
    """True when the file passes the integrity check and this kscdesk can read its schema."""
    if check_integrity(path) is not None:
        return False
    try:
        return probe_schema_version(path) <= LATEST_VERSION
    except DatabaseUnreadable:
        return False


def newest_good_backup(backups_dir: Path) -> BackupFile | None:
    """The newest backup that opens and passes the check (a damaged one is skipped)."""
    for backup in list_backups(backups_dir):
        if is_good_backup(backup.path):
            return backup
    return None


def restore_backup(backup: Path, target: Path, backups_dir: Path) -> Path | None:
    """Put a backup in place of the database file ``target``, which must be closed.

    The current file is backed up first (returned; None when there was no file), so a restore
    can itself be undone. A backup from a newer kscdesk or a damaged one is refused before
    anything is touched.
    """
    found = probe_schema_version(backup)
    if found > LATEST_VERSION:
        raise DatabaseFromNewerVersion(backup, found, LATEST_VERSION)
    safety: Path | None = None
    if target.exists():
        safety = _backup_file(target, backups_dir, "truoc khi khoi phuc")
    target.parent.mkdir(parents=True, exist_ok=True)
    # A stale write-ahead log would be replayed onto the restored file: remove it first.
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    temp = target.with_name(target.name + ".restore.tmp")
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _copy_connection(source, temp)
    except sqlite3.DatabaseError as error:
        raise DatabaseUnreadable(backup, str(error)) from error
    finally:
        source.close()
    os.replace(temp, target)
    return safety


def thin_backups(
    backups_dir: Path,
    today: date,
    *,
    daily: int = 7,
    weekly: int = 4,
    monthly: int = 12,
) -> list[Path]:
    """Delete surplus backups; return what was deleted.

    Kept: every backup from today; the newest of each day for ``daily`` days; the newest of
    each ISO week for ``weekly`` weeks; the newest of each month for ``monthly`` months; and
    always the newest backup of all.
    """
    backups = list_backups(backups_dir)
    seen: set[tuple[str, int, int, int]] = set()
    deleted: list[Path] = []
    for index, backup in enumerate(backups):
        bucket = _bucket(backup.taken_at.date(), today, daily, weekly, monthly)
        keep = bucket is not None and bucket not in seen
        if bucket is not None:
            seen.add(bucket)
        if keep or index == 0 or backup.taken_at.date() >= today:
            continue
        with contextlib.suppress(FileNotFoundError):
            backup.path.unlink()
        deleted.append(backup.path)
    return deleted


def _bucket(
    day: date, today: date, daily: int, weekly: int, monthly: int
) -> tuple[str, int, int, int] | None:
    """The period a backup of ``day`` stands for, or None when it is too old to keep."""
    age = (today - day).days
    if age < daily:
        return ("day", day.year, day.month, day.day)
    if age < weekly * 7:
        iso = day.isocalendar()
        return ("week", iso.year, iso.week, 0)
    if age < monthly * 31:
        return ("month", day.year, day.month, 0)
    return None
