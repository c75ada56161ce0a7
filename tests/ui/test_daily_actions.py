"""The daily actions from the keyboard (issue 11): next/previous task, new evidence, report."""

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from kscdesk.services.workspace import Workspace
from kscdesk.ui import daily_actions, prompts
from kscdesk.ui.evidence_dialog import EvidenceDialog
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.reports_panel import ReportsPanel


@pytest.fixture
def window(qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication) -> MainWindow:
    window = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(window)
    window.resize(1093, 614)
    window.show()
    qtbot.waitExposed(window)
    return window


def current_task(window: MainWindow, table_name: str) -> object:
    table = window.current_page().findChild(QTableView, table_name)
    assert table is not None
    model = table.model()
    return model.task_at(table.currentIndex().row())  # type: ignore[attr-defined]


def test_f8_and_shift_f8_walk_the_task_rows_of_the_plan_skipping_section_headings(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_page("plan_panel")
    window.actions_by_name["next_task"].trigger()
    first = current_task(window, "task_table")
    window.actions_by_name["next_task"].trigger()
    second = current_task(window, "task_table")
    assert first is not None and second is not None and first != second
    window.actions_by_name["previous_task"].trigger()
    assert current_task(window, "task_table") == first


def test_next_task_on_the_progress_page_shows_its_detail(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("progress_panel")
    panel = window.current_page()
    assert daily_actions.step_task(window, 1)
    assert panel.selected_task_uid()  # type: ignore[attr-defined]


def test_new_evidence_opens_the_dialog_for_the_selected_task(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_page("progress_panel")
    daily_actions.step_task(window, 1)
    window.actions_by_name["new_evidence"].trigger()
    dialog = window.findChild(EvidenceDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.reject()


def test_new_evidence_without_a_task_says_what_to_do(window: MainWindow) -> None:
    window.show_page("reports_panel")
    assert not daily_actions.new_evidence(window)
    assert window.ui.status_bar.currentMessage() == daily_actions.PICK_A_TASK


def test_ctrl_r_goes_to_the_reports_page_and_asks_where_to_write(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        prompts, "choose_folder", lambda parent, title, start=None: asked.append(title)
    )
    window.show_page("plan_panel")
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.current_page(), ReportsPanel)
    assert asked == ["Chọn thư mục lưu báo cáo"]
