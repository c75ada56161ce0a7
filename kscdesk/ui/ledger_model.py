"""LedgerModel: communes × quarters at the parent office, each cell on time / late / missing."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from kscdesk.domain.exchange import Standing
from kscdesk.domain.model import Office
from kscdesk.domain.period import Period
from kscdesk.services.consolidation import LedgerMatrix

_COLOURS = {
    Standing.ON_TIME: QColor("#dff0d8"),
    Standing.LATE: QColor("#fcf0c8"),
    Standing.MISSING: QColor("#f6d5d5"),
}
_RECEIPTS = {"accepted": "đã tiếp nhận", "returned": "đã trả lại"}
Index = QModelIndex | QPersistentModelIndex


class LedgerModel(QAbstractTableModel):
    """Rows are the communes under this office; column 0 names them, then one per quarter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._matrix = LedgerMatrix([], [], {})

    def set_matrix(self, matrix: LedgerMatrix) -> None:
        self.beginResetModel()
        self._matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matrix.offices)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._matrix.periods)

    def office_at(self, row: int) -> Office:
        return self._matrix.offices[row]

    def period_at(self, column: int) -> Period | None:
        return self._matrix.periods[column - 1] if column >= 1 else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        period = self.period_at(section)
        return "Đơn vị" if period is None else period.label

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        office = self._matrix.offices[index.row()]
        period = self.period_at(index.column())
        if period is None:
            return office.name if role == Qt.ItemDataRole.DisplayRole else None
        row = self._matrix.cells.get((office.uid, period.key))
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = row.standing.label
            if row.versions > 1:
                text += f" · gửi {row.versions} lần"
            if row.receipt:
                text += f" · {_RECEIPTS.get(row.receipt, row.receipt)}"
            return text
        if role == Qt.ItemDataRole.BackgroundRole and row.standing in _COLOURS:
            return QBrush(_COLOURS[row.standing])
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Gửi lúc {row.sent_at}" if row.sent_at else row.standing.label
        return None
