"""The package writer puts each table's rows in as XML text: the .docx it writes holds the same
parts, byte for byte, as python-docx's own save of the fully built document."""

import zipfile
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from docx.opc.oxml import serialize_part_xml
from docx.shared import Pt
from lxml import etree

from kscdesk.formats.nd30 import (
    Appendix,
    Cell,
    Closing,
    DocumentSpec,
    Header,
    Paragraph,
    Table,
    build_document,
    builder,
    recipient_lines,
    save_document,
)


def _spec(text: str = "Một & <hai>") -> DocumentSpec:
    merged = Table(
        (1, 3, 1, 1),
        header_rows=(
            (Cell("STT", rowspan=2), Cell("Nội dung", rowspan=2), Cell("Kết quả", colspan=2)),
            ("Số", "Tỷ lệ"),
        ),
        rows=(("1", text, "2", "3"), (Cell("A", bold=True), Cell("Nhóm", colspan=3)), ("2",)),
        number_row=True,
    )
    plain = Table(
        (1, 4, 2),
        header_rows=(("STT", "Đơn vị", "Số"),),
        rows=(("1", " Xã An ", "12"), ("", "Tổng cộng", "dòng một\ndòng\thai")),
        align=("center", "left", "right"),
        strong_rows=frozenset({1}),
    )
    return DocumentSpec(
        header=Header(("ỦY BAN NHÂN DÂN", "HUYỆN SƠN TỊNH"), "BC-UBND", "Sơn Tịnh", 2025, 3),
        kind="Báo cáo",
        summary=("Tổng hợp",),
        blocks=(Paragraph("Nội dung."), plain),
        closing=Closing(recipient_lines(["UBND tỉnh"]), signer_name="Nguyễn Văn A"),
        appendices=(Appendix("Phụ lục", "(Kèm theo …)", (merged,)),),
    )


def _members(data: bytes | Path) -> dict[str, bytes]:
    with zipfile.ZipFile(BytesIO(data) if isinstance(data, bytes) else data) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("text", ["Một & <hai>", "xuống\rdòng"])
def test_the_written_package_equals_python_docx_saving_the_whole_document(
    tmp_path: Path, text: str
) -> None:
    # A carriage return, which XML reads as a line feed, takes the parsed path as before.
    spec = _spec(text)
    reference = BytesIO()
    build_document(spec).save(reference)
    path = save_document(spec, tmp_path / "bao-cao.docx")
    assert _members(path) == _members(reference.getvalue())
    assert "<!--" not in _members(path)["word/document.xml"].decode()


def test_a_control_character_xml_cannot_carry_is_refused_as_before(tmp_path: Path) -> None:
    with pytest.raises(etree.XMLSyntaxError):
        save_document(_spec("ký tự\x0bđiều khiển"), tmp_path / "bao-cao.docx")
    assert list(tmp_path.iterdir()) == []


def test_plain_text_cells_take_their_columns_alignment_and_their_rows_weight(
    tmp_path: Path,
) -> None:
    doc = Document(str(save_document(_spec(), tmp_path / "bao-cao.docx")))
    table = doc.tables[1]
    first, total = table.rows[1].cells, table.rows[2].cells
    assert [c.paragraphs[0].alignment for c in first] == [1, None, 2]  # centre, left, right
    assert not first[1].paragraphs[0].runs[0].bold and total[1].paragraphs[0].runs[0].bold
    assert first[1].text == " Xã An " and total[2].text == "dòng một\ndòng\thai"
    header = table.rows[0].cells
    assert all(c.paragraphs[0].alignment == 1 for c in header)  # header rows stay centred


def test_a_document_from_the_cached_blank_equals_one_from_python_docx_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _members(save_document(_spec(), tmp_path / "a.docx"))
    again = _members(save_document(_spec(), tmp_path / "b.docx"))
    fresh_blank = lambda spec, share_styles=False: builder._new_blank(spec)  # noqa: E731
    monkeypatch.setattr(builder, "_blank_document", fresh_blank)  # no cache, no copy
    fresh = _members(save_document(_spec(), tmp_path / "c.docx"))
    assert first == again == fresh


def test_each_font_and_body_size_gets_its_own_styles(tmp_path: Path) -> None:
    sizes = []
    for size, font in ((13, "Arial"), (14, "Times New Roman"), (13, "Arial")):
        spec = replace(_spec(), body_size=size, font=font)
        doc = Document(str(save_document(spec, tmp_path / f"{size}.docx")))
        body = doc.styles["KscBody"]
        sizes.append((body.font.size, doc.styles["Normal"].font.name))
    assert sizes == [(Pt(13), "Arial"), (Pt(14), "Times New Roman"), (Pt(13), "Arial")]


def test_a_saved_document_leaves_the_shared_blank_styles_as_they_were(tmp_path: Path) -> None:
    spec = _spec()
    blank, written = builder._blank(spec)
    save_document(spec, tmp_path / "bao-cao.docx")
    assert serialize_part_xml(blank.styles.element) == written
    assert build_document(spec).styles.element is not blank.styles.element  # handed out: a copy
