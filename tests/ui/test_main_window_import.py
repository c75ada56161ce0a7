"""The main window opens the import wizard from its menu and for a plan file dropped on it."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from kscdesk.services.import_plan import import_plan_file
from kscdesk.services.workspace import Workspace
from kscdesk.ui import import_dialog
from kscdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication) -> MainWindow:
    main = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(main)
    main.show()
    return main


def drop_events(path: Path) -> tuple[QDragEnterEvent, QDropEvent]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    action = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(30, 30), action, mime, buttons, modifiers)
    drop = QDropEvent(QPointF(30, 30), action, mime, buttons, modifiers)
    # Keep the mime data alive as long as the events.
    enter.mime_keepalive = drop.mime_keepalive = mime  # type: ignore[attr-defined]
    return enter, drop


def test_the_file_menu_offers_the_import_with_ctrl_o(window: MainWindow) -> None:
    action = window.actions_by_name["import_plan"]
    assert action.text().replace("&", "") == "Nhập kế hoạch cấp trên…"
    assert action.shortcut().toString() == "Ctrl+O"


def test_a_plan_dropped_on_the_window_is_imported_and_shown(
    window: MainWindow, qtbot: QtBot, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path | None] = []
    stored: list[str | None] = []

    def fake_dialog(parent: object, folder: Path, path: Path | None = None) -> str | None:
        # Stands in for the officer pressing "Lưu kế hoạch" in the wizard.
        opened.append(path)
        with Workspace.open(folder) as ws:
            assert path is not None
            stored.append(import_plan_file(ws, path).plan_uid)
            return stored[-1]

    monkeypatch.setattr(import_dialog, "open_import_dialog", fake_dialog)
    enter, drop = drop_events(fixtures_dir / "city2023.docx")
    window.dragEnterEvent(enter)
    window.dropEvent(drop)
    assert enter.isAccepted() and drop.isAccepted()
    qtbot.waitUntil(lambda: bool(opened))
    assert opened == [fixtures_dir / "city2023.docx"]
    assert stored[0] is not None
    qtbot.waitUntil(lambda: window.plan_panel.current_plan_uid() == stored[0])
    assert window.plan_panel.task_model.task_count() == 35
    assert window.current_page() is window.plan_panel


def test_a_folder_dropped_on_the_window_is_ignored(window: MainWindow, tmp_path: Path) -> None:
    enter, _ = drop_events(tmp_path)
    enter.setAccepted(False)
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_the_menu_action_opens_the_wizard_with_no_file_chosen(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path | None] = []

    def fake_dialog(parent: object, folder: Path, path: Path | None = None) -> str | None:
        calls.append(path)
        return None  # the officer cancelled

    monkeypatch.setattr(import_dialog, "open_import_dialog", fake_dialog)
    window.actions_by_name["import_plan"].trigger()
    assert calls == [None]
