"""Reach the evidence of a task from the plan page: "Minh chứng…" (Ctrl+E) on the task table.

Until the progress page embeds EvidencePanel, this opens the panel in its own window for the
task selected on the plan page.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from kscdesk.services.workspace import Workspace
from kscdesk.ui import keyboard, window_state
from kscdesk.ui.evidence_panel import EvidencePanel
from kscdesk.ui.plan_panel import PlanPanel
from kscdesk.ui.shortcuts_dialog import label_shortcut

SHORTCUT = "Ctrl+E"


class EvidenceWindow(QDialog):
    """The evidence panel of one task in a window of its own."""

    def __init__(self, workspace: Workspace, task_uid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidence_window")
        self.setWindowTitle("Minh chứng của nhiệm vụ")
        self.panel = EvidencePanel(workspace, self)
        self.panel.set_task(task_uid)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(close)
        self.resize(960, 460)
        keyboard.tab_never_traps(self)
        window_state.fit_to_screen(self)


def selected_task_uid(panel: PlanPanel) -> str | None:
    index = panel.ui.task_table.currentIndex()
    task = panel.task_model.task_at(index.row()) if index.isValid() else None
    return task.uid if task is not None else None


def install_evidence_action(panel: PlanPanel, workspace: Workspace) -> QAction:
    """Add "Minh chứng…" to the task table's context menu, with Ctrl+E."""
    action = label_shortcut(
        QAction("Minh chứng…", panel), "Minh chứng của nhiệm vụ (trang Kế hoạch)"
    )
    action.setObjectName("evidence_action")
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    table = panel.ui.task_table
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    table.addAction(action)

    def show() -> None:
        task_uid = selected_task_uid(panel)
        if task_uid is None:
            return
        window = EvidenceWindow(workspace, task_uid, panel)
        window.finished.connect(window.deleteLater)
        window.open()

    action.triggered.connect(show)
    return action
