"""Atomic writes of output files: a temporary file beside the target, then one rename.

A crash, a full disk or a file locked by Word never leaves a half-written report behind, and an
existing file is only replaced by a complete one.
"""

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it replaces ``target`` in one step."""
    target = Path(target)
    handle, name = tempfile.mkstemp(
        prefix=f".{target.stem}-", suffix=target.suffix, dir=target.parent
    )
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        with open(temp, "rb+") as written:  # on disk before the rename makes it visible
            os.fsync(written.fileno())
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
