"""The "Báo cáo" page: deadline banner, editing the text, building and rebuilding the files."""

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from kscdesk.domain.model import Progress, ProgressStatus
from kscdesk.services.indicators import report_plan_uid
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans, progress, reports
from kscdesk.ui import prompts
from kscdesk.ui.reports_panel import ReportsPanel

MAX_SIZE = (1093, 614)


@pytest.fixture
def panel(qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication) -> ReportsPanel:
    widget = ReportsPanel(demo_workspace, today=date(2023, 3, 14))
    qtbot.addWidget(widget)
    widget.resize(*MAX_SIZE)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _choose(panel: ReportsPanel, key: str) -> None:
    panel.part_combo.setCurrentIndex(panel.part_combo.findData(key))


def test_the_banner_warns_that_the_quarter_report_is_due(panel: ReportsPanel) -> None:
    assert panel.banner.isVisible()
    assert "17/03/2023 (còn 3 ngày)" in panel.banner.text()
    assert panel.period_combo.currentData() == "2023-Q1"


def test_the_drafted_text_is_shown_per_part(panel: ReportsPanel) -> None:
    _choose(panel, "ton_tai")
    assert "đã quá hạn (hạn 28/02/2023)" in panel.text_edit.toPlainText()
    _choose(panel, "kien_nghi")
    assert panel.text_edit.toPlainText() == ""


def test_an_edit_is_kept_and_a_later_data_change_is_shown(
    panel: ReportsPanel, qtbot: QtBot, demo_workspace: Workspace
) -> None:
    _choose(panel, "ket_qua")
    panel.text_edit.setPlainText("Kết quả do cán bộ ")  # QTest types ASCII only
    panel.text_edit.moveCursor(panel.text_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.text_edit, "viet.")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.part_combo.currentText().endswith("(đã sửa)")
    plan_uid = report_plan_uid(demo_workspace)
    assert reports.load_report_texts(demo_workspace.db, plan_uid, "2023-Q1")["ket_qua"].text == (
        "Kết quả do cán bộ viet."
    )
    task = next(
        t for t in plans.load_plan_content(demo_workspace.db, plan_uid).tasks if t.label == "15"
    )
    progress.save_progress(
        demo_workspace.db, Progress(task.uid, "2023-Q1", ProgressStatus.DONE, date(2023, 3, 1))
    )
    panel.reload()
    assert panel.text_edit.toPlainText() == "Kết quả do cán bộ viet."
    assert panel.changes_label.isVisible() and "Nhiệm vụ 15" in panel.changes_label.text()
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert "Nhiệm vụ 15 (" in panel.text_edit.toPlainText()
    assert not panel.part_combo.currentText().endswith("(đã sửa)")


def test_building_writes_the_files_and_lists_them_for_rebuilding(
    panel: ReportsPanel, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prompts, "choose_folder", lambda *args: tmp_path / "out")
    qtbot.mouseClick(panel.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.builds_model.rowCount() == 1, timeout=20000)
    assert panel.status_label.text().startswith("Đã lập: Bao-cao-KSTTHC-2023-Q1.docx")
    assert (tmp_path / "out" / "Bao-cao-KSTTHC-2023-Q1.docx").is_file()
    assert panel.builds_model.index(0, 2).data() == "Bao-cao-KSTTHC-2023-Q1.docx"
    assert "đã lập" in panel.banner.text()
    panel.builds_table.selectRow(0)
    qtbot.mouseClick(panel.rebuild_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.builds_model.rowCount() == 2, timeout=20000)
    qtbot.waitUntil(lambda: panel.build_button.isEnabled())


def test_the_page_fits_the_smallest_window(panel: ReportsPanel) -> None:
    hint = panel.minimumSizeHint()
    assert hint.width() <= MAX_SIZE[0] - 180 and hint.height() <= MAX_SIZE[1] - 60


def test_without_a_plan_the_pages_say_what_to_do(
    qtbot: QtBot, empty_workspace: Workspace, vietnamese_app: QApplication
) -> None:
    from kscdesk.ui.indicators_panel import IndicatorsPanel

    report_page = ReportsPanel(empty_workspace, today=date(2025, 3, 14))
    indicator_page = IndicatorsPanel(empty_workspace, today=date(2025, 3, 14))
    qtbot.addWidget(report_page)
    qtbot.addWidget(indicator_page)
    report_page.show()
    indicator_page.show()
    assert report_page.status_label.text().startswith("Chưa có kế hoạch")
    assert not report_page.banner.text()
    assert indicator_page.model.rowCount() == 0
    assert "Thêm chỉ tiêu" in indicator_page.derivation_label.text()


@pytest.fixture
def built(panel: ReportsPanel, demo_workspace: Workspace, tmp_path: Path) -> tuple[Path, Path]:
    """A report built earlier, its two files on disk, listed on the page."""
    docx, xlsx = tmp_path / "Bao-cao-Q1.docx", tmp_path / "Bao-cao-Q1.xlsx"
    docx.write_bytes(b"docx")
    xlsx.write_bytes(b"xlsx")
    plan_uid = report_plan_uid(demo_workspace)
    reports.record_build(demo_workspace.db, plan_uid, "2023-Q1", str(docx), str(xlsx))
    panel.reload()
    panel.builds_table.selectRow(0)
    return docx, xlsx


def test_the_built_files_open_in_the_default_program(
    panel: ReportsPanel, built: tuple[Path, Path], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kscdesk.ui import reports_panel

    opened: list[Path] = []
    monkeypatch.setattr(reports_panel, "open_path", lambda path: opened.append(path) or True)
    word = panel.findChild(QPushButton, "open_word_button")
    excel = panel.findChild(QPushButton, "open_excel_button")
    assert word.text() == "Mở tệp Word" and excel.text() == "Mở tệp Excel"
    qtbot.mouseClick(word, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(excel, Qt.MouseButton.LeftButton)
    assert opened == list(built)


def test_a_double_click_opens_the_file_of_the_cell(
    panel: ReportsPanel, built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kscdesk.ui import reports_panel

    opened: list[Path] = []
    monkeypatch.setattr(reports_panel, "open_path", lambda path: opened.append(path) or True)
    panel.builds_table.doubleClicked.emit(panel.builds_model.index(0, 3))
    panel.builds_table.doubleClicked.emit(panel.builds_model.index(0, 0))
    assert opened == [built[1], built[0]]


def test_a_moved_file_gets_a_clear_message_and_nothing_opens(
    panel: ReportsPanel, built: tuple[Path, Path], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kscdesk.ui import reports_panel

    opened: list[Path] = []
    warnings: list[str] = []
    monkeypatch.setattr(reports_panel, "open_path", lambda path: opened.append(path) or True)
    monkeypatch.setattr(prompts, "show_warning", lambda parent, title, text: warnings.append(text))
    built[0].unlink()
    qtbot.mouseClick(panel.findChild(QPushButton, "open_word_button"), Qt.MouseButton.LeftButton)
    assert opened == []
    assert warnings and "Bao-cao-Q1.docx" in warnings[0]
    assert "đã bị chuyển đi hoặc xóa" in warnings[0] and "Lập lại" in warnings[0]


def test_the_open_buttons_wait_for_a_report_to_be_chosen(panel: ReportsPanel) -> None:
    assert not panel.findChild(QPushButton, "open_word_button").isEnabled()
    assert not panel.findChild(QPushButton, "open_excel_button").isEnabled()
