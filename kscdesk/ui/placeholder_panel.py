"""The page shown for the moment between the window appearing and the data folder being open."""

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


def loading_panel() -> QWidget:
    """ "Đang mở dữ liệu…": every page shows it until its real page is built over the data."""
    page = QWidget()
    label = QLabel("Đang mở dữ liệu…", page)
    label.setObjectName("loading_label")
    label.setStyleSheet("color: #6b6b6b;")
    # Centred by stretches rather than Qt.AlignmentFlag: the window's first paint needs no
    # enum of the Qt namespace (its first use costs ~15 ms; see MainWindow).
    row = QHBoxLayout()
    row.addStretch()
    row.addWidget(label)
    row.addStretch()
    layout = QVBoxLayout(page)
    layout.addStretch()
    layout.addLayout(row)
    layout.addStretch()
    return page
