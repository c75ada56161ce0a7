"""A rotating log file in the data folder: service calls and ids, never document contents."""

import logging
import logging.handlers
from pathlib import Path

from kscdesk import paths

LOG_NAME = "kscdesk.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(data_folder: Path, *, level: int = logging.INFO) -> Path:
    """Send kscdesk's log records to <data>/logs/kscdesk.log (1 MB × 5 files); return its path."""
    folder = paths.log_dir(data_folder)
    folder.mkdir(parents=True, exist_ok=True)
    log_file = folder / LOG_NAME
    logger = logging.getLogger("kscdesk")
    for handler in list(logger.handlers):
        if getattr(handler, "kscdesk_file", False):
            logger.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.kscdesk_file = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    logger.setLevel(level)
    return log_file
