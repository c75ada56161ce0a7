"""EvidencePanel: one task's evidence, delete and undo, a dropped file, reopening the folder."""

from pathlib import Path

import pytest
from helpers.evidence_plan import save_ward_plan
from helpers.qt_drops import drop_files
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from kscdesk.domain.model import PlanKind
from kscdesk.services import evidence as service
from kscdesk.services.evidence import EvidenceDraft
from kscdesk.services.workspace import Workspace
from kscdesk.store import history, plans, progress
from kscdesk.ui import evidence_panel
from kscdesk.ui.evidence_dialog import EvidenceDialog
from kscdesk.ui.evidence_panel import EvidencePanel
from kscdesk.ui.evidence_table_model import EvidenceTableModel
from kscdesk.ui.evidence_window import EvidenceWindow
from kscdesk.ui.main_window import MainWindow


def first_task_with_evidence(ws: Workspace) -> str:
    own = next(s.uid for s in plans.list_plans(ws.db) if s.kind is PlanKind.OWN)
    return next(iter(progress.list_evidence_for_plan(ws.db, own)))


@pytest.fixture
def panel(qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication) -> EvidencePanel:
    panel = EvidencePanel(demo_workspace)
    qtbot.addWidget(panel)
    panel.set_task(first_task_with_evidence(demo_workspace))
    panel.resize(900, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_model_passes_the_model_tester(
    demo_workspace: Workspace, qtmodeltester: ModelTester, vietnamese_app: QApplication
) -> None:
    model = EvidenceTableModel(demo_workspace.db)
    model.set_task(first_task_with_evidence(demo_workspace))
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_the_panel_lists_the_task_evidence_and_its_files(
    panel: EvidencePanel, demo_workspace: Workspace
) -> None:
    stored = progress.list_evidence_for_task(demo_workspace.db, panel.task_uid or "")
    assert panel.model.rowCount() == len(stored)
    assert panel.model.index(0, 1).data() == stored[0].number_symbol
    assert panel.task_label.text().startswith("Nhiệm vụ ")


def test_a_deletion_is_undone_from_the_button_and_from_ctrl_z(
    panel: EvidencePanel, qtbot: QtBot, demo_workspace: Workspace
) -> None:
    before = panel.model.rowCount()
    uid = panel.selected_evidence().uid  # type: ignore[union-attr]
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == before - 1
    assert panel.undo_button.isEnabled()
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == before
    assert panel.model.row_of(uid) >= 0
    panel.table.selectRow(panel.model.row_of(uid))
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    panel.table.setFocus()
    qtbot.keySequence(panel.table, QKeySequence.StandardKey.Undo)
    assert panel.model.row_of(uid) >= 0
    assert not panel.undo_button.isEnabled()
    fields = [e.new for e in history.list_for_entity(demo_workspace.db, uid) if e.field == "tasks"]
    assert None in fields  # the deletion was journaled …
    assert fields[-1] is not None  # … and the restoration after it


def test_a_file_dropped_on_the_panel_opens_the_dialog_with_it_attached(
    panel: EvidencePanel, qtbot: QtBot, tmp_path: Path
) -> None:
    file = tmp_path / "Biên bản họp.pdf"
    file.write_bytes(b"%PDF-1.4 minutes")
    drop_files(qtbot, panel, [file])
    dialog = panel.dialog
    assert isinstance(dialog, EvidenceDialog)
    qtbot.waitUntil(lambda: dialog.files_list.count() == 1, timeout=5000)
    qtbot.keyClicks(dialog.number_edit, "3/TB-UBND")
    rows = panel.model.rowCount()
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == rows + 1
    assert panel.files_list.item(0).text() == "Biên bản họp.pdf"


def test_open_file_hands_a_copy_under_its_original_name_to_the_system(
    panel: EvidencePanel,
    qtbot: QtBot,
    demo_workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    file = tmp_path / "Kế hoạch 18.docx"
    file.write_bytes(b"plan bytes")
    evidence = panel.selected_evidence()
    assert evidence is not None
    [stored] = service.store_files(demo_workspace, [file])
    draft = EvidenceDraft(
        evidence.task_uids,
        evidence.doc_type,
        evidence.number_symbol,
        attachments=(stored.attachment,),
        uid=evidence.uid,
    )
    service.save_evidence(demo_workspace, draft)
    panel.reload()
    panel.table.selectRow(panel.model.row_of(evidence.uid))
    opened: list[Path] = []
    monkeypatch.setattr(evidence_panel, "open_path", lambda path: opened.append(path) or True)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in opened] == ["Kế hoạch 18.docx"]
    assert opened[0].read_bytes() == b"plan bytes"


def test_attachments_and_history_survive_closing_and_reopening_the_folder(
    qtbot: QtBot, tmp_path: Path, vietnamese_app: QApplication
) -> None:
    file = tmp_path / "bc.pdf"
    file.write_bytes(b"report")
    with Workspace.open(tmp_path / "data") as ws:
        task = save_ward_plan(ws)["1b"]
        panel = EvidencePanel(ws)
        qtbot.addWidget(panel)
        panel.set_task(task)
        dialog = panel.add_evidence([file])
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.files_list.count() == 1, timeout=5000)
        qtbot.keyClicks(dialog.number_edit, "9/BC-UBND")
        with qtbot.waitSignal(dialog.saved):
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        panel.close()
    with Workspace.open(tmp_path / "data") as again:
        reopened = EvidencePanel(again)
        qtbot.addWidget(reopened)
        reopened.set_task(task)
        assert reopened.model.index(0, 1).data() == "9/BC-UBND"
        assert reopened.files_list.item(0).text() == "bc.pdf"
        evidence = reopened.selected_evidence()
        assert evidence is not None
        assert again.attachments.verify(evidence.attachments[0].digest)
        assert history.list_for_task(again.db, task)


