"""The command line's last resort: an error nobody foresaw ends with one Vietnamese line.

``command_log`` wraps a command: while it runs, log records (the technical detail of a refused
file, service calls) go to the data folder's log file; an exception that is not one of the
expected user errors is written there with its traceback and becomes ``UnexpectedError``, whose
message is one line naming the log file. Services run each change in one transaction, so the
data folder is left as it was. The log file is only created when something is written to it.
"""

import io
import logging
import logging.handlers
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kscdesk import paths
from kscdesk.cli.common import UserError
from kscdesk.logging_setup import LOG_FILE_NAME, rotate_log

log = logging.getLogger("kscdesk.cli")


class UnexpectedError(UserError):
    """An error kscdesk did not foresee; the traceback is in ``log_file``. A ``UserError`` so
    that ``main`` prints its one line and exits with code 1."""

    def __init__(self, log_file: Path) -> None:
        self.log_file = log_file
        super().__init__(
            "Chương trình gặp lỗi không lường trước nên đã dừng; dữ liệu không bị thay đổi. "
            f"Chi tiết đã ghi vào tệp nhật ký: {log_file}"
        )


class _LazyLogFile(logging.FileHandler):
    """A log file opened on the first record; in the temporary folder when the data folder's
    log folder cannot be created (a read-only folder must not turn into a second error)."""

    def __init__(self, log_file: Path) -> None:
        super().__init__(log_file, encoding="utf-8", delay=True)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

    def _open(self):  # type: ignore[no-untyped-def]  # logging's own signature
        for folder in (Path(self.baseFilename).parent, Path(tempfile.gettempdir()) / "kscdesk"):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                self.baseFilename = str(folder / LOG_FILE_NAME)
                rotate_log(Path(self.baseFilename))
                return super()._open()
            except OSError:
                continue
        return io.StringIO()  # nowhere to write: the records are dropped, never an error

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802
        """A log that cannot be written is not worth a second error on the screen."""


@contextmanager
def command_log(data_dir: str | None, expected: tuple[type[BaseException], ...]) -> Iterator[None]:
    """Log to the data folder while a command runs; turn an unforeseen error into one line."""
    try:
        folder = paths.log_dir(paths.data_dir(data_dir))
    except (OSError, ValueError):
        folder = Path(tempfile.gettempdir()) / "kscdesk"
    log_file = _LazyLogFile(folder / LOG_FILE_NAME)
    # Records wait in memory and reach the file only when the command fails (a refusal or an
    # unforeseen error) or logs a warning: a command that goes well leaves the data folder as
    # it was (``report build --demo`` never touches it at all).
    handler = logging.handlers.MemoryHandler(
        capacity=5000, flushLevel=logging.WARNING, target=log_file, flushOnClose=False
    )
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    try:
        yield
    except expected:
        handler.flush()
        raise
    except Exception as exc:
        log.error("unexpected error", exc_info=True)
        handler.flush()
        raise UnexpectedError(Path(log_file.baseFilename)) from exc
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
        handler.close()
        log_file.close()
