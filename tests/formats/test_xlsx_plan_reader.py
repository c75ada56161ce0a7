"""An Excel plan becomes grids of cell texts plus its title lines (issue 3)."""

import datetime as dt
import unicodedata
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from helpers.bad_files import zip_bomb_docx
from helpers.plan_truth import load_truth
from openpyxl.styles import Alignment, Font

from kscdesk.formats.errors import UnreadablePlanFile, UnsafeFile
from kscdesk.formats.grid import Cell
from kscdesk.formats.legacy_encoding import TCVN3, VNI, encode_legacy
from kscdesk.formats.plan_table import parse_plan
from kscdesk.formats.xlsx_plan_reader import read_xlsx_document, read_xlsx_grids, render_value

HEADER = ["STT", "Nội dung công việc", "Kết quả công việc", "Cơ quan, đơn vị thực hiện",
          "Thời gian thực hiện"]  # fmt: skip


def texts(row: list[Cell]) -> list[str]:
    return [cell.text for cell in row]


def test_the_fixture_grid_starts_at_the_header_on_row_8(fixtures_dir: Path) -> None:
    grids, _ = read_xlsx_grids(fixtures_dir / "city2023.xlsx")
    assert len(grids) == 1
    grid = grids[0]
    assert texts(grid.rows[0]) == HEADER
    assert grid.source == "city2023.xlsx"
    assert grid.table_index == 1
    assert grid.width == 5
    assert all(cell.bold for cell in grid.rows[0])


def test_the_fixture_title_rows_are_the_preamble(fixtures_dir: Path) -> None:
    _, preamble = read_xlsx_grids(fixtures_dir / "city2023.xlsx")
    assert preamble[:5] == [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "THÀNH PHỐ QUẢNG NGÃI",
        "Độc lập - Tự do - Hạnh phúc",
        "KẾ HOẠCH",
    ]
    assert preamble[5].startswith("Hoạt động kiểm soát thủ tục hành chính năm 2023")
    assert preamble[6].startswith("(Ban hành kèm theo Quyết định số")
    assert len(preamble) == 7


def test_the_fixture_task_1_cells_are_merged_up(fixtures_dir: Path) -> None:
    grid = read_xlsx_grids(fixtures_dir / "city2023.xlsx")[0][0]
    first, second = grid.rows[2], grid.rows[3]  # sheet rows 10 and 11
    assert texts(first)[:2] == ["1", "Xây dựng, ban hành các văn bản về kiểm soát TTHC năm 2023."]
    assert [(c.text, c.merged_up) for c in second[:2]] == [("", True), ("", True)]
    assert second[2].text.startswith("b) Rà soát, tham mưu")
    assert not second[2].merged_up


def test_the_fixture_section_titles_are_merged_left(fixtures_dir: Path) -> None:
    section = read_xlsx_grids(fixtures_dir / "city2023.xlsx")[0][0].rows[1]
    assert texts(section)[:2] == ["I", "Ban hành văn bản quản lý nhà nước về kiểm soát thủ tục "
                                       "hành chính (TTHC)"]  # fmt: skip
    assert [c.merged_left for c in section] == [False, False, True, True, True]
    assert section[1].bold


def test_the_fixture_parses_to_its_answer_key(fixtures_dir: Path) -> None:
    path = fixtures_dir / "city2023.xlsx"
    truth = load_truth(fixtures_dir / "city2023.truth.json")
    content = parse_plan(*read_xlsx_grids(path), path)
    assert content.plan.issuer == truth["issuer"]
    assert content.plan.level.value == truth["level"]
    assert content.plan.year == truth["year"]
    assert content.plan.title == truth["title"]
    assert list(content.plan.columns) == truth["columns"]
    assert [{"code": s.code, "title": s.title, "parent_code": s.parent_code}
            for s in content.sections] == truth["sections"]  # fmt: skip
    fields = ("section", "number", "sub", "content", "output", "lead", "coordinating", "timeframe")
    expected = [{k: t[k] for k in fields} for t in truth["tasks"]]
    got = [dict(zip(fields, (t.section_code, t.number, t.sub, t.content, t.output, t.lead,
                             t.coordinating, t.timeframe), strict=True))
           for t in content.tasks]  # fmt: skip
    assert got == expected
    assert [i.name for i in content.indicators] == [i["name"] for i in truth["indicators"]]


