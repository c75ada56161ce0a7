"""Danh bạ đơn vị: the commune's own units, which the unit pickers offer, and the KSTT lead."""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kscdesk.domain.model import Unit
from kscdesk.services import office_directory
from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.ui.list_table_model import ListTableModel
from kscdesk.ui.settings.common import MessageLine, explanation

_EXPLAIN = (
    "Các đơn vị, bộ phận của xã, phường; khi sửa kế hoạch, ô đơn vị chủ trì và phối hợp gợi ý "
    "các tên này. Đánh dấu đơn vị chủ trì công tác kiểm soát TTHC (thường là Văn phòng HĐND và "
    "UBND); nhấn đúp vào tên (hoặc F2) để sửa."
)
HEADERS = ("Tên đơn vị", "Chủ trì KSTT")
_Index = QModelIndex | QPersistentModelIndex


class UnitsModel(ListTableModel):
    """The unit directory; a rename or lead mark goes through ``act``, which reports success."""

    HEADERS = HEADERS

    def __init__(self, act: Callable[[Callable[[], None]], bool], parent: QWidget | None) -> None:
        super().__init__(parent)
        self._act = act

    @property
    def units(self) -> list[Unit]:
        return self.items

    def set_units(self, units: list[Unit]) -> None:
        self.set_items(units)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        extra = Qt.ItemFlag.ItemIsUserCheckable if index.column() else Qt.ItemFlag.ItemIsEditable
        return base | extra

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        unit = self.units[index.row()]
        if index.column() == 1:
            if role != Qt.ItemDataRole.CheckStateRole:
                return None
            return Qt.CheckState.Checked if unit.is_kstt_lead else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return unit.name
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        uid = self.units[index.row()].uid
        if index.column() == 1 and role == Qt.ItemDataRole.CheckStateRole:
            lead = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._act(lambda: office_directory.set_kstt_lead(self._ws(), uid, lead))
        if index.column() == 0 and role == Qt.ItemDataRole.EditRole:
            name = str(value)
            return self._act(lambda: office_directory.rename_unit(self._ws(), uid, name))
        return False

    def _ws(self) -> Workspace:
        section = self.parent()
        assert isinstance(section, UnitsSection)
        return section.workspace


class UnitsSection(QWidget):
    saved = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("units_section")
        self.workspace = workspace
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(_EXPLAIN, self))
        add_row = QHBoxLayout()
        label = QLabel("Tên đơn vị &mới:", self)
        add_row.addWidget(label)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("new_unit_edit")
        self.name_edit.setPlaceholderText("Ví dụ: Bộ phận Một cửa")
        label.setBuddy(self.name_edit)
        add_row.addWidget(self.name_edit, 1)
        self.add_button = QPushButton("Thêm đơn &vị", self)
        self.add_button.setObjectName("add_unit_button")
        add_row.addWidget(self.add_button)
        self.remove_button = QPushButton("Xóa đơn vị đã c&họn", self)
        self.remove_button.setObjectName("remove_unit_button")
        add_row.addWidget(self.remove_button)
        layout.addLayout(add_row)
        self.message = MessageLine("units_message", self)
        layout.addWidget(self.message)
        self.model = UnitsModel(self.act, self)
        self.view = QTableView(self)
        self.view.setObjectName("settings_units_view")
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setTabKeyNavigation(False)
        self.view.setMinimumHeight(150)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.view, 1)
        self.load()
        self.add_button.clicked.connect(self.add_unit)
        self.name_edit.returnPressed.connect(self.add_unit)
        self.remove_button.clicked.connect(self.remove_unit)

    def load(self) -> None:
        self.model.set_units(office_directory.list_units(self.workspace))

    def act(self, change: Callable[[], None]) -> bool:
        """Run one service call; a refusal is shown inline and the table shows what is stored."""
        try:
            change()
        except ServiceError as error:
            self.message.refuse(str(error))
            self.load()
            return False
        self.message.note("Đã lưu danh bạ đơn vị.")
        self.load()
        self.saved.emit()
        return True

    def add_unit(self) -> None:
        name = self.name_edit.text()

        def add() -> None:
            office_directory.add_unit(self.workspace, name)

        if self.act(add):
            self.name_edit.clear()

    def remove_unit(self) -> None:
        row = self.view.currentIndex().row()
        if row < 0:
            self.message.refuse("Chọn một đơn vị trong bảng để xóa.")
            return
        uid = self.model.units[row].uid
        self.act(lambda: office_directory.remove_unit(self.workspace, uid))
