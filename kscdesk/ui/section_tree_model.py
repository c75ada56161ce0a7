"""SectionTreeModel: a plan's sections as a tree (letters holding Roman numerals), for filtering.

The first row, "Toàn bộ kế hoạch", stands for no filter; every other row carries its section
code in ``CODE_ROLE``.
"""

from dataclasses import dataclass, field

from sqlite_utils import Database

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt

from kscdesk.domain.model import Section
from kscdesk.store import plans
from kscdesk.ui.task_columns import ModelIndex

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
WHOLE_PLAN = "Toàn bộ kế hoạch"


@dataclass(eq=False)
class _Node:
    section: Section | None  # None: the "whole plan" row
    parent: "_Node | None" = None
    children: list["_Node"] = field(default_factory=list)

    @property
    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0


class SectionTreeModel(QAbstractItemModel):
    """Read-only tree of the current plan's sections."""

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._root = _Node(None)
        self._plan_uid: str | None = None

    def set_plan(self, plan_uid: str | None) -> None:
        self.beginResetModel()
        self._plan_uid = plan_uid
        self._root = _Node(None)
        if plan_uid is not None:
            self._build(plans.list_sections(self._db, plan_uid))
        self.endResetModel()

    def _build(self, sections: list[Section]) -> None:
        self._root.children.append(_Node(None, self._root))
        by_code: dict[str, _Node] = {}
        for section in sections:
            owner = by_code.get(section.parent_code or "", self._root)
            node = _Node(section, owner)
            owner.children.append(node)
            by_code.setdefault(section.code, node)

    def has_nesting(self) -> bool:
        """True when some section holds sections (a letter holding Roman numerals)."""
        return any(node.children for node in self._root.children)

    def code_at(self, index: ModelIndex) -> str | None:
        """The section code of a row; None for "Toàn bộ kế hoạch" or an invalid index."""
        node = self._node(index) if index.isValid() else None
        return node.section.code if node is not None and node.section is not None else None

    def index_of(self, code: str) -> QModelIndex | None:
        """The row of the section with this code, or None."""
        pending = [(self._root, QModelIndex())]
        while pending:
            node, parent = pending.pop()
            for row, child in enumerate(node.children):
                index = self.index(row, 0, parent)
                if child.section is not None and child.section.code == code:
                    return index
                pending.append((child, index))
        return None

    def _node(self, index: ModelIndex) -> _Node:
        node = index.internalPointer() if index.isValid() else self._root
        assert isinstance(node, _Node)
        return node

    # --- Qt model interface ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        owner = self._node(parent)
        return self.createIndex(row, column, owner.children[row])

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        owner = self._node(index).parent
        if owner is None or owner is self._root:
            return QModelIndex()
        return self.createIndex(owner.row, 0, owner)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        section = self._node(index).section
        if role == Qt.ItemDataRole.DisplayRole:
            return WHOLE_PLAN if section is None else f"{section.code}. {section.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return WHOLE_PLAN if section is None else section.title
        if role == CODE_ROLE:
            return None if section is None else section.code
        return None
