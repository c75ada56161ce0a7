"""The plan page at the officer's 1093×614: the task's own text gets the room (guide review)."""

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from kscdesk.services.workspace import Workspace
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.task_columns import CONTENT, TASK_COLUMNS, TIMEFRAME
from kscdesk.ui.task_table_model import DUE

OFFICER_SCREEN = (1093, 614)


@pytest.fixture
def window(qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication) -> MainWindow:
    window = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(window)
    window.resize(*OFFICER_SCREEN)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("plan_panel")
    qtbot.waitUntil(
        lambda: window.plan_panel is not None and window.plan_panel.ui.task_table.isVisible()
    )
    return window


def test_the_task_content_column_is_the_widest_and_takes_a_third_of_the_table(
    window: MainWindow,
) -> None:
    assert window.plan_panel is not None
    table = window.plan_panel.ui.task_table
    content = table.columnWidth(CONTENT)
    others = [table.columnWidth(c) for c in range(DUE + 1) if c != CONTENT]
    assert content > max(others)
    assert content >= table.viewport().width() / 3
    assert content >= 250


def test_every_column_keeps_its_header_readable(window: MainWindow) -> None:
    assert window.plan_panel is not None
    table = window.plan_panel.ui.task_table
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column, title in enumerate((*TASK_COLUMNS, "Hạn")):
        assert table.columnWidth(column) >= metrics.horizontalAdvance(title) + 8, title


def test_the_section_tree_leaves_the_room_to_the_tasks(window: MainWindow) -> None:
    panel = window.plan_panel
    assert panel is not None
    assert panel.ui.section_tree.width() <= 160
    assert panel.ui.task_table.width() >= 4 * panel.ui.section_tree.width()


def test_the_date_columns_show_a_whole_date(window: MainWindow) -> None:
    assert window.plan_panel is not None
    table = window.plan_panel.ui.task_table
    date_width = table.fontMetrics().horizontalAdvance("31/12/2023")
    assert table.columnWidth(DUE) >= date_width + 8
    assert table.columnWidth(TIMEFRAME) >= date_width + 8
