"""ProgressTableModel: the tasks of one plan and period with their standing; ProgressFilter on top.

The model holds the rows the progress service computed for the period (tasks, deadlines,
records, evidence); ``reload`` asks the service again after a change. The filter narrows them by
unit, standing, section and a tone-free search ("kiem soat" finds "kiểm soát").
"""

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from kscdesk.domain.dates import format_date
from kscdesk.domain.model import Standing
from kscdesk.domain.text import search_key
from kscdesk.services.progress import ProgressRow, ProgressTable

ModelIndex = QModelIndex | QPersistentModelIndex
UID_ROLE = Qt.ItemDataRole.UserRole + 1
STANDING_ROLE = Qt.ItemDataRole.UserRole + 2

NUMBER, CONTENT, LEAD, DUE, STANDING, COMPLETED, EVIDENCE, NOTE = range(8)
HEADERS = (
    "STT",
    "Nội dung công việc",
    "Chủ trì",
    "Hạn",
    "Tình trạng",
    "Hoàn thành",
    "MC",
    "Ghi chú",
)
HEADER_TIPS = {EVIDENCE: "Số minh chứng", DUE: "Hạn trong kỳ"}

STANDING_COLOURS = {
    Standing.NOT_STARTED: "#6b6b6b",
    Standing.IN_PROGRESS_ON_TIME: "#1f5fa8",
    Standing.IN_PROGRESS_OVERDUE: "#b3261e",
    Standing.DONE_EARLY: "#1b7a3a",
    Standing.DONE_ON_TIME: "#2e7d32",
    Standing.DONE_LATE: "#c26a00",
    Standing.NOT_OCCURRED: "#6b6b6b",
}


class ProgressTableModel(QAbstractTableModel):
    """One row per task of the plan, in the plan's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: ProgressTable | None = None
        self._rows: tuple[ProgressRow, ...] = ()

    def set_table(self, table: ProgressTable) -> None:
        self.beginResetModel()
        self.table = table
        self._rows = table.rows
        self.endResetModel()

    def row_at(self, row: int) -> ProgressRow:
        return self._rows[row]

    def row_of_task(self, task_uid: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.task.uid == task_uid), None)

    def rows(self) -> tuple[ProgressRow, ...]:
        return self._rows

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(section)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == UID_ROLE:
            return row.task.uid
        if role == STANDING_ROLE:
            return row.standing.value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == CONTENT:
                return row.task.content
            if column == STANDING and row.assessment.is_overridden and row.progress:
                return f"Tự tính: {row.assessment.derived.label}. Lý do sửa: " + (
                    row.progress.override_reason
                )
            if column == DUE:
                dues = ", ".join(format_date(d) for d in row.assessment.dues)
                return f"{row.task.timeframe}\n{dues}".strip()
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == STANDING:
                return QBrush(QColor(STANDING_COLOURS[row.standing]))
            if not row.assessment.expected:
                return QBrush(QColor("#8a8a8a"))
        return None

    @staticmethod
    def _display(row: ProgressRow, column: int) -> str:
        record = row.progress
        if column == NUMBER:
            return row.number
        if column == CONTENT:
            return row.task.content
        if column == LEAD:
            return row.task.lead
        if column == DUE:
            if row.assessment.dues:
                return format_date(row.assessment.dues[-1])
            return "chờ ngày sự kiện" if row.deadlines.waits_for_event else ""
        if column == STANDING:
            mark = " *" if row.assessment.is_overridden else ""
            return row.standing.label + mark
        if column == COMPLETED:
            return format_date(record.completed_on) if record else ""
        if column == EVIDENCE:
            return str(len(row.evidence)) if row.evidence else ""
        if column == NOTE:
            return record.note if record else ""
        return ""


class ProgressFilter(QSortFilterProxyModel):
    """Narrows the progress rows by unit, standing, section, lateness and a tone-free search."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.unit = ""  # tone-free words the lead or coordinating units must contain
        self.standings: frozenset[Standing] = frozenset()  # empty: every standing
        self.section = ""  # section code; "" for every section
        self.query = ""
        self.expected_only = False

    def set_criteria(
        self,
        *,
        unit: str | None = None,
        standings: frozenset[Standing] | None = None,
        section: str | None = None,
        query: str | None = None,
        expected_only: bool | None = None,
    ) -> None:
        modern = hasattr(self, "beginFilterChange")  # Qt 6.10 deprecates invalidateFilter
        if modern:
            self.beginFilterChange()
        if unit is not None:
            self.unit = search_key(unit)
        if standings is not None:
            self.standings = standings
        if section is not None:
            self.section = section
        if query is not None:
            self.query = search_key(query)
        if expected_only is not None:
            self.expected_only = expected_only
        if modern:
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ProgressTableModel)
        row = model.row_at(source_row)
        if self.section and row.task.section_code != self.section:
            return False
        if self.standings and row.standing not in self.standings:
            return False
        if self.expected_only and not row.assessment.expected:
            return False
        task = row.task
        if self.unit and self.unit not in search_key(f"{task.lead} {task.coordinating}"):
            return False
        if self.query:
            note = row.progress.note if row.progress else ""
            evidence = " ".join(f"{e.number_symbol} {e.summary}" for e in row.evidence)
            text = search_key(
                f"{task.label} {task.content} {task.output} {task.lead} {task.coordinating} "
                f"{note} {evidence}"
            )
            if not all(word in text for word in self.query.split()):
                return False
        return True
