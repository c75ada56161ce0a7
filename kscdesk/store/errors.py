"""Errors of the store: the database file or a record is not what the app can use.

Every message is Vietnamese, for the user, and names the file or record concerned.
"""

from pathlib import Path


class StoreError(Exception):
    """Base of every error raised by kscdesk.store; its message is Vietnamese, for the user."""


class DatabaseFromNewerVersion(StoreError):
    """The file was written by a newer kscdesk: its schema version is above the one we know."""

    def __init__(self, path: Path | None, found: int, supported: int) -> None:
        self.path = path
        self.found = found
        self.supported = supported
        where = f"Tệp dữ liệu {path}" if path is not None else "Cơ sở dữ liệu"
        super().__init__(
            f"{where} được tạo bởi phiên bản kscdesk mới hơn (phiên bản dữ liệu {found}, "
            f"phiên bản này chỉ đọc được đến {supported}). Hãy cài phiên bản kscdesk mới nhất; "
            "tệp không bị thay đổi."
        )


class DatabaseUnreadable(StoreError):
    """The file is not an SQLite database, is damaged, or cannot be opened."""

    def __init__(self, path: Path, detail: str = "") -> None:
        self.path = path
        self.detail = detail
        message = (
            f"Không đọc được tệp dữ liệu {path}: tệp không phải cơ sở dữ liệu của kscdesk "
            "hoặc đã bị hỏng."
        )
        if detail:
            message += f" (Chi tiết: {detail})"
        super().__init__(message + " Hãy khôi phục từ một bản sao lưu.")


class RecordNotFound(StoreError):
    """A record looked up by its uid is not in the database."""

    def __init__(self, what: str, uid: str) -> None:
        self.what = what
        self.uid = uid
        super().__init__(f"Không tìm thấy {what} có mã {uid} trong cơ sở dữ liệu.")


class AttachmentUnreadable(StoreError):
    """A file given as an attachment cannot be read."""

    def __init__(self, path: Path, detail: str = "") -> None:
        self.path = path
        self.detail = detail
        message = f"Không đọc được tệp đính kèm {path}"
        super().__init__(f"{message} ({detail})." if detail else f"{message}.")


class BackupFailed(StoreError):
    """A backup copy did not pass the integrity check; it was discarded."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(
            f"Bản sao lưu {path.name} không vượt qua kiểm tra toàn vẹn ({detail}) nên đã bị bỏ. "
            "Dữ liệu hiện tại không bị thay đổi."
        )