def test_ctrl_e_on_the_plan_page_opens_the_evidence_of_the_selected_task(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> None:
    window = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.show_page("plan_panel")
    panel = window.plan_panel
    assert panel is not None
    table = panel.ui.task_table
    row = next(r for r in range(panel.task_model.rowCount()) if panel.task_model.task_at(r))
    table.setCurrentIndex(panel.task_model.index(row, 1))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    evidence_window = panel.findChild(EvidenceWindow, "evidence_window")
    assert evidence_window is not None
    assert evidence_window.panel.task_uid == panel.task_model.task_at(row).uid  # type: ignore[union-attr]
    assert evidence_window.width() <= 1093 and evidence_window.height() <= 614


def test_searching_without_diacritics_finds_a_record_and_links_it_to_this_task(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> None:
    own = next(s.uid for s in plans.list_plans(demo_workspace.db) if s.kind is PlanKind.OWN)
    linked = progress.list_evidence_for_plan(demo_workspace.db, own)
    bare = next(u for u in plans.list_task_uids(demo_workspace.db, own) if u not in linked)
    panel = EvidencePanel(demo_workspace)
    qtbot.addWidget(panel)
    panel.set_task(bare)
    panel.show()
    assert panel.model.rowCount() == 0
    qtbot.keyClicks(panel.search_edit, "ke hoach ra soat danh gia")
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 1).data() == "21/KH-UBND"
    assert panel.link_button.isVisible() and panel.link_button.isEnabled()
    qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    assert panel.search_edit.text() == ""
    assert [e.number_symbol for e in progress.list_evidence_for_task(demo_workspace.db, bare)] == [
        "21/KH-UBND"
    ]
    assert panel.model.rowCount() == 1
    assert not panel.link_button.isVisible()


def test_editing_a_record_keeps_its_other_tasks_and_journals_the_change(
    panel: EvidencePanel, qtbot: QtBot, demo_workspace: Workspace
) -> None:
    before = panel.selected_evidence()
    assert before is not None
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, EvidenceDialog)
    assert dialog.number_edit.text() == before.number_symbol
    dialog.summary_edit.setPlainText("Trích yếu đã sửa")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    after = progress.load_evidence(demo_workspace.db, before.uid)
    assert after.summary == "Trích yếu đã sửa"
    assert after.task_uids == before.task_uids
    changes = history.list_for_entity(demo_workspace.db, before.uid)
    assert ("summary", before.summary, "Trích yếu đã sửa") in [
        (c.field, c.old, c.new) for c in changes
    ]
    assert panel.model.index(panel.model.row_of(before.uid), 4).data() == "Trích yếu đã sửa"
