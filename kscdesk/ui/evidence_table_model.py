"""EvidenceTableModel: the evidence records of one task, read from the store, one row each."""

from sqlite_utils import Database

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from kscdesk.domain.documents import format_date
from kscdesk.domain.model import Evidence
from kscdesk.domain.text import clean_text
from kscdesk.store import evidence, progress
from kscdesk.ui.task_columns import ModelIndex

KIND, NUMBER, DATE, ISSUER, SUMMARY, FILES = range(6)
HEADERS = ("Loại", "Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu", "Tệp")
UID_ROLE = Qt.ItemDataRole.UserRole + 1


def _cell(evidence: Evidence, column: int) -> str:
    if column == KIND:
        return evidence.doc_type.label
    if column == NUMBER:
        return evidence.number_symbol
    if column == DATE:
        return format_date(evidence.issued_on)
    if column == ISSUER:
        return evidence.issuer
    if column == SUMMARY:
        return evidence.summary
    count = len(evidence.attachments)
    return f"{count} tệp" if count else ""


class EvidenceTableModel(QAbstractTableModel):
    """Read-only rows; the panel writes through the evidence service and calls ``refresh``."""

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._task_uid: str | None = None
        self._query = ""
        self._rows: list[Evidence] = []

    @property
    def task_uid(self) -> str | None:
        return self._task_uid

    def set_task(self, task_uid: str | None) -> None:
        self._task_uid = task_uid
        self.refresh()

    @property
    def query(self) -> str:
        return self._query

    def set_search(self, query: str) -> None:
        """Show every record matching the query, without diacritics; "" shows the task's own."""
        self._query = clean_text(query)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        uid = self._task_uid
        if self._query:
            self._rows = evidence.search_evidence(self._db, self._query)
        else:
            self._rows = progress.list_evidence_for_task(self._db, uid) if uid else []
        self.endResetModel()

    def evidence_at(self, row: int) -> Evidence | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, evidence_uid: str) -> int:
        for row, record in enumerate(self._rows):
            if record.uid == evidence_uid:
                return row
        return -1

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        record = self.evidence_at(index.row())
        if record is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(record, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            names = "\n".join(item.file_name for item in record.attachments)
            return f"{record.citation}\n{record.summary}" + (f"\n{names}" if names else "")
        if role == UID_ROLE:
            return record.uid
        return None
