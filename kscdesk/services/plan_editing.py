"""Use cases: edit an own plan in place, each edit one transaction journaled for undo and redo.

Every edit records the rows it touched before and after (store.plan_edits), so undo and redo
read the database and still work after a restart; the window's QUndoStack only calls these.
"""

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from kscdesk.domain.model import PlanKind, Section, Task, new_uid
from kscdesk.domain.plan_numbering import renumber, restarts_per_section
from kscdesk.domain.text import nfc
from kscdesk.domain.wording import FIELD_LABELS, WordingChange, apply_changes, with_fields
from kscdesk.services.errors import ServiceError
from kscdesk.services.offices import get_officer_name
from kscdesk.services.workspace import Workspace
from kscdesk.store import history, plan_edits, plans
from kscdesk.store.history import HistoryEntry

log = logging.getLogger(__name__)

EDITABLE_FIELDS = ("content", "output", "lead", "coordinating", "timeframe")


@dataclass(frozen=True)
class EditResult:
    """What an edit (or an undo/redo) changed, for the views to refresh."""

    label: str
    task_uids: tuple[str, ...]
    structure_changed: bool  # rows added, removed or moved: the view reloads its ids
    recorded: bool = True  # False when nothing changed, so there is nothing to undo


def own_plan_uid(ws: Workspace, task_or_plan_uid: str, *, is_task: bool) -> str:
    plan_uid = plans.plan_uid_of_task(ws.db, task_or_plan_uid) if is_task else task_or_plan_uid
    plan = plans.load_plan(ws.db, plan_uid)
    if plan.kind is not PlanKind.OWN:
        raise ServiceError(
            "Kế hoạch cấp trên được giữ nguyên như văn bản đã ban hành. "
            "Hãy lập kế hoạch của đơn vị từ kế hoạch này rồi sửa trên đó."
        )
    return plan_uid


def journaled(
    ws: Workspace,
    plan_uid: str,
    label: str,
    change: Callable[[], None],
    scope: tuple[Iterable[str], Iterable[str]] | None = None,
) -> EditResult:
    """Run ``change`` in one transaction and journal the rows in ``scope`` (task uids, section
    uids) before and after; every row of the plan when scope is None."""
    tasks = list(scope[0]) if scope is not None else None
    sections = list(scope[1]) if scope is not None else None
    with ws.db.atomic():
        before = plan_edits.snapshot(ws.db, plan_uid, tasks, sections)
        change()
        after = plan_edits.snapshot(ws.db, plan_uid, tasks, sections)
        edit_id = plan_edits.record_edit(ws.db, plan_uid, label, before, after)
    changed = [
        uid for uid in after.get("tasks", {}) if before["tasks"].get(uid) != after["tasks"][uid]
    ]
    structural = tasks is None or sections is None or not tasks
    log.info("plan %s: %s (%d tasks changed)", plan_uid, label, len(changed))
    return EditResult(label, tuple(changed), structural, edit_id is not None)


def _record_history(ws: Workspace, task_uid: str, field: str, old: str, new: str) -> None:
    """The change journal of the task (who, when, old → new), beside the undo journal."""
    if old != new:
        officer = get_officer_name(ws)
        history.record_change(
            ws.db, HistoryEntry("", officer, "task", task_uid, task_uid, field, old, new)
        )


def edit_task_field(ws: Workspace, task_uid: str, field: str, value: str) -> EditResult:
    """Set one text field of a task of an own plan."""
    if field not in EDITABLE_FIELDS:
        raise ServiceError(f"Không sửa được trường “{field}”.")
    plan_uid = own_plan_uid(ws, task_uid, is_task=True)
    text = nfc(value).strip()

    def change() -> None:
        task = plans.load_task(ws.db, task_uid)
        plans.update_task(ws.db, with_fields(task, {field: text}))
        _record_history(ws, task_uid, field, getattr(task, field), text)

    return journaled(ws, plan_uid, f"Sửa {FIELD_LABELS[field].lower()}", change, ([task_uid], []))


def set_not_applicable(ws: Workspace, task_uid: str, flag: bool, reason: str = "") -> EditResult:
    """Mark a task not applicable (kept, greyed, left out of documents) with a reason, or back."""
    plan_uid = own_plan_uid(ws, task_uid, is_task=True)
    reason = nfc(reason).strip()
    if flag and not reason:
        raise ServiceError("Hãy ghi lý do không áp dụng nhiệm vụ.")

    def change() -> None:
        task = plans.load_task(ws.db, task_uid)
        plans.update_task(
            ws.db, replace(task, not_applicable=flag, not_applicable_reason=reason if flag else "")
        )
        old = task.not_applicable_reason if task.not_applicable else ""
        _record_history(ws, task_uid, "not_applicable", old, reason if flag else "")

    label = "Đánh dấu không áp dụng" if flag else "Bỏ đánh dấu không áp dụng"
    return journaled(ws, plan_uid, label, change, ([task_uid], []))


