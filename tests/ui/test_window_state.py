"""The window fits its screen and comes back as the officer left it (issue 11)."""

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSplitter, QTableView

from kscdesk.services.workspace import Workspace
from kscdesk.ui import window_state
from kscdesk.ui.main_window import MainWindow


def open_window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    window = MainWindow(ws.folder, ws)
    qtbot.addWidget(window)
    window.show_on_screen()
    qtbot.waitExposed(window)
    return window


def test_fit_into_shrinks_and_moves_a_rectangle_inside_the_area() -> None:
    area = QRect(0, 0, 1093, 614)
    assert window_state.fit_into(QRect(500, 400, 1280, 800), area) == area
    assert window_state.fit_into(QRect(-50, 10, 600, 400), area) == QRect(0, 10, 600, 400)
    assert window_state.fit_into(QRect(900, 500, 600, 400), area) == QRect(493, 214, 600, 400)


def test_a_first_window_on_a_small_screen_opens_maximised_inside_it(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> None:
    # The offscreen screen is 800×800: smaller than a comfortable 1280×760.
    window = open_window(qtbot, demo_workspace)
    assert window.isMaximized()
    area = QGuiApplication.primaryScreen().availableGeometry()
    # (the offscreen platform draws a 2-pixel fake frame outside a maximised window)
    assert window.width() <= area.width() and window.height() <= area.height()


def test_geometry_page_splitter_and_column_widths_survive_a_restart(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> None:
    window = open_window(qtbot, demo_workspace)
    window.showNormal()
    window.setGeometry(QRect(20, 30, 700, 500))
    window.show_page("plan_panel")
    panel = window.plan_panel
    assert panel is not None
    splitter = panel.findChild(QSplitter, "splitter")
    table = panel.findChild(QTableView, "task_table")
    assert splitter is not None and table is not None
    splitter.setSizes([330, 300])
    sizes = splitter.sizes()
    assert sizes[0] > 300  # not what a fresh window would show
    table.horizontalHeader().resizeSection(1, 333)
    window.show_page("indicators_panel")
    window.close()

    again = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(again)
    again.show_on_screen()
    qtbot.waitExposed(again)
    assert not again.isMaximized()
    assert again.geometry().size() == window.geometry().size()
    assert again.current_page().objectName() == "indicators_panel"
    again.show_page("plan_panel")
    panel = again.plan_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.findChild(QSplitter, "splitter").sizes() == sizes)
    assert panel.findChild(QTableView, "task_table").horizontalHeader().sectionSize(1) == 333


def test_a_window_saved_on_a_screen_that_is_gone_comes_back_onto_the_primary(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> None:
    window = open_window(qtbot, demo_workspace)
    window.showNormal()
    window.setGeometry(QRect(2600, 1400, 640, 480))  # on a second monitor, since unplugged
    window.close()

    again = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(again)
    again.show_on_screen()
    qtbot.waitExposed(again)
    primary = QGuiApplication.primaryScreen().availableGeometry()
    assert primary.contains(again.geometry())


def test_the_last_folder_of_each_file_dialog_is_remembered_apart(
    vietnamese_app: QApplication,
) -> None:
    assert window_state.last_folder("import_plan") == ""
    window_state.remember_folder("import_plan", "/media/usb/kehoach")
    window_state.remember_folder("evidence", "/home/lan/vanban")
    assert window_state.last_folder("import_plan") == "/media/usb/kehoach"
    assert window_state.last_folder("evidence") == "/home/lan/vanban"
