"""Every failure class of issue 12 found by mutating the plan fixtures, refused cleanly or read:
a ``PlanFileError`` with a Vietnamese message naming the file, never a parser's own exception."""

import os
import re
from pathlib import Path

import pytest
from helpers import hostile_files as hf

from kscdesk.formats import archive_guard, docx_plan_reader
from kscdesk.formats.docx_numbering import format_number
from kscdesk.formats.docx_plan_reader import read_docx_plan_source
from kscdesk.formats.errors import (
    NotARegularFile,
    PlanFileError,
    PlanTooLarge,
    UnreadablePlanFile,
    UnsafeFile,
    display_name,
)
from kscdesk.formats.grid import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS
from kscdesk.formats.plan_reader import read_plan
from kscdesk.formats.xlsx_plan_reader import read_xlsx_document


def refusal(path: Path) -> PlanFileError:
    with pytest.raises(PlanFileError) as caught:
        read_plan(path)
    message = str(caught.value)
    assert f"“{display_name(path)}”" in message
    assert "\n" not in message
    return caught.value


# --- the zip container -------------------------------------------------------------------------


@pytest.mark.parametrize("member", ["word/document.xml", "docProps/thumbnail.png"])
def test_an_entry_flagged_encrypted_is_refused_even_a_thumbnail(
    tmp_path: Path, member: str
) -> None:
    path = hf.with_thumbnail(hf.plan_docx(tmp_path / "mã hóa.docx"))
    error = refusal(hf.set_entry_flag(path, member))
    assert isinstance(error, UnsafeFile)
    assert "được mã hóa" in str(error)


@pytest.mark.parametrize("method", [12, 14, 99])
def test_a_thumbnail_with_an_exotic_compression_method_is_refused_in_vietnamese(
    tmp_path: Path, method: int
) -> None:
    path = hf.with_thumbnail(hf.plan_docx(tmp_path / "ảnh.docx"))
    error = refusal(hf.set_entry_method(path, "docProps/thumbnail.png", method))
    assert isinstance(error, UnsafeFile)
    assert "kiểu nén lạ" in str(error)
    assert "Invalid data stream" not in str(error)


def test_a_corrupt_deflate_stream_is_an_unreadable_file(tmp_path: Path) -> None:
    rows = hf.plan_rows(200)  # a part large enough to corrupt in the middle
    path = hf.corrupt_entry_data(hf.plan_docx(tmp_path / "hỏng.docx", rows), "word/document.xml")
    assert isinstance(refusal(path), UnreadablePlanFile)


@pytest.mark.parametrize(
    "member", ["word/document.xml", "[Content_Types].xml", "_rels/.rels", "WORD/document.xml"]
)
def test_the_same_part_name_twice_is_refused(tmp_path: Path, member: str) -> None:
    path = hf.plan_docx(tmp_path / "trùng.docx")
    if member.isupper() or member.startswith("WORD"):
        parts = hf.entries(path)
        hf.rewrite(path, dict(parts), [(member, parts["word/document.xml"])])
    else:
        hf.with_duplicate(path, member)
    error = refusal(path)
    assert isinstance(error, UnsafeFile)
    assert "xuất hiện hai lần" in str(error)


def test_a_part_over_the_size_limit_is_refused_however_well_it_compresses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real limit is 40 MB; a smaller one keeps the test fast. Empty paragraphs padded with
    # text so that the compression ratio looks ordinary (the 180 MB document of the issue).
    monkeypatch.setattr(archive_guard, "MAX_XML_PART_BYTES", 1024 * 1024)
    filler = "".join(hf.paragraph(f"{n:x}" * 3) for n in range(40_000))
    path = hf.plan_docx(
        tmp_path / "lớn.docx", preamble=[], body=filler + hf.plan_body(hf.plan_rows(3))
    )
    error = refusal(path)
    assert isinstance(error, UnsafeFile)
    assert "quá lớn" in str(error)


def test_a_part_with_millions_of_tiny_elements_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive_guard, "MAX_XML_TAGS", 10_000)
    path = hf.plan_docx(tmp_path / "nhiều.docx", body="<w:p/>" * 20_000 + hf.plan_body([]))
    assert "quá nhiều phần tử" in str(refusal(path))


# --- parts python-docx and openpyxl choke on ---------------------------------------------------


@pytest.mark.parametrize(
    "document",
    [
        "<junk/>",
        f'<w:document xmlns:w="{hf.W_NS}"/>',
        f'<w:document xmlns:w="{hf.W_NS}"><w:body><w:p><w:r><w:t>x',
        "",
    ],
    ids=["wrong root", "no body", "broken XML", "empty"],
)
def test_a_main_part_that_is_no_document_is_an_unreadable_file(
    tmp_path: Path, document: str
) -> None:
    path = hf.plan_docx(tmp_path / "lạ.docx", document=document)
    assert isinstance(refusal(path), UnreadablePlanFile)


