"""Pages wired together in the main window: the progress page's task detail shows its evidence."""

from pathlib import Path

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


def test_a_package_handed_to_the_window_goes_to_the_exchange_import(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication, tmp_path: Path
) -> None:
    window = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(window)
    window.show()
    exchange = window.built_page("exchange_panel")
    side = getattr(exchange, "side", None)
    assert side is not None
    started: list[Path] = []
    side.import_paths = started.append  # the import flow itself is tested on its page
    package = tmp_path / "bao-cao-2023-Q1.kscx"
    package.write_bytes(b"PK")
    window.open_file(package)
    assert started == [package]
    assert window.current_page() is exchange
