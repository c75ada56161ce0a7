"""``kscdesk package`` refusals end with exit 1 and a Vietnamese reason; the key is shown."""

import json
from pathlib import Path

import pytest

from kscdesk.cli import main


def test_package_key_prints_the_fingerprint_made_on_first_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["package", "key", "--json", "--data-dir", str(tmp_path)]) == 0
    first = json.loads(capsys.readouterr().out)["fingerprint"]
    assert (tmp_path / "keys" / "signing_key.pem").is_file()
    assert main(["package", "key", "--json", "--data-dir", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["fingerprint"] == first


def test_exporting_a_report_before_the_office_is_set_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["package", "export", "--period", "2025-Q1", "--out", str(tmp_path / "o")]
    assert main([*argv, "--data-dir", str(tmp_path)]) == 1
    assert "kscdesk office set" in capsys.readouterr().err


def test_a_bad_period_is_refused_with_the_expected_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["package", "export", "--period", "2025-Q9", "--out", str(tmp_path / "o")]
    assert main([*argv, "--data-dir", str(tmp_path)]) == 1
    assert "2025-Q1" in capsys.readouterr().err


def test_importing_a_missing_file_is_a_user_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["package", "import", str(tmp_path / "none.kscx"), "--data-dir", str(tmp_path)]) == 1
    )
    assert "Không tìm thấy" in capsys.readouterr().err


def test_receipt_needs_accept_or_return(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["package", "receipt", "--office", "X", "--period", "2025-Q1", "--out", "o"])
    assert stop.value.code == 2


def test_consolidating_at_a_commune_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["office", "set", "--name", "Xã A", "--level", "commune", "--data-dir", str(tmp_path)])
    capsys.readouterr()
    argv = ["consolidate", "--period", "2025-Q1", "--out", str(tmp_path / "o")]
    assert main([*argv, "--data-dir", str(tmp_path)]) == 1
    assert "cấp trên" in capsys.readouterr().err