def test_a_numbering_level_that_is_no_number_is_ignored(tmp_path: Path) -> None:
    body = hf.paragraph("Mục", hf.NUMBERED.replace('w:val="0"', 'w:val="x"')) + hf.plan_body(
        hf.plan_rows(2)
    )
    path = hf.plan_docx(tmp_path / "cấp.docx", body=body, numbering=hf.numbering_xml(ilvl="x"))
    assert len(read_plan(path).tasks) == 2


def test_an_upper_roman_list_starting_at_ten_million_is_computed_not_counted(
    tmp_path: Path,
) -> None:
    assert format_number(1994, "upperRoman") == "MCMXCIV"
    assert format_number(3999, "lowerRoman") == "mmmcmxcix"
    assert format_number(10**7, "upperRoman") == "10000000"
    body = hf.paragraph("Mở đầu", hf.NUMBERED) + hf.plan_body(hf.plan_rows(2))
    numbering = hf.numbering_xml("upperRoman", start=10**7)
    path = hf.plan_docx(tmp_path / "la mã.docx", body=body, numbering=numbering)
    assert "10000000. Mở đầu" in read_docx_plan_source(path).preamble


def test_a_number_cell_of_1e999_reads_as_infinity(tmp_path: Path) -> None:
    path = hf.plan_xlsx(tmp_path / "vô cực.xlsx", cells={"C5": 12345})
    hf.replace_part(
        path, "xl/worksheets/sheet1.xml", lambda x: x.replace(b"<v>12345</v>", b"<v>1e999</v>")
    )
    grid = read_xlsx_document(path).grids[0]
    assert grid.rows[1][2].text == "∞"


def test_a_styles_part_with_a_wrong_font_count_is_an_unreadable_file(tmp_path: Path) -> None:
    path = hf.plan_xlsx(tmp_path / "kiểu.xlsx")
    hf.replace_part(path, "xl/styles.xml", lambda x: x.replace(b'<font><b val="1"/></font>', b""))
    assert isinstance(refusal(path), UnreadablePlanFile)


def test_a_cell_beyond_the_last_excel_row_is_read_without_walking_to_it(tmp_path: Path) -> None:
    path = hf.plan_xlsx(tmp_path / "dòng.xlsx", cells={"A9": "x"})
    hf.replace_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda x: x.replace(b'"A9"', b'"A1048577"').replace(b'<row r="9"', b'<row r="1048577"'),
    )
    content = read_plan(path)
    assert len(content.tasks) == 5


# --- text read as a pattern --------------------------------------------------------------------


@pytest.mark.parametrize("place", ["A\\1", "\\Lạng", "B\\g<0>"])
def test_a_backslash_in_the_issuer_is_text_not_a_regex_replacement(
    tmp_path: Path, place: str
) -> None:
    preamble = [
        "ỦY BAN NHÂN DÂN",
        f"HUYỆN {place.upper()}",
        "KẾ HOẠCH",
        f"Kiểm soát TTHC huyện {place}",
    ]
    plan = read_plan(hf.plan_docx(tmp_path / "cq.docx", preamble=preamble)).plan
    assert plan.title.endswith(place) or plan.title.lower().endswith(place.lower())


# --- memory: spans, merges, extents ------------------------------------------------------------


@pytest.mark.parametrize("span", ["1000000000", "99999999999999999999", "-5", "x"])
def test_a_huge_grid_span_is_clamped_to_the_table_width(tmp_path: Path, span: str) -> None:
    row = ["1", "Nhiệm vụ", hf.Raw(hf.cell("Báo cáo", f'<w:gridSpan w:val="{span}"/>'))]
    document = read_docx_plan_source(hf.plan_docx(tmp_path / "gộp.docx", [row]))
    assert document.grids[0].width == len(hf.HEADER)


@pytest.mark.parametrize("ref", ["A1:XFD1048576", "A:A", "1:1048576"])
def test_an_xlsx_merge_over_the_whole_sheet_is_refused_before_openpyxl_expands_it(
    tmp_path: Path, ref: str
) -> None:
    path = hf.plan_xlsx(tmp_path / "gộp.xlsx", merges=["G1:H1"])
    hf.replace_part(
        path, "xl/worksheets/sheet1.xml", lambda x: x.replace(b'"G1:H1"', f'"{ref}"'.encode())
    )
    error = refusal(path)
    assert isinstance(error, PlanTooLarge)
    assert "500.000 ô" in str(error)


@pytest.mark.parametrize("ref", ["XFD1048576", "AAA100000"])
def test_one_far_away_xlsx_cell_is_refused_by_the_column_limit(tmp_path: Path, ref: str) -> None:
    error = refusal(hf.plan_xlsx(tmp_path / "xa.xlsx", cells={ref: "lạc"}))
    assert isinstance(error, PlanTooLarge)
    assert f"{MAX_COLUMNS} cột" in str(error)
    assert ref in str(error)


def test_one_xlsx_cell_far_below_the_table_adds_one_row_not_a_million(tmp_path: Path) -> None:
    grid = read_xlsx_document(hf.plan_xlsx(tmp_path / "xa.xlsx", cells={"B1048576": "x"})).grids[0]
    assert len(grid.rows) == 1 + 5 + 1