def write_order(ws: Workspace, tasks: Sequence[Task], before: Sequence[Task]) -> None:
    """Store ``tasks`` in this order, renumbered the way the plan was numbered ``before``."""
    restart = restarts_per_section([], before)
    for position, task in enumerate(renumber([], tasks, restart=restart)):
        plans.update_task(ws.db, replace(task, position=position))


def add_task(
    ws: Workspace,
    plan_uid: str,
    section_code: str,
    *,
    after_uid: str | None = None,
    content: str = "Nhiệm vụ mới",
) -> tuple[str, EditResult]:
    """Add a local task in a section (after ``after_uid``, or at the section's end); renumbers."""
    plan_uid = own_plan_uid(ws, plan_uid, is_task=False)
    uid = new_uid()

    def change() -> None:
        tasks = plans.load_plan_content(ws.db, plan_uid).tasks
        new = Task(section_code, "0", nfc(content).strip(), is_local=True, uid=uid)
        index = _insert_index(tasks, section_code, after_uid)
        plans.add_task(ws.db, plan_uid, new)
        write_order(ws, [*tasks[:index], new, *tasks[index:]], tasks)

    return uid, journaled(ws, plan_uid, "Thêm nhiệm vụ", change)


def _insert_index(tasks: Sequence[Task], section_code: str, after_uid: str | None) -> int:
    if after_uid is not None:
        for index, task in enumerate(tasks):
            if task.uid == after_uid:
                return index + 1
    last = [i for i, task in enumerate(tasks) if task.section_code == section_code]
    return last[-1] + 1 if last else len(tasks)


def add_section(
    ws: Workspace, plan_uid: str, code: str, title: str, parent_code: str | None = None
) -> EditResult:
    """Add a local section at the end of the plan (or of its parent section's group)."""
    plan_uid = own_plan_uid(ws, plan_uid, is_task=False)
    code, title = nfc(code).strip(), nfc(title).strip()
    sections = plans.list_sections(ws.db, plan_uid)
    if not code or not title:
        raise ServiceError("Mục mới cần có ký hiệu (ví dụ XIV) và tên mục.")
    if any(s.code == code for s in sections):
        raise ServiceError(f"Đã có mục “{code}” trong kế hoạch.")
    section = Section(code, title, parent_code, position=len(sections))

    def change() -> None:
        plans.insert_section(ws.db, plan_uid, section)

    return journaled(ws, plan_uid, "Thêm mục", change, ([], [section.uid]))


def move_task(
    ws: Workspace, task_uid: str, before_uid: str | None, section_code: str | None = None
) -> EditResult:
    """Move a task before another one (or to the end of ``section_code``); renumbers."""
    plan_uid = own_plan_uid(ws, task_uid, is_task=True)

    def change() -> None:
        tasks = plans.load_plan_content(ws.db, plan_uid).tasks
        moving = next(t for t in tasks if t.uid == task_uid)
        rest = [t for t in tasks if t.uid != task_uid]
        if before_uid is not None:
            index = next(i for i, t in enumerate(rest) if t.uid == before_uid)
            target_section = section_code or rest[index].section_code
        else:
            target_section = section_code or moving.section_code
            index = _insert_index(rest, target_section, None)
        moved = replace(moving, section_code=target_section, sub=None)
        write_order(ws, [*rest[:index], moved, *rest[index:]], tasks)

    return journaled(ws, plan_uid, "Di chuyển nhiệm vụ", change)


def renumber_plan(ws: Workspace, plan_uid: str) -> EditResult:
    """Number the tasks again in table order (continuous or per section, as the plan was)."""
    plan_uid = own_plan_uid(ws, plan_uid, is_task=False)

    def change() -> None:
        tasks = plans.load_plan_content(ws.db, plan_uid).tasks
        write_order(ws, tasks, tasks)

    return journaled(ws, plan_uid, "Đánh số lại", change)


def apply_wording(ws: Workspace, plan_uid: str, changes: Sequence[WordingChange]) -> EditResult:
    """Apply the previewed wording changes the officer kept."""
    plan_uid = own_plan_uid(ws, plan_uid, is_task=False)
    uids = sorted({c.task_uid for c in changes})

    def change() -> None:
        tasks = list(plans.load_tasks(ws.db, uids).values())
        for task in apply_changes(tasks, changes):
            plans.update_task(ws.db, task)

    return journaled(ws, plan_uid, "Áp dụng quy tắc thay từ", change, (uids, []))


def undo(ws: Workspace, plan_uid: str) -> EditResult | None:
    entry = plan_edits.undo_last(ws.db, plan_uid)
    return EditResult(f"Hoàn tác: {entry.label}", (), True) if entry else None


def redo(ws: Workspace, plan_uid: str) -> EditResult | None:
    entry = plan_edits.redo_next(ws.db, plan_uid)
    return EditResult(f"Làm lại: {entry.label}", (), True) if entry else None
