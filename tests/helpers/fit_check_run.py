"""Run in a fresh process on a given screen: every page and dialog laid out, problems as JSON.

Used by tests/ui/test_fit_screens.py with QT_QPA_PLATFORM=offscreen:configfile=… and
QT_SCALE_FACTOR, which can only be set before the QApplication exists.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from helpers.layout_check import layout_problems
from helpers.screens import DIALOGS, demo_folder
from kscdesk.app import create_application
from kscdesk.services.workspace import Workspace
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.pages import PAGES


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(widget: QWidget, name: str) -> None:
    """Save a screenshot when FIT_SHOTS names a folder (for a person to look at)."""
    folder = os.environ.get("FIT_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def tab_problems(app: QApplication, window: QWidget, page: QWidget, name: str) -> list[str]:
    """The layout of every tab of every tab widget on the page, not only the one in front."""
    problems: list[str] = []
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisibleTo(window):
            continue
        front = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle(app)
            shoot(window, f"{name}-{tabs.objectName()}-{index}")
            label = tabs.tabText(index)
            problems += [f"[{label}] {found}" for found in layout_problems(window)]
        tabs.setCurrentIndex(front)
    return sorted(set(problems))


def main() -> int:
    app = create_application()
    folder = demo_folder(Path(tempfile.mkdtemp()) / "data")
    report: dict[str, object] = {}
    with Workspace.open(folder) as ws:
        window = MainWindow(folder, ws)
        window.show_on_screen()
        settle(app)
        area = window.screen().availableGeometry()
        report["screen"] = [area.width(), area.height()]
        report["window"] = [window.width(), window.height()]
        for page in PAGES:
            window.show_page(page.name)
            settle(app)
            shoot(window, page.name)
            page_widget = window.current_page()
            report[page.name] = layout_problems(window) + tab_problems(
                app, window, page_widget, page.name
            )
        for name, factory in DIALOGS:
            dialog = factory(ws, window)
            dialog.show()
            settle(app)
            shoot(dialog, name)
            fits = dialog.width() <= area.width() and dialog.height() <= area.height()
            problems = [] if fits else [f"{name} lớn hơn màn hình: {dialog.size()}"]
            report[name] = problems + layout_problems(dialog)
            dialog.close()
            dialog.deleteLater()
        window.close()
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
