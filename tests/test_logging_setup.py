"""The log file lives in the data folder and is set up once per folder."""

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kscdesk.logging_setup import setup_logging


def file_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger("kscdesk").handlers if getattr(h, "kscdesk_file", False)]


@pytest.fixture(autouse=True)
def close_file_handlers() -> Iterator[None]:
    yield
    for handler in file_handlers():
        logging.getLogger("kscdesk").removeHandler(handler)
        handler.close()


def test_records_reach_the_log_file_in_the_data_folder(tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path)
    logging.getLogger("kscdesk.test").info("plan %s imported", "abc")
    for handler in file_handlers():
        handler.flush()
    assert log_file.parent == tmp_path / "logs"
    assert "plan abc imported" in log_file.read_text(encoding="utf-8")


def test_setting_up_twice_keeps_one_file_handler(tmp_path: Path) -> None:
    setup_logging(tmp_path / "a")
    setup_logging(tmp_path / "b")
    assert len(file_handlers()) == 1
