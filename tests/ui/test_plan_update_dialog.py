"""The three-way comparison view: every kind of decision, both texts side by side (issue 6)."""

import pytest
from helpers.plan_revision import store_revision
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTextEdit

from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui.plan_panel import PlanPanel
from kscdesk.ui.plan_update_dialog import PlanUpdateDialog
from kscdesk.ui.word_diff import HTML_ROLE, INSERTED_STYLE, REMOVED_STYLE, HtmlDelegate


@pytest.fixture
def dialog(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> PlanUpdateDialog:
    own_uid, _revision = store_revision(demo_workspace)
    panel = PlanPanel(demo_workspace.db, None, workspace=demo_workspace)
    qtbot.addWidget(panel)
    panel.reload_plans()
    panel.select_plan(own_uid)
    assert panel.editor is not None
    widget = PlanUpdateDialog(demo_workspace, own_uid, panel.editor.run, panel)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def kinds(dialog: PlanUpdateDialog) -> list[str]:
    return [c.kind for c in dialog._shown]


def select(dialog: PlanUpdateDialog, kind: str, field: str = "") -> None:
    row = next(
        i for i, c in enumerate(dialog._shown) if c.kind == kind and (not field or c.field == field)
    )
    dialog.view.selectRow(row)


def click(qtbot: QtBot, dialog: PlanUpdateDialog, name: str) -> None:
    button = dialog.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_every_kind_of_change_is_listed_with_both_texts_side_by_side(
    dialog: PlanUpdateDialog,
) -> None:
    assert sorted(kinds(dialog)) == ["added", "both", "local", "removed", "upstream"]
    select(dialog, "both")
    assert dialog.own_text.toPlainText() == "Tư pháp"
    assert dialog.new_text.toPlainText() == "- Văn phòng UBND thành phố chủ trì."
    assert dialog.width() <= 1093 and dialog.height() <= 614


def test_taking_the_upstream_text_applies_it_and_it_leaves_the_list(
    dialog: PlanUpdateDialog, demo_workspace: Workspace, qtbot: QtBot
) -> None:
    select(dialog, "upstream")
    uid = dialog.current_change().own_task_uid  # type: ignore[union-attr]
    click(qtbot, dialog, "take_new_button")
    assert plans.load_task(demo_workspace.db, uid).timeframe == "Quý II"  # type: ignore[arg-type]
    assert "upstream" not in kinds(dialog)


def test_a_conflict_is_decided_for_the_parents_text(
    dialog: PlanUpdateDialog, demo_workspace: Workspace, qtbot: QtBot
) -> None:
    select(dialog, "both")
    uid = dialog.current_change().own_task_uid  # type: ignore[union-attr]
    click(qtbot, dialog, "take_new_button")
    task = plans.load_task(demo_workspace.db, uid)  # type: ignore[arg-type]
    assert task.lead == "- Văn phòng UBND thành phố chủ trì."
    assert "both" not in kinds(dialog)


def test_a_local_change_is_kept(dialog: PlanUpdateDialog, qtbot: QtBot) -> None:
    select(dialog, "local")
    assert not dialog.findChild(QPushButton, "take_new_button").isEnabled()
    click(qtbot, dialog, "keep_button")
    assert "local" not in kinds(dialog)


def test_an_added_task_is_copied_into_the_commune_plan(
    dialog: PlanUpdateDialog, demo_workspace: Workspace, qtbot: QtBot
) -> None:
    own_uid = dialog._plan_uid
    count = plans.count_tasks(demo_workspace.db, own_uid)
    select(dialog, "added")
    click(qtbot, dialog, "add_button")
    tasks = plans.load_plan_content(demo_workspace.db, own_uid).tasks
    assert len(tasks) == count + 1
    assert any(t.content == "Triển khai Bộ chỉ số phục vụ người dân." for t in tasks)
    assert "added" not in kinds(dialog)


def test_a_removed_task_is_marked_not_applicable_and_undone_from_the_panel(
    dialog: PlanUpdateDialog, demo_workspace: Workspace, qtbot: QtBot
) -> None:
    select(dialog, "removed")
    uid = dialog.current_change().own_task_uid  # type: ignore[union-attr]
    click(qtbot, dialog, "remove_button")
    assert plans.load_task(demo_workspace.db, uid).not_applicable  # type: ignore[arg-type]
    assert "removed" not in kinds(dialog)
    panel = dialog.parent()
    assert isinstance(panel, PlanPanel) and panel.editor is not None
    panel.editor.history.stack.undo()
    assert not plans.load_task(demo_workspace.db, uid).not_applicable  # type: ignore[arg-type]


def marked_words(edit: QTextEdit) -> list[str]:
    """The runs of text shown on a coloured ground."""
    found = []
    block = edit.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().style() != Qt.BrushStyle.NoBrush:
                found.append(fragment.text())
            it += 1
        block = block.next()
    return found


def test_the_changed_words_are_marked_side_by_side(dialog: PlanUpdateDialog) -> None:
    select(dialog, "upstream")
    change = dialog.current_change()
    assert change is not None and (change.old, change.new) == ("Quý I", "Quý II")
    assert marked_words(dialog.own_text) == ["I"]
    assert marked_words(dialog.new_text) == ["II"]
    select(dialog, "added")
    assert marked_words(dialog.new_text) == []


def test_the_list_shows_the_changed_words_marked(dialog: PlanUpdateDialog) -> None:
    select(dialog, "upstream")
    row = dialog.view.currentIndex().row()
    markup = dialog.model.index(row, 4).data(HTML_ROLE)
    assert markup == (
        f'Quý <span style="{REMOVED_STYLE}">I</span><span style="{INSERTED_STYLE}">II</span>'
    )
    assert isinstance(dialog.view.itemDelegateForColumn(4), HtmlDelegate)
    assert not dialog.view.viewport().grab().isNull()  # the marked cells paint
