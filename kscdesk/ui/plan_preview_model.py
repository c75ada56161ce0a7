"""How the import wizard shows a parsed, not yet stored PlanContent.

``PlanPreviewModel`` is a tree (sections > subsections > tasks) whose task rows that an import
warning concerns are highlighted, with the warnings in their tooltip; ``IndicatorPreviewModel``
is the indicator appendix as a flat table. Both are read-only and hold the content in memory.
``WrappedCellDelegate`` sizes the wrapped rows; the ``*_text`` functions word the header facts.
"""

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from kscdesk.domain.model import (
    Decision,
    ImportWarning,
    Indicator,
    Plan,
    PlanContent,
    Section,
    Task,
)
from kscdesk.ui.task_columns import (
    CONTENT,
    NUMBER,
    TASK_COLUMNS,
    ModelIndex,
)

INDICATOR_COLUMNS: tuple[str, ...] = (
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Chỉ tiêu cần đạt",
    "Chủ trì",
    "Phối hợp",
)

TASK_POSITION_ROLE = Qt.ItemDataRole.UserRole + 1  # int for task rows, None for sections
HAS_WARNING_ROLE = Qt.ItemDataRole.UserRole + 2

WARNING_BACKGROUND = QColor("#ffe2b3")
WARNING_FOREGROUND = QColor("#1f1f1f")
SECTION_BACKGROUND = QColor("#e9eef6")
CELL_MARGIN = 3


def warning_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


@dataclass(eq=False)
class _Node:
    """A section or a task in the preview tree; the root holds neither."""

    section: Section | None = None
    task: Task | None = None
    parent: "_Node | None" = None
    children: list["_Node"] = field(default_factory=list)
    row: int = 0


def _task_cell(task: Task, column: int) -> str:
    if column == NUMBER:
        return task.label
    return (task.content, task.output, task.lead, task.coordinating, task.timeframe)[column - 1]


