"""``kscdesk office show|set``: the JSON shape other tools read, and refusals."""

import json
from pathlib import Path

import pytest

from kscdesk.cli import main


def test_office_show_before_anything_is_set_prints_nulls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["office", "show", "--json", "--data-dir", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "name": None,
        "level": None,
        "code": None,
        "parent": None,
    }


def test_office_set_then_show_gives_the_office_and_its_parent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["office", "set", "--data-dir", str(tmp_path), "--name", "Phường Đức Phổ"]
    argv += ["--level", "commune", "--code", "21583", "--parent", "Tỉnh Quảng Ngãi"]
    assert main(argv) == 0
    capsys.readouterr()
    assert main(["office", "show", "--json", "--data-dir", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "name": "Phường Đức Phổ",
        "level": "commune",
        "code": "21583",
        "parent": {"name": "Tỉnh Quảng Ngãi", "level": "province", "code": ""},
    }


def test_office_set_with_an_unknown_level_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["office", "set", "--data-dir", str(tmp_path), "--name", "X", "--level", "ward"])
    assert stop.value.code == 2


def test_office_set_with_levels_upside_down_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["office", "set", "--data-dir", str(tmp_path), "--name", "Tỉnh Quảng Ngãi"]
    argv += ["--level", "province", "--parent", "Huyện Sơn Tịnh"]
    assert main(argv) == 1
    assert "cấp cao hơn" in capsys.readouterr().err
