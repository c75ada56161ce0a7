"""Atomic writes of output files: a temporary file next to the target, synced, then one replace.

A crash, a full disk or a file locked by Word never leaves a half-written file behind.

When Word or Excel holds the target open, Windows refuses the replace (PermissionError): the
officer gets `OutputFileLocked` with a Vietnamese message, the old file stays as it was and the
temporary file is removed, so nothing is ever half-written.
"""

import contextlib
import os
from collections.abc import Callable
from pathlib import Path


class OutputFileError(Exception):
    """An output file could not be written; ``str(err)`` is the message shown to the officer."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(message)


class OutputFileLocked(OutputFileError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"Không ghi được tệp “{path.name}” vì tệp đang được mở (trong Word hoặc Excel). "
            "Hãy đóng tệp đó rồi thử lại; tệp cũ vẫn được giữ nguyên.",
        )


class OutputFolderNotWritable(OutputFileError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            path,
            f"Không ghi được tệp “{path.name}” vào thư mục “{path.parent}”: {detail}. "
            "Hãy chọn thư mục khác.",
        )


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a temporary path beside ``target``, then replace ``target``."""
    tmp = target.with_name(f".~{target.stem}.{os.getpid()}.tmp{target.suffix}")
    try:
        write(tmp)
        with open(tmp, "rb+") as written:  # on disk before the replace makes it visible
            os.fsync(written.fileno())
    except PermissionError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputFolderNotWritable(target, "không có quyền ghi") from error
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputFolderNotWritable(target, error.strerror or str(error)) from error
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    try:
        os.replace(tmp, target)
    except PermissionError as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputFileLocked(target) from error
    return target
