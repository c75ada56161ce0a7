"""The CLI through main(argv): exit codes, Vietnamese messages, nothing changed on errors."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kscdesk import __version__
from kscdesk.cli import main

REPO = Path(__file__).resolve().parents[2]


def database_bytes(folder: Path) -> bytes:
    db = folder / "kscdesk.sqlite3"
    return db.read_bytes() if db.exists() else b""


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["frobnicate"])
    assert stop.value.code == 2
    assert "Lỗi cú pháp lệnh" in capsys.readouterr().err


def test_demo_loads_plans_that_plan_list_shows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--data-dir", str(tmp_path)]) == 0
    assert "Đã nạp dữ liệu mẫu" in capsys.readouterr().out
    assert main(["plan", "list", "--json", "--data-dir", str(tmp_path)]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {p["kind"] for p in listed} == {"parent", "own"}
    assert all(p["tasks"] == 35 for p in listed)


def test_demo_twice_is_refused_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--data-dir", str(tmp_path)]) == 0
    main(["plan", "list", "--json", "--data-dir", str(tmp_path)])
    capsys.readouterr()
    assert main(["demo", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "đã có kế hoạch" in err
    assert "Traceback" not in err


def test_data_dir_before_the_command_is_honoured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["data_dir"] == str(tmp_path.resolve())


def test_data_dir_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KSCDESK_DATA", str(tmp_path / "env"))
    assert main(["info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["data_dir"] == str((tmp_path / "env").resolve())


def test_show_of_an_unknown_plan_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", "show", "zzzz", "--data-dir", str(tmp_path)]) == 1
    assert "Không tìm thấy kế hoạch" in capsys.readouterr().err


@pytest.mark.slow
def test_python_dash_m_runs_the_cli_in_a_subprocess(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kscdesk", "demo", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kscdesk.sqlite3").exists()


@pytest.mark.slow
def test_installed_entry_point_prints_the_version() -> None:
    exe = shutil.which("kscdesk", path=str(Path(sys.executable).parent))
    assert exe, "the kscdesk entry point is installed with the package"
    result = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert __version__ in result.stdout
