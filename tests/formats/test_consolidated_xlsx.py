"""The consolidated workbook (written in write-only mode): read back, the ledger, the task
statuses per commune and the indicator totals summed from the communes' counts."""

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from kscdesk.domain.consolidation import (
    CommuneCount,
    Consolidation,
    IndicatorTotal,
    LedgerRow,
    TaskRow,
)
from kscdesk.domain.exchange import Standing
from kscdesk.formats.consolidated_xlsx import write_consolidated_xlsx


def _view() -> Consolidation:
    ledger = (
        LedgerRow("a", "Xã An", "", Standing.ON_TIME, "10/03/2025 08:00", "p", 1, 2, "returned"),
        LedgerRow("b", "Xã Bình", "", Standing.MISSING, None, None, None, 0, None),
    )
    counts = (CommuneCount("Xã An", 242_000, 360_000), CommuneCount("Xã Bình", 328, 1006))
    return Consolidation(
        "2025-Q1",
        "Quý I năm 2025",
        date(2025, 3, 17),
        "UBND huyện Sơn Tịnh",
        ledger,
        (TaskRow("1", "Ban hành kế hoạch", ("Đã hoàn thành", "Chưa báo cáo")),),
        (IndicatorTotal("1", "Hồ sơ trực tuyến", "%", counts),),
    )


def test_the_workbook_holds_the_ledger_statuses_and_totals_summed_from_counts(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tonghop.xlsx"
    write_consolidated_xlsx(_view(), path)
    book = load_workbook(path)
    assert book.sheetnames == ["Tình hình nộp", "Tiến độ nhiệm vụ", "Chỉ tiêu"]
    ledger = [row for row in book["Tình hình nộp"].iter_rows(min_row=6, values_only=True)]
    assert ledger[0][:3] == (1, "Xã An", "Đúng hạn") and ledger[0][5] == "Trả lại để chỉnh sửa"
    assert ledger[1][:3] == (2, "Xã Bình", "Chưa nộp (quá hạn)")
    tasks = book["Tiến độ nhiệm vụ"]
    assert [c.value for c in tasks[5]] == ["STT", "Nội dung công việc", "Xã An", "Xã Bình"]
    assert [c.value for c in tasks[6]] == [
        "1",
        "Ban hành kế hoạch",
        "Đã hoàn thành",
        "Chưa báo cáo",
    ]
    assert tasks.freeze_panes == "C6" and tasks.print_title_rows == "$5:$5"
    sheet = book["Chỉ tiêu"]
    total = [c.value for c in sheet[9]]
    assert total[2:] == ["Tổng cộng", 242_328, 361_006, "67,13%"]
    assert sheet["C9"].font.b and not sheet["C7"].font.b
    assert sheet["A1"].value == "UBND HUYỆN SƠN TỊNH" and "A1:F1" in sheet.merged_cells
    assert [p.name for p in tmp_path.iterdir()] == ["tonghop.xlsx"]


def test_every_sheet_is_a_landscape_a4_page_fitted_to_its_width_with_ruled_cells(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tonghop.xlsx"
    write_consolidated_xlsx(_view(), path)
    book = load_workbook(path)
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$5:$5"
        body = sheet["C7"] if sheet.title == "Chỉ tiêu" else sheet["B6"]  # B6: an indicator
        title, header = sheet["A1"], sheet["A5"]
        assert (title.font.name, title.font.sz, title.font.b) == ("Times New Roman", 13, True)
        assert title.alignment.horizontal == "center" and title.border.left.style is None
        assert header.font.b and header.alignment.vertical == "center"
        assert header.alignment.wrap_text and header.border.bottom.style == "thin"
        assert (body.font.sz, body.font.b, body.alignment.vertical) == (12, False, "top")
        assert body.alignment.wrap_text and body.border.right.style == "thin"
    ledger = book["Tình hình nộp"]
    widths = [ledger.column_dimensions[letter].width for letter in "ABCDEF"]
    assert widths == [6, 34, 20, 24, 10, 22]
    assert ledger["F7"].value is None and ledger["F7"].border.top.style == "thin"
    tasks = book["Tiến độ nhiệm vụ"]
    assert [tasks.column_dimensions[letter].width for letter in "ABCD"] == [6, 50, 18, 18]
    assert {str(r) for r in tasks.merged_cells.ranges} == {"A1:D1", "A2:D2", "A3:D3"}
    assert tasks["A3"].value == "Hạn nộp của cấp xã: 17/03/2025" and not tasks["A3"].font.b
