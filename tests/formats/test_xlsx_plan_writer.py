"""A stored plan exports to a printable .xlsx that imports back as the same plan (issue 3)."""

from datetime import date
from pathlib import Path

import openpyxl
from helpers.plan_truth import content_from_truth, load_truth, plan_fields

from kscdesk.domain.model import Decision, Indicator, Level, Plan, PlanContent, Section, Task
from kscdesk.formats.plan_table import parse_plan
from kscdesk.formats.xlsx_plan_reader import read_xlsx_grids
from kscdesk.formats.xlsx_plan_writer import INDICATOR_SHEET, PLAN_SHEET, write_plan_xlsx

INDICATORS = [
    Indicator(
        "1",
        "Tỷ lệ hồ sơ trực tuyến",
        "%",
        "Tối thiểu 80",
        "Trung tâm Phục vụ hành chính công",
        "Các phòng chuyên môn",
        position=0,
    ),
    Indicator(
        "2", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "100", "Các phòng chuyên môn", "", position=1
    ),
]


def city_plan(fixtures_dir: Path) -> PlanContent:
    content = content_from_truth(
        load_truth(fixtures_dir / "city2023.truth.json"),
        Decision("35/QĐ-UBND", date(2023, 2, 14)),
    )
    content.indicators = list(INDICATORS)
    return content


def ward_plan() -> PlanContent:
    """Letter sections holding Roman ones, sub-items with their own content, a commune issuer."""
    plan = Plan(
        issuer="UBND phường Đức Phổ",
        year=2025,
        title="Hoạt động kiểm soát thủ tục hành chính năm 2025 trên địa bàn phường Đức Phổ",
        level=Level.COMMUNE,
        decision=Decision("05/QĐ-UBND", date(2025, 1, 6)),
    )
    sections = [
        Section("A", "Công tác chỉ đạo, điều hành", None, position=0),
        Section("B", "Kiểm soát TTHC", None, position=1),
        Section("I", "Niêm yết, công khai TTHC", "B", position=2),
        Section("II", "Rà soát, đơn giản hóa TTHC", "B", position=3),
        Section("Đ", "Thông tin, báo cáo", None, position=4),
    ]
    lead, coordinating = "Văn phòng HĐND và UBND", "Các phòng chuyên môn"
    tasks = [
        Task("A", "1", "Ban hành kế hoạch năm 2025.", None, "Kế hoạch", lead, "", "Quý I"),
        Task(
            "I",
            "2",
            "Niêm yết công khai TTHC.",
            "a",
            "Danh mục TTHC",
            lead,
            coordinating,
            "Thường xuyên",
        ),
        Task("I", "2", "Công khai trên Cổng dịch vụ công.", "b", "", lead, "", "Quý I, II/2025"),
        Task(
            "II",
            "3",
            "Rà soát quy định TTHC.",
            None,
            "- Báo cáo rà soát\n- Phương án",
            lead,
            coordinating,
            "- Trước ngày 05/03/2025\n- Định kỳ hằng quý",
        ),
        Task("Đ", "4", "Báo cáo quý, năm.", None, "Báo cáo", lead, "", "Định kỳ hằng quý"),
    ]
    tasks = [
        Task(
            t.section_code,
            t.number,
            t.content,
            t.sub,
            t.output,
            t.lead,
            t.coordinating,
            t.timeframe,
            position=i,
        )
        for i, t in enumerate(tasks)
    ]
    return PlanContent(plan, sections, tasks, list(INDICATORS))


def reimport(content: PlanContent, path: Path) -> PlanContent:
    write_plan_xlsx(content, path)
    return parse_plan(*read_xlsx_grids(path), path)


def test_the_city_plan_round_trips(fixtures_dir: Path, tmp_path: Path) -> None:
    content = city_plan(fixtures_dir)
    again = reimport(content, tmp_path / "kế hoạch.xlsx")
    assert plan_fields(again) == plan_fields(content)
    assert again.warnings == []


def test_a_ward_plan_with_nested_sections_and_own_sub_items_round_trips(tmp_path: Path) -> None:
    content = ward_plan()
    again = reimport(content, tmp_path / "phường.xlsx")
    assert plan_fields(again) == plan_fields(content)


def test_the_export_has_separate_unit_columns(fixtures_dir: Path, tmp_path: Path) -> None:
    again = reimport(city_plan(fixtures_dir), tmp_path / "cột.xlsx")
    assert again.plan.columns == (
        "STT",
        "Nội dung công việc",
        "Kết quả công việc",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian thực hiện",
    )


def test_the_sheets_print_on_a4_landscape_with_the_header_repeated(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "in.xlsx"
    write_plan_xlsx(city_plan(fixtures_dir), path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [PLAN_SHEET, INDICATOR_SHEET]
    plan_sheet = workbook[PLAN_SHEET]
    for sheet, header_row in ((plan_sheet, 8), (workbook[INDICATOR_SHEET], 4)):
        assert sheet.page_setup.orientation == "landscape"
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert sheet.print_title_rows == f"${header_row}:${header_row}"
        assert sheet.cell(row=header_row, column=1).value == "STT"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
    body = plan_sheet.cell(row=10, column=2)
    assert body.font.name == "Times New Roman"
    assert 12 <= body.font.size <= 13
    assert body.alignment.wrap_text
    assert plan_sheet["A4"].value == "KẾ HOẠCH"
    assert plan_sheet.cell(row=9, column=2).font.bold  # section row
    assert "B9:F9" in {str(r) for r in plan_sheet.merged_cells.ranges}
    widths = [plan_sheet.column_dimensions[c].width for c in "ABCDEF"]
    assert widths[0] < 10 < widths[5] < widths[1]


def test_tall_rows_get_room_for_their_wrapped_text(fixtures_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "cao.xlsx"
    write_plan_xlsx(city_plan(fixtures_dir), path)
    sheet = openpyxl.load_workbook(path)[PLAN_SHEET]
    heights = {r: sheet.row_dimensions[r].height for r in range(9, sheet.max_row + 1)}
    section_row, long_row = heights[9], max(heights.values())
    assert section_row is not None
    assert long_row is not None
    assert long_row > 5 * section_row


def test_a_plan_without_indicators_has_one_sheet(tmp_path: Path) -> None:
    content = ward_plan()
    content.indicators = []
    path = tmp_path / "một.xlsx"
    write_plan_xlsx(content, path)
    assert openpyxl.load_workbook(path).sheetnames == [PLAN_SHEET]
