"""Báo cáo và hạn: the day of the last month a period's report is due, and the office's days off."""

from datetime import date

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kscdesk.domain.dates import format_date, parse_date
from kscdesk.domain.errors import DomainError
from kscdesk.services.errors import ServiceError
from kscdesk.services.progress import (
    days_off,
    default_plan_uid,
    report_day,
    set_days_off,
    set_report_day,
)
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui.settings.common import MessageLine, explanation

_REPORT = (
    "Báo cáo quý, 6 tháng, 9 tháng và năm phải nộp trước ngày này của tháng cuối kỳ (xã, phường "
    "thường là ngày 17). Trang Việc cần làm và các báo cáo tính hạn nộp theo ngày này."
)
_DAYS_OFF = (
    "Các ngày lễ, Tết đã có sẵn; ghi thêm ngày nghỉ riêng của cơ quan (nghỉ bù, nghỉ hoán đổi). "
    "Hạn tính theo “ngày làm việc” sẽ bỏ qua những ngày này."
)

_Index = QModelIndex | QPersistentModelIndex


class DaysOffModel(QAbstractListModel):
    """The office's days off, oldest first, shown dd/mm/yyyy with the weekday."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[date] = []

    def set_days(self, days: list[date]) -> None:
        self.beginResetModel()
        self.days = sorted(days)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.days)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        day = self.days[index.row()]
        weekday = "Chủ nhật" if day.weekday() == 6 else f"Thứ {day.weekday() + 2}"
        return f"{format_date(day)} ({weekday})"


class DeadlinesSection(QWidget):
    saved = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlines_section")
        self._ws = workspace
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(_REPORT, self))
        row = QHBoxLayout()
        day_label = QLabel("&Hạn nộp báo cáo: ngày", self)
        row.addWidget(day_label)
        self.report_day_edit = QLineEdit(self)
        self.report_day_edit.setObjectName("settings_report_day_edit")
        self.report_day_edit.setMaximumWidth(60)
        day_label.setBuddy(self.report_day_edit)
        row.addWidget(self.report_day_edit)
        row.addWidget(QLabel("của tháng cuối kỳ", self))
        row.addStretch(1)
        layout.addLayout(row)
        self.report_message = MessageLine("report_day_message", self)
        layout.addWidget(self.report_message)
        layout.addSpacing(12)
        layout.addWidget(explanation(_DAYS_OFF, self))
        add_row = QHBoxLayout()
        off_label = QLabel("&Ngày nghỉ:", self)
        add_row.addWidget(off_label)
        self.day_edit = QLineEdit(self)
        self.day_edit.setObjectName("day_off_edit")
        self.day_edit.setPlaceholderText("ngày/tháng/năm, ví dụ 02/01/2026")
        off_label.setBuddy(self.day_edit)
        add_row.addWidget(self.day_edit, 1)
        self.add_button = QPushButton("Thêm ngà&y nghỉ", self)
        self.add_button.setObjectName("add_day_off_button")
        add_row.addWidget(self.add_button)
        self.remove_button = QPushButton("&Xóa ngày đã chọn", self)
        self.remove_button.setObjectName("remove_day_off_button")
        add_row.addWidget(self.remove_button)
        layout.addLayout(add_row)
        self.days_message = MessageLine("days_off_message", self)
        layout.addWidget(self.days_message)
        self.days_model = DaysOffModel(self)
        self.days_view = QListView(self)
        self.days_view.setObjectName("days_off_list")
        self.days_view.setModel(self.days_model)
        self.days_view.setMinimumHeight(120)
        layout.addWidget(self.days_view, 1)
        self.empty_label = QLabel("Chưa có ngày nghỉ riêng nào.", self)
        self.empty_label.setObjectName("days_off_empty_label")
        self.empty_label.setStyleSheet("color: #555;")
        layout.addWidget(self.empty_label)
        self.days_model.modelReset.connect(
            lambda: self.empty_label.setVisible(not self.days_model.days)
        )
        self.load()
        self.report_day_edit.editingFinished.connect(self.save_report_day)
        self.add_button.clicked.connect(self.add_day)
        self.day_edit.returnPressed.connect(self.add_day)
        self.remove_button.clicked.connect(self.remove_day)

    def _plan_day(self) -> int:
        try:
            return plans.load_plan(self._ws.db, default_plan_uid(self._ws)).submission_day
        except ServiceError:
            return 17

    def load(self) -> None:
        self.report_day_edit.setText(str(report_day(self._ws, self._plan_day())))
        self.days_model.set_days(days_off(self._ws))

    def save_report_day(self) -> None:
        text = self.report_day_edit.text().strip()
        if not text.isdigit():
            self.report_message.refuse(
                f"“{text}” không phải một ngày trong tháng: ghi một số từ 1 đến 31."
            )
            return
        try:
            set_report_day(self._ws, int(text))
        except ServiceError as error:
            self.report_message.refuse(str(error))
            return
        self.report_message.clear_message()
        self.saved.emit()

    def add_day(self) -> None:
        try:
            day = parse_date(self.day_edit.text())
        except DomainError as error:
            self.days_message.refuse(str(error))
            return
        if day in self.days_model.days:
            self.days_message.refuse(f"Ngày {format_date(day)} đã có trong danh sách.")
            return
        set_days_off(self._ws, [*self.days_model.days, day])
        self.days_model.set_days(days_off(self._ws))
        self.day_edit.clear()
        self.days_message.note(f"Đã thêm ngày nghỉ {format_date(day)}.")
        self.saved.emit()

    def remove_day(self) -> None:
        row = self.days_view.currentIndex().row()
        if row < 0:
            self.days_message.refuse("Chọn một ngày trong danh sách để xóa.")
            return
        day = self.days_model.days[row]
        set_days_off(self._ws, [d for d in self.days_model.days if d != day])
        self.days_model.set_days(days_off(self._ws))
        self.days_message.note(f"Đã xóa ngày nghỉ {format_date(day)}.")
        self.saved.emit()
