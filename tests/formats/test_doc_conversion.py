"""An old .doc is converted to .docx with LibreOffice when installed, else refused clearly."""

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.shared import Cm

from kscdesk.formats.archive_guard import check_ooxml_archive
from kscdesk.formats.doc_conversion import convert_doc_to_docx, find_soffice
from kscdesk.formats.errors import LegacyWordFile

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")


def make_doc(folder: Path, soffice: Path) -> Path:
    """A real .doc: a .docx with a plan table, saved as Word 97 by LibreOffice."""
    source = folder / "kế hoạch.docx"
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH Hoạt động kiểm soát thủ tục hành chính năm 2025")
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text = "STT"
    table.cell(0, 1).text = "Nội dung công việc"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "Rà soát, đơn giản hóa TTHC"
    for column, width in zip(table.columns, (Cm(2), Cm(12)), strict=True):
        for cell in column.cells:
            cell.width = width
    # LibreOffice's Word 97 export drops a table that has no widths or ends the document.
    document.add_paragraph("Nơi nhận:")
    document.save(str(source))
    subprocess.run(
        [
            str(soffice),
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "doc:MS Word 97",
            "--outdir",
            str(folder / "doc"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder / "doc" / "kế hoạch.doc"


@needs_soffice
def test_a_doc_made_by_libreoffice_converts_back_to_a_docx(tmp_path: Path) -> None:
    soffice = find_soffice()
    assert soffice is not None
    doc = make_doc(tmp_path, soffice)
    with pytest.raises(LegacyWordFile):  # the guard recognises the binary format
        check_ooxml_archive(doc)
    converted = convert_doc_to_docx(doc, tmp_path / "work")
    assert converted.suffix == ".docx"
    assert converted.is_relative_to(tmp_path / "work")
    check_ooxml_archive(converted)
    cells = [c.text for row in docx.Document(str(converted)).tables[0].rows for c in row.cells]
    assert cells == ["STT", "Nội dung công việc", "1", "Rà soát, đơn giản hóa TTHC"]


def test_without_libreoffice_the_doc_is_refused_with_the_save_as_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    for key in ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432"):
        monkeypatch.setenv(key, str(tmp_path / "empty"))
    monkeypatch.setattr(
        "kscdesk.formats.doc_conversion._WINDOWS_DEFAULTS", (str(tmp_path / "empty"),)
    )
    assert find_soffice() is None
    doc = tmp_path / "cũ.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(LegacyWordFile, match=r"“cũ\.doc”.*Save As"):
        convert_doc_to_docx(doc, tmp_path / "work")


def test_a_program_that_cannot_run_is_a_refusal_not_a_crash(tmp_path: Path) -> None:
    doc = tmp_path / "cũ.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(LegacyWordFile):
        convert_doc_to_docx(doc, tmp_path / "work", soffice=tmp_path / "no-soffice")


@pytest.mark.skipif(shutil.which("false") is None, reason="needs the `false` program")
def test_a_failed_conversion_is_a_refusal(tmp_path: Path) -> None:
    doc = tmp_path / "cũ.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    false = shutil.which("false")
    assert false is not None
    with pytest.raises(LegacyWordFile):
        convert_doc_to_docx(doc, tmp_path / "work", soffice=Path(false))
