"""The start page: what needs the officer, and the report day setting."""

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kscdesk.services.progress import days_off
from kscdesk.services.workspace import Workspace
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.progress_model import UID_ROLE
from kscdesk.ui.progress_panel import ProgressPanel
from kscdesk.ui.todo_page import TodoPage

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot: QtBot, vietnamese_app: QApplication, demo_workspace: Workspace) -> TodoPage:
    widget = TodoPage(demo_workspace, today=date(2023, 3, 10))
    qtbot.addWidget(widget)
    widget.resize(930, 560)
    widget.show()
    return widget


def texts(page: TodoPage, key: str) -> list[str]:
    model = page.models[key]
    return [model.index(row).data() for row in range(model.rowCount())]


def test_the_start_page_lists_due_soon_and_bare_recurring_tasks(page: TodoPage) -> None:
    assert "Quý I năm 2023, hạn nộp 17/03/2023" in page.report_label.text()
    assert "từ ngày 15/12/2022 đến ngày 14/03/2023" in page.report_label.text()  # dd/mm/yyyy
    assert any(text.startswith("hạn 17/03/2023 · 6.") for text in texts(page, "due_soon"))
    assert any(" 3. " in f" {text}" for text in texts(page, "without_evidence"))
    assert page.boxes["due_soon"].title().endswith(f"({len(texts(page, 'due_soon'))})")


def test_changing_the_report_day_moves_the_next_deadline(page: TodoPage) -> None:
    page.report_day_spin.setValue(20)
    assert "hạn nộp 20/03/2023" in page.report_label.text()
    assert any(text.startswith("hạn 20/03/2023") for text in texts(page, "due_soon"))


def test_the_start_page_is_the_first_page_of_the_window(
    qtbot: QtBot, vietnamese_app: QApplication, demo_workspace: Workspace
) -> None:
    window = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(window)
    assert window.current_page() is window.built_page("todo_panel")
    todo = window.built_page("todo_panel")
    progress = window.built_page("progress_panel")
    assert isinstance(todo, TodoPage) and isinstance(progress, ProgressPanel)
    window.show()
    qtbot.waitExposed(window)
    view = todo.lists["overdue"]
    assert view.model().rowCount() > 0  # the demo plan is of 2023: its last deadlines are past
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.current_page() is progress)
    assert progress.selected_task_uid() == view.model().index(0, 0).data(UID_ROLE)


def test_days_off_typed_on_the_start_page_are_kept_and_bad_ones_refused(
    qtbot: QtBot, page: TodoPage, demo_workspace: Workspace
) -> None:
    page.days_off_edit.setText("02/01/2023, 05/05/2023")
    qtbot.mouseClick(page.days_off_button, Qt.MouseButton.LeftButton)
    assert page.days_off_message.text() == "Đã lưu 2 ngày."
    assert days_off(demo_workspace) == [date(2023, 1, 2), date(2023, 5, 5)]
    page.days_off_edit.setText("02/01/2023, 30/02/2023")
    qtbot.mouseClick(page.days_off_button, Qt.MouseButton.LeftButton)
    assert "30/02/2023" in page.days_off_message.text()
    assert days_off(demo_workspace) == [date(2023, 1, 2), date(2023, 5, 5)]
