"""Menus of the main window, one function per menu; each returns its actions by name."""

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget


def _action(
    parent: QWidget, name: str, text: str, slot: Callable[[], object], shortcut: str = ""
) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    return action


def build_file_menu(
    window: QWidget,
    menu_bar: QMenuBar,
    *,
    open_data_folder: Callable[[], object],
    find: Callable[[], object],
    quit_app: Callable[[], object],
) -> dict[str, QAction]:
    """Tệp: open the data folder, find a task, quit."""
    menu = menu_bar.addMenu("&Tệp")
    menu.setObjectName("file_menu")
    actions = {
        "find": _action(window, "find_action", "&Tìm nhiệm vụ", find, "Ctrl+F"),
        "open_data_folder": _action(
            window, "open_data_folder_action", "&Mở thư mục dữ liệu", open_data_folder
        ),
        "quit": _action(window, "quit_action", "T&hoát", quit_app, "Ctrl+Q"),
    }
    menu.addAction(actions["find"])
    menu.addAction(actions["open_data_folder"])
    menu.addSeparator()
    menu.addAction(actions["quit"])
    return actions


def build_help_menu(
    window: QWidget, menu_bar: QMenuBar, *, show_about: Callable[[], object]
) -> dict[str, QAction]:
    """Trợ giúp: about kscdesk."""
    menu = menu_bar.addMenu("T&rợ giúp")
    menu.setObjectName("help_menu")
    actions = {"about": _action(window, "about_action", "&Giới thiệu kscdesk", show_about)}
    menu.addAction(actions["about"])
    return actions
