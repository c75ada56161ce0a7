"""The NĐ 30/2020 builder: read the written .docx back and check the layout element by element."""

from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from kscdesk.formats.atomic_write import OutputFileLocked
from kscdesk.formats.nd30 import (
    BLANK_NUMBER,
    Appendix,
    Cell,
    Closing,
    DocumentSpec,
    Header,
    Paragraph,
    Role,
    Run,
    Table,
    recipient_lines,
    save_document,
)


def _spec() -> DocumentSpec:
    return DocumentSpec(
        header=Header(("ỦY BAN NHÂN DÂN", "Phường Trần Phú"), "BC-UBND", "Trần Phú", 2025, 3),
        kind="Báo cáo",
        summary=("Tình hình, kết quả thực hiện công tác kiểm soát TTHC quý I năm 2025",),
        blocks=(
            Paragraph("I. Công tác chỉ đạo, điều hành", Role.HEADING_1),
            Paragraph("1. Ban hành văn bản", Role.HEADING_2),
            Paragraph("Nội dung báo cáo. " * 60),
            Table((1, 4), header_rows=(("STT", "Nội dung"),), rows=(("1", "Một"), ("2", "Hai"))),
        ),
        closing=Closing(
            recipient_lines(["UBND thành phố Quảng Ngãi"], "VT, VP"), signer_name="Nguyễn Văn A"
        ),
        appendices=(
            Appendix(
                "Số liệu chỉ tiêu",
                "(Kèm theo Báo cáo số      /BC-UBND ngày      tháng 3 năm 2025)",
                (
                    Table(
                        (1, 3, 1, 1),
                        header_rows=(
                            (
                                Cell("STT", rowspan=2),
                                Cell("Nội dung", rowspan=2),
                                Cell("Kết quả", colspan=2),
                            ),
                            ("Số", "Tỷ lệ"),
                        ),
                        rows=(("1", "a", "b", "c"),),
                        number_row=True,
                    ),
                ),
            ),
        ),
    )


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> DocxDocument:
    path = tmp_path_factory.mktemp("nd30") / "bao-cao.docx"
    save_document(_spec(), path)
    return Document(str(path))


def _size(doc: DocxDocument, paragraph: DocxParagraph) -> Pt | None:
    run = paragraph.runs[0]
    if run.font.size is not None:
        return run.font.size
    style = paragraph.style
    while style is not None:
        if style.font.size is not None:
            return style.font.size
        style = style.base_style
    return None


def _bold(paragraph: DocxParagraph) -> bool:
    run = paragraph.runs[0]
    if run.font.bold is not None:
        return bool(run.font.bold)
    return bool(paragraph.style.font.bold)


def _has_bottom_rule(paragraph: DocxParagraph) -> bool:
    borders = paragraph._p.pPr.find(qn("w:pBdr")) if paragraph._p.pPr is not None else None
    return borders is not None and borders.find(qn("w:bottom")) is not None


def _texts(cell_or_doc: object) -> list[DocxParagraph]:
    return [p for p in cell_or_doc.paragraphs if p.text.strip()]  # type: ignore[attr-defined]


def _borderless(table: DocxTable) -> bool:
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    return borders is not None and all(
        edge.get(qn("w:val")) == "nil" for edge in borders.iterchildren()
    )


def test_page_is_a4_portrait_with_nd30_margins(doc: DocxDocument) -> None:
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert 20 <= round(section.top_margin.mm) <= 25
    assert 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35
    assert 15 <= round(section.right_margin.mm) <= 20


