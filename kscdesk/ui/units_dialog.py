"""UnitsDialog: the commune's own unit directory (one name a line), which the pickers offer."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kscdesk.services.errors import ServiceError
from kscdesk.services.tailor_plan import list_unit_names, set_unit_names
from kscdesk.services.workspace import Workspace
from kscdesk.ui import keyboard, prompts, window_state


class UnitsDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("units_dialog")
        self.setWindowTitle("Danh bạ đơn vị")
        self.resize(460, 380)
        self._ws = ws
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Các đơn vị của xã, phường – mỗi dòng một đơn vị:", self))
        self.names_edit = QPlainTextEdit(self)
        self.names_edit.setObjectName("names_edit")
        self.names_edit.setPlainText("\n".join(list_unit_names(ws)))
        layout.addWidget(self.names_edit)
        buttons = QDialogButtonBox(self)
        buttons.addButton("Lưu", QDialogButtonBox.ButtonRole.AcceptRole).setObjectName("units_ok")
        buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        keyboard.tab_never_traps(self)
        window_state.fit_to_screen(self)

    def save(self) -> None:
        try:
            set_unit_names(self._ws, self.names_edit.toPlainText().splitlines())
        except ServiceError as error:
            prompts.show_warning(self, "Không lưu được", str(error))
            return
        self.accept()
