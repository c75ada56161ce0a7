"""Evidence files kept by content: ``<data>/attachments/ab/abcdef…`` named by their digest.

The digest is BLAKE3-256 (64 hex digits). Files stored before it was adopted keep their SHA-256
names; both are 64 hex digits and ``verify`` accepts either. The same file added twice is stored
once.

Adding a file copies it once: the source is mapped into memory and each block is hashed on a
helper thread while the same block is written, so the copy costs about what a plain copy does.
The copy lands in ``staged/<digest>`` without waiting for the disk; ``make_durable`` (called just
before a record that uses the file is committed) flushes it to the disk and moves it to its final
name. A crash in between leaves only a staged file, which nothing refers to and the next copy of
the same content replaces; staged files left for a day are removed.
"""

import hashlib
import mmap
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

import blake3

from kscdesk.domain.model import Attachment
from kscdesk.domain.text import nfc
from kscdesk.domain.work import Cancelled
from kscdesk.store.errors import AttachmentUnreadable

_BLOCK = 4 * 1024 * 1024
_BUFFERS = 3
_DIGEST = re.compile(r"^[0-9a-f]{64}$")
STAGED_DIR = "staged"
STAGED_KEEP_SECONDS = 24 * 3600

Progress = Callable[[int, int], None]
Cancelling = Callable[[], bool]


def file_digest(path: Path) -> str:
    """The BLAKE3-256 digest of a file, as the store names it."""
    digest = blake3.blake3()
    with Path(path).open("rb") as stream:
        while block := stream.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def digest_of_bytes(content: bytes) -> str:
    """The digest the store would name this content by."""
    return blake3.blake3(content).hexdigest()


def _map(source: BinaryIO, size: int) -> mmap.mmap | None:
    """The file mapped read-only, or None when it cannot be (empty, too large for a 32-bit
    address space, a device that refuses mappings)."""
    if not size:
        return None
    try:
        return mmap.mmap(source.fileno(), 0, access=mmap.ACCESS_READ)
    except (ValueError, OverflowError, OSError):
        return None


def _copy_mapped(
    mapped: mmap.mmap, size: int, target: BinaryIO, progress: Progress, cancelled: Cancelling
) -> str:
    """Write the mapped source block by block while a helper thread hashes the same block.

    Both read the one mapping: each page comes from the file (or the cache) once.
    """
    digest = blake3.blake3()
    with (
        mapped,
        memoryview(mapped) as view,
        ThreadPoolExecutor(1) as hasher,
    ):
        for start in range(0, size, _BLOCK):
            if cancelled():
                raise Cancelled
            with view[start : start + _BLOCK] as block:
                hashing = hasher.submit(digest.update, block)
                try:
                    target.write(block)
                finally:
                    hashing.result()  # the block is released only once hashed
            progress(min(start + _BLOCK, size), size)
    return digest.hexdigest()


def _copy_buffered(
    source: BinaryIO, size: int, target: BinaryIO, progress: Progress, cancelled: Cancelling
) -> str:
    """The same copy through buffers, for files that cannot be mapped."""
    digest = blake3.blake3()
    buffers = [bytearray(_BLOCK) for _ in range(_BUFFERS)]
    pending: list[Future[object] | None] = [None] * _BUFFERS
    done = 0
    with ThreadPoolExecutor(1) as hasher:
        turn = 0
        while True:
            previous = pending[turn]
            if previous is not None:
                previous.result()  # the hasher is done with this buffer
            if cancelled():
                raise Cancelled
            count = source.readinto(buffers[turn])  # type: ignore[attr-defined]
            if not count:
                break
            block = memoryview(buffers[turn])[:count]
            pending[turn] = hasher.submit(digest.update, block)
            target.write(block)
            done += count
            progress(done, max(size, done))
            turn = (turn + 1) % _BUFFERS
        for future in pending:
            if future is not None:
                future.result()
    return digest.hexdigest()


