"""PlanEditor: makes the plan view editable for own plans, every change through a service.

It owns the edit bar (add, not applicable, renumber, undo/redo, derive, rules, checks, update),
sends cell edits and drag-and-drop moves to the editing services, records each one on the undo
stack and refreshes the views from what the service says changed.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QStyle,
    QToolButton,
    QWidget,
)

from kscdesk.domain.model import PlanKind
from kscdesk.services import plan_editing
from kscdesk.services.errors import ServiceError
from kscdesk.services.plan_editing import EditResult
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui import prompts
from kscdesk.ui.checks_list import ChecksList
from kscdesk.ui.plan_undo import PlanHistory
from kscdesk.ui.shortcuts_dialog import label_shortcut
from kscdesk.ui.task_table_model import TaskRow
from kscdesk.ui.text_delegates import TaskTextDelegate, UnitDelegate

if TYPE_CHECKING:
    from kscdesk.ui.plan_panel import PlanPanel

UNDO_LABEL = "Hoàn tác (sửa kế hoạch)"  # in the shortcut list, beside the evidence page's undo
REDO_LABEL = "Làm lại (sửa kế hoạch)"


def _user_errors() -> tuple[type[BaseException], ...]:
    from kscdesk.domain.errors import DomainError
    from kscdesk.formats.errors import PlanFileError
    from kscdesk.store.errors import StoreError

    return (ServiceError, DomainError, PlanFileError, StoreError, OSError)


class PlanEditor:
    """The editing side of a PlanPanel over an open workspace."""

    def __init__(self, panel: "PlanPanel", ws: Workspace) -> None:
        self.panel = panel
        self.ws = ws
        self.history = PlanHistory(ws, self.refresh, panel)
        self.bar = self._build_bar()
        panel.ui.panel_layout.insertWidget(2, self.bar)
        self.checks = ChecksList(panel)
        self.checks.finding_chosen.connect(self.select_task)
        panel.ui.panel_layout.insertWidget(4, self.checks)
        self.checks.hide()
        table = panel.ui.task_table
        self._text_delegate = TaskTextDelegate(table)
        self._unit_delegate = UnitDelegate(lambda: self.unit_names(), table)
        table.setItemDelegate(self._text_delegate)
        for column in (3, 4):
            table.setItemDelegateForColumn(column, self._unit_delegate)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)
        table.setDragDropOverwriteMode(False)
        table.setDropIndicatorShown(True)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

    # --- the edit bar ----------------------------------------------------------------------------

    def _build_bar(self) -> QWidget:
        bar = QWidget(self.panel)
        bar.setObjectName("edit_bar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.buttons: dict[str, QPushButton | QToolButton] = {}
        self.menu_actions: dict[str, QAction] = {}
        tools = QToolButton(bar)
        tools.setObjectName("plan_menu_button")
        tools.setText("Lập kế &hoạch ▾")
        tools.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        tools.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(tools)
        for name, text, slot in (
            ("derive_action", "&Lập kế hoạch của đơn vị…", self.open_derive),
            ("rules_action", "&Quy tắc thay từ (xem trước)…", self.open_rules),
            ("update_action", "&Cập nhật theo kế hoạch cấp trên ban hành lại…", self.open_update),
            ("units_action", "&Danh bạ đơn vị của xã, phường…", self.open_units),
            ("export_decision_action", "&Xuất quyết định ban hành (Word)…", self.export_decision),
            ("export_table_action", "Xuất &bảng kế hoạch để in (Excel)…", self.export_table),
        ):
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(slot)
            self.menu_actions[name] = action
        tools.setMenu(menu)
        layout.addWidget(tools)
        self.buttons["plan_menu_button"] = tools

        def button(name: str, text: str, slot: Callable[[], None], tip: str) -> None:
            widget = QPushButton(text, bar)
            widget.setObjectName(name)
            widget.setToolTip(tip)
            widget.clicked.connect(slot)
            layout.addWidget(widget)
            self.buttons[name] = widget

        button("add_task_button", "Thêm việc", self.add_task, "Thêm nhiệm vụ riêng sau dòng chọn")
        button("add_section_button", "Thêm mục", self.add_section, "Thêm mục riêng")
        button(
            "not_applicable_button",
            "Không áp dụng",
            self.toggle_not_applicable,
            "Đánh dấu/bỏ đánh dấu không áp dụng (có lý do)",
        )
        button("renumber_button", "Đánh số lại", self.renumber, "Đánh lại số thứ tự")
        button("check_button", "Rà soát", self.run_checks, "Rà soát kế hoạch")
        layout.addStretch(1)
        stack = self.history.stack
        style = bar.style()
        for name, icon, action, keys in (
            (
                "undo_button",
                QStyle.StandardPixmap.SP_ArrowBack,
                label_shortcut(stack.createUndoAction(bar, "Hoàn tác"), UNDO_LABEL),
                ("Ctrl+Z",),
            ),
            (
                "redo_button",
                QStyle.StandardPixmap.SP_ArrowForward,
                label_shortcut(stack.createRedoAction(bar, "Làm lại"), REDO_LABEL),
                ("Ctrl+Y", "Ctrl+Shift+Z"),
            ),
        ):
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setIcon(style.standardIcon(icon))
            self.panel.addAction(action)
            tool = QToolButton(bar)
            tool.setObjectName(name)
            tool.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            tool.setDefaultAction(action)
            layout.addWidget(tool)
            self.buttons[name] = tool
            setattr(self, name.replace("_button", "_action"), action)
        return bar

    def plan_changed(self, plan_uid: str | None) -> None:
        """The panel shows another plan: editable only when it is an own plan."""
        own = False
        if plan_uid is not None:
            own = plans.load_plan(self.ws.db, plan_uid).kind is PlanKind.OWN
        self.panel.task_model.set_editor(self if own else None)
        self.history.show_plan(plan_uid if own else None)
        triggers = (
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.panel.ui.task_table.setEditTriggers(
            triggers if own else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.checks.clear()
        self.checks.hide()
        self._update_buttons()

    def _update_buttons(self) -> None:
        own = self.panel.task_model.is_editable
        for name in ("add_task_button", "add_section_button", "renumber_button"):
            self.buttons[name].setEnabled(own)
        for name in ("rules_action", "update_action", "export_decision_action"):
            self.menu_actions[name].setEnabled(own)
        self.menu_actions["export_table_action"].setEnabled(
            self.panel.current_plan_uid() is not None
        )
        self.buttons["not_applicable_button"].setEnabled(
            own and self.current_task_uid() is not None
        )
        self.buttons["check_button"].setEnabled(self.panel.current_plan_uid() is not None)

    def export_decision(self) -> None:
        from kscdesk.ui.plan_export import export_decision

        plan_uid = self.panel.current_plan_uid()
        if plan_uid is not None:
            export_decision(self.panel, self.ws, plan_uid)

    def export_table(self) -> None:
        from kscdesk.ui.plan_export import export_table

        plan_uid = self.panel.current_plan_uid()
        if plan_uid is not None:
            export_table(self.panel, self.ws, plan_uid)

    # --- running edits ---------------------------------------------------------------------------

    def run(self, action: Callable[[], EditResult]) -> EditResult | None:
        """Run an edit service; a refusal is shown, nothing else happens."""
        try:
            result = action()
        except _user_errors() as error:
            prompts.show_warning(self.panel, "Không sửa được", str(error))
            return None
        self.history.record(result)
        return result

    def refresh(self, result: EditResult) -> None:
        model = self.panel.task_model
        keep = self.current_task_uid()
        column = max(self.panel.ui.task_table.currentIndex().column(), 1)
        if result.structure_changed:
            self.panel.refresh_plan()
        else:
            model.invalidate_tasks(set(result.task_uids))
        if keep is not None:
            self.select_task(keep, column)
        self._update_buttons()

    # --- TaskEditor ------------------------------------------------------------------------------

    def edit_field(self, task_uid: str, field: str, value: str) -> None:
        self.run(lambda: plan_editing.edit_task_field(self.ws, task_uid, field, value))

    def move_task(self, task_uid: str, before_uid: str | None, section_code: str | None) -> None:
        # After the drop returns: the model is reset by the refresh, not during the drag.
        QTimer.singleShot(
            0,
            lambda: self.run(
                lambda: plan_editing.move_task(self.ws, task_uid, before_uid, section_code)
            ),
        )

    # --- commands of the bar ---------------------------------------------------------------------

    def current_task_uid(self) -> str | None:
        index = self.panel.ui.task_table.currentIndex()
        if not index.isValid():
            return None
        entry = self.panel.task_model.row_entry(index.row())
        return entry.uid if isinstance(entry, TaskRow) else None

    def _plan(self) -> str | None:
        return self.panel.current_plan_uid() if self.panel.task_model.is_editable else None

    def add_task(self) -> None:
        plan_uid = self._plan()
        if plan_uid is None:
            return
        after = self.current_task_uid()
        section = self.panel.current_section_code()
        if after is not None:
            section = plans.load_task(self.ws.db, after).section_code
        if section is None:
            found = plans.list_sections(self.ws.db, plan_uid)
            section = found[-1].code if found else ""
        new_uid: list[str] = []

        def action() -> EditResult:
            uid, result = plan_editing.add_task(self.ws, plan_uid, section, after_uid=after)
            new_uid.append(uid)
            return result

        if self.run(action) is not None and new_uid:
            self.select_task(new_uid[0], 1)
            self.panel.ui.task_table.edit(self.panel.ui.task_table.currentIndex())

    def add_section(self) -> None:
        plan_uid = self._plan()
        if plan_uid is None:
            return
        text = prompts.ask_text(
            self.panel, "Thêm mục", "Ký hiệu và tên mục, ví dụ: XIV. Nhiệm vụ riêng của phường"
        )
        if not text:
            return
        code, _, title = text.partition(".")
        self.run(lambda: plan_editing.add_section(self.ws, plan_uid, code, title))

    def toggle_not_applicable(self) -> None:
        uid = self.current_task_uid()
        if uid is None or self._plan() is None:
            return
        task = plans.load_task(self.ws.db, uid)
        if task.not_applicable:
            self.run(lambda: plan_editing.set_not_applicable(self.ws, uid, False))
            return
        reason = prompts.ask_text(self.panel, "Không áp dụng", "Lý do không áp dụng nhiệm vụ:")
        if reason is None:
            return
        self.run(lambda: plan_editing.set_not_applicable(self.ws, uid, True, reason))

    def renumber(self) -> None:
        plan_uid = self._plan()
        if plan_uid is not None:
            self.run(lambda: plan_editing.renumber_plan(self.ws, plan_uid))

    def select_task(self, task_uid: str, column: int = 1) -> None:
        """Select a task's row and field, showing the whole plan first when it is filtered out."""
        model = self.panel.task_model
        row = model.row_of(task_uid)
        if row is None:
            self.panel.show_everything()
            row = model.row_of(task_uid)
        if row is None:
            return
        table = self.panel.ui.task_table
        index = model.index(row, column)
        table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        table.scrollTo(index)
        table.setFocus(Qt.FocusReason.OtherFocusReason)

    def unit_names(self) -> list[str]:
        from kscdesk.services.tailor_plan import list_unit_names

        return list_unit_names(self.ws)

    # --- dialogs ---------------------------------------------------------------------------------

    def run_checks(self) -> None:
        from kscdesk.services.tailor_plan import check_stored_plan

        plan_uid = self.panel.current_plan_uid()
        if plan_uid is None:
            return
        self.checks.show_findings(check_stored_plan(self.ws, plan_uid).findings)
        self.checks.show()

    def open_derive(self) -> None:
        from kscdesk.ui.derive_dialog import DeriveDialog

        dialog = DeriveDialog(self.ws, self.panel)
        if dialog.exec() and dialog.plan_uid:
            self.panel.reload_plans()
            self.panel.select_plan(dialog.plan_uid)

    def open_rules(self) -> None:
        from kscdesk.ui.rules_dialog import RulesDialog

        plan_uid = self._plan()
        if plan_uid is None:
            return
        dialog = RulesDialog(self.ws, plan_uid, self.panel)
        if dialog.exec() and dialog.chosen_changes():
            changes = dialog.chosen_changes()
            from kscdesk.services.plan_editing import apply_wording

            self.run(lambda: apply_wording(self.ws, plan_uid, changes))

    def open_update(self) -> None:
        from kscdesk.ui.plan_update_dialog import PlanUpdateDialog

        plan_uid = self._plan()
        if plan_uid is None:
            return
        dialog = PlanUpdateDialog(self.ws, plan_uid, self.run, self.panel)
        dialog.exec()

    def open_units(self) -> None:
        from kscdesk.ui.units_dialog import UnitsDialog

        UnitsDialog(self.ws, self.panel).exec()