def test_whole_document_is_times_new_roman(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == "Times New Roman"


def test_header_table_is_borderless_with_agency_number_and_motto(doc: DocxDocument) -> None:
    header = doc.tables[0]
    assert _borderless(header)
    left, right = header.rows[0].cells
    lines = _texts(left)
    assert [p.text for p in lines] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG TRẦN PHÚ", "Số:      /BC-UBND"]
    assert all(_bold(p) and Pt(12) <= _size(doc, p) <= Pt(13) for p in lines[:2])
    assert not _bold(lines[2]) and _size(doc, lines[2]) == Pt(13)
    motto = _texts(right)
    assert [p.text for p in motto[:2]] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert all(_bold(p) for p in motto[:2]) and _size(doc, motto[1]) == Pt(14)
    date_line = motto[2]
    assert date_line.text == f"Trần Phú, ngày {BLANK_NUMBER} tháng 3 năm 2025"
    assert date_line.runs[0].font.italic and _size(doc, date_line) == Pt(14)


def test_rules_are_drawn_borders_shorter_than_their_column(doc: DocxDocument) -> None:
    left, right = doc.tables[0].rows[0].cells
    agency_rule = next(p for p in left.paragraphs if _has_bottom_rule(p))
    motto_rule = next(p for p in right.paragraphs if _has_bottom_rule(p))
    assert agency_rule.paragraph_format.left_indent > Mm(10)  # a short rule, centred
    assert agency_rule.paragraph_format.left_indent == agency_rule.paragraph_format.right_indent
    assert motto_rule.paragraph_format.left_indent < agency_rule.paragraph_format.left_indent
    assert not any("_" in p.text for p in doc.paragraphs)


def test_kind_and_summary_are_centred_bold_with_a_rule(doc: DocxDocument) -> None:
    body = doc.paragraphs
    kind = next(p for p in body if p.text == "BÁO CÁO")
    index = body.index(kind)
    summary = body[index + 1]
    assert kind.alignment == WD_ALIGN_PARAGRAPH.CENTER and _bold(kind)
    assert summary.alignment == WD_ALIGN_PARAGRAPH.CENTER and _bold(summary)
    assert _size(doc, kind) == _size(doc, summary) == Pt(14)
    assert _has_bottom_rule(body[index + 2])


def test_body_paragraphs_are_justified_indented_one_size(doc: DocxDocument) -> None:
    body = next(p for p in doc.paragraphs if p.text.startswith("Nội dung báo cáo"))
    fmt = body.style.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert Mm(10) <= fmt.first_line_indent <= Mm(12.7)
    assert fmt.space_after >= Pt(6)
    assert 1.0 <= fmt.line_spacing <= 1.5
    assert _size(doc, body) == Pt(14)
    heading = next(p for p in doc.paragraphs if p.text.startswith("I. "))
    assert heading.text == "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" and _bold(heading)
    assert _size(doc, heading) == Pt(14)
    sub = next(p for p in doc.paragraphs if p.text.startswith("1. "))
    assert _bold(sub)


def test_closing_table_has_recipients_and_signer_block(doc: DocxDocument) -> None:
    closing = doc.tables[2]
    assert _borderless(closing)
    left, right = closing.rows[0].cells
    lines = _texts(left)
    assert lines[0].text == "Nơi nhận:"
    assert _bold(lines[0]) and lines[0].runs[0].font.italic and _size(doc, lines[0]) == Pt(12)
    assert [p.text for p in lines[1:]] == ["- UBND thành phố Quảng Ngãi;", "- Lưu: VT, VP."]
    assert all(_size(doc, p) == Pt(11) for p in lines[1:])
    signer = right.paragraphs
    assert [signer[0].text, signer[1].text, signer[-1].text] == [
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn A",
    ]
    assert sum(1 for p in signer if not p.text) >= 3  # room for the signature
    assert all(_bold(p) and _size(doc, p) == Pt(14) for p in (signer[0], signer[1], signer[-1]))
    # The row moves to the next page whole: "- Lưu: VT." never stands alone on a page.
    assert closing.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_page_numbers_are_centred_in_the_top_margin_from_page_two(doc: DocxDocument) -> None:
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    number = section.header.paragraphs[0]
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    instructions = [e.text for e in number._p.iter(qn("w:instrText"))]
    assert instructions == [" PAGE "]
    assert number.runs[0].font.size == Pt(14)


def test_appendix_is_a_landscape_section_with_label_title_and_attachment_line(
    doc: DocxDocument,
) -> None:
    appendix = doc.sections[1]
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert round(appendix.page_width.mm) == 297
    assert not appendix.different_first_page_header_footer  # numbered on its first page too
    texts = [p.text for p in doc.paragraphs]
    start = texts.index("Phụ lục")
    assert texts[start + 1] == "SỐ LIỆU CHỈ TIÊU"
    assert texts[start + 2].startswith("(Kèm theo Báo cáo số")
    assert doc.paragraphs[start + 2].runs[0].font.italic


def test_tables_repeat_merged_header_rows_and_number_columns(doc: DocxDocument) -> None:
    table = doc.tables[-1]
    rows = table._tbl.tr_lst
    assert [tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows] == [
        True,
        True,
        True,
        False,
    ]
    assert table.cell(0, 2).text == "Kết quả" and table.cell(0, 3)._tc is table.cell(0, 2)._tc
    assert table.cell(1, 0)._tc is table.cell(0, 0)._tc  # STT spans both header rows
    assert [c.text for c in table.rows[2].cells] == ["(1)", "(2)", "(3)", "(4)"]


def test_a_numbered_document_prints_its_number_with_a_leading_zero() -> None:
    header = Header(("UBND",), "BC-UBND", "Đức Phổ", 2026, 1, day=5, number="5")
    assert header.number_line == "Số: 05/BC-UBND"
    assert header.date_line == "Đức Phổ, ngày 05 tháng 01 năm 2026"


def test_a_file_open_in_word_is_refused_and_left_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"old report")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr("kscdesk.formats.atomic_write.os.replace", locked)
    with pytest.raises(OutputFileLocked, match="đang được mở"):
        save_document(_spec(), target)
    assert target.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.docx"]


