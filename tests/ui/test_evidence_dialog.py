"""EvidenceDialog driven as an officer would: paste a citation, drop a file, save, fix errors."""

from pathlib import Path

import pytest
from helpers.letterhead_files import make_letterhead_docx
from helpers.qt_drops import drop_files
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kscdesk.domain.model import EvidenceType, PlanKind
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans, progress
from kscdesk.ui.evidence_dialog import EvidenceDialog

CITATION = "Kế hoạch số 56/KH-UBND ngày 09/3/2023 của UBND phường về rà soát TTHC năm 2023"


def own_task_uids(ws: Workspace) -> list[str]:
    """The demo's own-plan tasks that have no evidence yet."""
    own = next(s.uid for s in plans.list_plans(ws.db) if s.kind is PlanKind.OWN)
    with_evidence = progress.list_evidence_for_plan(ws.db, own)
    return [uid for uid in plans.list_task_uids(ws.db, own) if uid not in with_evidence]


@pytest.fixture
def task_uid(demo_workspace: Workspace) -> str:
    return own_task_uids(demo_workspace)[2]


@pytest.fixture
def dialog(
    qtbot: QtBot, demo_workspace: Workspace, task_uid: str, vietnamese_app: QApplication
) -> EvidenceDialog:
    dialog = EvidenceDialog(demo_workspace, [task_uid])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_pasted_citation_fills_the_fields_and_saves_a_record(
    dialog: EvidenceDialog, qtbot: QtBot, demo_workspace: Workspace, task_uid: str
) -> None:
    QApplication.clipboard().setText(CITATION)
    dialog.citation_edit.setFocus()
    qtbot.keyClick(dialog.citation_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.kind_combo.currentText() == "Kế hoạch"
    assert dialog.number_edit.text() == "56/KH-UBND"
    assert dialog.date_edit.text() == "09/03/2023"
    assert dialog.issuer_edit.text() == "UBND phường"
    assert dialog.summary_edit.toPlainText() == "Rà soát TTHC năm 2023"
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == EvidenceDialog.DialogCode.Accepted
    stored = progress.list_evidence_for_task(demo_workspace.db, task_uid)
    assert [(e.doc_type, e.number_symbol) for e in stored] == [(EvidenceType.PLAN, "56/KH-UBND")]


def test_a_dropped_docx_is_attached_and_its_letterhead_offered(
    dialog: EvidenceDialog, qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path, task_uid: str
) -> None:
    file = make_letterhead_docx(tmp_path / "Báo cáo 12.docx")
    drop_files(qtbot, dialog, [file])
    assert not dialog.save_button.isEnabled()  # while the worker copies
    qtbot.waitUntil(lambda: dialog.files_list.count() == 1, timeout=5000)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    assert dialog.files_list.item(0).text().startswith("Báo cáo 12.docx")
    assert dialog.suggestion_frame.isVisible()
    assert "Báo cáo số 12/BC-UBND ngày 05/01/2026" in dialog.suggestion_label.text()
    qtbot.mouseClick(dialog.use_suggestion_button, Qt.MouseButton.LeftButton)
    assert (dialog.number_edit.text(), dialog.issuer_edit.text()) == (
        "12/BC-UBND",
        "UBND phường Đức Phổ",
    )
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [evidence] = progress.list_evidence_for_task(demo_workspace.db, task_uid)
    [attachment] = evidence.attachments
    assert attachment.file_name == "Báo cáo 12.docx"
    assert demo_workspace.attachments.path_of(attachment.digest).read_bytes() == file.read_bytes()


def test_one_record_can_serve_several_tasks(
    dialog: EvidenceDialog, qtbot: QtBot, demo_workspace: Workspace, task_uid: str
) -> None:
    other = own_task_uids(demo_workspace)[4]
    for row in range(dialog.tasks_list.count()):
        item = dialog.tasks_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole + 2) == other:
            item.setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(dialog.number_edit, "7/BC-UBND")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    for uid in (task_uid, other):
        assert [
            e.number_symbol for e in progress.list_evidence_for_task(demo_workspace.db, uid)
        ] == ["7/BC-UBND"]


def test_a_bad_number_is_named_and_the_dialog_stays_open(
    dialog: EvidenceDialog, qtbot: QtBot, demo_workspace: Workspace, task_uid: str
) -> None:
    qtbot.keyClicks(dialog.number_edit, "56 KH")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "“56 KH” không phải số, ký hiệu văn bản" in dialog.message_label.text()
    assert dialog.isVisible()
    assert progress.list_evidence_for_task(demo_workspace.db, task_uid) == []


def test_the_dialog_fits_a_1093_by_614_screen(dialog: EvidenceDialog) -> None:
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1093 and hint.height() <= 614
    assert dialog.width() <= 1093 and dialog.height() <= 614


def _fully_shown(dialog: EvidenceDialog, uid: str) -> bool:
    tasks = dialog.tasks_list
    item = next(
        tasks.item(row)
        for row in range(tasks.count())
        if tasks.item(row).data(Qt.ItemDataRole.UserRole + 2) == uid
    )
    return tasks.viewport().rect().contains(tasks.visualItemRect(item))


def test_the_task_stays_in_view_when_the_letterhead_bar_appears(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication, tmp_path: Path
) -> None:
    uid = own_task_uids(demo_workspace)[9]
    dialog = EvidenceDialog(demo_workspace, [uid])
    qtbot.addWidget(dialog)
    dialog.resize(900, 520)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: _fully_shown(dialog, uid))
    drop_files(qtbot, dialog, [make_letterhead_docx(tmp_path / "Báo cáo 12.docx")])
    qtbot.waitUntil(dialog.suggestion_frame.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: _fully_shown(dialog, uid))
