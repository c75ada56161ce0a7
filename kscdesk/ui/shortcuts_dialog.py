"""The list of keyboard shortcuts, read from the window's own actions so it is never out of date."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kscdesk.ui import window_state

LABEL_PROPERTY = "shortcut_label"


def label_shortcut(action: QAction, label: str) -> QAction:
    """Name ``action`` in the shortcut list by ``label`` instead of its menu text: for a shortcut
    that works on one page only ("Hoàn tác (sửa kế hoạch)") or whose text changes (Qt's undo
    action adds the last edit's name to "Hoàn tác")."""
    action.setProperty(LABEL_PROPERTY, label)
    return action


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what the action does, its keys as printed on a Vietnamese keyboard) for every shortcut."""
    build_all = getattr(window, "build_all_pages", None)
    if callable(build_all):  # pages are built when first shown; their actions are wanted here
        build_all()
    rows = []
    for action in window.findChildren(QAction):
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
        label = action.property(LABEL_PROPERTY)
        text = label if isinstance(label, str) and label else action.text()
        if keys and text:
            name = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
            rows.append((name.rstrip("…").strip(), ", ".join(keys)))
    return sorted(set(rows), key=lambda row: row[0])


class ShortcutsDialog(QDialog):
    """A two-column table: action, keys. (A static list: a plain table widget is right here.)"""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle("Phím tắt")
        rows = shortcut_rows(window)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcuts_table")
        self.table.setHorizontalHeaderLabels(["Việc", "Phím"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            key_item = QTableWidgetItem(keys)
            key_item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, 1, key_item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 420)
        window_state.fit_to_screen(self)
