"""The office this data folder serves, its parent office, and the officer's name."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from kscdesk.domain.model import Level
from kscdesk.services.errors import ServiceError
from kscdesk.services.offices import (
    OfficeSpec,
    get_officer_name,
    get_profile,
    set_office,
    set_officer_name,
)
from kscdesk.services.workspace import Workspace

_EXPLAIN = (
    "Đơn vị là UBND xã, phường (hoặc cơ quan cấp trên nếu máy này dùng để tổng hợp). Tên và mã "
    "đơn vị được ghi trên báo cáo và trên gói dữ liệu gửi cấp trên; cơ quan cấp trên dùng mã để "
    "nhận đúng gói của đơn vị. Mã đơn vị hành chính xem trong danh mục của Tổng cục Thống kê."
)
_OFFICER = (
    "Tên của bạn được ghi vào lịch sử mỗi khi tiến độ hoặc minh chứng thay đổi, để biết ai đã "
    "sửa gì và khi nào."
)


def _level_combo(parent: QWidget, name: str, *, allow_unknown: bool) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    if allow_unknown:
        combo.addItem("Đoán theo tên", None)
    for level in (Level.COMMUNE, Level.DISTRICT, Level.PROVINCE):
        combo.addItem(level.label, level.value)
    return combo


def _explanation(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


class OfficeSection(QWidget):
    """A form whose fields are saved one by one when the officer leaves them."""

    saved = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office_section")
        self._ws = workspace
        layout = QVBoxLayout(self)
        layout.addWidget(_explanation(_EXPLAIN, self))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("office_name_edit")
        self.name_edit.setPlaceholderText("Ví dụ: Phường Đức Phổ")
        self.level_combo = _level_combo(self, "office_level_combo", allow_unknown=False)
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("office_code_edit")
        self.code_edit.setPlaceholderText("Ví dụ: 21583 (không bắt buộc)")
        self.parent_edit = QLineEdit(self)
        self.parent_edit.setObjectName("parent_name_edit")
        self.parent_edit.setPlaceholderText("Ví dụ: UBND tỉnh Quảng Ngãi")
        self.parent_level_combo = _level_combo(self, "parent_level_combo", allow_unknown=True)
        form.addRow("Tên đơn &vị:", self.name_edit)
        form.addRow("&Cấp:", self.level_combo)
        form.addRow("&Mã đơn vị:", self.code_edit)
        form.addRow("Cơ quan cấ&p trên:", self.parent_edit)
        form.addRow("Cấp của cơ &quan cấp trên:", self.parent_level_combo)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("office_error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        form.addRow(self.error_label)
        form.addItem(QSpacerItem(0, 12))
        form.addRow(_explanation(_OFFICER, self))
        self.officer_edit = QLineEdit(self)
        self.officer_edit.setObjectName("officer_name_edit")
        self.officer_edit.setPlaceholderText("Ví dụ: Nguyễn Thị Lan")
        form.addRow("Tên cán &bộ:", self.officer_edit)
        layout.addLayout(form)
        layout.addStretch(1)
        self.load()
        for edit in (self.name_edit, self.code_edit, self.parent_edit):
            edit.editingFinished.connect(self.save_office)
        self.level_combo.activated.connect(self.save_office)
        self.parent_level_combo.activated.connect(self.save_office)
        self.officer_edit.editingFinished.connect(self.save_officer)

    def load(self) -> None:
        profile = get_profile(self._ws)
        office, parent = profile.office, profile.parent
        self.name_edit.setText(office.name if office else "")
        self.code_edit.setText(office.code if office else "")
        level = office.level.value if office else Level.COMMUNE.value
        self.level_combo.setCurrentIndex(self.level_combo.findData(level))
        self.parent_edit.setText(parent.name if parent else "")
        index = self.parent_level_combo.findData(parent.level.value) if parent else 0
        self.parent_level_combo.setCurrentIndex(index)
        self.officer_edit.setText(get_officer_name(self._ws))

    def save_office(self) -> None:
        """Save the office fields; a refusal is shown under the form and nothing changes."""
        name = self.name_edit.text().strip()
        if not name:
            self._show_error("Nhập tên đơn vị để lưu." if self.parent_edit.text() else "")
            return
        parent_name = self.parent_edit.text().strip()
        parent_level = self.parent_level_combo.currentData()
        parent = None
        if parent_name:
            parent = OfficeSpec(parent_name, Level(parent_level) if parent_level else None)
        spec = OfficeSpec(name, Level(self.level_combo.currentData()), self.code_edit.text())
        try:
            set_office(self._ws, spec, parent)
        except ServiceError as error:
            self._show_error(str(error))
            return
        self._show_error("")
        self.saved.emit()

    def save_officer(self) -> None:
        set_officer_name(self._ws, self.officer_edit.text())
        self.saved.emit()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
