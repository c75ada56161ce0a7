"""The parent's own summary report (.docx, NĐ 30 layout) written by the consolidation: read back,
its figures equal the communes' counts, every late and missing commune is named, the returned
commune is listed, and the per-commune appendix is landscape."""

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from helpers.exchange_setup import derive_and_record, make_commune, make_district

from kscdesk.domain.consolidation import Consolidation
from kscdesk.domain.exchange import Standing
from kscdesk.domain.indicators import format_figure
from kscdesk.domain.model import Level, Office, ProgressStatus
from kscdesk.services.consolidation import consolidate
from kscdesk.services.exchange_export import export_report, publish_plan, write_receipt
from kscdesk.services.exchange_import import import_packages
from kscdesk.services.workspace import Workspace
from kscdesk.store.offices import get_home_office, save_office

S = ProgressStatus
PERIOD = "2025-Q1"
SENDERS = {
    "a": ("UBND xã Tịnh Hà", [(80, 100), (40, 50)], [S.DONE, S.IN_PROGRESS, S.DONE]),
    "b": ("UBND xã Tịnh Sơn", [(10, 20), (0, 0)], [S.DONE, S.NOT_STARTED]),
    "c": ("UBND xã Tịnh Bình", [(5, 10), (3, 4)], [S.IN_PROGRESS]),
}
SILENT = ("UBND xã Tịnh Bắc", "UBND xã Tịnh Đông")  # known to the district, never sent


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> tuple[Consolidation, list[Path]]:
    root = tmp_path_factory.mktemp("summary")
    district = root / "district"
    plan_uid = make_district(district)
    with Workspace.open(district) as ws:
        plan_file = publish_plan(ws, plan_uid, root / "out").path
        home = get_home_office(ws.db)
        assert home is not None
        for name in SILENT:
            save_office(ws.db, Office(name, Level.COMMUNE, parent_uid=home.uid))
    for key, (name, counts, statuses) in SENDERS.items():
        make_commune(root / key, name)
        with Workspace.open(root / key) as ws:
            import_packages(ws, plan_file)
        derive_and_record(root / key, PERIOD, counts, statuses)
        with Workspace.open(root / key) as ws:
            export_report(ws, PERIOD, root / "inbox")
    with Workspace.open(district) as ws:
        assert all(item.accepted for item in import_packages(ws, root / "inbox"))
        write_receipt(ws, "Tịnh Sơn", PERIOD, root / "receipts", return_text="Bổ sung số liệu.")
        result = consolidate(ws, PERIOD, root / "th", today=date(2025, 3, 25))
    return result.view, result.files


def _document_text(path: Path) -> tuple[list[str], list[list[list[str]]]]:
    doc = Document(str(path))
    paragraphs = [p.text for p in doc.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in doc.tables]
    return paragraphs, tables


def test_the_consolidation_writes_the_summary_docx_beside_the_workbook(
    summary: tuple[Consolidation, list[Path]],
) -> None:
    _, files = summary
    assert [p.suffix for p in files] == [".xlsx", ".docx"]
    assert files[0].parent == files[1].parent and files[1].is_file()
    assert not [p for p in files[1].parent.iterdir() if p.suffix == ".tmp"]


def test_the_summary_states_the_office_the_period_and_its_data_window(
    summary: tuple[Consolidation, list[Path]],
) -> None:
    paragraphs, tables = _document_text(summary[1][1])
    assert "BÁO CÁO" in paragraphs
    title = next(p for p in paragraphs if p.startswith("Tình hình, kết quả"))
    assert title.endswith("quý I năm 2025 trên địa bàn huyện Sơn Tịnh")
    assert "(Số liệu tính từ ngày 15/12/2024 đến ngày 14/3/2025)" in paragraphs
    assert "HUYỆN SƠN TỊNH" in tables[0][0][0]


def test_every_late_and_missing_commune_is_named_in_the_ledger_paragraphs(
    summary: tuple[Consolidation, list[Path]],
) -> None:
    view, files = summary
    paragraphs, _ = _document_text(files[1])
    by_label = {p.split(":")[0]: p for p in paragraphs if p.startswith("- ")}
    missing = by_label["- Chưa gửi báo cáo (đã quá hạn)"]
    assert all(name in missing for name in SILENT) and missing.count("UBND") == len(SILENT)
    sent = [r.name for r in view.ledger if r.standing in (Standing.ON_TIME, Standing.LATE)]
    assert sorted(sent) == sorted(name for name, *_ in SENDERS.values())
    late = [r.name for r in view.ledger if r.standing is Standing.LATE]
    assert all(name in by_label["- Gửi trễ hạn"] for name in late)
    on_time = len(sent) - len(late)
    assert by_label["- Gửi đúng hạn"].startswith(f"- Gửi đúng hạn: {on_time}/5 đơn vị")


def test_indicator_totals_are_the_sums_of_the_communes_counts_never_averaged_rates(
    summary: tuple[Consolidation, list[Path]],
) -> None:
    _, tables = _document_text(summary[1][1])
    table = next(t for t in tables if t[0][-1] == "Kết quả toàn địa bàn")
    for row, position in zip(table[1:], (0, 1), strict=True):
        numerator = sum(counts[position][0] for _, counts, _ in SENDERS.values())
        denominator = sum(counts[position][1] for _, counts, _ in SENDERS.values())
        assert row[2] == "3"
        assert row[3] == format_figure(numerator, denominator)
    assert table[1][3] == "95/130 (tỷ lệ 73,08%)"  # not the mean of 80 %, 50 % and 50 %


def test_task_counts_per_section_equal_the_communes_statuses(
    summary: tuple[Consolidation, list[Path]],
) -> None:
    _, tables = _document_text(summary[1][1])
    table = next(t for t in tables if t[0][:3] == ["STT", "Nội dung công việc", "Hoàn thành"])
    rows = {row[0]: row for row in table[1:]}
    assert rows["I"][1] == "Công tác chỉ đạo" and rows["II"][1] == "Rà soát"
    # Task 1: done by a and b, in progress at c; task 2: in progress at a, not started at b.
    assert rows["1"][2:4] == ["2", "1"]
    assert rows["2"][3] == "1" and rows["2"][5] == "1"
    # Task 3: done by a only; b and c recorded nothing and the silent communes sent nothing.
    assert rows["3"][2] == "1" and rows["3"][7] == str(2 + len(SILENT))
    paragraphs, _ = _document_text(summary[1][1])
    lagging = next(p for p in paragraphs if p.startswith("Có 1 nhiệm vụ phần lớn"))
    assert "nhiệm vụ 2 " in lagging and "nhiệm vụ 1 " not in lagging


def test_the_returned_commune_and_the_per_commune_appendix_are_in_the_summary(
    summary: tuple[Consolidation, list[Path]],
) -> None:
    view, files = summary
    paragraphs, tables = _document_text(files[1])
    returned = next(p for p in paragraphs if p.startswith("Đã trả lại báo cáo"))
    assert "UBND xã Tịnh Sơn" in returned and "Tịnh Hà" not in returned
    appendix = next(t for t in tables if t[0][:3] == ["STT", "Đơn vị", "Tình trạng gửi"])
    assert [row[1] for row in appendix[1:]] == [r.name for r in view.ledger]
    assert Document(str(files[1])).sections[-1].orientation == WD_ORIENT.LANDSCAPE
    per_indicator = next(t for t in tables if t[0][:3] == ["STT", "Đơn vị", "Chỉ tiêu 1"])
    assert per_indicator[-1][1:] == ["Tổng cộng", "95/130 (tỷ lệ 73,08%)", "43/54 (tỷ lệ 79,63%)"]