def _copy_hashing(
    path: Path, target: BinaryIO, progress: Progress, cancelled: Cancelling
) -> tuple[str, int]:
    """Copy ``path`` into ``target`` and return its digest and size (one read of the file)."""
    try:
        with path.open("rb", buffering=0) as source:
            size = os.fstat(source.fileno()).st_size
            mapped = _map(source, size)
            if mapped is not None:
                return _copy_mapped(mapped, size, target, progress, cancelled), size
            digest = _copy_buffered(source, size, target, progress, cancelled)
            return digest, target.tell()
    except OSError as error:
        if isinstance(error, FileNotFoundError | IsADirectoryError | PermissionError):
            raise AttachmentUnreadable(path, error.strerror or str(error)) from error
        if error.filename == str(path):
            raise AttachmentUnreadable(path, error.strerror or str(error)) from error
        raise


def _no_progress(done: int, total: int) -> None:
    """Progress is not reported."""


def _never() -> bool:
    return False


class AttachmentStore:
    """A folder of attachment files named by content; it knows nothing of the database."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_of(self, digest: str) -> Path:
        """Where the file with this digest lives once durable (whether or not it is there)."""
        return self.root / _checked(digest)[:2] / digest

    def _staged(self, digest: str) -> Path:
        return self.root / STAGED_DIR / _checked(digest)

    def has(self, digest: str) -> bool:
        """True when a file with this digest is stored (durable or staged)."""
        return self.path_of(digest).is_file() or self._staged(digest).is_file()

    def located(self, digest: str) -> Path | None:
        """The file with this digest, durable or staged, or None when it is not stored."""
        for path in (self.path_of(digest), self._staged(digest)):
            if path.is_file():
                return path
        return None

    def add_file(
        self, path: Path, progress: Progress | None = None, cancelled: Cancelling | None = None
    ) -> Attachment:
        """Copy a file into the store (once per content) and describe it.

        The file is read once. ``progress(done, total)`` gets byte counts; when ``cancelled()``
        turns true the copy stops, nothing is stored and Cancelled is raised.
        AttachmentUnreadable when the file cannot be read. The copy is staged: call
        ``make_durable`` before committing a record that uses it.
        """
        path = Path(path)
        staging = self.root / STAGED_DIR
        staging.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=staging)
        temp = Path(temp_name)
        try:
            with os.fdopen(handle, "wb", buffering=0) as target:
                digest, size = _copy_hashing(
                    path, target, progress or _no_progress, cancelled or _never
                )
            if not self.path_of(digest).is_file():
                os.replace(temp, self._staged(digest))
        finally:
            temp.unlink(missing_ok=True)
        return Attachment(digest=digest, file_name=nfc(path.name), size=size)

    def make_durable(self, digests: Iterable[str]) -> list[str]:
        """Flush staged files to the disk and give them their final names.

        Returns the digests that are in the store neither way (the caller refuses to commit a
        record that uses them).
        """
        missing = []
        for digest in digests:
            final, staged = self.path_of(digest), self._staged(digest)
            if final.is_file():
                staged.unlink(missing_ok=True)
                continue
            try:
                with staged.open("r+b") as stream:  # Windows flushes only a writable handle
                    os.fsync(stream.fileno())
            except FileNotFoundError:
                missing.append(digest)
                continue
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, final)
        return missing

    def prune_staged(self, now: float | None = None) -> None:
        """Remove staged copies no record took within a day (a closed dialog, a crash)."""
        staging = self.root / STAGED_DIR
        if not staging.is_dir():
            return
        cutoff = (now if now is not None else time.time()) - STAGED_KEEP_SECONDS
        for path in staging.iterdir():
            try:
                if path.is_file() and path.stat().st_mtime < cutoff:
                    path.unlink()
            except OSError:
                continue  # open elsewhere (Windows): next time

    def remove(self, digest: str) -> None:
        """Delete the stored file with this digest (the caller checks no record uses it)."""
        self.path_of(digest).unlink(missing_ok=True)
        self._staged(digest).unlink(missing_ok=True)

    @staticmethod
    def sha256_of(stored: Path) -> str:
        """The SHA-256 of a stored file (``located``): packages name files by it."""
        with stored.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()

    def verify(self, digest: str) -> bool:
        """True when the stored file exists and its content still has this digest (BLAKE3, or
        SHA-256 for files stored before BLAKE3 was adopted)."""
        stored = self.located(digest)
        if stored is None:
            return False
        return file_digest(stored) == digest or self.sha256_of(stored) == digest


def _checked(digest: str) -> str:
    if not _DIGEST.match(digest):
        raise ValueError(f"not a lower-case 64-digit hex digest: {digest!r}")
    return digest