class PlanPreviewModel(QAbstractItemModel):
    """Sections and tasks of a parsed plan as a tree, task rows with warnings highlighted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node()
        self._task_nodes: dict[int, _Node] = {}
        self._warnings_by_position: dict[int, list[ImportWarning]] = {}

    def set_content(self, content: PlanContent | None) -> None:
        """Show another parsed plan (None: empty)."""
        self.beginResetModel()
        self._root = _Node()
        self._task_nodes = {}
        self._warnings_by_position = {}
        if content is not None:
            self._build(content)
        self.endResetModel()

    def _build(self, content: PlanContent) -> None:
        by_code: dict[str, _Node] = {}
        for section in content.sections:
            owner = by_code.get(section.parent_code or "", self._root)
            node = self._adopt(owner, _Node(section=section))
            by_code.setdefault(section.code, node)
        for task in content.tasks:
            owner = by_code.get(task.section_code, self._root)
            self._task_nodes[task.position] = self._adopt(owner, _Node(task=task))
        for warning in content.warnings:
            if warning.task_position in self._task_nodes:
                self._warnings_by_position.setdefault(warning.task_position, []).append(warning)

    @staticmethod
    def _adopt(owner: _Node, node: _Node) -> _Node:
        node.parent = owner
        node.row = len(owner.children)
        owner.children.append(node)
        return node

    # --- lookups for the dialog -----------------------------------------------------------------

    def index_of_task(self, position: int, column: int = NUMBER) -> QModelIndex:
        """The index of the task with this position (Task.position); invalid when unknown."""
        node = self._task_nodes.get(position)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def task_at(self, index: ModelIndex) -> Task | None:
        return self._node(index).task if index.isValid() else None

    def warnings_at(self, index: ModelIndex) -> list[ImportWarning]:
        task = self.task_at(index)
        return list(self._warnings_by_position.get(task.position, [])) if task else []

    def warned_positions(self) -> list[int]:
        return sorted(self._warnings_by_position)

    def _node(self, index: ModelIndex) -> _Node:
        node = index.internalPointer() if index.isValid() else self._root
        assert isinstance(node, _Node)
        return node

    # --- Qt model interface ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        owner = self._node(index).parent
        if owner is None or owner is self._root:
            return QModelIndex()
        return self.createIndex(owner.row, 0, owner)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(TASK_COLUMNS)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(TASK_COLUMNS):
            return TASK_COLUMNS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = self._node(index)
        if node.section is not None:
            return self._section_data(node.section, index.column(), role)
        if node.task is not None:
            return self._task_data(node.task, index.column(), role)
        return None

    def _section_data(self, section: Section, column: int, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {NUMBER: section.code, CONTENT: section.title}.get(column, "")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(SECTION_BACKGROUND)
        if role == HAS_WARNING_ROLE:
            return False
        return None

    def _task_data(self, task: Task, column: int, role: int) -> object:
        warnings = self._warnings_by_position.get(task.position, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return _task_cell(task, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = [f"⚠ {warning}" for warning in warnings]
            text = _task_cell(task, column)
            return "\n".join([*notes, text] if notes and text else notes or [text]) or None
        if role == TASK_POSITION_ROLE:
            return task.position
        if role == HAS_WARNING_ROLE:
            return bool(warnings)
        if warnings and role == Qt.ItemDataRole.DecorationRole and column == NUMBER:
            return warning_icon()  # still visible when the row is selected
        if warnings and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(WARNING_BACKGROUND)
        if warnings and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(WARNING_FOREGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None


class IndicatorPreviewModel(QAbstractTableModel):
    """The indicator appendix of a parsed plan."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._indicators: list[Indicator] = []

    def set_indicators(self, indicators: list[Indicator]) -> None:
        self.beginResetModel()
        self._indicators = list(indicators)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._indicators)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(INDICATOR_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if (
            horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(INDICATOR_COLUMNS)
        ):
            return INDICATOR_COLUMNS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        item = self._indicators[index.row()]
        cells = (item.number, item.name, item.unit, item.target_text, item.lead, item.coordinating)
        return cells[index.column()] or (None if role == Qt.ItemDataRole.ToolTipRole else "")


def decision_text(decision: Decision | None) -> str:
    """The decision as printed: "Quyết định số 35/QĐ-UBND ngày 14/02/2025"; a dash if none."""
    if decision is None:
        return "—"
    text = f"Quyết định số {decision.number}"
    return f"{text} ngày {decision.date:%d/%m/%Y}" if decision.date else text


def counts_text(content: PlanContent) -> str:
    """What was found: "13 mục, 35 nhiệm vụ, 5 chỉ tiêu; 2 cảnh báo cần xem lại"."""
    found = (
        f"{len(content.sections)} mục, {len(content.tasks)} nhiệm vụ, "
        f"{len(content.indicators)} chỉ tiêu"
    )
    if content.warnings:
        return f"{found}; {len(content.warnings)} cảnh báo cần xem lại"
    return f"{found}; không có cảnh báo"


def level_year_text(plan: Plan) -> str:
    return f"{plan.level.label}, năm {plan.year}" if plan.year else plan.level.label


class WrappedCellDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's width, at most ``max_lines`` lines.

    QTreeView sizes a wrapped row for the section width without the indentation, and not again
    when a column is resized; the dialog re-lays the rows out when the header changes.
    """

    def __init__(self, view: QTreeView, max_lines: int) -> None:
        super().__init__(view)
        self._view = view
        self._max_lines = max_lines

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data()
        if not isinstance(text, str) or not text:
            return hint
        width = self._view.header().sectionSize(index.column()) - 2 * CELL_MARGIN
        if index.column() == 0:
            depth, parent = 1, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= depth * self._view.indentation()
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if isinstance(font, QFont) else option.font)
        bounds = metrics.boundingRect(
            QRect(0, 0, max(width, 20), 1 << 20), Qt.TextFlag.TextWordWrap, text
        )
        clipped_height = metrics.height() * self._max_lines
        if bounds.height() > clipped_height:
            # Exactly max_lines lines: Qt elides the last one, and no sliver of the next shows.
            return QSize(hint.width(), clipped_height)
        return QSize(hint.width(), max(hint.height(), bounds.height() + 2 * CELL_MARGIN))
