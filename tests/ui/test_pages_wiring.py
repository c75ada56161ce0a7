"""Pages wired together in the main window: the progress page's task detail shows its evidence."""

from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from kscdesk.services.workspace import Workspace
from kscdesk.store import progress
from kscdesk.ui.evidence_panel import EvidencePanel
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.progress_panel import ProgressPanel


def test_selecting_a_task_on_the_progress_page_shows_its_evidence(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> None:
    window = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(window)
    window.show()
    window.show_page("progress_panel")
    panel = window.built_page("progress_panel")
    assert isinstance(panel, ProgressPanel)
    evidence = panel.findChild(EvidencePanel, "progress_evidence_panel")
    assert evidence is not None
    tabs = [panel.detail_tabs.tabText(i) for i in range(panel.detail_tabs.count())]
    assert "Minh chứng" in tabs
    assert panel.plan_uid is not None
    with_evidence = progress.list_evidence_for_plan(demo_workspace.db, panel.plan_uid)
    task_uid = next(
        uid for uid, records in with_evidence.items() if records and panel.select_task(uid)
    )
    assert evidence.task_uid == task_uid
    assert evidence.model.rowCount() >= 1
