"""AboutDialog: the version, the data folder and the log folder, each openable."""

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QWidget

from kscdesk import __version__, paths
from kscdesk.ui import window_state
from kscdesk.ui.generated.ui_about_dialog import Ui_AboutDialog


def open_folder(folder: Path) -> bool:
    """Open ``folder`` in the file manager (made first when it does not exist yet)."""
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class AboutDialog(QDialog):
    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        font = self.ui.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.ui.title_label.setFont(font)
        self.data_folder = data_folder
        self.log_folder = paths.log_dir(data_folder)
        self.ui.version_label.setText(__version__)
        self.ui.data_folder_label.setText(str(data_folder))
        self.ui.log_folder_label.setText(str(self.log_folder))
        self.ui.open_data_folder_button.clicked.connect(lambda: open_folder(self.data_folder))
        self.ui.open_log_folder_button.clicked.connect(lambda: open_folder(self.log_folder))
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.button_box.accepted.connect(self.accept)
        window_state.fit_to_screen(self)
