"""Sao lưu và phục hồi: the data folder's backups, a backup taken now, a restore chosen.

The dialog only chooses; the caller closes the database, restores (the current data is backed
up first) and reopens it: from the File menu (MainWindow.show_backups) or at start when the
integrity check failed (kscdesk.app), where the newest good backup is preselected.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kscdesk.services.backups import BackupInfo, create_backup, list_backups
from kscdesk.ui import keyboard, window_state

if TYPE_CHECKING:
    from kscdesk.services.workspace import Workspace

_HEADERS = ("Thời điểm", "Lý do", "Dung lượng")
AnyIndex = QModelIndex | QPersistentModelIndex


class BackupListModel(QAbstractTableModel):
    """The backups of a data folder, newest first."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.backups: list[BackupInfo] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.backups = list_backups(self.folder)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self.backups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return item.taken_at.strftime("%d/%m/%Y %H:%M:%S")
            if column == 1:
                return item.label
            return f"{max(1, round(item.size / 1024)):,} KB".replace(",", ".")
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(item.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RestoreDialog(QDialog):
    """Lists the backups; "Khôi phục" accepts with ``chosen()`` set.

    ``problem``: what the start-up check found (the dialog then explains that the damaged file
    is kept and nothing is overwritten). ``workspace``: when given, "Sao lưu ngay" is offered.
    """

    def __init__(
        self,
        folder: Path,
        parent: QWidget | None = None,
        *,
        problem: str | None = None,
        preselect: Path | None = None,
        workspace: "Workspace | None" = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle("Sao lưu và phục hồi")
        self.workspace = workspace
        self.resize(760, 440)
        layout = QVBoxLayout(self)
        self.intro_label = QLabel(self._intro(folder, problem), self)
        self.intro_label.setObjectName("intro_label")
        self.intro_label.setWordWrap(True)
        self.intro_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.intro_label)

        self.model = BackupListModel(folder, self)
        self.table = QTableView(self)
        self.table.setObjectName("backup_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)

        self.empty_label = QLabel("Chưa có bản sao lưu nào.", self)
        self.empty_label.setObjectName("empty_label")
        layout.addWidget(self.empty_label)

        buttons = QDialogButtonBox(self)
        self.backup_button = QPushButton("Sao lưu ngay", self)
        self.backup_button.setObjectName("backup_now_button")
        self.backup_button.clicked.connect(self.back_up_now)
        if workspace is not None:  # at start on a damaged file there is nothing to back up
            buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        else:
            self.backup_button.hide()
        self.restore_button = QPushButton("Khôi phục bản đã chọn", self)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.clicked.connect(self.accept)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close_text = "Thoát (không thay đổi gì)" if problem else "Đóng"
        self.close_button = QPushButton(close_text, self)
        self.close_button.setObjectName("close_button")
        self.close_button.clicked.connect(self.reject)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._select(preselect)
        keyboard.tab_never_traps(self)
        window_state.fit_to_screen(self)

    @staticmethod
    def _intro(folder: Path, problem: str | None) -> str:
        if problem:
            return (
                "<b>Tệp dữ liệu bị hỏng</b>: kiểm tra toàn vẹn khi khởi động không đạt "
                f"(chi tiết kỹ thuật: {problem}).<br>"
                "Hãy khôi phục bản sao lưu tốt gần nhất (đã được chọn sẵn). "
                "Tệp bị hỏng không bị xóa: nó được giữ lại trong thư mục sao lưu "
                f"<i>{folder / 'backups'}</i> để người hỗ trợ kỹ thuật xem xét."
            )
        return (
            "Phần mềm tự sao lưu dữ liệu mỗi ngày và trước mỗi lần nhập kế hoạch; mỗi bản sao "
            "đều được kiểm tra toàn vẹn. Khi khôi phục, dữ liệu hiện tại được sao lưu trước nên "
            f"có thể hoàn tác.<br>Thư mục sao lưu: <i>{folder / 'backups'}</i>"
        )

    def _select(self, path: Path | None) -> None:
        rows = [i for i, item in enumerate(self.model.backups) if item.path == path]
        if rows:
            self.table.selectRow(rows[0])
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)
        self.empty_label.setVisible(self.model.rowCount() == 0)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backups[rows[0].row()] if rows else None

    def back_up_now(self) -> None:
        from kscdesk.services.errors import ServiceError
        from kscdesk.store.errors import StoreError
        from kscdesk.ui import prompts

        if self.workspace is None:
            return
        try:
            saved = create_backup(self.workspace)
        except (ServiceError, StoreError, OSError) as error:
            prompts.show_warning(self, "Không sao lưu được", str(error))
            return
        self.model.reload()
        self._select(saved)
