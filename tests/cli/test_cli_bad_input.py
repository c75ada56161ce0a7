"""Every bad input to `kscdesk plan import`: a Vietnamese message naming the file, exit code 1,
no traceback, and a database left byte for byte as it was (issue 3)."""

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from helpers import bad_files

from kscdesk.cli import main


def empty_table_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    table = document.add_table(rows=1, cols=5)
    for cell, text in zip(
        table.rows[0].cells,
        ["STT", "Nội dung công việc", "Kết quả công việc", "Cơ quan chủ trì", "Thời gian"],
        strict=True,
    ):
        cell.text = text
    document.save(str(path))
    return path


def oversized_docx(path: Path) -> Path:
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: costs no disk
    return path


def legacy_doc(path: Path) -> Path:
    return bad_files.compound_file(path, ["WordDocument", "1Table"])


BAD_INPUTS: list[tuple[str, Callable[[Path], Path], str]] = [
    ("ke-hoach.doc", legacy_doc, "Lưu thành"),
    ("mat-khau.docx", bad_files.encrypted_office_file, "mật khẩu"),
    ("rong.docx", empty_table_docx, "không có dòng nhiệm vụ"),
    ("qua-lon.docx", oversized_docx, "quá lớn"),
    ("bom-nen.docx", bad_files.zip_bomb_docx, "bất thường"),
    ("bom-thuc-the.docx", bad_files.billion_laughs_docx, "bất thường"),
    ("thuc-the-ngoai.docx", bad_files.external_entity_docx, "bất thường"),
    (
        "ghi-chu.txt",
        lambda p: (p.write_text("không phải kế hoạch", encoding="utf-8"), p)[1],
        "không được hỗ trợ",
    ),
]


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "data"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    capsys.readouterr()
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "logs" not in p.parts
    }


@pytest.mark.parametrize(("name", "build", "words"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_refused_and_changes_nothing(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    build: Callable[[Path], Path],
    words: str,
) -> None:
    # No LibreOffice on PATH: the .doc case must tell the user to save as .docx.
    if name.endswith(".doc"):
        (tmp_path / "no-programs").mkdir()
        monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    bad = build(tmp_path / name)
    before = snapshot(data_dir)
    code = main(["plan", "import", str(bad), "--data-dir", str(data_dir)])
    err = capsys.readouterr().err
    assert code == 1
    assert name in err
    assert words in err
    assert "Traceback" not in err
    assert snapshot(data_dir) == before
