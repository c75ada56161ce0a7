import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from kscdesk.store.backup import backup_database, list_backups, restore_backup, thin_backups
from kscdesk.store.database import SCHEMA_VERSION, close_database, open_database
from kscdesk.store.errors import DatabaseFromNewerVersion, DatabaseUnreadable
from kscdesk.store.settings import get_setting, set_setting


def value_in(path: Path, key: str = "k") -> str | None:
    db = open_database(path)
    try:
        return get_setting(db, key)
    finally:
        close_database(db)


def test_a_backup_is_a_readable_copy_named_for_its_time_and_reason(
    db: Database, tmp_path: Path
) -> None:
    set_setting(db, "k", "trước")
    when = datetime(2025, 3, 14, 10, 15, 2)
    path = backup_database(db, tmp_path / "backups", "Trước khi nhập gói", now=when)
    assert path.name == "kscdesk-20250314-101502-truoc-khi-nhap-goi.sqlite"
    assert value_in(path) == "trước"
    assert [p.name for p in (tmp_path / "backups").iterdir()] == [path.name]


def test_two_backups_in_the_same_second_get_distinct_names(db: Database, tmp_path: Path) -> None:
    when = datetime(2025, 3, 14, 10, 15, 2)
    first = backup_database(db, tmp_path, "import", now=when)
    second = backup_database(db, tmp_path, "import", now=when)
    assert first != second
    assert [b.path for b in list_backups(tmp_path)] == [second, first]


def test_a_backup_inside_a_transaction_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), db.atomic():
        set_setting(db, "k", "uncommitted")
        backup_database(db, tmp_path, "import")


def test_list_backups_is_newest_first_and_ignores_other_files(db: Database, tmp_path: Path) -> None:
    older = backup_database(db, tmp_path, "periodic", now=datetime(2025, 1, 2, 8, 0, 0))
    newer = backup_database(db, tmp_path, "import", now=datetime(2025, 2, 1, 8, 0, 0))
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "kscdesk-garbage.sqlite").write_text("x")
    backups = list_backups(tmp_path)
    assert [(b.path, b.reason) for b in backups] == [(newer, "import"), (older, "periodic")]
    assert backups[0].taken_at == datetime(2025, 2, 1, 8, 0, 0)
    assert list_backups(tmp_path / "missing") == []


def test_restore_puts_the_backup_in_place_after_backing_up_the_current_file(
    db_path: Path, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    db = open_database(db_path)
    set_setting(db, "k", "cũ")
    old = backup_database(db, backups, "periodic", now=datetime(2025, 1, 1))
    set_setting(db, "k", "mới")
    close_database(db)
    safety = restore_backup(old, db_path, backups)
    assert value_in(db_path) == "cũ"
    assert safety is not None
    assert value_in(safety) == "mới"
    assert list_backups(backups)[0].reason == "truoc-khi-khoi-phuc"


def test_restore_removes_a_stale_write_ahead_log(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    set_setting(db, "k", "cũ")
    old = backup_database(db, tmp_path, "periodic")
    close_database(db)
    writer = sqlite3.connect(db_path)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("UPDATE settings SET value = 'mới' WHERE key = 'k'")
    writer.commit()
    stale = Path(f"{db_path}-wal").read_bytes()
    writer.close()
    Path(f"{db_path}-wal").write_bytes(stale)  # as a crash would leave it
    restore_backup(old, db_path, tmp_path)
    assert value_in(db_path) == "cũ"


def test_a_backup_from_a_newer_version_is_not_restored(db_path: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite"
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseFromNewerVersion):
        restore_backup(newer, db_path, tmp_path / "backups")
    assert db_path.read_bytes() == before
    assert list_backups(tmp_path / "backups") == []


def test_a_damaged_current_file_is_kept_byte_for_byte_before_a_restore(
    db_path: Path, tmp_path: Path
) -> None:
    db = open_database(db_path)
    good = backup_database(db, tmp_path / "good", "periodic")
    close_database(db)
    db_path.write_bytes(b"not a database any more" * 300)
    safety = restore_backup(good, db_path, tmp_path / "backups")
    assert safety is not None
    assert safety.read_bytes() == b"not a database any more" * 300
    assert value_in(db_path) is None


def test_restoring_a_file_that_is_not_a_database_is_refused(db_path: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"hello" * 1000)
    with pytest.raises(DatabaseUnreadable):
        restore_backup(bogus, db_path, tmp_path / "backups")


def test_thinning_keeps_daily_weekly_and_monthly_copies(tmp_path: Path) -> None:
    today = date(2025, 6, 30)
    made: list[Path] = []
    for days_ago in range(400):  # two a day in the last week, one a day before
        midnight = datetime.combine(today - timedelta(days=days_ago), datetime.min.time())
        for hour in (8, 17) if days_ago < 8 else (12,):
            when = midnight.replace(hour=hour)
            # Thinning goes by the names only: empty files named as backups are quick to make.
            made.append(tmp_path / f"kscdesk-{when:%Y%m%d-%H%M%S}-periodic.sqlite")
            made[-1].touch()
    deleted = set(thin_backups(tmp_path, today))
    kept = {b.taken_at for b in list_backups(tmp_path)}
    assert deleted.isdisjoint(b.path for b in list_backups(tmp_path))
    assert len(kept) + len(deleted) == len(made)
    today_copies = {t for t in kept if t.date() == today}
    assert len(today_copies) == 2  # everything from today stays
    for days_ago in range(1, 7):  # one copy, the latest, per day of the last week
        day = today - timedelta(days=days_ago)
        evening = datetime.combine(day, datetime.min.time()).replace(hour=17)
        assert {t for t in kept if t.date() == day} == {evening}
    weeks = {t.isocalendar()[:2] for t in kept if 7 <= (today - t.date()).days < 28}
    per_week = [t for t in kept if 7 <= (today - t.date()).days < 28]
    assert len(per_week) == len(weeks) <= 4  # one per ISO week, four weeks
    months = [t for t in kept if (today - t.date()).days >= 28]
    assert len(months) == len({(t.year, t.month) for t in months})
    assert all((today - t.date()).days < 12 * 31 for t in months)


def test_thinning_never_deletes_the_newest_backup(db: Database, tmp_path: Path) -> None:
    only = backup_database(db, tmp_path, "periodic", now=datetime(2020, 1, 1))
    assert thin_backups(tmp_path, date(2025, 6, 30)) == []
    assert only.exists()
