"""argparse speaks Vietnamese; a closed pipe ends quietly (issue 6)."""

import subprocess
import sys
from pathlib import Path

import pytest

from kscdesk.cli import main


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["plan", "bogus"], ["Cách dùng:", "lựa chọn không hợp lệ", "'bogus'"]),
        (["plan", "show"], ["thiếu tham số bắt buộc: MÃ_KẾ_HOẠCH"]),
        (["plan", "list", "--bogus"], ["tham số không nhận ra: --bogus"]),
        (["plan", "update", "x"], ["thiếu tham số bắt buộc: --parent"]),
    ],
)
def test_usage_errors_are_vietnamese_with_exit_code_2(
    argv: list[str], words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    for word in words:
        assert word in err
    for english in ("usage:", "invalid choice", "the following arguments are required"):
        assert english not in err


def test_help_headings_are_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["plan", "check", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("Cách dùng: kscdesk plan check")
    assert "\ntham số:\n" in out and "\ntùy chọn:\n" in out and "hiện trợ giúp" in out
    assert "positional arguments" not in out and "options:" not in out


def test_a_closed_pipe_ends_quietly_with_exit_code_0(tmp_path: Path) -> None:
    data = tmp_path / "data"
    subprocess.run(
        [sys.executable, "-m", "kscdesk", "demo", "--data-dir", str(data)],
        check=True,
        capture_output=True,
    )
    # A reader that is gone before the command writes: every write hits a closed pipe.
    shell = (
        f'"{sys.executable}" -m kscdesk plan list --json --data-dir "{data}" '
        f"| true; "
        'echo "exit=${PIPESTATUS[0]}"'
    )
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, check=False)
    assert result.stderr == ""
    assert result.stdout.strip() == "exit=0"
