"""The progress page driven as an officer would: choose, record, filter, read the history."""

import shutil
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from kscdesk import paths
from kscdesk.domain.model import Standing
from kscdesk.services.offices import set_officer_name
from kscdesk.services.workspace import Workspace
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.progress_model import STANDING_ROLE, UID_ROLE
from kscdesk.ui.progress_panel import ProgressPanel

pytestmark = pytest.mark.gui
TODAY = date(2023, 3, 10)


@pytest.fixture
def panel(qtbot: QtBot, vietnamese_app: QApplication, demo_workspace: Workspace) -> ProgressPanel:
    widget = ProgressPanel(demo_workspace, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(930, 560)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click_task(qtbot: QtBot, panel: ProgressPanel, number: str) -> None:
    index = panel.task_index(number)
    assert index.isValid(), number
    panel.table.scrollTo(index)
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: panel.selected_task_uid() == index.data(UID_ROLE))


def standing_of(panel: ProgressPanel, number: str) -> str:
    return str(panel.task_index(number).data(STANDING_ROLE))


def test_the_page_opens_on_the_current_period_of_the_own_plan(panel: ProgressPanel) -> None:
    assert panel.period_key == "2023-Q1"
    assert panel.proxy.rowCount() == 35
    assert standing_of(panel, "1a") == Standing.DONE_EARLY.value
    assert standing_of(panel, "6") == Standing.IN_PROGRESS_ON_TIME.value


def test_recording_a_late_completion_updates_the_list_and_the_history(
    qtbot: QtBot, panel: ProgressPanel, demo_workspace: Workspace
) -> None:
    set_officer_name(demo_workspace, "Trần Thị B")
    click_task(qtbot, panel, "6")
    editor = panel.editor
    editor.status_combo.setCurrentIndex(editor.status_combo.findData("done"))
    qtbot.keyClicks(editor.completed_edit, "20/03/2023")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: standing_of(panel, "6") == Standing.DONE_LATE.value)
    assert editor.message_label.text() == "Đã lưu."
    assert panel.selected_task_uid() == panel.task_index("6").data(UID_ROLE)
    lines = [panel.history_model.index(i).data() for i in range(panel.history_model.rowCount())]
    assert any("Trần Thị B" in line and "20/03/2023" in line for line in lines)


def test_an_unreadable_date_is_refused_under_the_button_and_nothing_changes(
    qtbot: QtBot, panel: ProgressPanel
) -> None:
    click_task(qtbot, panel, "6")
    editor = panel.editor
    editor.status_combo.setCurrentIndex(editor.status_combo.findData("done"))
    qtbot.keyClicks(editor.completed_edit, "32/03/2023")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "32/03/2023" in editor.message_label.text()
    assert standing_of(panel, "6") == Standing.IN_PROGRESS_ON_TIME.value
    assert panel.history_model.rowCount() == 0


def test_an_override_with_a_reason_is_shown_with_a_mark(qtbot: QtBot, panel: ProgressPanel) -> None:
    click_task(qtbot, panel, "6")
    editor = panel.editor
    editor.status_combo.setCurrentIndex(editor.status_combo.findData("done"))
    qtbot.keyClicks(editor.completed_edit, "20/03/2023")
    editor.standing_combo.setCurrentIndex(editor.standing_combo.findData("done_on_time"))
    editor.reason_edit.setText("Được gia hạn")  # keyClicks types ASCII only
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: standing_of(panel, "6") == Standing.DONE_ON_TIME.value)
    assert panel.task_index("6").siblingAtColumn(4).data().endswith("*")


def test_filters_by_search_without_tones_status_section_and_unit(
    qtbot: QtBot, panel: ProgressPanel
) -> None:
    qtbot.keyClicks(panel.search_edit, "niem yet")
    numbers = {panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())}
    assert "6" in numbers and "1a" not in numbers
    panel.search_edit.clear()
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("done_early"))
    assert panel.proxy.rowCount() == 6  # the demo's Q1 completions, all before their deadline
    assert panel.count_label.text() == "6/35 nhiệm vụ"
    panel.status_combo.setCurrentIndex(0)
    panel.section_combo.setCurrentIndex(panel.section_combo.findData("XIII"))
    assert {panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())} == {"33", "34"}
    panel.section_combo.setCurrentIndex(0)
    panel.unit_combo.setCurrentIndex(1)
    unit = panel.unit_combo.currentData()
    for row in range(panel.proxy.rowCount()):
        source = panel.proxy.mapToSource(panel.proxy.index(row, 0)).row()
        assert unit in panel.model.row_at(source).task.lead


