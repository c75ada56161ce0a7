"""ProgressPanel: the "Tiến độ" page. A period selector and filters over the task list of the
folder's own plan; beside it the selected task's detail (record, history, and the evidence tab
added at merge); a second tab with the dashboard, whose bars filter the list.
"""

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kscdesk.domain.model import Standing
from kscdesk.domain.period import current_reporting_period, periods_of_year
from kscdesk.services.errors import ServiceError
from kscdesk.services.progress import (
    ProgressTable,
    default_plan_uid,
    period_counts,
    progress_table,
)
from kscdesk.services.record_progress import task_history
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui.progress_editor import HistoryModel, ProgressEditor
from kscdesk.ui.progress_model import (
    COMPLETED,
    CONTENT,
    DUE,
    EVIDENCE,
    LEAD,
    NOTE,
    NUMBER,
    STANDING,
    UID_ROLE,
    ProgressFilter,
    ProgressTableModel,
)
from kscdesk.ui.task_comments_panel import TAB_LABEL, TaskCommentsPanel

if TYPE_CHECKING:
    from kscdesk.ui.progress_dashboard import ProgressDashboard

COLUMN_WIDTHS = {NUMBER: 36, LEAD: 95, DUE: 78, STANDING: 128, EVIDENCE: 30}
# Shown in the task detail or chosen by a filter; on a 1093-pixel screen the task's text needs
# the room (the lead unit is the "Mọi đơn vị" filter and is in the detail's heading).
HIDDEN_COLUMNS = (COMPLETED, NOTE, LEAD)
LATE = "late"  # the status filter entry for every late standing


