"""The small-screen checker finds what it is meant to find (else the fit tests prove nothing)."""

from helpers.layout_check import focusable_widgets, layout_problems
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


def test_a_layout_that_fits_has_no_problem(qtbot: QtBot) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    layout.addWidget(QLabel("Kế hoạch"))
    layout.addWidget(QPushButton("Lưu"))
    top.resize(300, 200)
    top.show()
    assert layout_problems(top) == []


def test_a_label_narrower_than_its_text_is_clipped(qtbot: QtBot) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    label = QLabel("Tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính", top)
    label.setObjectName("title")
    label.setGeometry(0, 0, 80, 30)
    top.resize(300, 200)
    top.show()
    assert [p for p in layout_problems(top) if "title" in p and "ngang" in p]


def test_a_widget_outside_the_window_is_reported(qtbot: QtBot) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    button = QPushButton("Gửi", top)
    button.setObjectName("send")
    button.setGeometry(280, 10, 80, 30)
    top.resize(300, 200)
    top.show()
    assert [p for p in layout_problems(top) if "send" in p and "ngoài" in p]
    assert button in focusable_widgets(top)
