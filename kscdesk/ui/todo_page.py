"""TodoPage: "Việc cần làm", the start page. The next report's deadline, then the tasks overdue,
due within 30 days, recurring without evidence this period, and waiting for an event's date.
Double-clicking a task opens it on the progress page.
"""

import re
from datetime import date

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
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
from kscdesk.services.todo import Todo, TodoItem, todo
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui.progress_model import UID_ROLE, ModelIndex

GROUPS = (
    ("overdue", "Quá hạn"),
    ("due_soon", "Đến hạn trong 30 ngày tới"),
    ("without_evidence", "Thường xuyên, chưa có minh chứng kỳ này"),
    ("waiting_for_event", "Chờ ghi ngày sự kiện để tính hạn"),
)


class TodoListModel(QAbstractListModel):
    """One group of to-do items: "II.3 – nội dung (hạn 17/03/2025)"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: tuple[TodoItem, ...] = ()

    def set_items(self, items: tuple[TodoItem, ...]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            due = f"hạn {format_date(item.due)} · " if item.due else ""
            return f"{due}{item.number}. {item.content}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.content}\nTình trạng: {item.standing}"
        if role == UID_ROLE:
            return item.task_uid
        return None


class TodoPage(QWidget):
    """The start page: what needs the officer now."""

    open_task = Signal(str)  # task uid, double-clicked

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._today = today
        self.result: Todo | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        title = QLabel("Việc cần làm", self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(QLabel("Hạn nộp báo cáo: ngày", self))
        self.report_day_spin = QSpinBox(self)
        self.report_day_spin.setObjectName("report_day_spin")
        self.report_day_spin.setRange(1, 31)
        head.addWidget(self.report_day_spin)
        head.addWidget(QLabel("của tháng cuối kỳ", self))
        layout.addLayout(head)
        self.report_label = QLabel(self)
        self.report_label.setObjectName("report_label")
        self.report_label.setWordWrap(True)
        layout.addWidget(self.report_label)
        days_row = QHBoxLayout()
        days_row.addWidget(QLabel("Ngày nghỉ thêm của cơ quan (ngoài lễ, Tết):", self))
        self.days_off_edit = QLineEdit(self)
        self.days_off_edit.setObjectName("days_off_edit")
        self.days_off_edit.setPlaceholderText("vd. 02/01/2025, 05/05/2025")
        days_row.addWidget(self.days_off_edit, 1)
        self.days_off_button = QPushButton("Lưu ngày nghỉ", self)
        self.days_off_button.setObjectName("days_off_button")
        days_row.addWidget(self.days_off_button)
        self.days_off_message = QLabel(self)
        self.days_off_message.setObjectName("days_off_message")
        days_row.addWidget(self.days_off_message)
        layout.addLayout(days_row)
        grid = QGridLayout()
        self.lists: dict[str, QListView] = {}
        self.models: dict[str, TodoListModel] = {}
        self.boxes: dict[str, QGroupBox] = {}
        for position, (key, label) in enumerate(GROUPS):
            box = QGroupBox(label, self)
            box.setObjectName(f"{key}_box")
            inner = QVBoxLayout(box)
            inner.setContentsMargins(4, 4, 4, 4)
            view = QListView(box)
            view.setObjectName(f"{key}_list")
            view.setWordWrap(False)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setTextElideMode(Qt.TextElideMode.ElideRight)
            view.setUniformItemSizes(True)
            model = TodoListModel(view)
            view.setModel(model)
            view.doubleClicked.connect(self._on_double_click)
            inner.addWidget(view)
            grid.addWidget(box, position // 2, position % 2)
            self.lists[key], self.models[key], self.boxes[key] = view, model, box
        layout.addLayout(grid, 1)
        self.reload()
        self.report_day_spin.valueChanged.connect(self._on_report_day)
        self.days_off_button.clicked.connect(self.save_days_off)
        self.days_off_edit.returnPressed.connect(self.save_days_off)

    def reload(self) -> None:
        try:
            plan_uid = default_plan_uid(self._ws)
        except ServiceError as error:
            self.report_label.setText(str(error))
            return
        plan = plans.load_plan(self._ws.db, plan_uid)
        self.report_day_spin.blockSignals(True)
        self.report_day_spin.setValue(report_day(self._ws, plan.submission_day))
        self.report_day_spin.blockSignals(False)
        self.days_off_edit.setText(", ".join(format_date(d) for d in days_off(self._ws)))
        self.result = result = todo(self._ws, today=self._today, plan_uid=plan_uid)
        report = result.next_report
        self.report_label.setText(
            f"Hôm nay {format_date(result.today)}. Báo cáo tiếp theo: {report.label}, "
            f"hạn nộp {format_date(result.next_report_due)} (số liệu tính từ ngày "
            f"{format_date(report.start)} đến ngày {format_date(report.end)}). "
            f"Kế hoạch: {result.plan_title} – kỳ đang theo dõi: {result.period.label}."
        )
        for key, label in GROUPS:
            items: tuple[TodoItem, ...] = getattr(result, key)
            self.models[key].set_items(items)
            self.boxes[key].setTitle(f"{label} ({len(items)})")

    def _on_report_day(self, day: int) -> None:
        set_report_day(self._ws, day)
        self.reload()

    def save_days_off(self) -> bool:
        """Store the typed days off; working-day deadlines skip them from now on."""
        parts = [part for part in re.split(r"[,;\s]+", self.days_off_edit.text()) if part]
        try:
            days = [parse_date(part) for part in parts]
        except DomainError as error:
            self.days_off_message.setStyleSheet("color: #b3261e;")
            self.days_off_message.setText(str(error))
            return False
        set_days_off(self._ws, days)
        self.reload()
        self.days_off_message.setStyleSheet("color: #1b7a3a;")
        self.days_off_message.setText(f"Đã lưu {len(days)} ngày.")
        return True

    def _on_double_click(self, index: QModelIndex) -> None:
        self.open_task.emit(str(index.data(UID_ROLE)))
