"""`kscdesk` start-up: the window first, the data folder right after its first paint."""

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication, QLabel

from kscdesk import app
from kscdesk.services.demo import load_demo
from kscdesk.services.workspace import Workspace
from kscdesk.ui import prompts


def test_the_window_shows_a_loading_page_then_the_plans(
    qtbot: QtBot, vietnamese_app: QApplication, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    with Workspace.open(folder) as ws:
        load_demo(ws)
    window = app.start_main_window(folder)
    qtbot.addWidget(window)
    assert window.workspace is None
    loading = window.findChild(QLabel, "loading_label")
    assert loading is not None and loading.text() == "Đang mở dữ liệu…"
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert window.plan_panel is not None
    assert window.plan_panel.task_model.task_count() == 35
    assert window.current_page() is window.built_page("todo_panel")  # Việc cần làm first
    workspace = window.workspace
    assert workspace is not None
    window.close()  # no repaint may read the database once it is closed
    workspace.close()


def test_a_data_folder_from_a_newer_version_is_refused_with_a_message(
    qtbot: QtBot, vietnamese_app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with sqlite3.connect(folder / "kscdesk.sqlite3") as conn:
        conn.execute("PRAGMA user_version = 999")
        conn.execute("CREATE TABLE future (x)")
    conn.close()
    before = (folder / "kscdesk.sqlite3").read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(
        prompts, "show_warning", lambda parent, title, text, **kw: shown.append(text)
    )
    window = app.start_main_window(folder)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert window.workspace is None
    assert window.property("kscdesk_failed")
    assert "phiên bản kscdesk mới hơn" in shown[0]
    assert (folder / "kscdesk.sqlite3").read_bytes() == before
