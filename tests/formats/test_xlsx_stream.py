"""The streaming workbook writer, read back with openpyxl: values of every kind, text that
XML must escape, the shared styles, frozen panes and the printed title row."""

from pathlib import Path

import pytest
from openpyxl import load_workbook

from kscdesk.formats.xlsx_stream import CellStyle, StreamingWorkbook


def test_values_of_every_kind_read_back_as_written_without_control_characters(
    tmp_path: Path,
) -> None:
    book = StreamingWorkbook([CellStyle()])
    sheet = book.add_sheet("Trang 'một'", [10, 20, 30, 40, 50, 60, 70])
    sheet.append([1, 2.5, True, None, "", "a & <b> > c", "  khoảng trắng  "], 1)
    sheet.append_blank()
    sheet.append(["a & <b> > c", "dòng một\ndòng hai", "x\x0by", -3], 1)
    path = tmp_path / "book.xlsx"
    book.save(path)
    read = load_workbook(path)["Trang 'một'"]
    assert [c.value for c in read[1]] == [
        1,
        2.5,
        True,
        None,
        None,
        "a & <b> > c",
        "  khoảng trắng  ",
    ]
    assert read.max_row == 3 and all(c.value is None for c in read[2])
    assert [c.value for c in read[3]][:4] == ["a & <b> > c", "dòng một\ndòng hai", "xy", -3]


def test_a_long_row_of_repeated_texts_reads_back_cell_by_cell_in_its_style(
    tmp_path: Path,
) -> None:
    book = StreamingWorkbook([CellStyle(), CellStyle(bold=True)])
    sheet = book.add_sheet("Dài", [8] * 40)
    values: list[object] = [("Xong", "", "Chưa", None, 7, 1.5)[n % 6] for n in range(40)]
    sheet.append(["Xong"], 1)
    sheet.append(values, 2)
    path = tmp_path / "long.xlsx"
    book.save(path)
    read = load_workbook(path)["Dài"]
    assert [c.value for c in read[2]] == [None if v == "" else v for v in values]
    assert all(c.font.b for c in read[2]) and not read["A1"].font.b


def test_a_value_no_cell_can_hold_is_refused(tmp_path: Path) -> None:
    sheet = StreamingWorkbook([CellStyle()]).add_sheet("A", [10])
    with pytest.raises(TypeError, match="list"):
        sheet.append([[1]], 1)


def test_styles_freeze_panes_merges_and_print_titles_are_kept(tmp_path: Path) -> None:
    styles = [
        CellStyle("Times New Roman", 13, bold=True, horizontal="center"),
        CellStyle("Times New Roman", 12, border=True, vertical="top", wrap=True),
    ]
    book = StreamingWorkbook(styles)
    first = book.add_sheet("Một", [6, 50], title_row=2)
    first.merge(1, 1, 1, 2)
    first.append(["Tiêu đề"], 1)
    first.append(["STT", "Nội dung"], 2)
    second = book.add_sheet("Hai", [6, 50, 18], freeze=(2, 1), landscape=False)
    second.append([1, "x", "y"], 2)
    path = tmp_path / "book.xlsx"
    book.save(path)
    read = load_workbook(path)
    one, two = read["Một"], read["Hai"]
    assert "A1:B1" in one.merged_cells and one.print_title_rows == "$2:$2"
    assert (
        one["A1"].font.b and one["A1"].font.sz == 13 and one["A1"].alignment.horizontal == "center"
    )
    assert one["B2"].border.left.style == "thin" and one["B2"].alignment.wrap_text
    assert two.freeze_panes == "C2" and two.print_title_rows is None
    assert (one.page_setup.orientation, two.page_setup.orientation) == ("landscape", "portrait")
    assert [two.column_dimensions[c].width for c in "ABC"] == [6, 50, 18]
