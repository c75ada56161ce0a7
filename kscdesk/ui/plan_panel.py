"""PlanPanel: pick a stored plan, filter it by section or by a tone-free search, read its tasks."""

from typing import TYPE_CHECKING

from sqlite_utils import Database

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QWidget

from kscdesk.domain.model import PlanKind
from kscdesk.domain.text import clean_text
from kscdesk.store import plans
from kscdesk.store.plans import PlanSummary
from kscdesk.ui.generated.ui_plan_panel import Ui_PlanPanel
from kscdesk.ui.section_tree_model import SectionTreeModel
from kscdesk.ui.task_columns import CONTENT, COORDINATING, LEAD, NUMBER, OUTPUT, TIMEFRAME
from kscdesk.ui.task_table_model import DUE, TaskTableModel

if TYPE_CHECKING:
    from kscdesk.services.workspace import Workspace
    from kscdesk.ui.plan_editor import PlanEditor

SEARCH_DELAY_MS = 200  # wait for a pause in typing before querying
TASK_ROW_LINES = 4  # a task row shows this many wrapped lines; the tooltip has the full text
ROW_PADDING = 2
# First-start widths at the officer's 1093×614: narrow enough that the task's own text (the
# stretching column) keeps about 40 % of the table; the officer widens any column by dragging,
# and window_state remembers it. Long cells wrap and end in "…"; the tooltip has the full text.
COLUMN_WIDTHS = {
    NUMBER: 36,
    OUTPUT: 112,
    LEAD: 80,
    COORDINATING: 80,
}
DATE_COLUMNS = (TIMEFRAME, DUE)  # as wide as a whole dd/mm/yyyy date, never "31/03/20…"
WIDEST_DATE = "28/02/2023"
DATE_PADDING = 14
SECTION_TREE_WIDTH = 150


def plan_label(summary: PlanSummary) -> str:
    """The combo text: "2023 – Kế hoạch cấp trên: Hoạt động …". The kind comes before the long
    title, so a narrow combo still tells the parent's plan from the office's own."""
    version = f" (bản {summary.version})" if summary.version > 1 else ""
    return f"{summary.year} – {summary.kind.label}{version}: {summary.title}"


