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
