"""AboutDialog: the program's name, version and the data folder in use."""

from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from kscdesk import __version__
from kscdesk.ui import window_state
from kscdesk.ui.generated.ui_about_dialog import Ui_AboutDialog


class AboutDialog(QDialog):
    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        font = self.ui.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.ui.title_label.setFont(font)
        self.ui.version_label.setText(__version__)
        self.ui.data_folder_label.setText(str(data_folder))
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.button_box.accepted.connect(self.accept)
        window_state.fit_to_screen(self)
