"""Building the period report on the demo data and reading both files back."""

import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from kscdesk.domain.indicators import format_figure
from kscdesk.domain.model import ProgressStatus
from kscdesk.services import reports
from kscdesk.services.demo import load_demo
from kscdesk.services.errors import ServiceError
from kscdesk.services.indicators import list_figures, report_plan_uid
from kscdesk.services.workspace import Workspace
from kscdesk.store import indicators as indicator_store
from kscdesk.store import plans, progress

PERIOD = "2023-Q1"


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    with Workspace.open(folder) as ws:
        load_demo(ws)
    return folder


@pytest.fixture
def ws(demo_folder: Path, tmp_path: Path) -> Iterator[Workspace]:
    copy = tmp_path / "data"
    shutil.copytree(demo_folder, copy)
    with Workspace.open(copy) as workspace:
        yield workspace


@pytest.fixture(scope="module")
def built(demo_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("out")
    copy = tmp_path_factory.mktemp("built") / "data"
    shutil.copytree(demo_folder, copy)
    with Workspace.open(copy) as ws:
        files = reports.build_report(ws, PERIOD, out)
    return files.docx, files.xlsx


def _text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _section(path: Path, start: str, end: str) -> str:
    texts = [p.text for p in Document(str(path)).paragraphs]
    first = next(i for i, t in enumerate(texts) if t.startswith(start))
    last = next(i for i, t in enumerate(texts) if i > first and t.startswith(end))
    return "\n".join(texts[first:last])


def test_every_task_done_in_the_period_appears_with_its_evidence(
    built: tuple[Path, Path], demo_folder: Path
) -> None:
    results = _section(built[0], "II. ", "III. ")
    with Workspace.open(demo_folder) as ws:
        plan_uid = report_plan_uid(ws)
        done = [
            p
            for p in progress.list_progress(ws.db, plan_uid, PERIOD).values()
            if p.status is ProgressStatus.DONE
        ]
        evidence = progress.list_evidence_for_plan(ws.db, plan_uid)
        tasks = plans.load_tasks(ws.db, [p.task_uid for p in done])
    assert len(done) >= 5
    text = _text(built[0])
    for record in done:
        label = tasks[record.task_uid].label
        line = next(s for s in results.splitlines() if s.startswith(f"- Nhiệm vụ {label} ("))
        assert f"đã hoàn thành ngày {record.completed_on:%d/%m/%Y}" in line
        for item in evidence.get(record.task_uid, []):
            assert f"{item.doc_type.label} số {item.number_symbol}" in line
            assert f"số {item.number_symbol} ngày {item.issued_on:%d/%m/%Y}" in text  # full once


def test_every_overdue_task_is_under_shortcomings(built: tuple[Path, Path]) -> None:
    weak = _section(built[0], "2. Tồn tại", "IV. ")
    # Demo task 2 is due before 28/02/2023 and still in progress on 14/03/2023.
    assert re.search(r"Nhiệm vụ 2 \(.*\) đã quá hạn \(hạn 28/02/2023\), chưa hoàn thành", weak)


def test_every_indicator_figure_equals_the_stored_counts(
    built: tuple[Path, Path], demo_folder: Path
) -> None:
    table = next(t for t in Document(str(built[0])).tables if t.rows[0].cells[1].text == "Chỉ tiêu")
    rows = {row.cells[0].text: row for row in table.rows[1:]}
    with Workspace.open(demo_folder) as ws:
        figures = list_figures(ws, PERIOD)
        stored = indicator_store.list_indicator_values(ws.db, report_plan_uid(ws), PERIOD)
    assert len(figures) == len(rows) == len(stored) == 7
    for figure in figures:
        row = rows[figure.indicator.number]
        counts = stored[figure.indicator.uid]
        assert row.cells[3].text == format_figure(counts.numerator, counts.denominator)
        assert row.cells[2].text == figure.target_text
        assert row.cells[4].text == ("Đạt" if figure.met else "Không đạt")


def test_the_data_window_is_stated(built: tuple[Path, Path]) -> None:
    assert "Số liệu tính từ ngày 15/12/2022 đến ngày 14/3/2023" in _text(built[0])


def test_the_workbook_prints_a4_fitted_to_width_with_repeated_headers(
    built: tuple[Path, Path],
) -> None:
    workbook = load_workbook(built[1])
    assert workbook.sheetnames == ["Nhiệm vụ", "Chỉ tiêu", "Biểu II.06a"]
    for sheet in workbook.worksheets:
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows
    form = workbook["Biểu II.06a"]
    numbers = [c.value for c in form[6]]
    assert numbers == [f"({n})" for n in range(1, 14)]  # 13 columns under two header rows


def test_the_build_is_listed_and_rebuildable(ws: Workspace, tmp_path: Path) -> None:
    first = reports.build_report(ws, PERIOD, tmp_path / "a")
    reports.build_report(ws, PERIOD, tmp_path / "a")
    builds = reports.list_reports(ws)
    assert [b.period_key for b in builds] == [PERIOD, PERIOD]
    assert builds[0].docx_path == str(first.docx) and first.docx.exists()


def test_officer_edits_are_kept_when_the_report_is_drafted_again(ws: Workspace) -> None:
    reports.save_part_text(ws, PERIOD, "kien_nghi", "Đề nghị UBND thành phố tổ chức tập huấn.")
    plan_uid = report_plan_uid(ws)
    task = next(t for t in plans.load_plan_content(ws.db, plan_uid).tasks if t.label == "2")
    record = progress.list_progress(ws.db, plan_uid, PERIOD)[task.uid]
    reports.save_part_text(ws, PERIOD, "ket_qua", "Kết quả do cán bộ viết lại.")
    progress.save_progress(
        ws.db,
        type(record)(task.uid, PERIOD, ProgressStatus.DONE, date(2023, 3, 1), record.note),
    )
    preview = reports.prepare_report(ws, PERIOD)
    parts = {p.key: p for p in preview.parts}
    assert parts["kien_nghi"].text == "Đề nghị UBND thành phố tổ chức tập huấn."
    assert parts["ket_qua"].text == "Kết quả do cán bộ viết lại." and parts["ket_qua"].edited
    assert any(c.startswith("Thêm: - Nhiệm vụ 2 (") for c in parts["ket_qua"].changes)
    assert "đã quá hạn (hạn 28/02/2023)" not in parts["ton_tai"].text  # not edited: redrafted
    reports.accept_draft(ws, PERIOD, "ket_qua")
    again = {p.key: p for p in reports.prepare_report(ws, PERIOD).parts}
    assert not again["ket_qua"].edited and "Nhiệm vụ 2 (" in again["ket_qua"].text


def test_a_report_open_in_word_is_refused_with_a_clear_message(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "locked")

    monkeypatch.setattr("kscdesk.formats.atomic_write.os.replace", locked)
    with pytest.raises(ServiceError, match="đang được mở"):
        reports.build_report(ws, PERIOD, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []
    assert reports.list_reports(ws) == []


def test_the_banner_warns_of_a_report_due_within_days(ws: Workspace) -> None:
    assert "17/03/2023 (còn 3 ngày)" in (reports.deadline_banner(ws, date(2023, 3, 14)) or "")
    assert "chưa lập" in (reports.deadline_banner(ws, date(2023, 3, 14)) or "")
    assert reports.deadline_banner(ws, date(2023, 2, 1)) is None


@pytest.mark.parametrize("period", ["2023-H1", "2023-9M", "2023-Y"])
def test_cumulative_periods_build_from_the_quarters_records(
    ws: Workspace, tmp_path: Path, period: str
) -> None:
    files = reports.build_report(ws, period, tmp_path)
    assert "Nhiệm vụ 1a (" in _section(files.docx, "II. ", "III. ")  # done in Q1: still reported
    assert reports.prepare_report(ws, period).data.period.key == period


def test_a_later_quarter_reports_the_tasks_due_in_it(ws: Workspace, tmp_path: Path) -> None:
    files = reports.build_report(ws, "2023-Q4", tmp_path)
    weak = _section(files.docx, "2. Tồn tại", "IV. ")
    assert "1b" in weak and "Nhiệm vụ 1a (" not in _text(files.docx)


def test_a_folder_without_plans_gets_a_clear_message(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "empty") as empty:
        with pytest.raises(ServiceError, match="Chưa có kế hoạch"):
            reports.build_report(empty, PERIOD, tmp_path / "out")
        assert reports.deadline_banner(empty, date(2023, 3, 14)) is None
