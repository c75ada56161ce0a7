"""The log file in the data folder: service calls and the ids they touched, never contents.

The file is rotated when a session starts (1 MB, 3 old copies) rather than while it runs: a
desktop session is short, and plain ``logging.FileHandler`` keeps ``logging.handlers`` (with
socket, pickle, queue) out of the start-up path.
"""

import logging
from pathlib import Path

from kscdesk import paths

LOG_FILE_NAME = "kscdesk.log"
MAX_BYTES = 1_000_000
OLD_COPIES = 3


def rotate_log(log_file: Path, max_bytes: int = MAX_BYTES, copies: int = OLD_COPIES) -> None:
    """kscdesk.log → kscdesk.log.1 → … → kscdesk.log.N (dropped) when the file is too large."""
    if not log_file.exists() or log_file.stat().st_size < max_bytes:
        return
    for number in range(copies, 0, -1):
        older = log_file.with_name(f"{log_file.name}.{number}")
        newer = log_file.with_name(f"{log_file.name}.{number - 1}") if number > 1 else log_file
        if newer.exists():
            newer.replace(older)


def start_logging(data_folder: Path) -> tuple[Path, logging.Handler]:
    """Log to <data>/logs/kscdesk.log from now on; returns its path and the handler to remove."""
    folder = paths.log_dir(data_folder)
    folder.mkdir(parents=True, exist_ok=True)
    log_file = folder / LOG_FILE_NAME
    rotate_log(log_file)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return log_file, handler
