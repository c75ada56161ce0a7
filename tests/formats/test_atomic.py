"""Output files are replaced only by complete ones."""

from pathlib import Path

import pytest

from kscdesk.formats.atomic_write import write_atomically


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "báo cáo.xlsx"
    target.write_bytes(b"old")

    def fail(temp: Path) -> None:
        temp.write_bytes(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(target, fail)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_complete_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def write(temp: Path) -> None:
        assert temp.parent == tmp_path and temp != target
        temp.write_bytes(b"new")

    write_atomically(target, write)
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
