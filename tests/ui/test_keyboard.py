"""Every action is reachable without a mouse: Tab reaches every control; menus have no clashes."""

import re

import pytest
from helpers.layout_check import focusable_widgets
from helpers.screens import DIALOGS
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu, QTabWidget, QWidget

from kscdesk.services.workspace import Workspace
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.pages import PAGES


@pytest.fixture
def window(qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication) -> MainWindow:
    window = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(window)
    window.resize(1093, 614)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def tab_walk(qtbot: QtBot, window: MainWindow, start: QWidget, presses: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    reached = [start]
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is not None:
            reached.append(now)
    return reached


@pytest.mark.parametrize("page", [page.name for page in PAGES])
def test_the_tab_key_alone_reaches_every_control_of_every_page(
    qtbot: QtBot, window: MainWindow, page: str
) -> None:
    window.show_page(page)
    nav = window.ui.nav_list
    controls = focusable_widgets(window.current_page())
    reached = tab_walk(qtbot, window, nav, presses=len(controls) + 3)
    missing = [w.objectName() or type(w).__name__ for w in controls if w not in reached]
    assert missing == []
    # … and Tab goes round to the navigation again, so nothing is a dead end.
    assert nav in reached[1:]


@pytest.mark.parametrize("name", [name for name, _ in DIALOGS])
def test_the_tab_key_alone_reaches_every_control_of_every_dialog(
    qtbot: QtBot, window: MainWindow, demo_workspace: Workspace, name: str
) -> None:
    dialog = dict(DIALOGS)[name](demo_workspace, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    controls = focusable_widgets(dialog)
    assert controls, name
    reached = tab_walk(qtbot, window, controls[0], presses=len(controls) + 3)
    missing = [w.objectName() or type(w).__name__ for w in controls if w not in reached]
    assert missing == []
    # … and Tab comes round to where it started: no control keeps the focus for itself.
    assert controls[0] in reached[1:]


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text)
    return found.group(1).lower() if found else None


def test_menus_have_a_mnemonic_on_every_entry_and_no_clashes(window: MainWindow) -> None:
    bar = window.ui.menu_bar
    titles = [action.text() for action in bar.actions()]
    keys = [_mnemonic(title) for title in titles]
    assert None not in keys and len(set(keys)) == len(keys), titles
    for action in bar.actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        entries = [a.text() for a in menu.actions() if not a.isSeparator()]
        keys = [_mnemonic(text) for text in entries]
        assert None not in keys, entries
        assert len(set(keys)) == len(keys), entries


def test_every_menu_of_every_page_has_a_mnemonic_on_every_entry_and_no_clashes(
    window: MainWindow,
) -> None:
    """The menus pages make for themselves (the plan page's "Lập kế hoạch ▾"), not only the bar."""
    for page in PAGES:
        window.show_page(page.name)
    menus = [menu for menu in window.findChildren(QMenu) if menu.parent() is not window.ui.menu_bar]
    assert menus
    for menu in menus:
        entries = [a.text() for a in menu.actions() if not a.isSeparator()]
        keys = [_mnemonic(text) for text in entries]
        assert None not in keys, entries
        assert len(set(keys)) == len(keys), entries


def test_each_settings_tab_has_its_own_mnemonics_apart_from_the_menu_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Alt+letter on a Cài đặt tab reaches one control, never a menu of the menu bar."""
    bar = {_mnemonic(action.text()) for action in window.ui.menu_bar.actions()}
    window.show_page("settings_panel")
    tabs = window.current_page().findChild(QTabWidget, "settings_tabs")
    assert isinstance(tabs, QTabWidget)
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        page = tabs.currentWidget()
        texts = [
            widget.text()
            for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton)
            if widget.isVisibleTo(window) and _mnemonic(widget.text())
        ]
        keys = [_mnemonic(text) for text in texts]
        assert texts, tabs.tabText(index)
        assert len(set(keys)) == len(keys), texts
        assert not bar & set(keys), texts
