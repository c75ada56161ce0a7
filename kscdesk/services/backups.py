"""Use cases on backups: list, take (verified, then thinned), the daily snapshot, restore.

A backup is a copy through SQLite's online backup API, opened and integrity-checked before it
counts (kscdesk.store.backup). Backups are taken at the first start of each day, before every
import, migration or merge, and on request; old ones are thinned to 7 daily, 4 weekly and
12 monthly copies. A restore backs up the current data first, so it can itself be undone.
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kscdesk import paths
from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.store import backup as store_backup

log = logging.getLogger(__name__)

REASON_DAILY = "hang ngay"
REASON_MANUAL = "thu cong"

# What a backup's reason slug means, for lists the officer reads.
REASON_LABELS = {
    "hang-ngay": "Sao lưu hằng ngày",
    "thu-cong": "Sao lưu thủ công",
    "truoc-khi-khoi-phuc": "Trước khi khôi phục",
    "truoc-khi-nhap": "Trước khi nhập kế hoạch",
    "truoc-khi-hop-nhat": "Trước khi tổng hợp",
}


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the officer sees it in a list."""

    path: Path
    taken_at: datetime
    reason: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def label(self) -> str:
        """The reason in Vietnamese ("Trước khi nâng cấp v1" for a migration)."""
        if self.reason.startswith("truoc-nang-cap-v"):
            return f"Trước khi nâng cấp dữ liệu (phiên bản {self.reason.rsplit('v', 1)[-1]})"
        return REASON_LABELS.get(self.reason, self.reason.replace("-", " "))


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups of a data folder, newest first."""
    found = []
    for item in store_backup.list_backups(paths.backups_dir(folder)):
        try:
            size = item.path.stat().st_size
        except FileNotFoundError:  # thinned meanwhile
            continue
        found.append(BackupInfo(item.path, item.taken_at, item.reason, size))
    return found


def create_backup(ws: Workspace, reason: str = REASON_MANUAL, *, today: date | None = None) -> Path:
    """Take a verified backup now, then thin the folder; the backup's path.

    Raises BackupFailed (a StoreError) when the copy does not pass the check; nothing is kept.
    """
    saved = store_backup.backup_database(ws.db, ws.backups_dir, reason)
    deleted = store_backup.thin_backups(ws.backups_dir, today or date.today())
    log.info("backup %s taken (%s); %d old backups thinned", saved.name, reason, len(deleted))
    return saved


def backup_before(ws: Workspace, what: str) -> Path:
    """The backup taken before an import, a merge or another large change ("truoc khi nhap")."""
    return create_backup(ws, f"truoc khi {what}")


def daily_backup_due(folder: Path, today: date) -> bool:
    """True when no backup of this folder has been taken today."""
    return not any(item.taken_at.date() == today for item in list_backups(folder))


def take_daily_backup(ws: Workspace, *, today: date | None = None) -> Path | None:
    """At the first start of a day, a snapshot of the data (None when one exists already)."""
    day = today or date.today()
    if ws.is_empty() or not daily_backup_due(ws.folder, day):
        return None
    return create_backup(ws, REASON_DAILY, today=day)


def find_backup(folder: Path, ref: str) -> BackupInfo:
    """A backup by its file name (or the start of it), its number in the list (1 = newest),
    or a path to a backup file anywhere."""
    backups = list_backups(folder)
    if ref.isdigit() and 1 <= int(ref) <= len(backups):
        return backups[int(ref) - 1]
    matches = [item for item in backups if item.name.startswith(ref)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise ServiceError(f"“{ref}” khớp với nhiều bản sao lưu. Hãy gõ đủ tên tệp.")
    path = Path(ref)
    if path.is_file():
        return BackupInfo(
            path, datetime.fromtimestamp(path.stat().st_mtime), "tep", path.stat().st_size
        )
    raise ServiceError(
        f"Không tìm thấy bản sao lưu “{ref}”. Xem danh sách bằng lệnh: kscdesk backup list"
    )


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    safety_copy: Path | None  # the data as it was before the restore (None: there was none)


def restore_backup(folder: Path, item: BackupInfo) -> RestoreResult:
    """Put a backup in place of the folder's database, which no one may have open.

    The current database is backed up first (a damaged one byte for byte). A damaged backup,
    or one from a newer kscdesk, is refused before anything is touched.
    """
    problem = store_backup.check_integrity(item.path, quick=False)
    if problem is not None:
        raise ServiceError(
            f"Bản sao lưu “{item.name}” bị hỏng ({problem}); không khôi phục. "
            "Dữ liệu hiện tại không bị thay đổi."
        )
    safety = store_backup.restore_backup(
        item.path, paths.database_path(folder), paths.backups_dir(folder)
    )
    log.info("restored %s into %s (current data kept as %s)", item.name, folder, safety)
    return RestoreResult(restored=item, safety_copy=safety)


@dataclass(frozen=True)
class FolderHealth:
    """What the start-up check found: None when the database is fine (or not there yet)."""

    problem: str | None
    newest_good: BackupInfo | None


def check_data_folder(folder: Path) -> FolderHealth:
    """The quick integrity check run at start, before the database is opened for writing."""
    database = paths.database_path(folder)
    if not database.exists() or database.stat().st_size == 0:
        return FolderHealth(None, None)
    problem = store_backup.check_integrity(database, quick=True)
    if problem is None:
        return FolderHealth(None, None)
    log.error("integrity check of %s failed: %s", database, problem)
    good = store_backup.newest_good_backup(paths.backups_dir(folder))
    info = None
    if good is not None:
        info = BackupInfo(good.path, good.taken_at, good.reason, good.path.stat().st_size)
    return FolderHealth(problem, info)
