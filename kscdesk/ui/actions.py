"""Menus of the main window, one function per menu; each returns its actions by name."""

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget


def _action(
    parent: QWidget, name: str, text: str, slot: Callable[[], object], shortcut: str = ""
) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    if shortcut:
        # setShortcuts([…]), not setShortcut(…): PySide6 resolves setShortcut's overloads by
        # building the Qt namespace's ~90 enums (~15 ms before the first paint); same result.
        action.setShortcuts([QKeySequence(shortcut)])
    action.triggered.connect(slot)
    return action


class FileMenuSlots(NamedTuple):
    """What the Tệp menu's actions call."""

    import_plan: Callable[[], object]
    find: Callable[[], object]
    open_data_folder: Callable[[], object]
    quit_app: Callable[[], object]
    backups: Callable[[], object] | None = None


def build_file_menu(
    window: QWidget, menu_bar: QMenuBar, slots: FileMenuSlots
) -> dict[str, QAction]:
    """Tệp: import a parent plan, find a task, open the data folder, quit."""
    menu = menu_bar.addMenu("&Tệp")
    menu.setObjectName("file_menu")
    actions = {
        "import_plan": _action(
            window, "import_plan_action", "&Nhập kế hoạch cấp trên…", slots.import_plan, "Ctrl+O"
        ),
        "find": _action(window, "find_action", "&Tìm nhiệm vụ", slots.find, "Ctrl+F"),
        "open_data_folder": _action(
            window, "open_data_folder_action", "&Mở thư mục dữ liệu", slots.open_data_folder
        ),
        "quit": _action(window, "quit_action", "T&hoát", slots.quit_app, "Ctrl+Q"),
    }
    if slots.backups is not None:
        actions["backups"] = _action(
            window, "backups_action", "&Sao lưu và phục hồi…", slots.backups
        )
    menu.addAction(actions["import_plan"])
    menu.addSeparator()
    menu.addAction(actions["find"])
    menu.addAction(actions["open_data_folder"])
    if "backups" in actions:
        menu.addAction(actions["backups"])
    menu.addSeparator()
    menu.addAction(actions["quit"])
    return actions


class WorkMenuSlots(NamedTuple):
    """What the Công việc menu's actions call: the daily actions of the page in view."""

    new_evidence: Callable[[], object]
    next_task: Callable[[], object]
    previous_task: Callable[[], object]
    build_report: Callable[[], object]


def build_work_menu(
    window: QWidget, menu_bar: QMenuBar, slots: WorkMenuSlots
) -> dict[str, QAction]:
    """Công việc: new evidence, next/previous task, build the report (the daily shortcuts)."""
    menu = menu_bar.addMenu("Côn&g việc")
    menu.setObjectName("work_menu")
    actions = {
        "new_evidence": _action(
            window, "new_evidence_action", "&Minh chứng mới…", slots.new_evidence, "Ctrl+M"
        ),
        "next_task": _action(
            window, "next_task_action", "Nhiệm vụ &tiếp theo", slots.next_task, "F8"
        ),
        "previous_task": _action(
            window, "previous_task_action", "Nhiệm vụ t&rước", slots.previous_task, "Shift+F8"
        ),
        "build_report": _action(
            window, "build_report_action", "&Lập báo cáo…", slots.build_report, "Ctrl+R"
        ),
    }
    menu.addAction(actions["new_evidence"])
    menu.addSeparator()
    menu.addAction(actions["next_task"])
    menu.addAction(actions["previous_task"])
    menu.addSeparator()
    menu.addAction(actions["build_report"])
    return actions


class HelpMenuSlots(NamedTuple):
    """What the Trợ giúp menu's actions call."""

    show_guide: Callable[[], object]
    show_shortcuts: Callable[[], object]
    show_about: Callable[[], object]


def build_help_menu(
    window: QWidget, menu_bar: QMenuBar, slots: HelpMenuSlots
) -> dict[str, QAction]:
    """Trợ giúp: the user guide (F1, at the page in use), the shortcut list, about kscdesk."""
    menu = menu_bar.addMenu("T&rợ giúp")
    menu.setObjectName("help_menu")
    actions = {
        "guide": _action(window, "guide_action", "&Hướng dẫn sử dụng", slots.show_guide, "F1"),
        "shortcuts": _action(
            window, "shortcuts_action", "&Phím tắt", slots.show_shortcuts, "Ctrl+F1"
        ),
        "about": _action(window, "about_action", "&Giới thiệu kscdesk", slots.show_about),
    }
    menu.addAction(actions["guide"])
    menu.addAction(actions["shortcuts"])
    menu.addSeparator()
    menu.addAction(actions["about"])
    return actions
