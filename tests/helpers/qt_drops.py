"""Dropping files on a widget the way a file manager does, for pytest-qt tests."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget


def drop_files(qtbot: QtBot, target: QWidget, paths: list[Path]) -> QDropEvent:
    """Send the drag-enter and drop events a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    action = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), action, mime, buttons, mods)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPoint(10, 10).toPointF(), action, mime, buttons, mods)
    QApplication.sendEvent(target, drop)
    return drop
