"""``kscdesk backup list|create|restore`` through the CLI entry point."""

import json
import sys
from pathlib import Path

import pytest

from kscdesk.cli import main


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_create_list_and_restore_a_backup_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path)]
    assert main(["office", "set", *data, "--name", "Phường Đức Phổ", "--level", "commune"]) == 0
    capsys.readouterr()
    created = run_json(capsys, "backup", "create", "--json", *data)
    assert isinstance(created, dict) and created["label"] == "Sao lưu thủ công"
    assert main(["office", "set", *data, "--name", "Xã Khác", "--level", "commune"]) == 0
    capsys.readouterr()
    listed = run_json(capsys, "backup", "list", "--json", *data)
    assert isinstance(listed, list) and [item["name"] for item in listed] == [created["name"]]
    restored = run_json(capsys, "backup", "restore", created["name"], "--json", *data)
    assert isinstance(restored, dict) and restored["safety_copy"]
    office = run_json(capsys, "office", "show", "--json", *data)
    assert isinstance(office, dict) and office["name"] == "Phường Đức Phổ"
    assert main(["backup", "list", *data]) == 0
    out = capsys.readouterr().out
    assert "Trước khi khôi phục" in out and "Sao lưu thủ công" in out


def test_restoring_an_unknown_backup_is_a_user_error_that_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "restore", "khong-co", "--data-dir", str(tmp_path)]) == 1
    assert "Không tìm thấy bản sao lưu" in capsys.readouterr().err
    assert not (tmp_path / "kscdesk.sqlite3").exists()


def test_list_of_an_empty_folder_says_there_is_no_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "list", "--data-dir", str(tmp_path)]) == 0
    assert "Chưa có bản sao lưu" in capsys.readouterr().out


def test_restore_is_refused_while_a_window_has_the_folder_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import socket

    from kscdesk.instance import instance_key

    data = ["--data-dir", str(tmp_path)]
    assert main(["backup", "create", *data]) == 0
    capsys.readouterr()
    key = instance_key(tmp_path.resolve())
    if sys.platform == "win32":
        pytest.skip("the running window is simulated with a Unix socket")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(key)
    listener.listen(1)
    try:
        before = (tmp_path / "kscdesk.sqlite3").read_bytes()
        assert main(["backup", "restore", "1", *data]) == 1
        assert "đang mở thư mục dữ liệu" in capsys.readouterr().err
        assert (tmp_path / "kscdesk.sqlite3").read_bytes() == before
    finally:
        listener.close()
        Path(key).unlink()
