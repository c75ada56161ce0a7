"""TaskTableModel: the rows of one plan (section headings and tasks), fetched lazily from the store.

The model holds only task uids for the current plan and filter (Anki's browser pattern); a row's
task is loaded through ``plans.load_tasks`` the first time the view asks for it, together with
the next few uncached rows, and kept in a cache until the filter changes.
"""

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlite_utils import Database

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kscdesk.domain.model import Section, Task
from kscdesk.store import plans
from kscdesk.ui.task_columns import (
    CONTENT,
    COORDINATING,
    LEAD,
    NUMBER,
    OUTPUT,
    TASK_COLUMNS,
    TIMEFRAME,
    ModelIndex,
)
from kscdesk.ui.task_due import DueCell, due_cell

COLUMNS = (*TASK_COLUMNS, "Hạn")
DUE = len(TASK_COLUMNS)  # due dates read from the timeframe for the plan's year
FIELD_OF_COLUMN = {
    CONTENT: "content",
    OUTPUT: "output",
    LEAD: "lead",
    COORDINATING: "coordinating",
    TIMEFRAME: "timeframe",
}
TASK_MIME = "application/x-kscdesk-task"

UID_ROLE = Qt.ItemDataRole.UserRole + 1
IS_SECTION_ROLE = Qt.ItemDataRole.UserRole + 2

_SECTION_BACKGROUND = QColor("#e9eef6")
_NOT_APPLICABLE_FOREGROUND = QColor("#8a8a8a")
_FLAGGED_FOREGROUND = QColor("#b45309")


@dataclass(frozen=True)
class SectionRow:
    """A section heading shown between the tasks, as in the printed plan."""

    section: Section

    @property
    def heading(self) -> str:
        return f"{self.section.code}. {self.section.title}" if self.section.code else ""


@dataclass(frozen=True)
class TaskRow:
    uid: str


Row = SectionRow | TaskRow


class TaskEditor(Protocol):
    """Where the model sends the officer's edits: the panel, which pushes undoable commands."""

    def edit_field(self, task_uid: str, field: str, value: str) -> None: ...

    def move_task(
        self, task_uid: str, before_uid: str | None, section_code: str | None
    ) -> None: ...


def vietnamese_collator() -> QCollator:
    """Vietnamese alphabetical order (a ă â b c d đ …), case-insensitive, numbers by value."""
    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)
    return collator


def _cell_text(task: Task, column: int) -> str:
    if column == NUMBER:
        return task.label
    if column == DUE:
        return ""
    return (task.content, task.output, task.lead, task.coordinating, task.timeframe)[column - 1]


def _descendant_codes(sections: list[Section], code: str) -> set[str]:
    codes = {code}
    grew = True
    while grew:
        more = {s.code for s in sections if s.parent_code in codes} - codes
        codes |= more
        grew = bool(more)
    return codes


