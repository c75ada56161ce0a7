"""Make the user guide's screenshots from the app itself, on the demo data, offscreen.

    python tools/make_guide_screenshots.py [OUT_DIR]

Writes one PNG per entry of SHOTS into OUT_DIR (default resources/help/img), at the size of a
1366×768 laptop at 125 % (1093×614), so the guide shows what the officer will see.
"""

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from kscdesk.app import create_application
from kscdesk.services.demo import load_demo
from kscdesk.services.workspace import Workspace
from kscdesk.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "resources" / "help" / "img"
SIZE = (1093, 614)


def _page(name: str) -> Callable[[MainWindow, Workspace], QWidget]:
    def show(window: MainWindow, ws: Workspace) -> QWidget:
        window.show_page(name)
        return window

    return show


def _import_dialog(window: MainWindow, ws: Workspace) -> QWidget:
    from kscdesk.ui.import_dialog import ImportDialog

    dialog = ImportDialog(ws.folder, window)
    dialog.resize(min(dialog.width(), SIZE[0]), min(dialog.height(), SIZE[1]))
    dialog.show()
    return dialog


def _search(window: MainWindow, ws: Workspace) -> QWidget:
    window.show_page("plan_panel")
    panel = window.plan_panel
    assert panel is not None
    panel.ui.search_edit.setText("kiem soat")
    return window


# file name (in the guide's img/ folder) → what to put on screen
SHOTS: dict[str, Callable[[MainWindow, Workspace], QWidget]] = {
    "ke-hoach.png": _page("plan_panel"),
    "tim-kiem.png": _search,
    "nhap-ke-hoach.png": _import_dialog,
    "cai-dat.png": _page("settings_panel"),
}


def settle(app: QApplication) -> None:
    """Let timers (search delay, lazy rows) fire and the window paint."""
    from PySide6.QtTest import QTest

    QTest.qWait(400)
    app.processEvents()


def make(out: Path) -> list[Path]:
    app = create_application()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "data"
        with Workspace.open(folder) as ws:
            load_demo(ws)
            for name, stage in SHOTS.items():
                window = MainWindow(folder, ws)
                window.resize(*SIZE)
                window.show()
                settle(app)
                shown = stage(window, ws)
                settle(app)
                path = out / name
                shown.grab().save(str(path))
                written.append(path)
                if shown is not window:
                    shown.close()
                window.close()
                window.deleteLater()
                settle(app)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    for path in make(target):
        print(path)
