"""Backups as use cases: verified copies, the daily snapshot, restore, the start-up check."""

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from helpers.damage import damage

from kscdesk import paths
from kscdesk.services import backups
from kscdesk.services.errors import ServiceError
from kscdesk.services.offices import get_officer_name, set_officer_name
from kscdesk.services.workspace import Workspace
from kscdesk.store import backup as store_backup
from kscdesk.store.errors import BackupFailed


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with Workspace.open(folder) as ws:
        set_officer_name(ws, "Nguyễn Văn A")
        ws.db.execute("CREATE TABLE filler (x TEXT)")
        ws.db.conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 200)
        ws.db.conn.commit()
    return folder


def test_a_backup_then_a_restore_brings_back_the_data_and_keeps_the_newer_one(
    folder: Path,
) -> None:
    with Workspace.open(folder) as ws:
        saved = backups.create_backup(ws)
        set_officer_name(ws, "Trần Thị B")
    item = backups.find_backup(folder, saved.name)
    result = backups.restore_backup(folder, item)
    with Workspace.open(folder) as ws:
        assert get_officer_name(ws) == "Nguyễn Văn A"
    assert result.safety_copy is not None
    # the undo: restore the safety copy
    backups.restore_backup(folder, backups.find_backup(folder, result.safety_copy.name))
    with Workspace.open(folder) as ws:
        assert get_officer_name(ws) == "Trần Thị B"


def test_a_copy_that_fails_the_integrity_check_is_not_kept(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_backup, "check_integrity", lambda path, quick=True: "hỏng")
    with Workspace.open(folder) as ws, pytest.raises(BackupFailed, match="kiểm tra toàn vẹn"):
        backups.create_backup(ws)
    assert list(paths.backups_dir(folder).iterdir()) == []


def test_the_daily_snapshot_is_taken_once_a_day(folder: Path) -> None:
    with Workspace.open(folder) as ws:
        # no plan yet: an empty folder needs no snapshot
        assert backups.take_daily_backup(ws, today=date.today()) is None
    demo = folder.parent / "demo"
    from kscdesk.services.demo import load_demo

    with Workspace.open(demo) as ws:
        load_demo(ws)
        first = backups.take_daily_backup(ws)
        assert first is not None
        assert backups.take_daily_backup(ws) is None
        assert [b.label for b in backups.list_backups(demo)] == ["Sao lưu hằng ngày"]


def test_a_backup_is_found_by_number_name_prefix_or_path(folder: Path, tmp_path: Path) -> None:
    with Workspace.open(folder) as ws:
        older = store_backup.backup_database(ws.db, ws.backups_dir, "a", now=datetime(2025, 1, 1))
        newer = store_backup.backup_database(ws.db, ws.backups_dir, "b", now=datetime(2025, 2, 1))
    assert backups.find_backup(folder, "1").path == newer
    assert backups.find_backup(folder, "2").path == older
    assert backups.find_backup(folder, "kscdesk-20250101").path == older
    elsewhere = tmp_path / "copy.sqlite"
    shutil.copyfile(older, elsewhere)
    assert backups.find_backup(folder, str(elsewhere)).path == elsewhere
    with pytest.raises(ServiceError, match="nhiều bản sao lưu"):
        backups.find_backup(folder, "kscdesk-2025")
    with pytest.raises(ServiceError, match="backup list"):
        backups.find_backup(folder, "khong-co")


def test_a_damaged_backup_is_not_restored_and_the_data_is_untouched(folder: Path) -> None:
    with Workspace.open(folder) as ws:
        saved = backups.create_backup(ws)
    damage(saved)
    before = paths.database_path(folder).read_bytes()
    with pytest.raises(ServiceError, match="bị hỏng"):
        backups.restore_backup(folder, backups.find_backup(folder, saved.name))
    assert paths.database_path(folder).read_bytes() == before


def test_starting_on_a_damaged_database_offers_the_newest_good_backup_and_overwrites_nothing(
    folder: Path,
) -> None:
    with Workspace.open(folder) as ws:
        good = store_backup.backup_database(ws.db, ws.backups_dir, "a", now=datetime(2025, 1, 1))
        bad = store_backup.backup_database(ws.db, ws.backups_dir, "b", now=datetime(2025, 2, 1))
    damage(bad)
    database = paths.database_path(folder)
    damage(database)
    damaged = database.read_bytes()
    health = backups.check_data_folder(folder)
    assert health.problem is not None
    assert health.newest_good is not None and health.newest_good.path == good
    assert database.read_bytes() == damaged  # the check itself wrote nothing
    result = backups.restore_backup(folder, health.newest_good)
    assert result.safety_copy is not None
    assert result.safety_copy.read_bytes() == damaged  # the damaged file is kept, not lost
    assert backups.check_data_folder(folder).problem is None
    with Workspace.open(folder) as ws:
        assert get_officer_name(ws) == "Nguyễn Văn A"


def test_a_healthy_or_missing_database_passes_the_start_up_check(
    folder: Path, tmp_path: Path
) -> None:
    assert backups.check_data_folder(folder) == backups.FolderHealth(None, None)
    assert backups.check_data_folder(tmp_path / "new") == backups.FolderHealth(None, None)
