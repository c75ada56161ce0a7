"""Evidence files kept by content: ``<data>/attachments/ab/abcdef…`` named by their SHA-256.

The same file added twice is stored once. Files are written to a temporary name and moved into
place, so a crash never leaves a partial file under a final name.
"""

import hashlib
import os
import re
import tempfile
from pathlib import Path

from kscdesk.domain.model import Attachment
from kscdesk.domain.text import nfc
from kscdesk.store.errors import AttachmentUnreadable

_BLOCK = 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while block := stream.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


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

    def add_file(self, path: Path) -> Attachment:
        """Copy a file into the store (once per content) and describe it.

        The file is read once, hashed while it is copied. AttachmentUnreadable when it cannot
        be read.
        """
        path = Path(path)
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        handle, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        temp = Path(temp_name)
        try:
            with os.fdopen(handle, "wb") as target:
                try:
                    with path.open("rb") as source:
                        while block := source.read(_BLOCK):
                            digest.update(block)
                            target.write(block)
                            size += len(block)
                except OSError as error:
                    raise AttachmentUnreadable(path, error.strerror or str(error)) from error
                target.flush()
                os.fsync(target.fileno())
            sha256 = digest.hexdigest()
            final = self.path_of(sha256)
            if final.is_file():
                temp.unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(temp, final)
        finally:
            temp.unlink(missing_ok=True)
        return Attachment(sha256=sha256, file_name=nfc(path.name), size=size)

    def verify(self, sha256: str) -> bool:
        """True when the stored file exists and its content still has this SHA-256."""
        stored = self.path_of(sha256)
        if not stored.is_file():
            return False
        return _hash_file(stored) == sha256
