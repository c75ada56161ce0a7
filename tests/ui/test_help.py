"""Help: F1 opens the offline guide at the page in use; the shortcut list is read from actions."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kscdesk.services.workspace import Workspace
from kscdesk.ui.help_dialog import guide_path
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.shortcuts_dialog import shortcut_rows

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication) -> MainWindow:
    window = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(window)
    window.resize(1093, 614)
    window.show()
    qtbot.waitExposed(window)
    return window


def guide_images() -> set[str]:
    return set(re.findall(r'src="img/([^"]+)"', guide_path().read_text(encoding="utf-8")))


def test_f1_opens_the_guide_at_the_section_of_the_page_in_use(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_page("plan_panel")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window._help
    assert dialog is not None
    qtbot.waitExposed(dialog)
    browser = dialog.browser
    assert "Hướng dẫn sử dụng kscdesk" in browser.toPlainText()
    # scrolled to the plan page's section, not the top of the guide
    assert browser.verticalScrollBar().value() > 0


def test_every_image_of_the_guide_exists_and_every_built_page_has_a_section() -> None:
    html = guide_path().read_text(encoding="utf-8")
    for name in guide_images():
        assert (guide_path().parent / "img" / name).is_file(), name
    assert 'name="plan_panel"' in html


def test_the_shortcut_list_names_every_shortcut_of_the_window(window: MainWindow) -> None:
    rows = dict(shortcut_rows(window))
    assert rows["Nhập kế hoạch cấp trên"] == "Ctrl+O"
    assert rows["Hướng dẫn sử dụng"] == "F1"
    assert rows["Tìm nhiệm vụ"] == "Ctrl+F"
    dialog = window.show_shortcuts()
    assert dialog.table.rowCount() == len(rows)
    dialog.close()


@pytest.mark.slow
def test_the_guide_screenshots_are_made_from_the_app(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "make_guide_screenshots.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", **__import__("os").environ},
    )
    assert done.returncode == 0, done.stderr
    made = {path.name for path in tmp_path.glob("*.png")}
    assert guide_images() <= made
