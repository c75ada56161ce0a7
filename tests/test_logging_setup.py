"""The log file: in the data folder, rotated when a session starts."""

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kscdesk.logging_setup import rotate_log, start_logging


@pytest.fixture
def handlers() -> Iterator[list[logging.Handler]]:
    started: list[logging.Handler] = []
    yield started
    for handler in started:
        logging.getLogger().removeHandler(handler)
        handler.close()


def test_records_reach_the_log_file_in_the_data_folder(
    tmp_path: Path, handlers: list[logging.Handler]
) -> None:
    log_file, handler = start_logging(tmp_path)
    handlers.append(handler)
    logging.getLogger("kscdesk.test").info("plan %s imported", "abc")
    handler.flush()
    assert log_file == tmp_path / "logs" / "kscdesk.log"
    assert "plan abc imported" in log_file.read_text(encoding="utf-8")


def test_a_large_log_is_rotated_keeping_three_old_copies(tmp_path: Path) -> None:
    log_file = tmp_path / "kscdesk.log"
    for number, text in ((3, "oldest"), (2, "older"), (1, "old")):
        log_file.with_name(f"kscdesk.log.{number}").write_text(text, encoding="utf-8")
    log_file.write_text("x" * 20, encoding="utf-8")
    rotate_log(log_file, max_bytes=10, copies=3)
    assert not log_file.exists()
    assert log_file.with_name("kscdesk.log.1").read_text(encoding="utf-8") == "x" * 20
    assert log_file.with_name("kscdesk.log.2").read_text(encoding="utf-8") == "old"
    assert log_file.with_name("kscdesk.log.3").read_text(encoding="utf-8") == "older"


def test_a_small_log_is_kept_as_it_is(tmp_path: Path) -> None:
    log_file = tmp_path / "kscdesk.log"
    log_file.write_text("short", encoding="utf-8")
    rotate_log(log_file, max_bytes=10)
    assert log_file.read_text(encoding="utf-8") == "short"