class ProgressPanel(QWidget):
    """The progress page over the workspace's own plan (the latest year's)."""

    task_selected = Signal(str)  # the task uid shown in the detail area ("" for none)

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._today = today
        self.plan_uid: str | None = None
        self.plan_year = 0
        self.model = ProgressTableModel(self)
        self.proxy = ProgressFilter(self)
        self.proxy.setSourceModel(self.model)
        self.history_model = HistoryModel(self)
        self._build()
        self._connect()
        self.load_plan()

    # --- set-up ---------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.period_combo = self._combo("progress_period_combo", 170)
        self.period_combo.setMinimumContentsLength(15)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("progress_search_edit")
        self.search_edit.setPlaceholderText("Tìm (không cần dấu)…")
        self.search_edit.setClearButtonEnabled(True)
        self.unit_combo = self._combo("progress_unit_filter", 140)
        self.status_combo = self._combo("progress_status_filter", 150)
        self.section_combo = self._combo("progress_section_filter", 110)
        self.expected_check = QCheckBox("Chỉ việc trong kỳ", self)
        self.expected_check.setObjectName("progress_expected_check")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("progress_count_label")
        for widget in (self.period_combo, self.search_edit, self.unit_combo, self.status_combo):
            bar.addWidget(widget)
        bar.addWidget(self.section_combo)
        bar.addWidget(self.expected_check)
        layout.addLayout(bar)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("progress_tabs")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.tabs)
        self.table = QTableView(self.splitter)
        self.table.setObjectName("progress_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CONTENT, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        for column in HIDDEN_COLUMNS:
            self.table.setColumnHidden(column, True)
        line = self.table.fontMetrics().lineSpacing()
        self.table.verticalHeader().setDefaultSectionSize(line * 2 + 6)
        # The task detail: record, history; the evidence panel is added here at merge
        # (``add_detail_tab(EvidencePanel(workspace, parent), "Minh chứng")``).
        self.detail_tabs = QTabWidget(self.splitter)
        self.detail_tabs.setObjectName("detail_tabs")
        self.editor = ProgressEditor(self._ws, self.detail_tabs)
        self.editor.setObjectName("progress_editor")
        self.detail_tabs.addTab(self.editor, "Cập nhật")
        self.history_view = QListView(self.detail_tabs)
        self.history_view.setObjectName("history_view")
        self.history_view.setModel(self.history_model)
        self.history_view.setWordWrap(True)
        self.history_view.setAlternatingRowColors(True)
        self.detail_tabs.addTab(self.history_view, "Lịch sử")
        # The parent's comments from a returned report, on the tasks they concern (issue 9).
        self.comments_panel = TaskCommentsPanel(self._ws, self.detail_tabs)
        self.comments_panel.setObjectName("task_comments_panel")
        self.detail_tabs.addTab(self.comments_panel, TAB_LABEL)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 310])
        self.tabs.addTab(self.splitter, "Danh sách")
        # The dashboard (and QtCharts) is built the first time its tab is shown: start-up speed.
        self._dashboard: ProgressDashboard | None = None
        self._dashboard_stale = True
        self.dashboard_page = QWidget(self.tabs)
        self.dashboard_page.setObjectName("progress_dashboard_page")
        QVBoxLayout(self.dashboard_page).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.dashboard_page, "Biểu đồ")
        self.tabs.setCornerWidget(self.count_label, Qt.Corner.TopRightCorner)
        layout.addWidget(self.tabs, 1)

    def _combo(self, name: str, width: int) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        # Never narrower than its shortest text needs (the font differs between PCs).
        combo.setMaximumWidth(max(width, combo.minimumSizeHint().width()))
        return combo

    def _connect(self) -> None:
        self.period_combo.currentIndexChanged.connect(self.reload)
        self.search_edit.textChanged.connect(lambda text: self._filter(query=text))
        self.unit_combo.currentIndexChanged.connect(
            lambda: self._filter(unit=self.unit_combo.currentData() or "")
        )
        self.section_combo.currentIndexChanged.connect(
            lambda: self._filter(section=self.section_combo.currentData() or "")
        )
        self.status_combo.currentIndexChanged.connect(self._on_status_chosen)
        self.expected_check.toggled.connect(lambda on: self._filter(expected_only=on))
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.editor.saved.connect(self._on_saved)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    def add_detail_tab(self, widget: QWidget, label: str) -> None:
        """Add a tab to the task detail (the evidence panel); it follows ``task_selected``."""
        self.detail_tabs.addTab(widget, label)

    # --- loading ----------------------------------------------------------------------------

    @property
    def today(self) -> date:
        return self._today or date.today()

    @property
    def period_key(self) -> str:
        return str(self.period_combo.currentData() or "")

    def load_plan(self) -> None:
        """Read the folder's own plan and fill the period, unit and section choices."""
        try:
            self.plan_uid = default_plan_uid(self._ws)
        except ServiceError as error:
            self.plan_uid = None
            self.count_label.setText(str(error))
            return
        year = plans.load_plan(self._ws.db, self.plan_uid).year
        table = progress_table(self._ws, f"{year}-Y", self.plan_uid, today=self.today)
        self.plan_year = table.plan_year
        self._fill_choices(table)
        self.reload()

    def _fill_choices(self, table: ProgressTable) -> None:
        for combo in (self.period_combo, self.unit_combo, self.status_combo, self.section_combo):
            combo.blockSignals(True)
            combo.clear()
        current = current_reporting_period(self.today, table.submission_day)
        periods = periods_of_year(table.plan_year)
        for period in periods:
            self.period_combo.addItem(period.label, period.key)
        if current.year == table.plan_year:
            chosen = current.key
        else:
            chosen = periods[-2 if current.year > table.plan_year else 0].key
        self.period_combo.setCurrentIndex(self.period_combo.findData(chosen))
        self.unit_combo.addItem("Mọi đơn vị", "")
        leads = sorted({row.task.lead.strip() for row in table.rows if row.task.lead.strip()})
        for lead in leads:
            self.unit_combo.addItem(lead[:60], lead)
        self.status_combo.addItem("Mọi tình trạng", "")
        for standing in Standing:
            self.status_combo.addItem(standing.label, standing.value)
        self.status_combo.addItem("Quá hạn (mọi loại)", LATE)
        self.section_combo.addItem("Mọi mục", "")
        codes = []
        for row in table.rows:
            if row.task.section_code and row.task.section_code not in codes:
                codes.append(row.task.section_code)
                title = row.section.title if row.section else ""
                self.section_combo.addItem(
                    f"{row.task.section_code}. {title}"[:50], row.task.section_code
                )
        for combo in (self.period_combo, self.unit_combo, self.status_combo, self.section_combo):
            combo.blockSignals(False)

    def reload(self) -> None:
        """Ask the service for the period's rows again, keeping the selected task."""
        if self.plan_uid is None or not self.period_key:
            return
        selected = self.selected_task_uid()
        table = progress_table(self._ws, self.period_key, self.plan_uid, today=self.today)
        self.model.set_table(table)
        self._update_count()
        self._dashboard_stale = True
        if self.tabs.currentWidget() is self.dashboard_page:
            self._refresh_dashboard()
        if selected:
            self.select_task(selected)
        else:
            self._show_detail(None)

    @property
    def dashboard(self) -> "ProgressDashboard":
        """The dashboard, built and filled on first use."""
        if self._dashboard is None:
            from kscdesk.ui.progress_dashboard import ProgressDashboard

            self._dashboard = ProgressDashboard(self.dashboard_page)
            self._dashboard.setObjectName("progress_dashboard")
            layout = self.dashboard_page.layout()
            assert layout is not None
            layout.addWidget(self._dashboard)
            self._dashboard.section_clicked.connect(self.filter_section)
            self._dashboard.period_clicked.connect(self.show_period)
            self._dashboard.standings_clicked.connect(self._on_standings_clicked)
        if self._dashboard_stale:
            self._refresh_dashboard()
        return self._dashboard

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.dashboard_page:
            self._refresh_dashboard()

    def _refresh_dashboard(self) -> None:
        table = self.model.table
        if table is None:
            return
        self._dashboard_stale = False
        counts = period_counts(self._ws, table.plan_uid, table.plan_year, today=self.today)
        self.dashboard.set_data(table.rows, counts)

    # --- filters ----------------------------------------------------------------------------

    def _filter(self, **criteria: object) -> None:
        self.proxy.set_criteria(**criteria)  # type: ignore[arg-type]
        self._update_count()

    def _on_status_chosen(self) -> None:
        value = self.status_combo.currentData() or ""
        if value == LATE:
            standings = frozenset(s for s in Standing if s.is_late)
        else:
            standings = frozenset({Standing(value)}) if value else frozenset()
        self._filter(standings=standings)

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.count_label.setText(f"{shown}/{total} nhiệm vụ")

    def filter_section(self, code: str) -> None:
        """Show the tasks of one section (a click on the dashboard's section bar)."""
        self.section_combo.setCurrentIndex(max(0, self.section_combo.findData(code)))
        self.tabs.setCurrentIndex(0)

    def show_period(self, key: str) -> None:
        """Show the list of another period (a click on the dashboard's period bar)."""
        index = self.period_combo.findData(key)
        if index >= 0:
            self.period_combo.setCurrentIndex(index)
        self.tabs.setCurrentIndex(0)

    def _on_standings_clicked(self, values: list[str]) -> None:
        index = self.status_combo.findData(values[0]) if len(values) == 1 else -1
        self.status_combo.setCurrentIndex(index if index >= 0 else self.status_combo.findData(LATE))
        self.tabs.setCurrentIndex(0)

    # --- selection and detail ---------------------------------------------------------------

    def selected_task_uid(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return str(rows[0].data(UID_ROLE)) if rows else None

    def select_task(self, task_uid: str) -> bool:
        source_row = self.model.row_of_task(task_uid)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            self._show_detail(None)
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        self._show_detail(task_uid)
        return True

    def _on_selection(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._show_detail(self.selected_task_uid())

    def _show_detail(self, task_uid: str | None) -> None:
        row_number = self.model.row_of_task(task_uid) if task_uid else None
        row = self.model.row_at(row_number) if row_number is not None else None
        self.editor.set_row(row, self.period_key)
        self.history_model.set_entries(task_history(self._ws, task_uid) if task_uid else [])
        self.comments_panel.set_task(task_uid)
        tab = self.detail_tabs.indexOf(self.comments_panel)
        self.detail_tabs.setTabText(tab, self.comments_panel.tab_label())
        self.task_selected.emit(task_uid or "")

    def _on_saved(self, task_uid: str) -> None:
        self.reload()
        self.select_task(task_uid)

    def task_index(self, number: str) -> QModelIndex:
        """The table index (in the filtered view) of the task printed as ``number``."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, NUMBER)
            if index.data() == number:
                return index
        return QModelIndex()
