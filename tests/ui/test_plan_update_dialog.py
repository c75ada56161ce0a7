"""The three-way comparison view: every kind of decision, both texts side by side (issue 6)."""

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from kscdesk.domain.model import PlanKind, Task, new_uid
from kscdesk.services import plan_editing
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui.plan_panel import PlanPanel
from kscdesk.ui.plan_update_dialog import PlanUpdateDialog


def _store_revision(ws: Workspace) -> tuple[str, str]:
    """A re-issue of the demo parent plan: task 2 removed, a task added, task 1a's timeframe
    and task 3's lead changed upstream; the ward changed task 3's lead and task 4's output."""
    parent_uid = next(s.uid for s in plans.list_plans(ws.db) if s.kind is PlanKind.PARENT)
    own_uid = next(s.uid for s in plans.list_plans(ws.db) if s.kind is PlanKind.OWN)
    parent = plans.load_plan_content(ws.db, parent_uid)
    tasks = [replace(t, uid=new_uid()) for t in parent.tasks if t.number != "2"]
    tasks[0] = replace(tasks[0], timeframe="Quý II")
    third = next(i for i, t in enumerate(tasks) if t.number == "3")
    tasks[third] = replace(tasks[third], lead="- Văn phòng UBND thành phố chủ trì.")
    tasks.append(
        Task(
            tasks[-1].section_code,
            "99",
            "Triển khai Bộ chỉ số phục vụ người dân.",
            lead="Văn phòng",
            timeframe="Thường xuyên",
        )
    )
    parent.plan = replace(
        parent.plan, uid=new_uid(), version=2, version_of=parent_uid, source_sha256=""
    )
    parent.sections = [replace(s, uid=new_uid()) for s in parent.sections]
    parent.indicators = []
    parent.tasks = [replace(t, position=i) for i, t in enumerate(tasks)]
    revision = plans.save_plan_content(ws.db, parent)
    own = plans.load_plan_content(ws.db, own_uid).tasks
    plan_editing.edit_task_field(ws, next(t for t in own if t.number == "3").uid, "lead", "Tư pháp")
    plan_editing.edit_task_field(ws, next(t for t in own if t.number == "4").uid, "output", "BC")
    return own_uid, revision


@pytest.fixture
def dialog(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> PlanUpdateDialog:
    own_uid, _revision = _store_revision(demo_workspace)
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
