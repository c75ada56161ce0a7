"""Pieces every Cài đặt section shares: the grey explanation and the inline refusal line."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

ERROR_COLOUR = "#b00020"
SAVED_COLOUR = "#1b7a3a"


def explanation(text: str, parent: QWidget) -> QLabel:
    """One or two sentences saying what the setting changes, wrapped, in grey."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


class MessageLine(QLabel):
    """A line under a form: a refusal in red (nothing was saved) or a short note in green."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def refuse(self, text: str) -> None:
        self._show(text, ERROR_COLOUR)

    def note(self, text: str) -> None:
        self._show(text, SAVED_COLOUR)

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    @property
    def refused(self) -> bool:
        """True while a refusal is shown (visible once its section is)."""
        return not self.isHidden() and ERROR_COLOUR in self.styleSheet()

    def _show(self, text: str, colour: str) -> None:
        self.setStyleSheet(f"color: {colour};")
        self.setText(text)
        self.setVisible(bool(text))
