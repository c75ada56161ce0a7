"""Opening, configuring, migrating and closing the app's SQLite database."""

import logging
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from kscdesk.store.backup import backup_database
from kscdesk.store.errors import DatabaseFromNewerVersion, DatabaseUnreadable
from kscdesk.store.location import detect_storage, journal_mode_for
from kscdesk.store.migrations import (
    LATEST_VERSION,
    apply_migrations,
    probe_schema_version,
    schema_version,
)

log = logging.getLogger(__name__)

SCHEMA_VERSION: int = LATEST_VERSION
BACKUPS_DIR_NAME = "backups"

# Error codes that mean "this file is not a database we can read", not "try again later".
_UNREADABLE_CODES = frozenset(
    {sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_CANTOPEN}
)


def configure_connection(db: Database, journal_mode: str = "wal") -> None:
    """Per-connection settings: the journal (WAL on a local disk, DELETE on a network share or
    USB drive: kscdesk.store.location), full sync, foreign keys, a 5 s busy wait, and the
    statement journals of savepoints (one a package in an import) kept in memory."""
    db.execute("PRAGMA busy_timeout = 5000")
    if journal_mode == "wal":
        db.enable_wal()
    else:
        db.disable_wal()
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA temp_store = MEMORY")


def open_database(
    path: Path, *, backups_dir: Path | None = None, journal_mode: str | None = None
) -> Database:
    """Open (or create) the database file, configured and migrated to ``SCHEMA_VERSION``.

    ``journal_mode`` ("wal" or "delete") is chosen from where the file is stored when None.

    A file from a newer kscdesk is refused before anything is written to it. An existing file
    is backed up (to ``backups_dir``, by default ``backups/`` beside it) before a migration.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    has_content = path.is_file() and path.stat().st_size > 0
    found = probe_schema_version(path) if has_content else 0
    if found > SCHEMA_VERSION:
        raise DatabaseFromNewerVersion(path, found, SCHEMA_VERSION)
    try:
        db = Database(path, execute_plugins=False)
    except sqlite3.Error as error:
        raise DatabaseUnreadable(path, str(error)) from error
    if journal_mode is None:
        journal_mode = journal_mode_for(detect_storage(path.parent))
    try:
        configure_connection(db, journal_mode)
        current = schema_version(db)
        if has_content and current < SCHEMA_VERSION:
            target = backups_dir if backups_dir is not None else path.parent / BACKUPS_DIR_NAME
            saved = backup_database(db, target, f"truoc nang cap v{current}")
            log.info("Backed up %s to %s before migrating from v%d", path, saved, current)
        applied = apply_migrations(db)
        if applied:
            log.info("Migrated %s to schema v%d", path, applied[-1])
    except DatabaseFromNewerVersion as error:
        db.close()
        raise DatabaseFromNewerVersion(path, error.found, error.supported) from None
    except sqlite3.Error as error:
        db.close()
        if getattr(error, "sqlite_errorcode", None) in _UNREADABLE_CODES:
            raise DatabaseUnreadable(path, str(error)) from error
        raise
    except BaseException:
        db.close()
        raise
    return db


def open_memory_database() -> Database:
    """A migrated in-memory database, for tests and throw-away work."""
    db = Database(memory=True, execute_plugins=False)
    configure_connection(db)
    apply_migrations(db)
    return db


def close_database(db: Database) -> None:
    """Fold the write-ahead log back into the file, then close, so one file holds everything."""
    try:
        if db.journal_mode == "wal":
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