def build_workbook(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "ỦY BAN NHÂN DÂN\nPHƯỜNG ĐỨC PHỔ"
    sheet["D1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    sheet["A3"] = unicodedata.normalize("NFD", "KẾ HOẠCH")
    sheet.append([])
    sheet.append(HEADER)  # row 5
    sheet.append(["A", "Công tác chỉ đạo"])
    sheet.merge_cells("B6:E6")
    sheet.append([1, "Ban hành kế hoạch\r\n- rà soát", 0.8, None, dt.datetime(2025, 3, 5)])
    sheet["C7"].number_format = "0%"
    sheet.append([2.0, encode_legacy("khắc phục tồn tại", TCVN3), Decimal("12.50"), None,
                  dt.date(2025, 12, 31)])  # fmt: skip
    sheet["B8"].font = Font(name=".VnTime")
    sheet["D8"] = encode_legacy("Văn phòng chủ trì", VNI)
    sheet["D8"].font = Font(name="VNI-Times")
    sheet["C9"] = "  dòng thừa  "
    sheet["C9"].alignment = Alignment(wrap_text=True)
    sheet.merge_cells("A8:A9")
    sheet["A12"] = None  # formatted but empty rows below the table are not part of it
    sheet["A12"].font = Font(bold=True)
    other = workbook.create_sheet("Phụ lục chỉ tiêu")
    other["A1"] = "PHỤ LỤC CHỈ TIÊU"
    other.append(["STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2025"])
    other.append([1, "Tỷ lệ hồ sơ trực tuyến", "%", "Tối thiểu 80"])
    workbook.create_sheet("Trống")
    workbook.save(path)
    return path


def test_a_built_workbook_reads_as_the_officer_sees_it(tmp_path: Path) -> None:
    document = read_xlsx_document(build_workbook(tmp_path / "phường.xlsx"))
    plan, appendix = document.grids
    assert [texts(r) for r in plan.rows] == [
        HEADER,
        ["A", "Công tác chỉ đạo", "", "", ""],
        ["1", "Ban hành kế hoạch\n- rà soát", "80%", "", "05/03/2025"],
        ["2", "khắc phục tồn tại", "12,5", "Văn phòng chủ trì", "31/12/2025"],
        ["", "", "dòng thừa", "", ""],
    ]
    assert plan.rows[4][0].merged_up
    assert (appendix.table_index, texts(appendix.rows[1])) == (
        2,
        ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "Tối thiểu 80"],
    )
    assert document.preamble == [
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG ĐỨC PHỔ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "KẾ HOẠCH",
        "PHỤ LỤC CHỈ TIÊU",
    ]
    assert all(unicodedata.is_normalized("NFC", line) for line in document.preamble)


def test_legacy_font_cells_are_converted_with_a_warning(tmp_path: Path) -> None:
    document = read_xlsx_document(build_workbook(tmp_path / "mã cũ.xlsx"))
    assert len(document.warnings) == 1
    warning = document.warnings[0]
    assert warning.table == 1
    assert "TCVN3" in warning.message
    assert "VNI" in warning.message


def test_the_fixture_has_no_legacy_text(fixtures_dir: Path) -> None:
    assert read_xlsx_document(fixtures_dir / "city2023.xlsx").warnings == []


def test_a_sheet_without_a_header_is_kept_whole(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["B2"] = "Thư mời họp"
    sheet["C3"] = 7
    workbook.save(tmp_path / "thư.xlsx")
    grids, preamble = read_xlsx_grids(tmp_path / "thư.xlsx")
    assert preamble == []
    assert [texts(r) for r in grids[0].rows] == [["Thư mời họp", ""], ["", "7"]]


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (1, "General", "1"),
        (1.0, "General", "1"),
        (3.25, "General", "3,25"),
        (0.805, "0.0%", "80,5%"),
        (dt.datetime(2025, 2, 14, 0, 0), "General", "14/02/2025"),
        (dt.datetime(2025, 2, 14, 8, 30), "General", "14/02/2025 08:30"),
        (dt.time(7, 5), "General", "07:05"),
        (True, "General", "Có"),
        ("Quý I", "General", "Quý I"),
    ],
)
def test_cell_values_render_as_text(value: object, number_format: str, expected: str) -> None:
    assert render_value(value, number_format) == expected


def test_the_archive_is_checked_before_openpyxl_opens_it(tmp_path: Path) -> None:
    with pytest.raises(UnsafeFile, match=r"bom\.xlsx"):
        read_xlsx_grids(zip_bomb_docx(tmp_path / "bom.xlsx", inflated_mib=12))


def test_a_docx_renamed_to_xlsx_is_unreadable(fixtures_dir: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "nhầm.xlsx"
    renamed.write_bytes((fixtures_dir / "city2023.docx").read_bytes())
    with pytest.raises(UnreadablePlanFile, match=r"nhầm\.xlsx"):
        read_xlsx_grids(renamed)
