"""The plain package reader lists a package kscdesk wrote just as zipfile does, and leaves every
other archive to zipfile."""

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.packages import make_package, report_json

from kscdesk.formats.package.plain_zip import plain_archive
from kscdesk.formats.package.reader import read_package
from kscdesk.formats.package.signing import generate_key

KEY = generate_key()
FIELDS = (
    "filename",
    "compress_type",
    "compress_size",
    "file_size",
    "header_offset",
    "CRC",
    "external_attr",
    "flag_bits",
)


def _facts(infos: list[zipfile.ZipInfo]) -> list[tuple[object, ...]]:
    facts = [tuple(getattr(i, f) for f in FIELDS) for i in infos]
    return sorted(facts, key=lambda fact: str(fact[0]))


def test_a_written_package_is_listed_as_zipfile_lists_it(tmp_path: Path) -> None:
    out = tmp_path / "p.kscx"
    make_package(out, KEY)
    plain = plain_archive(out.read_bytes())
    assert plain is not None
    with zipfile.ZipFile(out) as archive:
        assert _facts(plain.infolist()) == _facts(archive.infolist())
    assert read_package(out).data == report_json()


def _copy(source: Path, out: Path, extra: Callable[[zipfile.ZipFile], None]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        extra(new)
    return out


@pytest.mark.parametrize(
    "change",
    [
        lambda a: setattr(a, "comment", b"note"),
        lambda a: a.writestr("attachments/" + "a" * 64, b"x", zipfile.ZIP_DEFLATED),
        lambda a: a.writestr("other.txt", b"x", zipfile.ZIP_DEFLATED),
    ],
    ids=["comment", "attachment", "unknown member"],
)
def test_an_archive_that_is_not_plain_is_left_to_zipfile(
    tmp_path: Path, change: Callable[[zipfile.ZipFile], None]
) -> None:
    good = tmp_path / "p.kscx"
    make_package(good, KEY)
    other = _copy(good, tmp_path / "q.kscx", change)
    assert plain_archive(other.read_bytes()) is None


def test_a_stored_member_or_bytes_before_the_archive_are_left_to_zipfile(tmp_path: Path) -> None:
    good = tmp_path / "p.kscx"
    make_package(good, KEY)
    stored = tmp_path / "s.kscx"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(stored, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info), zipfile.ZIP_STORED)
    assert plain_archive(stored.read_bytes()) is None
    assert plain_archive(b"prefix" + good.read_bytes()) is None
    assert plain_archive(good.read_bytes()[:-1]) is None