class TaskTableModel(QAbstractTableModel):
    """Section headings and tasks of one plan, filtered by section and a tone-free query."""

    BATCH = 40  # tasks loaded per store query when the view reaches an uncached row

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._plan_uid: str | None = None
        self._section_code: str | None = None
        self._query = ""
        self._plan_rows: list[Row] = []  # table order, with headings
        self._rows: list[Row] = []  # what is shown: table order, or sorted tasks only
        self._cache: dict[str, Task] = {}
        self._due: dict[str, DueCell] = {}
        self._plan_year = 0
        self._editor: TaskEditor | None = None
        self._sort_column = NUMBER
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._collator = vietnamese_collator()

    # --- filter -------------------------------------------------------------------------------

    @property
    def plan_uid(self) -> str | None:
        return self._plan_uid

    def set_filter(
        self, plan_uid: str | None, *, section_code: str | None = None, query: str = ""
    ) -> None:
        """Show another plan, section or query: the one place that resets the model."""
        self.beginResetModel()
        if plan_uid != self._plan_uid:
            self._cache.clear()
            self._due.clear()
            self._plan_year = plans.load_plan(self._db, plan_uid).year if plan_uid else 0
        self._plan_uid = plan_uid
        self._section_code = section_code
        self._query = query
        self._plan_rows = self._list_rows()
        self._rows = self._ordered_rows()
        self.endResetModel()

    def refresh(self) -> None:
        """Reload the same filter after the plan changed in the store."""
        self._cache.clear()
        self._due.clear()
        self.set_filter(self._plan_uid, section_code=self._section_code, query=self._query)

    def set_editor(self, editor: TaskEditor | None) -> None:
        """Make the cells editable (and rows movable) through ``editor``; None: read-only."""
        self._editor = editor

    @property
    def is_editable(self) -> bool:
        return self._editor is not None

    def invalidate_tasks(self, uids: set[str]) -> None:
        """Drop cached rows a service changed and repaint only those rows."""
        for row, entry in enumerate(self._rows):
            if isinstance(entry, TaskRow) and entry.uid in uids:
                self._cache.pop(entry.uid, None)
                self._due.pop(entry.uid, None)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _list_rows(self) -> list[Row]:
        if self._plan_uid is None:
            return []
        sections = plans.list_sections(self._db, self._plan_uid)
        wanted = (
            _descendant_codes(sections, self._section_code)
            if self._section_code is not None
            else None
        )
        rows: list[Row] = []
        seen_codes: set[str] = set()
        headings: list[SectionRow] = []  # parents waiting for their first matching task
        for section in sections:
            if wanted is not None and section.code not in wanted:
                continue
            while headings and headings[-1].section.code != section.parent_code:
                headings.pop()
            headings.append(SectionRow(section))
            if section.code in seen_codes:
                continue
            seen_codes.add(section.code)
            uids = plans.list_task_uids(
                self._db, self._plan_uid, section_code=section.code, query=self._query
            )
            if uids or (not self._query and section.parent_code is None):
                rows.extend(h for h in headings if h not in rows)
            rows.extend(TaskRow(uid) for uid in uids)
        if wanted is None:
            placed = {r.uid for r in rows if isinstance(r, TaskRow)}
            everything = plans.list_task_uids(self._db, self._plan_uid, query=self._query)
            rows.extend(TaskRow(uid) for uid in everything if uid not in placed)
        return rows

    # --- reading rows ---------------------------------------------------------------------------

    def task_count(self) -> int:
        return sum(1 for r in self._rows if isinstance(r, TaskRow))

    def section_rows(self) -> list[int]:
        """Row numbers of section headings (the view spans them over every column)."""
        return [i for i, r in enumerate(self._rows) if isinstance(r, SectionRow)]

    def row_of(self, task_uid: str) -> int | None:
        """The row showing this task, or None when the filter hides it."""
        for row, entry in enumerate(self._rows):
            if isinstance(entry, TaskRow) and entry.uid == task_uid:
                return row
        return None

    def row_entry(self, row: int) -> Row:
        return self._rows[row]

    def task_at(self, row: int) -> Task | None:
        entry = self._rows[row]
        if isinstance(entry, SectionRow):
            return None
        if entry.uid not in self._cache:
            self._fetch_from(row)
        return self._cache.get(entry.uid)

    def _fetch_from(self, row: int) -> None:
        wanted: list[str] = []
        for entry in self._rows[row:]:
            if isinstance(entry, TaskRow) and entry.uid not in self._cache:
                wanted.append(entry.uid)
                if len(wanted) >= self.BATCH:
                    break
        self._cache.update(plans.load_tasks(self._db, wanted))

    def _load_all(self, rows: Sequence[Row]) -> None:
        missing = [r.uid for r in rows if isinstance(r, TaskRow) and r.uid not in self._cache]
        self._cache.update(plans.load_tasks(self._db, missing))

    # --- Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self._editor else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editor is None:
            return flags
        flags |= Qt.ItemFlag.ItemIsDropEnabled
        if isinstance(self._rows[index.row()], TaskRow):
            flags |= Qt.ItemFlag.ItemIsDragEnabled
            if index.column() in FIELD_OF_COLUMN:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(
        self, index: ModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or self._editor is None or not index.isValid():
            return False
        field = FIELD_OF_COLUMN.get(index.column())
        task = self.task_at(index.row())
        if field is None or task is None or not isinstance(value, str):
            return False
        if value.strip() != getattr(task, field):
            self._editor.edit_field(task.uid, field, value)
        return True

    # --- drag and drop: a task dropped on a row goes before it; on a heading, to its end ----------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [TASK_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        uids = {
            entry.uid for index in indexes if isinstance(entry := self._rows[index.row()], TaskRow)
        }
        if len(uids) == 1:
            data.setData(TASK_MIME, next(iter(uids)).encode())
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: ModelIndex,
    ) -> bool:
        if self._editor is None or not data.hasFormat(TASK_MIME):
            return False
        uid = bytes(data.data(TASK_MIME).data()).decode()
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        if target < len(self._rows):
            entry = self._rows[target]
            if isinstance(entry, TaskRow):
                if entry.uid != uid:
                    self._editor.move_task(uid, entry.uid, None)
            else:
                self._editor.move_task(uid, None, entry.section.code)
        else:
            self._editor.move_task(uid, None, None)
        return False  # the view must not remove the source row: the store reorders

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if isinstance(entry, SectionRow):
            return self._section_data(entry, index.column(), role)
        task = self.task_at(index.row())
        if task is None:  # deleted meanwhile; the next refresh drops the row
            return None
        return self._task_data(task, index.column(), role)

    def _section_data(self, entry: SectionRow, column: int, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return entry.heading if column == NUMBER else ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_SECTION_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == IS_SECTION_ROLE:
            return True
        return None

    def due_of(self, task: Task) -> DueCell:
        cell = self._due.get(task.uid)
        if cell is None:
            cell = self._due[task.uid] = due_cell(task.timeframe, self._plan_year)
        return cell

    def _task_data(self, task: Task, column: int, role: int) -> object:
        if column == DUE:
            return self._due_data(task, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return _cell_text(task, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = _cell_text(task, column)
            if task.not_applicable:
                reason = task.not_applicable_reason or "không nêu lý do"
                text = f"{text}\n\nKhông áp dụng: {reason}".strip()
            return text or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignHCenter if column == NUMBER else (Qt.AlignmentFlag.AlignLeft)
            )
            return int(horizontal | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.ForegroundRole and task.not_applicable:
            return QBrush(_NOT_APPLICABLE_FOREGROUND)
        if role == UID_ROLE:
            return task.uid
        if role == IS_SECTION_ROLE:
            return False
        return None

    def _due_data(self, task: Task, role: int) -> object:
        cell = self.due_of(task)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip
        if role == Qt.ItemDataRole.ForegroundRole:
            if task.not_applicable:
                return QBrush(_NOT_APPLICABLE_FOREGROUND)
            return QBrush(_FLAGGED_FOREGROUND) if cell.is_flagged else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == UID_ROLE:
            return task.uid
        return None

    # --- sorting --------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """STT keeps the plan's own order with its headings; other columns sort tasks only."""
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort_column = column
        self._sort_order = order
        self._rows = self._ordered_rows()
        self.layoutChanged.emit()

    def _ordered_rows(self) -> list[Row]:
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        if self._sort_column == NUMBER:
            if not descending:
                return list(self._plan_rows)
            return [r for r in reversed(self._plan_rows) if isinstance(r, TaskRow)]
        tasks: list[Row] = [r for r in self._plan_rows if isinstance(r, TaskRow)]
        self._load_all(tasks)
        column = self._sort_column

        def text_of(row: Row) -> str:
            task = self._cache.get(row.uid) if isinstance(row, TaskRow) else None
            return _cell_text(task, column) if task else ""

        by_text = functools.cmp_to_key(self._collator.compare)
        return sorted(tasks, key=lambda r: by_text(text_of(r)), reverse=descending)
