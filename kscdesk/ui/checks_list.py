"""ChecksList: the findings of the plan checks; a click selects the task's row and field."""

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from kscdesk.domain.findings import Finding
from kscdesk.ui.task_table_model import FIELD_OF_COLUMN

KIND_LABELS = {
    "leftover": "Từ ngữ cấp trên",
    "year": "Năm khác",
    "missing_lead": "Thiếu chủ trì",
    "missing_timeframe": "Thiếu thời gian",
    "timeframe": "Thời gian chưa rõ",
    "numbering": "Số thứ tự",
    "section": "Ký hiệu mục",
    "spelling": "Chính tả",
}
COLUMN_OF_FIELD = {field: column for column, field in FIELD_OF_COLUMN.items()}
HEADERS = ("STT", "Loại", "Phát hiện", "Gợi ý")
UID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMN_ROLE = Qt.ItemDataRole.UserRole + 2


class ChecksList(QTableView):
    """A short table under the plan: one finding per row."""

    finding_chosen = Signal(str, int)  # task uid, column of the field

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checks_list")
        self.findings_model = QStandardItemModel(0, len(HEADERS), self)
        self.findings_model.setHorizontalHeaderLabels(list(HEADERS))
        self.setModel(self.findings_model)
        self.setMaximumHeight(150)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(0, 50)
        self.setColumnWidth(1, 130)
        self.setColumnWidth(3, 220)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        self.clicked.connect(self._choose)

    def clear(self) -> None:
        self.findings_model.removeRows(0, self.findings_model.rowCount())

    def show_findings(self, findings: Sequence[Finding]) -> None:
        self.clear()
        for finding in findings:
            cells = [
                QStandardItem(finding.task),
                QStandardItem(KIND_LABELS.get(finding.kind, finding.kind)),
                QStandardItem(_where(finding) + finding.message),
                QStandardItem(finding.suggestion),
            ]
            cells[0].setData(finding.task_uid, UID_ROLE)
            cells[0].setData(COLUMN_OF_FIELD.get(finding.field, 1), COLUMN_ROLE)
            cells[2].setToolTip(finding.message)
            self.findings_model.appendRow(cells)
        if not findings:
            self.findings_model.appendRow(
                [QStandardItem(""), QStandardItem(""), QStandardItem("Không có phát hiện nào.")]
            )

    def _choose(self, index: QModelIndex) -> None:
        first = self.findings_model.item(index.row(), 0)
        uid = first.data(UID_ROLE) if first is not None else None
        if isinstance(uid, str):
            self.finding_chosen.emit(uid, int(first.data(COLUMN_ROLE)))


def _where(finding: Finding) -> str:
    from kscdesk.domain.wording import FIELD_LABELS

    label = FIELD_LABELS.get(finding.field) or {"title": "Tên kế hoạch", "section": "Mục"}.get(
        finding.field, ""
    )
    return f"{label}: " if label else ""
