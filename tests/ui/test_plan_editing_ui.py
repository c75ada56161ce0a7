"""The plan view edits own plans: in place, units, not applicable, add, reorder, undo/redo,
checks, derive and wording rules (issue 6). Real widgets driven with qtbot."""

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit, QPushButton, QToolButton

from kscdesk.domain.model import PlanKind
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui import prompts
from kscdesk.ui.derive_dialog import DeriveDialog
from kscdesk.ui.plan_panel import PlanPanel
from kscdesk.ui.rules_dialog import RulesDialog
from kscdesk.ui.task_columns import CONTENT, LEAD, OUTPUT
from kscdesk.ui.task_table_model import DUE, TaskRow


@pytest.fixture
def panel(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> Iterator[PlanPanel]:
    widget = PlanPanel(demo_workspace.db, None, workspace=demo_workspace)
    qtbot.addWidget(widget)
    widget.resize(1093, 614)
    widget.reload_plans()
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()


def own_uid(ws: Workspace) -> str:
    return next(s.uid for s in plans.list_plans(ws.db) if s.kind is PlanKind.OWN)


def first_task_row(panel: PlanPanel) -> int:
    model = panel.task_model
    return next(r for r in range(model.rowCount()) if isinstance(model.row_entry(r), TaskRow))


def edit_cell(qtbot: QtBot, panel: PlanPanel, row: int, column: int, text: str) -> None:
    table = panel.ui.task_table
    index = panel.task_model.index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QPlainTextEdit, "cell_editor")
    assert editor is not None
    # QTest types ASCII only; the text is put in as a paste would, the Enter key is typed.
    editor.setPlainText(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_the_own_plan_is_editable_and_the_parent_plan_is_not(
    panel: PlanPanel, demo_workspace: Workspace
) -> None:
    assert panel.current_plan_uid() == own_uid(demo_workspace)
    model = panel.task_model
    row = first_task_row(panel)
    assert model.flags(model.index(row, CONTENT)) & Qt.ItemFlag.ItemIsEditable
    parent = next(s.uid for s in plans.list_plans(demo_workspace.db) if s.kind is PlanKind.PARENT)
    panel.select_plan(parent)
    assert not model.flags(model.index(first_task_row(panel), CONTENT)) & Qt.ItemFlag.ItemIsEditable
    assert not panel.findChild(QPushButton, "add_task_button").isEnabled()


def test_an_edit_in_place_is_saved_at_once_and_undone_with_ctrl_z_and_redone_with_ctrl_y(
    panel: PlanPanel, demo_workspace: Workspace, qtbot: QtBot
) -> None:
    row = first_task_row(panel)
    uid = panel.task_model.row_entry(row).uid  # type: ignore[union-attr]
    before = plans.load_task(demo_workspace.db, uid).output
    edit_cell(qtbot, panel, row, OUTPUT, "Quyết định của Chủ tịch UBND phường")
    assert plans.load_task(demo_workspace.db, uid).output == "Quyết định của Chủ tịch UBND phường"
    assert panel.task_model.index(row, OUTPUT).data() == "Quyết định của Chủ tịch UBND phường"
    table = panel.ui.task_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert plans.load_task(demo_workspace.db, uid).output == before
    qtbot.keyClick(table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert plans.load_task(demo_workspace.db, uid).output == "Quyết định của Chủ tịch UBND phường"


def test_undo_survives_reopening_the_plan_view(
    panel: PlanPanel, demo_workspace: Workspace, qtbot: QtBot
) -> None:
    row = first_task_row(panel)
    uid = panel.task_model.row_entry(row).uid  # type: ignore[union-attr]
    before = plans.load_task(demo_workspace.db, uid).content
    edit_cell(qtbot, panel, row, CONTENT, "Nội dung mới")
    again = PlanPanel(demo_workspace.db, None, workspace=demo_workspace)
    qtbot.addWidget(again)
    again.reload_plans()
    undo = again.findChild(QToolButton, "undo_button")
    assert undo.isEnabled()
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert plans.load_task(demo_workspace.db, uid).content == before


def test_a_unit_is_picked_from_the_directory(
    panel: PlanPanel, demo_workspace: Workspace, qtbot: QtBot
) -> None:
    assert panel.editor is not None
    names = panel.editor.unit_names()
    assert names, "the demo ward has a unit directory"
    row = first_task_row(panel)
    table = panel.ui.task_table
    index = panel.task_model.index(row, LEAD)
    table.setCurrentIndex(index)
    table.edit(index)
    picker = table.findChild(QComboBox, "unit_picker")
    assert picker is not None
    picker.setCurrentIndex(names.index(names[-1]))
    picker.lineEdit().setFocus()
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    uid = panel.task_model.row_entry(row).uid  # type: ignore[union-attr]
    assert plans.load_task(demo_workspace.db, uid).lead == names[-1]


def test_not_applicable_asks_a_reason_and_greys_the_row(
    panel: PlanPanel, demo_workspace: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "Phường không soạn thảo QPPL")
    row = first_task_row(panel)
    panel.ui.task_table.setCurrentIndex(panel.task_model.index(row, CONTENT))
    qtbot.mouseClick(
        panel.findChild(QPushButton, "not_applicable_button"), Qt.MouseButton.LeftButton
    )
    uid = panel.task_model.row_entry(row).uid  # type: ignore[union-attr]
    task = plans.load_task(demo_workspace.db, uid)
    assert task.not_applicable and task.not_applicable_reason == "Phường không soạn thảo QPPL"
    brush = panel.task_model.index(row, CONTENT).data(Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color().name() == "#8a8a8a"
    assert "Không áp dụng: Phường" in panel.task_model.index(row, CONTENT).data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_adding_a_local_task_and_a_section(
    panel: PlanPanel, demo_workspace: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_uid = own_uid(demo_workspace)
    count = plans.count_tasks(demo_workspace.db, plan_uid)
    row = first_task_row(panel)
    panel.ui.task_table.setCurrentIndex(panel.task_model.index(row, CONTENT))
    qtbot.mouseClick(panel.findChild(QPushButton, "add_task_button"), Qt.MouseButton.LeftButton)
    assert plans.count_tasks(demo_workspace.db, plan_uid) == count + 1
    added = panel.task_model.task_at(panel.ui.task_table.currentIndex().row())
    assert added is not None and added.is_local and added.content == "Nhiệm vụ mới"
    panel.ui.task_table.closePersistentEditor(panel.ui.task_table.currentIndex())
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "XIV. Nhiệm vụ riêng của phường")
    qtbot.mouseClick(panel.findChild(QPushButton, "add_section_button"), Qt.MouseButton.LeftButton)
    codes = [s.code for s in plans.list_sections(demo_workspace.db, plan_uid)]
    assert codes[-1] == "XIV"
    assert panel.section_model.index_of("XIV") is not None


def test_dragging_a_task_onto_another_row_moves_it_before_that_row_and_renumbers(
    panel: PlanPanel, demo_workspace: Workspace, qtbot: QtBot
) -> None:
    model = panel.task_model
    rows = [r for r in range(model.rowCount()) if isinstance(model.row_entry(r), TaskRow)]
    moving = model.task_at(rows[0])
    target = model.task_at(rows[3])
    assert moving is not None and target is not None
    # What QTableView does on a drop: ask the model for the dragged rows' data and drop it.
    data = model.mimeData([model.index(rows[0], CONTENT)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(rows[3], CONTENT))
    qtbot.waitUntil(
        lambda: plans.load_task(demo_workspace.db, moving.uid).position != moving.position
    )
    tasks = plans.load_plan_content(demo_workspace.db, own_uid(demo_workspace)).tasks
    order = [t.uid for t in tasks]
    assert order.index(moving.uid) == order.index(target.uid) - 1
    assert [t.number for t in tasks[:3]] == ["1", "1", "2"] or tasks[0].number == "1"


def test_the_due_column_reads_the_timeframe_for_the_plans_year(panel: PlanPanel) -> None:
    model = panel.task_model
    texts = {
        model.task_at(r).timeframe: model.index(r, DUE).data()  # type: ignore[union-attr]
        for r in range(model.rowCount())
        if isinstance(model.row_entry(r), TaskRow)
    }
    assert texts["Quý I"] == "31/03/2023"
    assert texts["Thường xuyên"].startswith("Thường xuyên")


def test_a_click_on_a_finding_selects_its_row_and_field(panel: PlanPanel, qtbot: QtBot) -> None:
    qtbot.mouseClick(panel.findChild(QPushButton, "check_button"), Qt.MouseButton.LeftButton)
    checks = panel.editor.checks  # type: ignore[union-attr]
    assert checks.isVisible() and checks.findings_model.rowCount() > 0
    row = next(
        r
        for r in range(checks.findings_model.rowCount())
        if checks.findings_model.item(r, 0).text() not in ("",)
    )
    label = checks.findings_model.item(row, 0).text()
    rect = checks.visualRect(checks.findings_model.index(row, 2))
    qtbot.mouseClick(checks.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = panel.ui.task_table.currentIndex()
    task = panel.task_model.task_at(current.row())
    assert task is not None and task.label == label
    assert current.column() >= CONTENT


def test_rules_preview_lists_the_changes_and_applying_them_is_one_undoable_edit(
    panel: PlanPanel, demo_workspace: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_uid = own_uid(demo_workspace)
    dialog = RulesDialog(demo_workspace, plan_uid, panel)
    qtbot.addWidget(dialog)
    dialog.use_defaults()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    count = dialog.preview_model.rowCount()
    assert count > 0 and dialog.apply_button.isEnabled()
    dialog.preview_model.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    chosen = dialog.chosen_changes()
    assert len(chosen) == count - 1
    monkeypatch.setattr("kscdesk.ui.rules_dialog.RulesDialog.exec", lambda self: 1)
    monkeypatch.setattr("kscdesk.ui.rules_dialog.RulesDialog.chosen_changes", lambda self: chosen)
    before = plans.load_plan_content(demo_workspace.db, plan_uid).tasks
    panel.editor.open_rules()  # type: ignore[union-attr]
    after = plans.load_plan_content(demo_workspace.db, plan_uid).tasks
    assert sum(a != b for a, b in zip(before, after, strict=True)) == len(
        {c.task_uid for c in chosen}
    )
    panel.editor.history.stack.undo()  # type: ignore[union-attr]
    assert plans.load_plan_content(demo_workspace.db, plan_uid).tasks == before


def test_derive_dialog_offers_the_parent_plan_first_and_names_own_plans_as_the_offices(
    panel: PlanPanel, demo_workspace: Workspace, qtbot: QtBot
) -> None:
    dialog = DeriveDialog(demo_workspace, panel)
    qtbot.addWidget(dialog)
    combo = dialog.source_combo
    chosen = plans.load_plan(demo_workspace.db, combo.currentData())
    assert chosen.kind is PlanKind.PARENT
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert any("– Của đơn vị:" in label for label in labels)
    assert not any("Năm trước" in label for label in labels)


def test_derive_dialog_makes_an_own_plan_from_the_parent(
    panel: PlanPanel, demo_workspace: Workspace, qtbot: QtBot
) -> None:
    dialog = DeriveDialog(demo_workspace, panel)
    qtbot.addWidget(dialog)
    combo = dialog.source_combo
    combo.setCurrentIndex(
        next(
            i
            for i in range(combo.count())
            if plans.load_plan(demo_workspace.db, combo.itemData(i)).kind is PlanKind.PARENT
        )
    )
    qtbot.mouseClick(dialog.findChild(QPushButton, "derive_ok"), Qt.MouseButton.LeftButton)
    assert dialog.plan_uid is not None
    derived = plans.load_plan_content(demo_workspace.db, dialog.plan_uid)
    assert derived.plan.kind is PlanKind.OWN
    assert all(t.parent_task_uid for t in derived.tasks)
    # The offered rules were applied: no "Văn phòng thành phố" left in the units.
    assert not any("Văn phòng thành phố" in t.lead for t in derived.tasks)


def test_every_dialog_fits_the_small_screen(
    panel: PlanPanel, demo_workspace: Workspace, qtbot: QtBot
) -> None:
    for dialog in (
        DeriveDialog(demo_workspace, panel),
        RulesDialog(demo_workspace, own_uid(demo_workspace), panel),
    ):
        qtbot.addWidget(dialog)
        assert dialog.width() <= 1093 and dialog.height() <= 614
    assert panel.minimumSizeHint().width() <= 1093 - 180


def test_the_editable_task_model_passes_the_model_tester(
    panel: PlanPanel, qtmodeltester: object
) -> None:
    assert panel.task_model.is_editable
    qtmodeltester.check(panel.task_model, force_py=True)  # type: ignore[attr-defined]


def test_the_plan_menu_offers_derive_rules_update_and_units_and_they_fit_the_screen(
    panel: PlanPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog

    opened: list[tuple[str, int, int]] = []

    def fake_exec(self: QDialog) -> int:
        opened.append((self.objectName(), self.width(), self.height()))
        return 0

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    assert panel.editor is not None
    for name in ("derive_action", "rules_action", "update_action", "units_action"):
        action = panel.editor.menu_actions[name]
        assert action.isEnabled(), name
        action.trigger()
    assert [o[0] for o in opened] == [
        "derive_dialog",
        "rules_dialog",
        "plan_update_dialog",
        "units_dialog",
    ]
    assert all(w <= 1093 and h <= 614 for _n, w, h in opened)


def test_the_unit_crosswalk_maps_parent_units_to_the_directory(
    panel: PlanPanel, demo_workspace: Workspace, qtbot: QtBot
) -> None:
    dialog = RulesDialog(demo_workspace, own_uid(demo_workspace), panel)
    qtbot.addWidget(dialog)
    dialog.set_rules([])
    qtbot.mouseClick(dialog.crosswalk_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    finds = [dialog.rules_model.item(r, 0).text() for r in range(dialog.rules_model.rowCount())]
    assert "Phòng Tư pháp" in finds
    row = finds.index("Phòng Tư pháp")
    assert dialog.rules_model.item(row, 1).text() == "Tư pháp – Hộ tịch"
    # Another row is mapped by picking from the unit directory in the "Thay bằng" cell.
    other = next(r for r in range(len(finds)) if finds[r] == dialog.rules_model.item(r, 1).text())
    index = dialog.rules_model.index(other, 1)
    dialog.rules_view.setCurrentIndex(index)
    dialog.rules_view.edit(index)
    picker = dialog.rules_view.findChild(QComboBox, "unit_picker")
    assert picker is not None
    picker.setCurrentIndex(0)
    picker.lineEdit().setFocus()
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    mapped = {r.find: r.replacement for r in dialog.rules()}
    assert mapped[finds[other]] == picker.itemText(0)
    assert all(r.fields == ("lead", "coordinating") for r in dialog.rules())


def test_a_task_dropped_on_a_new_sections_heading_moves_into_that_section(
    panel: PlanPanel, demo_workspace: Workspace, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: "XIV. Nhiệm vụ riêng của phường")
    qtbot.mouseClick(panel.findChild(QPushButton, "add_section_button"), Qt.MouseButton.LeftButton)
    model = panel.task_model
    heading = next(
        r
        for r in range(model.rowCount())
        if not isinstance(model.row_entry(r), TaskRow) and model.row_entry(r).section.code == "XIV"  # type: ignore[union-attr]
    )
    row = first_task_row(panel)
    moving = model.task_at(row)
    assert moving is not None
    data = model.mimeData([model.index(row, CONTENT)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(heading, CONTENT))
    qtbot.waitUntil(lambda: plans.load_task(demo_workspace.db, moving.uid).section_code == "XIV")
    assert plans.load_plan_content(demo_workspace.db, own_uid(demo_workspace)).tasks[-1].uid == (
        moving.uid
    )