class PlanPanel(QWidget):
    """The "Kế hoạch" page: plan selector, section tree, search box and the task table."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, workspace: "Workspace | None" = None
    ) -> None:
        """Read-only over ``db``; editable (own plans) when the open ``workspace`` is given."""
        super().__init__(parent)
        self._db = db
        self._summaries: dict[str, PlanSummary] = {}
        self.ui = Ui_PlanPanel()
        self.ui.setupUi(self)
        self.section_model = SectionTreeModel(db, self)
        self.task_model = TaskTableModel(db, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._set_up_views()
        self._connect()
        self.editor: PlanEditor | None = None
        if workspace is not None:
            from kscdesk.ui import plan_editor

            self.editor = plan_editor.PlanEditor(self, workspace)

    # --- set-up ---------------------------------------------------------------------------------

    def _set_up_views(self) -> None:
        self.ui.section_tree.setModel(self.section_model)
        table = self.ui.task_table
        table.setModel(self.task_model)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CONTENT, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        date_width = header.fontMetrics().horizontalAdvance(WIDEST_DATE) + DATE_PADDING
        for column in DATE_COLUMNS:
            table.setColumnWidth(column, date_width)
        header.setSortIndicator(NUMBER, Qt.SortOrder.AscendingOrder)
        vertical = table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Qt elides the last line that fits when less than half of the next would show, so a
        # row a few pixels taller than its lines ends in "…" instead of half a line.
        line = table.fontMetrics().lineSpacing()
        vertical.setDefaultSectionSize(line * TASK_ROW_LINES + ROW_PADDING)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.ui.splitter.setStretchFactor(0, 0)
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([SECTION_TREE_WIDTH, 1000])
        self.ui.plan_info_label.setTextFormat(Qt.TextFormat.PlainText)

    def _connect(self) -> None:
        self.ui.plan_combo.currentIndexChanged.connect(self._show_selected_plan)
        self.ui.search_edit.textChanged.connect(self._search_timer.start)
        self.ui.search_edit.returnPressed.connect(self.apply_filter)
        self._search_timer.timeout.connect(self.apply_filter)
        selection = self.ui.section_tree.selectionModel()
        selection.selectionChanged.connect(self._on_section_selected)
        self.task_model.modelReset.connect(self._decorate_rows)
        self.task_model.layoutChanged.connect(self._decorate_rows)
        self.ui.task_table.doubleClicked.connect(self.toggle_row_height)

    # --- behaviour ------------------------------------------------------------------------------

    def reload_plans(self) -> None:
        """Fill the plan selector from the store; keep the chosen plan when it still exists."""
        keep = self.current_plan_uid()
        summaries = plans.list_plans(self._db)
        self._summaries = {s.uid: s for s in summaries}
        combo = self.ui.plan_combo
        combo.blockSignals(True)
        combo.clear()
        for summary in summaries:
            combo.addItem(plan_label(summary), summary.uid)
            combo.setItemData(combo.count() - 1, summary.title, Qt.ItemDataRole.ToolTipRole)
        combo.blockSignals(False)
        if keep not in self._summaries:
            own = [s.uid for s in summaries if s.kind is PlanKind.OWN]
            keep = own[0] if own else (summaries[0].uid if summaries else None)
        combo.setCurrentIndex(combo.findData(keep) if keep else -1)
        self._show_selected_plan()

    def current_plan_uid(self) -> str | None:
        uid = self.ui.plan_combo.currentData()
        return uid if isinstance(uid, str) else None

    def select_plan(self, plan_uid: str) -> None:
        self.ui.plan_combo.setCurrentIndex(self.ui.plan_combo.findData(plan_uid))

    def _show_selected_plan(self) -> None:
        uid = self.current_plan_uid()
        self.section_model.set_plan(uid)
        self.ui.section_tree.setRootIsDecorated(self.section_model.has_nesting())
        self.ui.section_tree.expandAll()
        if self.section_model.rowCount() > 0:
            first = self.section_model.index(0, 0)
            self.ui.section_tree.selectionModel().blockSignals(True)
            self.ui.section_tree.setCurrentIndex(first)
            self.ui.section_tree.selectionModel().blockSignals(False)
        self.ui.plan_info_label.setText(self._plan_info(uid))
        self.apply_filter()
        if self.editor is not None:
            self.editor.plan_changed(uid)

    def refresh_plan(self) -> None:
        """The plan changed in the store (rows added, moved, sections added): read it again."""
        uid = self.current_plan_uid()
        code = self.current_section_code()
        self._summaries = {s.uid: s for s in plans.list_plans(self._db)}
        self.section_model.set_plan(uid)
        self.ui.section_tree.expandAll()
        found = self.section_model.index_of(code) if code is not None else None
        if found is not None:
            self.ui.section_tree.selectionModel().blockSignals(True)
            self.ui.section_tree.setCurrentIndex(found)
            self.ui.section_tree.selectionModel().blockSignals(False)
        self.ui.plan_info_label.setText(self._plan_info(uid))
        self.task_model.refresh()
        self._update_count(clean_text(self.ui.search_edit.text()))

    def show_everything(self) -> None:
        """Clear the search and show the first section's tree root (the whole plan)."""
        self.ui.search_edit.blockSignals(True)
        self.ui.search_edit.clear()
        self.ui.search_edit.blockSignals(False)
        self.ui.section_tree.selectionModel().blockSignals(True)
        self.ui.section_tree.setCurrentIndex(self.section_model.index(0, 0))
        self.ui.section_tree.selectionModel().blockSignals(False)
        self.apply_filter()

    def _plan_info(self, uid: str | None) -> str:
        if uid is None:
            return (
                "Chưa có kế hoạch nào trong thư mục dữ liệu. "
                "Hãy nhập kế hoạch của cấp trên hoặc nạp dữ liệu mẫu."
            )
        summary = self._summaries[uid]
        return (
            f"{summary.issuer} · {summary.level.label} · {summary.section_count} mục, "
            f"{summary.task_count} nhiệm vụ, {summary.indicator_count} chỉ tiêu"
        )

    def _on_section_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.apply_filter()

    def current_section_code(self) -> str | None:
        return self.section_model.code_at(self.ui.section_tree.currentIndex())

    def apply_filter(self) -> None:
        """Query the store for the current plan, section and search text."""
        self._search_timer.stop()
        query = clean_text(self.ui.search_edit.text())
        self.task_model.set_filter(
            self.current_plan_uid(), section_code=self.current_section_code(), query=query
        )
        self._update_count(query)

    def _update_count(self, query: str) -> None:
        uid = self.current_plan_uid()
        shown = self.task_model.task_count()
        if uid is None:
            text = ""
        elif query:
            text = f"Tìm thấy {shown} nhiệm vụ khớp với “{query}”."
        else:
            total = self._summaries[uid].task_count
            text = f"Đang hiển thị {shown} trong tổng số {total} nhiệm vụ."
        self.ui.count_label.setText(text)

    def _decorate_rows(self) -> None:
        """Section headings span the whole width on one short line, as in the printed plan."""
        table = self.ui.task_table
        table.clearSpans()
        vertical = table.verticalHeader()
        heading_height = table.fontMetrics().lineSpacing() + 14
        task_height = vertical.defaultSectionSize()
        headings = set(self.task_model.section_rows())
        for row in range(self.task_model.rowCount()):
            if row in headings:
                table.setSpan(row, 0, 1, self.task_model.columnCount())
                vertical.resizeSection(row, heading_height)
            elif vertical.sectionSize(row) != task_height:
                vertical.resizeSection(row, task_height)

    def toggle_row_height(self, index: QModelIndex) -> None:
        """A double click opens a task row to show all its text, or closes it again."""
        row = index.row()
        if row in self.task_model.section_rows() or self.task_model.is_editable:
            return  # in an own plan a double click edits the cell, whose editor shows it all
        table = self.ui.task_table
        vertical = table.verticalHeader()
        collapsed = vertical.defaultSectionSize()
        if vertical.sectionSize(row) > collapsed:
            vertical.resizeSection(row, collapsed)
        else:
            vertical.resizeSection(row, max(collapsed, table.sizeHintForRow(row) + 12))

    def focus_search(self) -> None:
        self.ui.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.search_edit.selectAll()

    def task_index(self, row: int, column: int = CONTENT) -> QModelIndex:
        return self.task_model.index(row, column)
