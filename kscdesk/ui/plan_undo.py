"""Undo and redo of plan edits: a QUndoStack whose commands call the editing services.

The edit journal in the store is the truth (it survives a restart); the stack mirrors it. A
command's first redo is the edit itself, already done by the time it is pushed; later redos and
undos replay the journal through ``plan_editing.redo`` / ``undo``. Widgets are never poked.
"""

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from kscdesk.services import plan_editing
from kscdesk.services.plan_editing import EditResult
from kscdesk.services.workspace import Workspace
from kscdesk.store import plan_edits

Refresh = Callable[[EditResult], None]


class JournalCommand(QUndoCommand):
    """One journaled edit of one plan."""

    def __init__(self, history: "PlanHistory", label: str) -> None:
        super().__init__(label)
        self._history = history
        self._skip_redo = True  # pushed after the edit was made (or restored from the journal)

    def redo(self) -> None:
        if self._skip_redo or self._history.restoring:
            self._skip_redo = False
            return
        self._history.replay(plan_editing.redo)

    def undo(self) -> None:
        if self._history.restoring:
            return
        self._history.replay(plan_editing.undo)


class PlanHistory:
    """The undo stack of the plan shown, rebuilt from the journal when the plan changes."""

    def __init__(self, ws: Workspace, refresh: Refresh, parent: QWidget) -> None:
        self._ws = ws
        self._refresh = refresh
        self.plan_uid: str | None = None
        self.restoring = False
        self.stack = QUndoStack(parent)
        self.stack.setObjectName("plan_undo_stack")

    def show_plan(self, plan_uid: str | None) -> None:
        """Mirror this plan's journal: its done edits can be undone, its undone ones redone."""
        self.plan_uid = plan_uid
        self.restoring = True
        try:
            self.stack.clear()
            if plan_uid is None:
                return
            entries = plan_edits.list_edits(self._ws.db, plan_uid)
            for entry in entries:
                self.stack.push(JournalCommand(self, entry.label))
            self.stack.setIndex(sum(1 for entry in entries if not entry.undone))
        finally:
            self.restoring = False

    def record(self, result: EditResult) -> None:
        """An edit was made through a service: make it undoable and refresh the views."""
        if result.recorded:
            self.stack.push(JournalCommand(self, result.label))
        self._refresh(result)

    def replay(self, step: Callable[[Workspace, str], EditResult | None]) -> None:
        if self.plan_uid is None:
            return
        result = step(self._ws, self.plan_uid)
        if result is not None:
            self._refresh(result)
