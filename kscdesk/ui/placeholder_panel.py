"""The page shown for the moment between the window appearing and the data folder being open."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def loading_panel() -> QWidget:
    """ "Đang mở dữ liệu…": every page shows it until its real page is built over the data."""
    page = QWidget()
    layout = QVBoxLayout(page)
    label = QLabel("Đang mở dữ liệu…", page)
    label.setObjectName("loading_label")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: #6b6b6b;")
    layout.addWidget(label)
    return page
