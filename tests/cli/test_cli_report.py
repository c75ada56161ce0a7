"""``kscdesk indicator`` and ``kscdesk report`` through main(argv)."""

import json
from pathlib import Path

import pytest

from kscdesk.cli import main


@pytest.fixture
def data_dir(tmp_path: Path) -> str:
    folder = str(tmp_path / "data")
    assert main(["--data-dir", folder, "demo"]) == 0
    return folder


def test_indicator_list_prints_the_documented_json(
    data_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["indicator", "list", "--period", "2023-Q1", "--json", "--data-dir", data_dir]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["period"] == "2023-Q1"
    first = data["indicators"][0]
    assert set(first) == {
        "id",
        "number",
        "name",
        "unit",
        "target",
        "numerator",
        "denominator",
        "rate",
        "met",
    }
    assert (first["numerator"], first["denominator"], first["rate"]) == (412, 1096, 37.59)
    assert first["met"] is False


def test_indicator_set_stores_counts_and_refuses_impossible_ones(
    data_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["indicator", "set", "1", "--period", "2023-Q2", "--data-dir", data_dir]
    assert main([*args, "--num", "11", "--den", "10"]) == 1
    assert "lớn hơn mẫu số" in capsys.readouterr().err
    assert main([*args, "--num", "9", "--den", "10"]) == 0
    assert "9/10 (tỷ lệ 90%)" in capsys.readouterr().out
    main(["indicator", "list", "--period", "2023-Q2", "--json", "--data-dir", data_dir])
    first = json.loads(capsys.readouterr().out)["indicators"][0]
    assert (first["numerator"], first["denominator"], first["met"]) == (9, 10, True)


def test_report_build_writes_both_files_and_prints_their_paths(
    data_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    argv = ["report", "build", "--period", "2023-Q1", "--out", str(out), "--data-dir", data_dir]
    assert main(argv) == 0
    printed = capsys.readouterr().out.split()
    assert [Path(p).suffix for p in printed] == [".docx", ".xlsx"]
    assert all(Path(p).is_file() and Path(p).parent == out for p in printed)


def test_report_build_on_the_demo_needs_no_set_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KSCDESK_DATA", str(tmp_path / "untouched"))
    assert main(["report", "build", "--demo", "--out", str(tmp_path / "out")]) == 0
    printed = capsys.readouterr().out.split()
    assert len(printed) == 2 and all(Path(p).is_file() for p in printed)
    assert not (tmp_path / "untouched").exists()


def test_report_build_without_a_period_is_a_user_error(
    data_dir: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "build", "--out", str(tmp_path), "--data-dir", data_dir]) == 1
    assert "--period" in capsys.readouterr().err
    assert main(["indicator", "list", "--period", "2023-Q9", "--data-dir", data_dir]) == 1