def test_clicking_a_section_bar_on_the_dashboard_filters_the_list(
    qtbot: QtBot, panel: ProgressPanel
) -> None:
    panel.tabs.setCurrentIndex(1)
    view = panel.dashboard.section_view
    qtbot.waitExposed(view)
    chart = view.chart()
    series = chart.series()[0]
    index = panel.dashboard.section_codes.index("III")
    scene_point = chart.mapToPosition(QPointF(index, 0.5), series)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_point))
    qtbot.waitUntil(lambda: panel.tabs.currentIndex() == 0)
    assert panel.section_combo.currentData() == "III"
    sections = {
        panel.model.row_at(panel.proxy.mapToSource(panel.proxy.index(r, 0)).row()).task.section_code
        for r in range(panel.proxy.rowCount())
    }
    assert sections == {"III"}


def test_clicking_a_period_bar_shows_that_periods_list(qtbot: QtBot, panel: ProgressPanel) -> None:
    panel.tabs.setCurrentIndex(1)
    view = panel.dashboard.period_view
    qtbot.waitExposed(view)
    chart = view.chart()
    index = panel.dashboard.period_keys.index("2023-Q2")
    scene_point = chart.mapToPosition(QPointF(index, 1), chart.series()[0])
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_point))
    qtbot.waitUntil(lambda: panel.period_key == "2023-Q2")
    assert panel.tabs.currentIndex() == 0
    assert panel.model.table is not None and panel.model.table.period.key == "2023-Q2"


def test_the_dashboard_counts_stand_beside_the_charts(panel: ProgressPanel) -> None:
    panel.tabs.setCurrentIndex(1)
    text = panel.dashboard.section_counts.text()
    assert "Hoàn thành: 6" in text
    assert "Q1: 6/" in panel.dashboard.period_counts.text()
    assert "Xong trước hạn: 6" in panel.dashboard.timeliness_counts.text()


def test_history_survives_closing_and_reopening_the_data_folder(
    qtbot: QtBot, vietnamese_app: QApplication, tmp_path: Path, demo_template: Path
) -> None:
    folder = tmp_path / "own"
    folder.mkdir()
    shutil.copy2(paths.database_path(demo_template), paths.database_path(folder))
    with Workspace.open(folder) as ws:
        first = ProgressPanel(ws, today=TODAY)
        qtbot.addWidget(first)
        first.show()
        click_task(qtbot, first, "6")
        first.editor.note_edit.setPlainText("Đã niêm yết đủ 130 TTHC")
        qtbot.mouseClick(first.editor.save_button, Qt.MouseButton.LeftButton)
        task_uid = str(first.selected_task_uid())
        first.close()
    with Workspace.open(folder) as reopened:
        second = ProgressPanel(reopened, today=TODAY)
        qtbot.addWidget(second)
        assert second.select_task(task_uid)
        model = second.history_model
        lines = [model.index(i).data() for i in range(model.rowCount())]
        assert any("Đã niêm yết đủ 130 TTHC" in line for line in lines)
        assert second.editor.note_edit.toPlainText() == "Đã niêm yết đủ 130 TTHC"
        second.close()


@pytest.mark.parametrize("page", ["todo_panel", "progress_panel"])
def test_the_pages_fit_a_1093_by_614_window(
    qtbot: QtBot, vietnamese_app: QApplication, demo_workspace: Workspace, page: str
) -> None:
    window = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(window)
    window.show_page(page)
    window.resize(1093, 614)
    window.show()
    qtbot.waitExposed(window)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1093 and hint.height() <= 614
    assert window.width() == 1093 and window.height() == 614
    panel = window.built_page("progress_panel")
    assert isinstance(panel, ProgressPanel)
    window.show_page("progress_panel")
    panel.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: panel.dashboard.isVisible() and panel.tabs.width() > 800)
    dashboard = panel.dashboard.minimumSizeHint()
    assert dashboard.width() <= panel.tabs.width() and dashboard.height() <= panel.tabs.height()


def test_the_progress_model_passes_the_qt_model_tester(
    panel: ProgressPanel, qtmodeltester: object
) -> None:
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]
    qtmodeltester.check(panel.proxy)  # type: ignore[attr-defined]
