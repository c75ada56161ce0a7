"""The command line's last resort (issue 12): an error nobody foresaw prints one Vietnamese line
naming the log file, exits with 1, leaves the data folder as it was; the traceback is in the log.
Hostile file names and damaged files through the real command."""

import os
from pathlib import Path
from typing import Any

import pytest
from helpers import hostile_files as hf

from kscdesk.cli import main
from kscdesk.store import plans


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the data folder but the log and the backups (an import backs up first)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "logs" not in p.parts and "backups" not in p.parts
    }


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    capsys.readouterr()
    return folder


def test_an_unforeseen_error_mid_import_is_one_line_and_changes_nothing(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_save = plans.save_plan_content

    def save_then_fail(db: Any, content: Any) -> str:
        real_save(db, content)  # rows written inside the transaction, then a fault
        raise RuntimeError("lỗi giả lập giữa chừng")

    monkeypatch.setattr(plans, "save_plan_content", save_then_fail)
    before = snapshot(data_dir)
    code = main(
        ["plan", "import", str(hf.plan_docx(tmp_path / "kh.docx")), "--data-dir", str(data_dir)]
    )
    err = capsys.readouterr().err
    log_file = data_dir / "logs" / "kscdesk.log"
    assert code == 1
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert "không lường trước" in err
    assert str(log_file) in err
    assert snapshot(data_dir) == before
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged
    assert "RuntimeError: lỗi giả lập giữa chừng" in logged


def test_the_technical_detail_of_a_refused_file_goes_to_the_log(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = hf.plan_docx(tmp_path / "gốc.docx", document="<w:document><w:body>")
    assert main(["plan", "import", str(bad), "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "“gốc.docx”" in err
    logged = (data_dir / "logs" / "kscdesk.log").read_text(encoding="utf-8")
    assert "unreadable file gốc.docx" in logged


@pytest.mark.parametrize(
    "name", [b"k\xe9 ho\xffach.docx", "kế\nhoạch.docx".encode(), "kế\rhoạch\x1b[31m.docx".encode()]
)
def test_a_hostile_file_name_gives_one_printable_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: bytes
) -> None:
    path = tmp_path / os.fsdecode(name)
    hf.set_entry_flag(hf.plan_docx(path), "word/document.xml")
    before = snapshot(data_dir)
    assert main(["plan", "import", str(path), "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("Lỗi: Tệp “k")
    assert "\x1b" not in err and "\r" not in err
    err.encode("utf-8")  # printable: no lone surrogates
    assert snapshot(data_dir) == before


def test_a_damaged_thumbnail_is_refused_in_vietnamese_naming_the_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hf.with_thumbnail(hf.plan_docx(tmp_path / "ảnh nhỏ.docx"))
    hf.set_entry_method(path, "docProps/thumbnail.png", 12)
    assert main(["plan", "import", str(path), "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "“ảnh nhỏ.docx”" in err
    assert "Invalid data stream" not in err


@pytest.mark.parametrize("json_output", [False, True])
@pytest.mark.parametrize("name", [b"k\xe9 ho\xffach.docx", "kế\nhoạch.docx".encode()])
def test_a_good_plan_under_a_hostile_name_imports_and_prints_it_printable(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: bytes,
    json_output: bool,
) -> None:
    path = hf.plan_docx(tmp_path / os.fsdecode(name))
    argv = ["plan", "import", str(path), "--data-dir", str(data_dir)]
    assert main([*argv, "--json"] if json_output else argv) == 0
    captured = capsys.readouterr()
    captured.out.encode("utf-8")  # what reached the screen is printable text
    assert captured.err == ""
    assert main(["plan", "list", "--data-dir", str(data_dir)]) == 0
    assert "Nhiệm vụ" not in capsys.readouterr().err