def test_a_decision_with_its_plan_as_a_landscape_annex_uses_the_same_builder(
    tmp_path: Path,
) -> None:
    # The shape issue 6 (decision issuing the plan) and issue 9 (consolidated summary) build on.
    spec = DocumentSpec(
        header=Header(("ỦY BAN NHÂN DÂN", "PHƯỜNG TRẦN PHÚ"), "QĐ-UBND", "Trần Phú", 2025, 2),
        kind="QUYẾT ĐỊNH",
        summary=("Ban hành Kế hoạch hoạt động kiểm soát thủ tục hành chính năm 2025",),
        blocks=(
            Paragraph("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TRẦN PHÚ", Role.CENTERED),
            Paragraph("Căn cứ Nghị định số 63/2010/NĐ-CP …;", Role.NOTE),
            Paragraph("QUYẾT ĐỊNH:", Role.CENTERED),
            Paragraph(runs=(Run("Điều 1.", bold=True), Run(" Ban hành kèm theo Quyết định này …"))),
        ),
        closing=Closing(recipient_lines(["Như Điều 3"]), authority="", title="Chủ tịch"),
        appendices=(
            Appendix(
                "Hoạt động kiểm soát thủ tục hành chính năm 2025",
                "(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày      tháng 02 năm 2025)",
                (
                    Table(
                        (1, 6, 3, 3, 2),
                        header_rows=(("STT", "Nội dung", "Kết quả", "Chủ trì", "Thời gian"),),
                    ),
                ),
                label="KẾ HOẠCH",
            ),
        ),
    )
    path = save_document(spec, tmp_path / "quyet-dinh.docx")
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert "QUYẾT ĐỊNH" in texts and "QUYẾT ĐỊNH:" in texts
    article = next(p for p in doc.paragraphs if p.text.startswith("Điều 1."))
    assert article.runs[0].font.bold and not article.runs[1].font.bold
    signer = [p.text for p in doc.tables[1].rows[0].cells[1].paragraphs if p.text]
    assert signer == ["CHỦ TỊCH"]
    assert doc.sections[1].orientation == WD_ORIENT.LANDSCAPE and "KẾ HOẠCH" in texts
    assert doc.tables[0].rows[0].cells[0].paragraphs[-1].text == "Số:      /QĐ-UBND"


def test_a_plain_text_body_row_is_written_as_cells_of_its_columns_alignment() -> None:
    from kscdesk.formats.nd30.blocks import _rows_xml

    widths, align = [500, 3000, 800, 800, 800], ("center", "left", "right", "center")
    for texts in (("1", "Nội dung", "12", ""), ("2", "a & <b>", " x", "l1\nl2\tz", "")):
        as_cells = tuple(Cell(t, bold=True, align=a) for t, a in zip(texts, align, strict=False))
        plain = _rows_xml([("Đầu",), texts], 1, widths, align, frozenset({0}))
        assert plain == _rows_xml([("Đầu",), as_cells], 1, widths, align)
        assert plain.count("<w:tc>") == 2 * len(widths)  # short rows filled with empty cells
