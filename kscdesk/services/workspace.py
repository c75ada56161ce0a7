"""A workspace: one data folder with its database and attachment store, opened per thread."""

from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Self

from sqlite_utils import Database

from kscdesk import paths
from kscdesk.store import database, plans
from kscdesk.store.attachments import AttachmentStore
from kscdesk.store.location import Storage, StorageKind, detect_storage, journal_mode_for


@dataclass
class Workspace:
    """What a service needs: the folder, an open database, the attachment store.

    A sqlite3 connection belongs to the thread that opened it, so a background worker opens its
    own Workspace on the same folder.
    """

    folder: Path
    db: Database
    attachments: AttachmentStore
    storage: Storage = field(default_factory=lambda: Storage(StorageKind.LOCAL))

    @classmethod
    def open(cls, folder: Path) -> "Workspace":
        """Open the folder's database with the journal mode its drive needs (WAL on a local
        disk; the rollback journal on a network share or USB drive)."""
        folder.mkdir(parents=True, exist_ok=True)
        storage = detect_storage(folder)
        db = database.open_database(
            paths.database_path(folder),
            backups_dir=paths.backups_dir(folder),
            journal_mode=journal_mode_for(storage),
        )
        attachments = AttachmentStore(paths.attachments_dir(folder))
        attachments.prune_staged()
        return cls(folder=folder, db=db, attachments=attachments, storage=storage)

    @property
    def database_path(self) -> Path:
        return paths.database_path(self.folder)

    @property
    def backups_dir(self) -> Path:
        return paths.backups_dir(self.folder)

    def is_empty(self) -> bool:
        """True when no plan is stored yet (the first start offers the demo data)."""
        return not plans.list_plans(self.db)

    def close(self) -> None:
        database.close_database(self.db)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