def test_a_hidden_sheet_copying_the_plan_is_not_read_and_is_warned_about(tmp_path: Path) -> None:
    content = read_plan(hf.plan_xlsx(tmp_path / "ẩn.xlsx", hidden_copy=True))
    assert len(content.tasks) == 5
    assert any("Trang tính ẩn “Bản sao”" in w.message for w in content.warnings)


# --- limits no real plan reaches ---------------------------------------------------------------


def test_more_rows_than_the_limit_are_refused_naming_it(tmp_path: Path) -> None:
    rows = [["", "dòng", "", "", ""]] * MAX_ROWS
    error = refusal(hf.plan_docx(tmp_path / "dài.docx", rows))
    assert isinstance(error, PlanTooLarge)
    assert "10.000 dòng" in str(error)


def test_more_xlsx_rows_than_the_limit_are_refused_naming_it(tmp_path: Path) -> None:
    rows = [["", f"dòng {n}"] for n in range(MAX_ROWS)]
    error = refusal(hf.plan_xlsx(tmp_path / "dài.xlsx", rows))
    assert "10.000 dòng" in str(error)


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_cell_longer_than_the_limit_is_refused_naming_it(tmp_path: Path, kind: str) -> None:
    text = "x" * (MAX_CELL_CHARS + 1)
    if kind == "docx":
        path = hf.plan_docx(tmp_path / "ô.docx", [["1", text, "", "", ""]])
    else:
        path = hf.plan_xlsx(tmp_path / "ô.xlsx", [[1, "DÀI"]])  # openpyxl cuts at 32,767
        hf.replace_part(
            path, "xl/worksheets/sheet1.xml", lambda x: x.replace(b"D&#192;I", text.encode())
        )
    error = refusal(path)
    assert isinstance(error, PlanTooLarge)
    assert "100.000 ký tự" in str(error)


def test_a_table_wider_than_the_limit_is_refused_naming_it(tmp_path: Path) -> None:
    row: list[str | hf.Raw] = ["1", "Nhiệm vụ", *["x"] * MAX_COLUMNS]
    error = refusal(hf.plan_docx(tmp_path / "rộng.docx", [row]))
    assert f"{MAX_COLUMNS} cột" in str(error)


# --- not a regular file ------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "ống.docx"
    os.mkfifo(fifo)
    assert isinstance(refusal(fifo), NotARegularFile)  # opening it would block forever


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_a_device_is_refused_without_being_read(tmp_path: Path, device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    link = tmp_path / "thiết bị.docx"
    link.symlink_to(device)
    assert isinstance(refusal(link), NotARegularFile)


def test_a_folder_named_like_a_plan_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "thư mục.xlsx"
    folder.mkdir()
    assert isinstance(refusal(folder), NotARegularFile)


# --- messages ----------------------------------------------------------------------------------


def test_a_file_name_with_a_newline_gives_a_one_line_message(tmp_path: Path) -> None:
    path = hf.set_entry_flag(hf.plan_docx(tmp_path / "kế\nhoạch.docx"), "word/document.xml")
    error = refusal(path)
    assert "“kế?hoạch.docx”" in str(error)


def test_a_file_name_that_is_not_utf8_gives_a_printable_message(tmp_path: Path) -> None:
    name = os.fsdecode(b"k\xe9 ho\xffach.docx")
    path = hf.set_entry_flag(hf.plan_docx(tmp_path / name), "word/document.xml")
    message = str(refusal(path))
    message.encode("utf-8")  # no lone surrogates left
    assert re.search(r"“k.? ho.?ach\.docx”", message)


def test_a_chain_of_twenty_thousand_based_on_styles_is_walked_once(tmp_path: Path) -> None:
    # Every paragraph style resolved its list and its font by walking the chain again: 2 * 10^8
    # steps for this file. Remembered along the way, it is read at once.
    length = 20_000
    body = "".join(
        hf.paragraph(f"Mục {n}", f'<w:pStyle w:val="s{n * 997 % length}"/>') for n in range(200)
    )
    path = hf.plan_docx(
        tmp_path / "kiểu.docx",
        body=body + hf.plan_body(hf.plan_rows(2)),
        numbering=hf.numbering_xml("decimal"),
        styles=hf.style_chain_xml(length),
    )
    document = read_docx_plan_source(path)
    assert document.preamble[0] == "1. Mục 0"


def test_more_cells_than_the_limit_are_refused_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_plan_reader, "MAX_CELLS", 2_000)  # 200,000 in real use
    rows: list[list[str | hf.Raw]] = [[str(n), f"việc {n}", "", "", ""] for n in range(401)]
    assert "200.000 ô" in str(refusal(hf.plan_docx(tmp_path / "ô.docx", rows)))


def test_more_paragraphs_before_the_table_than_the_limit_are_refused(tmp_path: Path) -> None:
    path = hf.plan_docx(tmp_path / "đoạn.docx", body="<w:p/>" * 20_001 + hf.plan_body([]))
    assert "20.000 đoạn văn" in str(refusal(path))
