"""The offline user guide (Hướng dẫn sử dụng), opened with F1 at the section of the page in use.

The guide is HTML in resources/help/ with its screenshots beside it; the screenshots are made
from the app itself by tools/make_guide_screenshots.py, so the guide never shows an old window.
"""

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from kscdesk import paths
from kscdesk.ui import keyboard, window_state

GUIDE = ("help", "huong-dan.html")


def guide_path() -> Path:
    return paths.resource_path(*GUIDE)


class HelpDialog(QDialog):
    """A window beside the main one (not modal) showing the guide; ``show_topic`` jumps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle("Hướng dẫn sử dụng kscdesk")
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("help_browser")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(guide_path().parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path())))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        # Tab leaves the guide: with its links reachable by keyboard, Tab would walk the table of
        # contents and never reach "Đóng". Arrows and Page Up/Down still scroll it.
        self.browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        keyboard.tab_never_traps(self)
        window_state.fit_to_screen(self)

    def show_topic(self, anchor: str) -> None:
        """Show the guide at the section called ``anchor`` (a page's object name)."""
        if anchor:
            self.browser.scrollToAnchor(anchor)
        self.show()
        self.raise_()
        self.activateWindow()
