import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from kscdesk.domain.model import ProgressStatus
from kscdesk.store import migrations
from kscdesk.store.backup import list_backups
from kscdesk.store.database import SCHEMA_VERSION, close_database, open_database
from kscdesk.store.errors import DatabaseFromNewerVersion
from kscdesk.store.migrations import apply_migrations, probe_schema_version, schema_version
from kscdesk.store.plans import count_tasks, list_task_uids, load_plan
from kscdesk.store.progress import list_progress, load_evidence
from kscdesk.store.schema_exchange import name_files_by_digest

V1_PLAN = "f4744a2e-f7a6-4c22-ade7-b7ce87983a64"
V1_TASK = "14c3a25c-ef18-4738-82e4-5c6d55853d63"


def copy_saved(folder: Path, name: str, tmp_path: Path) -> Path:
    path = tmp_path / "data" / "kscdesk.db"
    path.parent.mkdir()
    shutil.copyfile(folder / name, path)
    return path


def test_a_saved_v0_file_is_backed_up_then_migrated_to_the_latest_schema(
    tmp_path: Path, saved_databases: Path
) -> None:
    path = copy_saved(saved_databases, "schema_v0.sqlite", tmp_path)
    db = open_database(path)
    try:
        assert schema_version(db) == SCHEMA_VERSION
        assert "tasks" in db.table_names()
    finally:
        close_database(db)
    backups = list_backups(path.parent / "backups")
    assert [backup.reason for backup in backups] == ["truoc-nang-cap-v0"]
    assert probe_schema_version(backups[0].path) == 0


def test_a_saved_v1_file_opens_with_its_plan_and_progress(
    tmp_path: Path, saved_databases: Path
) -> None:
    path = copy_saved(saved_databases, "schema_v1.sqlite", tmp_path)
    db = open_database(path)
    try:
        assert load_plan(db, V1_PLAN).issuer == "UBND phường Đức Phổ"
        assert count_tasks(db, V1_PLAN) == 4
        assert list_task_uids(db, V1_PLAN, query="ra soat") == [V1_TASK]
        progress = list_progress(db, V1_PLAN, "2025-Q1")[V1_TASK]
        assert progress.status is ProgressStatus.DONE
        assert progress.completed_on == date(2025, 3, 10)
    finally:
        close_database(db)


def test_a_failing_migration_leaves_version_and_schema_as_they_were(
    monkeypatch: pytest.MonkeyPatch, db: Database
) -> None:
    def add_then_fail(db: Database) -> None:
        db.execute("CREATE TABLE reminders (uid TEXT PRIMARY KEY)")
        db.execute("ALTER TABLE tasks ADD COLUMN due_on TEXT")
        raise RuntimeError("migration bug")

    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, add_then_fail))
    monkeypatch.setattr(migrations, "LATEST_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError, match="migration bug"):
        apply_migrations(db)
    assert schema_version(db) == SCHEMA_VERSION
    assert "reminders" not in db.table_names()
    assert "due_on" not in db.table("tasks").columns_dict


def test_a_later_migration_runs_on_a_current_database_and_bumps_the_version(
    monkeypatch: pytest.MonkeyPatch, db: Database
) -> None:
    def add_reminders(db: Database) -> None:
        db.execute("CREATE TABLE reminders (uid TEXT PRIMARY KEY)")

    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, add_reminders))
    monkeypatch.setattr(migrations, "LATEST_VERSION", SCHEMA_VERSION + 1)
    assert apply_migrations(db) == [SCHEMA_VERSION + 1]
    assert schema_version(db) == SCHEMA_VERSION + 1
    assert apply_migrations(db) == []


def test_apply_migrations_refuses_a_database_from_a_newer_version(db: Database) -> None:
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    with pytest.raises(DatabaseFromNewerVersion):
        apply_migrations(db)


@pytest.mark.parametrize(
    ("sql", "index"),
    [
        ("SELECT uid FROM tasks WHERE plan_uid = ? ORDER BY position", "tasks_plan"),
        ("SELECT uid FROM tasks WHERE parent_task_uid = ?", "tasks_parent"),
        ("SELECT * FROM progress WHERE task_uid = ? AND period_key = ?", "autoindex_progress"),
        ("SELECT * FROM evidence_tasks WHERE task_uid = ?", "evidence_tasks_task"),
        ("SELECT * FROM sections WHERE plan_uid = ? ORDER BY position", "sections_plan"),
        ("SELECT * FROM indicators WHERE plan_uid = ? ORDER BY position", "indicators_plan"),
        (
            "SELECT uid, name, code FROM offices WHERE parent_uid = ? "
            "AND upper(trim(code)) IN ('', ?)",
            "offices_parent_code",
        ),
    ],
)
def test_the_frequent_lookups_use_an_index(db: Database, sql: str, index: str) -> None:
    params = ["x"] * sql.count("?")
    plan = " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    assert index in plan
    assert "SCAN" not in plan.replace("SCAN CONSTANT", "")


def test_the_schema_is_strict_about_types(db: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO settings (key, value) VALUES ('k', x'00')")


def test_files_recorded_by_sha256_keep_their_names_as_digests_after_the_upgrade(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    legacy = "5" * 64
    path = tmp_path / "data" / "kscdesk.db"
    path.parent.mkdir()
    with monkeypatch.context() as old:
        before = migrations.MIGRATIONS.index(name_files_by_digest)
        old.setattr(migrations, "LATEST_VERSION", before)
        db = open_database(path)
    db.execute(
        "INSERT INTO evidence (uid, doc_type, number_symbol, created_at) "
        "VALUES ('e1', 'KH', '56/KH-UBND', '2025-03-01T08:00:00+07:00')"
    )
    db.execute("INSERT INTO attachments (sha256, size) VALUES (?, 3)", [legacy])
    db.execute(
        "INSERT INTO evidence_attachments (evidence_uid, sha256, file_name) VALUES ('e1', ?, ?)",
        [legacy, "Kế hoạch.pdf"],
    )
    db.conn.commit()
    close_database(db)
    db = open_database(path)
    try:
        [attachment] = load_evidence(db, "e1").attachments
        assert (attachment.digest, attachment.file_name, attachment.size) == (
            legacy,
            "Kế hoạch.pdf",
            3,
        )
        plan = db.execute(
            "EXPLAIN QUERY PLAN SELECT evidence_uid FROM evidence_attachments WHERE digest = ?",
            [legacy],
        ).fetchall()
        assert "evidence_attachments_digest" in str(plan)
    finally:
        close_database(db)
