"""`kscdesk plan …` end to end on the shared fixtures (issue 3)."""

import json
from pathlib import Path

import pytest

from kscdesk.cli import main


def database_bytes(folder: Path) -> bytes:
    db = folder / "kscdesk.sqlite3"
    return db.read_bytes() if db.exists() else b""


def test_dry_run_prints_the_plan_json_and_stores_nothing(
    fixtures_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "plan",
            "import",
            str(fixtures_dir / "city2023.docx"),
            "--dry-run",
            "--json",
            "--data-dir",
            str(tmp_path),
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    truth = json.loads((fixtures_dir / "city2023.truth.json").read_text(encoding="utf-8"))
    assert data["schema"] == "kscdesk.plan/1"
    assert len(data["tasks"]) == len(truth["tasks"])
    assert not (tmp_path / "kscdesk.sqlite3").exists()


def test_import_stores_the_plan_and_a_second_import_is_refused(
    fixtures_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(fixtures_dir / "city2023.docx")
    assert main(["plan", "import", source, "--data-dir", str(tmp_path)]) == 0
    assert "Đã lưu với mã" in capsys.readouterr().out
    before = database_bytes(tmp_path)
    assert main(["plan", "import", source, "--data-dir", str(tmp_path)]) == 1
    assert "đã được nhập trước đây" in capsys.readouterr().err
    assert database_bytes(tmp_path) == before


@pytest.mark.parametrize(
    ("name", "words"),
    [("notaplan.docx", "Không tìm thấy bảng kế hoạch"), ("corrupt.docx", "bị hỏng")],
)
def test_bad_files_are_refused_with_a_message_naming_the_file(
    fixtures_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, words: str
) -> None:
    assert main(["demo", "--data-dir", str(tmp_path)]) == 0
    capsys.readouterr()
    before = database_bytes(tmp_path)
    assert main(["plan", "import", str(fixtures_dir / name), "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert name in err
    assert words in err
    assert "Traceback" not in err
    assert database_bytes(tmp_path) == before


def test_missing_file_is_a_user_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["plan", "import", str(tmp_path / "khong-co.docx"), "--data-dir", str(tmp_path)]) == 1
    )
    assert "khong-co.docx" in capsys.readouterr().err


def test_export_then_import_gives_back_the_same_tasks(
    fixtures_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert (
        main(["plan", "import", str(fixtures_dir / "city2023.xlsx"), "--data-dir", str(data)]) == 0
    )
    capsys.readouterr()
    main(["plan", "list", "--json", "--data-dir", str(data)])
    plan_id = json.loads(capsys.readouterr().out)[0]["id"]
    out = tmp_path / "ke-hoach.xlsx"
    assert main(["plan", "export", plan_id[:8], "--xlsx", str(out), "--data-dir", str(data)]) == 0
    capsys.readouterr()
    main(["plan", "show", plan_id, "--json", "--data-dir", str(data)])
    original = json.loads(capsys.readouterr().out)
    assert main(["plan", "import", str(out), "--dry-run", "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["tasks"] == original["tasks"]
    assert again["sections"] == original["sections"]


def test_a_file_whose_name_is_stored_decomposed_is_found_and_its_text_comes_out_nfc(
    fixtures_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil
    import unicodedata

    import docx

    name = unicodedata.normalize("NFD", "kế-hoạch-tỉnh.docx")
    source = tmp_path / name
    shutil.copy(fixtures_dir / "city2023.docx", source)
    document = docx.Document(str(source))
    cell = document.tables[-1].rows[-1].cells[1]
    cell.text = unicodedata.normalize("NFD", "Thực hiện các chế độ báo cáo định kỳ.")
    document.save(str(source))

    assert main(["plan", "import", str(source), "--dry-run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["tasks"][-1]["content"] == "Thực hiện các chế độ báo cáo định kỳ."
    texts = [value for task in data["tasks"] for value in task.values() if isinstance(value, str)]
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)


@pytest.mark.parametrize("suffix", [".pdf", ".xls", ".odt", ".ods"])
def test_plan_import_reads_the_pdf_and_older_formats(
    fixtures_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    source = str(fixtures_dir / f"city2023{suffix}")
    assert main(["plan", "import", source, "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Tìm thấy 13 mục, 35 nhiệm vụ, 0 chỉ tiêu." in out and "Đã lưu với mã" in out


def test_a_truncated_pdf_is_refused_and_changes_nothing(
    fixtures_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--data-dir", str(tmp_path)]) == 0
    capsys.readouterr()
    before = database_bytes(tmp_path)
    cut = tmp_path / "qd-tai-do.pdf"
    data = (fixtures_dir / "city2023.pdf").read_bytes()
    cut.write_bytes(data[: len(data) // 3])
    assert main(["plan", "import", str(cut), "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "qd-tai-do.pdf" in err and "tải về chưa hết" in err
    assert database_bytes(tmp_path) == before
