"""The one boundary between kscdesk's file readers and the third-party parsers they call.

zipfile, zlib, lxml, python-docx, openpyxl (and whatever PDF, spreadsheet or package library a
reader adds) raise anything from ``KeyError`` to ``OverflowError`` on a damaged file. Inside
``unreadable_file_boundary(path)`` every such exception becomes ``UnreadablePlanFile``: a Vietnamese
message naming the file, with the technical detail and traceback written to the log (INFO, so a
refusal is never reported as a program fault). Our own refusals (``PlanFileError``), cancellation
and interrupts pass through unchanged.

``plan_reader.read_plan`` wraps its whole dispatch in it, so a reader registered there is covered
without doing anything; a reader called from elsewhere (the package reader) wraps its own call,
naming its own refusal (a ``PlanFileError`` subclass) if it has one::

    regular_file_size(path)
    with unreadable_file_boundary(path, refusal=DamagedPackage):
        package = read_package(path)

``regular_file_size(path)`` is the first step of every reader: only a regular file is opened (a
FIFO would block forever, a link to /dev/zero would be read until memory runs out), and its size
comes from the file system before anything reads it.
"""

import logging
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kscdesk.domain.work import Cancelled
from kscdesk.formats.errors import (
    NotARegularFile,
    OversizedFile,
    PlanFileError,
    UnreadablePlanFile,
    display_name,
)

log = logging.getLogger(__name__)

MAX_INPUT_BYTES = 50 * 1024 * 1024


@contextmanager
def unreadable_file_boundary(
    path: Path, refusal: type[PlanFileError] = UnreadablePlanFile
) -> Iterator[None]:
    """Turn any exception a parser raises inside the block into ``refusal(path)``: by default
    ``UnreadablePlanFile``; a reader of another kind of file passes its own ``PlanFileError``
    subclass (a damaged exchange package)."""
    try:
        yield
    except (PlanFileError, Cancelled, KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except PermissionError as exc:
        raise refusal(path, "Không có quyền đọc tệp.") from exc
    except FileNotFoundError as exc:
        raise refusal(path, "Không tìm thấy tệp.") from exc
    except Exception as exc:  # MemoryError and RecursionError included: a refusal, not a crash
        log.info(
            "unreadable file %s: %s: %s",
            display_name(path),
            type(exc).__name__,
            str(exc)[:500],
            exc_info=True,
        )
        raise refusal(path) from exc


def regular_file_size(path: Path, limit: int = MAX_INPUT_BYTES) -> int:
    """The size of ``path`` from the file system; refused unless a regular file within ``limit``.

    ``os.stat`` follows symbolic links, so a link to a device or a pipe is refused too, and never
    opens the file (opening a FIFO blocks until someone writes to it).
    """
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise UnreadablePlanFile(path, "Không tìm thấy tệp.") from exc
    except PermissionError as exc:
        raise UnreadablePlanFile(path, "Không có quyền đọc tệp.") from exc
    except (OSError, ValueError) as exc:
        raise UnreadablePlanFile(path) from exc
    if not stat.S_ISREG(info.st_mode):
        raise NotARegularFile(path)
    if info.st_size > limit:
        limit_mb = limit // (1024 * 1024)
        raise OversizedFile(
            path, f"Kích thước {info.st_size / 1024 / 1024:.0f} MB, tối đa {limit_mb} MB."
        )
    return info.st_size


def read_bounded(path: Path, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The whole content of a regular file, reading no more than the size the file system gave."""
    size = regular_file_size(path, limit)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    with unreadable_file_boundary(path):
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # swapped since the stat
                raise NotARegularFile(path)
            return stream.read(size)
