"""The shortcut list says where each shortcut applies (two pages use Ctrl+Z for different undos)."""

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from kscdesk.domain.model import PlanKind
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.shortcuts_dialog import shortcut_rows


@pytest.fixture
def window(qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication) -> MainWindow:
    window = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_each_undo_names_what_it_undoes(window: MainWindow) -> None:
    rows = dict(shortcut_rows(window))
    assert rows["Hoàn tác (sửa kế hoạch)"] == "Ctrl+Z"
    assert rows["Làm lại (sửa kế hoạch)"] == "Ctrl+Y, Ctrl+Shift+Z"
    assert rows["Hoàn tác (xóa minh chứng)"] == "Ctrl+Z"
    assert "Hoàn tác" not in rows and "Làm lại" not in rows


def test_the_plan_undo_keeps_its_name_after_an_edit(
    window: MainWindow, demo_workspace: Workspace
) -> None:
    panel = window.plan_panel
    assert panel is not None and panel.editor is not None
    own = next(s.uid for s in plans.list_plans(demo_workspace.db) if s.kind is PlanKind.OWN)
    panel.select_plan(own)
    task_uid = plans.list_task_uids(demo_workspace.db, own)[0]
    panel.editor.edit_field(task_uid, "timeframe", "Quý III")
    assert panel.editor.undo_action.text() != "Hoàn tác"  # Qt adds the edit's name to it
    names = [name for name, _keys in shortcut_rows(window)]
    assert "Hoàn tác (sửa kế hoạch)" in names
    assert not [name for name in names if name.startswith("Hoàn tác") and "(" not in name]


def test_the_evidence_shortcut_says_it_works_on_the_plan_page(window: MainWindow) -> None:
    rows = dict(shortcut_rows(window))
    assert rows["Minh chứng của nhiệm vụ (trang Kế hoạch)"] == "Ctrl+E"
