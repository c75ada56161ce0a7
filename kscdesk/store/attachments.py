"""Evidence files kept by content: ``<data>/attachments/ab/abcdef…`` named by their SHA-256.

The same file added twice is stored once. Files are written to a temporary name and moved into
place, so a crash never leaves a partial file under a final name.
"""

import hashlib
import os
import re
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

from kscdesk.domain.model import Attachment
from kscdesk.domain.text import nfc
from kscdesk.domain.work import Cancelled
from kscdesk.store.errors import AttachmentUnreadable

_BLOCK = 1024 * 1024
_COPY_BLOCK = 4 * 1024 * 1024
_BUFFERS = 3
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def _copy_hashing(
    path: Path,
    target: BinaryIO,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> tuple[str, int]:
    """Copy ``path`` into ``target`` block by block; hash each block while it is written.

    hashlib releases the GIL on large blocks, so hashing one block on a helper thread overlaps
    with reading and writing the next: the copy costs about as much as the slower of the two.
    """
    digest = hashlib.sha256()
    buffers = [bytearray(_COPY_BLOCK) for _ in range(_BUFFERS)]
    pending: list[Future[None] | None] = [None] * _BUFFERS
    size = 0
    try:
        total = path.stat().st_size
        with path.open("rb", buffering=0) as source, ThreadPoolExecutor(1) as hasher:
            turn = 0
            while True:
                previous = pending[turn]
                if previous is not None:
                    previous.result()  # the hasher is done with this buffer
                if cancelled is not None and cancelled():
                    raise Cancelled
                count = source.readinto(buffers[turn])
                if not count:
                    break
                block = memoryview(buffers[turn])[:count]
                pending[turn] = hasher.submit(digest.update, block)
                target.write(block)
                size += count
                if progress is not None:
                    progress(size, total)
                turn = (turn + 1) % _BUFFERS
            for future in pending:
                if future is not None:
                    future.result()
    except OSError as error:
        if isinstance(error, FileNotFoundError | IsADirectoryError | PermissionError):
            raise AttachmentUnreadable(path, error.strerror or str(error)) from error
        if error.filename == str(path):
            raise AttachmentUnreadable(path, error.strerror or str(error)) from error
        raise
    return digest.hexdigest(), size


class AttachmentStore:
    """A folder of attachment files named by content; it knows nothing of the database."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_of(self, sha256: str) -> Path:
        """Where the file with this SHA-256 lives (whether or not it is there)."""
        if not _SHA256.match(sha256):
            raise ValueError(f"not a lower-case SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        """True when a file with this SHA-256 is stored."""
        return self.path_of(sha256).is_file()

    def add_file(
        self,
        path: Path,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Attachment:
        """Copy a file into the store (once per content) and describe it.

        The file is read once: each block is hashed on a helper thread while the same block is
        written. ``progress(done, total)`` gets byte counts; when ``cancelled()`` turns true the
        copy stops, nothing is stored and Cancelled is raised. AttachmentUnreadable when the
        file cannot be read.
        """
        path = Path(path)
        self.root.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        temp = Path(temp_name)
        try:
            with os.fdopen(handle, "wb", buffering=0) as target:
                sha256, size = _copy_hashing(path, target, progress, cancelled)
                os.fsync(target.fileno())
            final = self.path_of(sha256)
            if final.is_file():
                temp.unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(temp, final)
        finally:
            temp.unlink(missing_ok=True)
        return Attachment(sha256=sha256, file_name=nfc(path.name), size=size)

    def remove(self, sha256: str) -> None:
        """Delete the stored file with this SHA-256 (the caller checks no record uses it)."""
        self.path_of(sha256).unlink(missing_ok=True)

    def verify(self, sha256: str) -> bool:
        """True when the stored file exists and its content still has this SHA-256."""
        stored = self.path_of(sha256)
        if not stored.is_file():
            return False
        return _hash_file(stored) == sha256
