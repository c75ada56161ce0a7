"""The officer's daily actions from the keyboard: new evidence, next/previous task, build report.

They act on the page in view (the plan or the progress page, the reports page), found through
the window's pages by name, so the pages keep owning their widgets.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView

if TYPE_CHECKING:
    from kscdesk.ui.main_window import MainWindow

# The task tables of the pages that list tasks, by page.
TASK_TABLES = {"plan_panel": "task_table", "progress_panel": "progress_table"}
PICK_A_TASK = "Chọn một nhiệm vụ trong bảng trước (trang Kế hoạch hoặc Tiến độ)."


def _task_table(window: "MainWindow") -> QTableView | None:
    name = TASK_TABLES.get(window.current_page().objectName())
    return window.current_page().findChild(QTableView, name) if name else None


def _is_task_row(table: QTableView, row: int) -> bool:
    """Section headings of the plan table are rows too; only task rows count."""
    model = table.model()
    task_at = getattr(model, "task_at", None)
    return task_at is None or task_at(row) is not None


def step_task(window: "MainWindow", step: int) -> bool:
    """Select the next (``step`` 1) or previous (-1) task row of the page's task table."""
    table = _task_table(window)
    if table is None or table.model() is None:
        window.show_message(PICK_A_TASK)
        return False
    rows = table.model().rowCount()
    row = table.currentIndex().row()
    row = (-1 if step > 0 else rows) if row < 0 else row
    while 0 <= row + step < rows:
        row += step
        if _is_task_row(table, row):
            index = table.model().index(row, max(table.currentIndex().column(), 1))
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            table.selectionModel().setCurrentIndex(index, flags)
            table.scrollTo(index)
            table.setFocus()
            return True
    return False


def new_evidence(window: "MainWindow") -> bool:
    """A new evidence record for the task selected on the plan or progress page."""
    from kscdesk.ui.evidence_panel import EvidencePanel
    from kscdesk.ui.evidence_window import EvidenceWindow, selected_task_uid
    from kscdesk.ui.plan_panel import PlanPanel
    from kscdesk.ui.progress_panel import ProgressPanel

    page = window.current_page()
    if isinstance(page, ProgressPanel) and page.selected_task_uid():
        evidence = page.findChild(EvidencePanel, "progress_evidence_panel")
        if evidence is not None:
            page.detail_tabs.setCurrentWidget(evidence)
            return evidence.add_evidence() is not None
    if isinstance(page, PlanPanel) and window.workspace is not None:
        task_uid = selected_task_uid(page)
        if task_uid is not None:
            dialog = EvidenceWindow(window.workspace, task_uid, page)
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
            return dialog.panel.add_evidence() is not None
    window.show_message(PICK_A_TASK)
    return False


def build_report(window: "MainWindow") -> bool:
    """The reports page, asking where to write the report of the period it shows."""
    from kscdesk.ui.reports_panel import ReportsPanel

    page = window.built_page("reports_panel")
    if not isinstance(page, ReportsPanel):
        return False
    window.show_page("reports_panel")
    page.choose_and_build()
    return True
