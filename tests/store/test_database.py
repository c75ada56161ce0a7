import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from kscdesk.store.backup import list_backups
from kscdesk.store.database import (
    SCHEMA_VERSION,
    close_database,
    open_database,
    open_memory_database,
)
from kscdesk.store.errors import DatabaseFromNewerVersion, DatabaseUnreadable
from kscdesk.store.migrations import probe_schema_version, schema_version
from kscdesk.store.settings import get_setting, set_setting


def pragma(db: Database, name: str) -> object:
    return db.execute(f"PRAGMA {name}").fetchone()[0]


def test_opening_a_new_path_creates_the_folder_and_a_migrated_database(tmp_path: Path) -> None:
    path = tmp_path / "Dữ liệu" / "kscdesk.db"
    db = open_database(path)
    try:
        assert path.is_file()
        assert schema_version(db) == SCHEMA_VERSION
        assert {"plans", "tasks", "progress", "evidence", "settings"} <= set(db.table_names())
    finally:
        close_database(db)


def test_every_connection_uses_wal_full_sync_foreign_keys_and_a_busy_timeout(
    db: Database,
) -> None:
    assert pragma(db, "journal_mode") == "wal"
    assert pragma(db, "synchronous") == 2
    assert pragma(db, "foreign_keys") == 1
    assert pragma(db, "busy_timeout") == 5000


def test_an_empty_file_is_migrated_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "kscdesk.db"
    path.touch()
    db = open_database(path)
    close_database(db)
    assert probe_schema_version(path) == SCHEMA_VERSION
    assert list_backups(tmp_path / "backups") == []


def test_reopening_a_current_database_keeps_its_data_and_makes_no_backup(db_path: Path) -> None:
    db = open_database(db_path)
    set_setting(db, "greeting", "xin chào")
    close_database(db)
    db = open_database(db_path)
    try:
        assert get_setting(db, "greeting") == "xin chào"
    finally:
        close_database(db)
    assert list_backups(db_path.parent / "backups") == []


def test_a_database_from_a_newer_version_is_refused_and_its_bytes_left_unchanged(
    db_path: Path,
) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseFromNewerVersion) as caught:
        open_database(db_path)
    assert db_path.read_bytes() == before
    assert str(db_path) in str(caught.value)
    assert "phiên bản kscdesk mới hơn" in str(caught.value)
    assert caught.value.found == SCHEMA_VERSION + 1


def test_a_file_that_is_not_sqlite_is_refused_with_its_name_in_the_message(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kế hoạch.docx"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 50)
    before = path.read_bytes()
    with pytest.raises(DatabaseUnreadable) as caught:
        open_database(path)
    assert str(path) in str(caught.value)
    assert "Không đọc được tệp dữ liệu" in str(caught.value)
    assert path.read_bytes() == before


def test_a_database_with_a_damaged_schema_page_is_refused(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # page 1 after the header: the schema table
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseUnreadable):
        open_database(db_path)


def test_closing_folds_the_write_ahead_log_into_the_file(db_path: Path) -> None:
    db = open_database(db_path)
    set_setting(db, "k", "v")
    assert Path(f"{db_path}-wal").exists()
    close_database(db)
    assert not Path(f"{db_path}-wal").exists()
    conn = sqlite3.connect(f"{db_path.as_uri()}?immutable=1", uri=True)
    try:  # immutable ignores any WAL: the value must be in the main file itself
        assert conn.execute("SELECT value FROM settings WHERE key = 'k'").fetchone() == ("v",)
    finally:
        conn.close()


def test_the_memory_database_is_migrated_and_enforces_foreign_keys() -> None:
    db = open_memory_database()
    try:
        assert schema_version(db) == SCHEMA_VERSION
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(
                "INSERT INTO units (uid, office_uid, name) VALUES ('u', 'no-such-office', 'x')"
            )
    finally:
        close_database(db)
