"""ProgressEditor: record a task's status, completion date, note, override and event date;
HistoryModel: the task's journal of changes (when, who, old → new)."""

from datetime import date

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kscdesk.domain.dates import format_date, parse_date
from kscdesk.domain.errors import DomainError
from kscdesk.domain.model import ProgressStatus, Standing
from kscdesk.domain.period import parse_period_key
from kscdesk.domain.timeframe import describe
from kscdesk.services.errors import ServiceError
from kscdesk.services.progress import ProgressRow
from kscdesk.services.record_progress import ProgressChange, set_event_date, set_progress
from kscdesk.services.workspace import Workspace
from kscdesk.store.errors import StoreError
from kscdesk.store.history import HistoryEntry
from kscdesk.ui.progress_model import ModelIndex

FIELD_LABELS = {
    "status": "Tình trạng",
    "completed_on": "Ngày hoàn thành",
    "note": "Ghi chú",
    "override": "Tình trạng sửa tay",
    "override_reason": "Lý do sửa",
    "event_on": "Ngày sự kiện",
}


class ProgressEditor(QWidget):
    """The "Cập nhật" tab of the task detail: what the officer records for the period."""

    saved = Signal(str)  # task uid

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._row: ProgressRow | None = None
        self._period_key = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.title_label = self._label("progress_title_label", bold=True)
        self.timeframe_label = self._label("progress_timeframe_label")
        layout.addWidget(self.title_label)
        layout.addWidget(self.timeframe_label)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("progress_status_combo")
        for status in ProgressStatus:
            self.status_combo.addItem(status.label, status.value)
        self.completed_edit = self._line("progress_completed_edit", "dd/mm/yyyy")
        self.standing_combo = QComboBox(self)
        self.standing_combo.setObjectName("progress_standing_combo")
        self.reason_edit = self._line("progress_reason_edit", "bắt buộc khi sửa tình trạng tự tính")
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("progress_note_edit")
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.event_edit = self._line("progress_event_edit", "dd/mm/yyyy")
        form.addRow("Tình trạng", self.status_combo)
        form.addRow("Ngày hoàn thành", self.completed_edit)
        form.addRow("Đánh giá", self.standing_combo)
        form.addRow("Lý do sửa", self.reason_edit)
        form.addRow("Ghi chú", self.note_edit)
        form.addRow("Ngày sự kiện", self.event_edit)
        self.event_label = form.labelForField(self.event_edit)
        layout.addLayout(form)
        self.save_button = QPushButton("Lưu", self)
        self.save_button.setObjectName("progress_save_button")
        self.message_label = self._label("progress_message_label")
        layout.addWidget(self.save_button)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        self.status_combo.currentIndexChanged.connect(self._fill_standings)
        self.save_button.clicked.connect(self.save)
        self.setEnabled(False)

    def _label(self, name: str, *, bold: bool = False) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if bold:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        return label

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def set_row(self, row: ProgressRow | None, period_key: str) -> None:
        """Show the task's record for the period (None clears the editor)."""
        self._row, self._period_key = row, period_key
        self.setEnabled(row is not None)
        self.message_label.clear()
        if row is None:
            self.title_label.setText("Chọn một nhiệm vụ trong danh sách.")
            self.timeframe_label.clear()
            return
        content = row.task.content
        self.title_label.setText(f"{row.full_number}. {content[:160]}")
        dues = ", ".join(format_date(d) for d in row.assessment.dues)
        record = row.progress
        lines = [describe(row.deadlines.timeframe)]
        lead = " ".join(row.task.lead.split())
        if lead:
            lines.append(f"Chủ trì: {lead[:120]}")
        if dues:
            lines.append(f"Hạn trong kỳ: {dues}")
        if record is not None and record.period_key != period_key:
            lines.append(
                f"Theo ghi nhận {_period_label(record.period_key)}; "
                "bấm Lưu để ghi riêng cho kỳ này."
            )
        self.timeframe_label.setText("\n".join(lines))
        status = record.status if record else ProgressStatus.NOT_STARTED
        self.status_combo.setCurrentIndex(self.status_combo.findData(status.value))
        self._fill_standings()
        if record and record.override:
            self.standing_combo.setCurrentIndex(self.standing_combo.findData(record.override.value))
        self.completed_edit.setText(format_date(record.completed_on) if record else "")
        self.reason_edit.setText(record.override_reason if record else "")
        self.note_edit.setPlainText(record.note if record else "")
        relative = row.deadlines.counts_from_event
        self.event_edit.setVisible(relative)
        if self.event_label is not None:
            self.event_label.setVisible(relative)
        self.event_edit.setText(format_date(row.deadlines.event_on))

    def _fill_standings(self) -> None:
        status = ProgressStatus(self.status_combo.currentData() or "not_started")
        self.standing_combo.clear()
        derived = self._row.assessment.derived.label if self._row else ""
        self.standing_combo.addItem(f"Tự tính ({derived})" if derived else "Tự tính", "")
        for standing in Standing:
            if standing.status is status:
                self.standing_combo.addItem(standing.label, standing.value)

    def save(self) -> bool:
        """Store what the form says; a refusal is shown under the button, nothing is stored."""
        if self._row is None:
            return False
        try:
            text = self.completed_edit.text().strip()
            completed = parse_date(text) if text else None
            event_text = self.event_edit.text().strip()
            event_on: date | None = parse_date(event_text) if event_text else None
            status = ProgressStatus(self.status_combo.currentData())
            override_value = self.standing_combo.currentData()
            change = ProgressChange(
                status=status,
                completed_on=completed,
                note=self.note_edit.toPlainText(),
                override=Standing(override_value) if override_value else None,
                override_reason=self.reason_edit.text(),
            )
            parse_period_key(self._period_key)
            if self._row.deadlines.counts_from_event:
                set_event_date(self._ws, self._row.task.uid, event_on)
            set_progress(self._ws, self._row.task.uid, self._period_key, change)
        except (DomainError, ServiceError, StoreError) as error:
            self.message_label.setStyleSheet("color: #b3261e;")
            self.message_label.setText(str(error))
            return False
        self.saved.emit(self._row.task.uid)  # the page reloads and shows the row again
        self.message_label.setStyleSheet("color: #1b7a3a;")
        self.message_label.setText("Đã lưu.")
        return True


class HistoryModel(QAbstractListModel):
    """The task's recorded changes, newest first, two lines each:
    "14/03/2025 10:15 – Nguyễn Văn A" / "Quý I năm 2025 · Tình trạng: cũ → mới"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return describe_change(self.entries[index.row()])


def describe_change(entry: HistoryEntry) -> str:
    """Two lines for the officer: when and who; which period, which field, old → new."""
    period, _, name = entry.field.rpartition(":")
    old = entry.old if entry.old else "(trống)"
    new = entry.new if entry.new else "(trống)"
    where = f"{_period_label(period)} · " if period else ""
    who = entry.officer or "(chưa đặt tên cán bộ)"
    return f"{_when(entry.at)} – {who}\n{where}{FIELD_LABELS.get(name, name)}: {old} → {new}"


def _when(at: str) -> str:
    """ "2025-03-14T10:15:02+07:00" → "14/03/2025 10:15"."""
    day, _, time = at.partition("T")
    try:
        return f"{format_date(date.fromisoformat(day))} {time[:5]}"
    except ValueError:
        return at


def _period_label(key: str) -> str:
    if not key:
        return ""
    try:
        return parse_period_key(key).label
    except DomainError:
        return key
