"""The parser boundary: whatever a third-party parser raises becomes the importer's own refusal."""

import logging
import zlib
from pathlib import Path

import pytest

from kscdesk.domain.work import Cancelled
from kscdesk.formats.errors import EmptyPlanTable, UnreadablePlanFile
from kscdesk.formats.parser_boundary import (
    read_bounded,
    regular_file_size,
    unreadable_file_boundary,
)


@pytest.mark.parametrize(
    "raised",
    [
        KeyError("word/document.xml"),
        AttributeError("'lxml.etree._Element' object has no attribute 'body'"),
        zlib.error("Error -3 while decompressing data"),
        OverflowError("cannot convert Infinity to integer"),
        IndexError("list index out of range"),
        NotImplementedError("That compression method is not supported"),
        OSError("Invalid data stream"),
        MemoryError(),
        RecursionError("maximum recursion depth exceeded"),
        UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_any_parser_exception_becomes_an_unreadable_file_with_the_detail_in_the_log(
    raised: BaseException, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kscdesk.formats.parser_boundary")
    with (
        pytest.raises(UnreadablePlanFile) as caught,
        unreadable_file_boundary(Path("kế hoạch.docx")),
    ):
        raise raised
    assert str(caught.value).startswith("Tệp “kế hoạch.docx”: Tệp bị hỏng")
    assert caught.value.__cause__ is raised
    (record,) = caplog.records
    assert record.levelno == logging.INFO  # a refusal, not a program fault
    assert record.exc_info is not None and record.exc_info[1] is raised
    assert type(raised).__name__ in record.getMessage()


@pytest.mark.parametrize("passing", [EmptyPlanTable("a.docx"), Cancelled()], ids=repr)
def test_our_own_refusals_and_cancellation_pass_through(passing: Exception) -> None:
    with pytest.raises(type(passing)) as caught, unreadable_file_boundary(Path("a.docx")):
        raise passing
    assert caught.value is passing


def test_a_missing_file_is_named_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(UnreadablePlanFile, match="Không tìm thấy tệp"):
        regular_file_size(tmp_path / "không có.docx")


def test_reads_stop_at_the_size_the_file_system_gave(tmp_path: Path) -> None:
    path = tmp_path / "kh.json"
    path.write_bytes(b"{}")
    assert read_bounded(path) == b"{}"
    with pytest.raises(Exception, match="tối đa 0 MB"):
        read_bounded(path, limit=1)


def test_a_reader_may_name_its_own_refusal() -> None:
    class DamagedPackage(UnreadablePlanFile):
        reason = "Gói dữ liệu bị hỏng."

    with (
        pytest.raises(DamagedPackage, match="Gói dữ liệu bị hỏng"),
        unreadable_file_boundary(Path("goi.kscpkg"), refusal=DamagedPackage),
    ):
        raise KeyError("manifest.json")
