"""Use cases: follow a re-issued parent plan (three-way update) and carry last year's edits."""

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kscdesk.domain.model import PlanKind, Task, new_uid
from kscdesk.domain.plan_compare import (
    NOT_APPLICABLE,
    CarriedEdit,
    Change,
    Comparison,
    Uncarried,
    carry_forward,
    compare_three_way,
)
from kscdesk.domain.wording import with_fields
from kscdesk.services.errors import ServiceError
from kscdesk.services.plan_editing import EditResult, journaled, own_plan_uid, write_order
from kscdesk.services.plans import find_plan_uid
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans

TAKE_NEW = "take_new"  # upstream / both: put the new parent's text in the commune plan
ADD = "add"  # added: copy the new parent's task into the commune plan
REMOVE = "remove"  # removed: mark the commune's task not applicable
REMOVED_REASON = "Cấp trên đã bỏ nhiệm vụ này khi ban hành lại kế hoạch."


@dataclass(frozen=True)
class UpdatePlan:
    """A comparison ready to show or apply: the uids resolved from the officer's references."""

    own_uid: str
    new_parent_uid: str
    comparison: Comparison


def compare_with_parent(ws: Workspace, plan_ref: str, new_parent_ref: str) -> UpdatePlan:
    own_uid = find_plan_uid(ws, plan_ref)
    new_uid = find_plan_uid(ws, new_parent_ref)
    own = plans.load_plan_content(ws.db, own_uid)
    if own.plan.kind is not PlanKind.OWN or not own.plan.derived_from_uid:
        raise ServiceError("Chỉ so sánh được kế hoạch của đơn vị đã lập từ kế hoạch cấp trên.")
    base = plans.load_plan_content(ws.db, own.plan.derived_from_uid)
    new = plans.load_plan_content(ws.db, new_uid)
    if new.plan.kind is not PlanKind.PARENT:
        raise ServiceError(f"“{new.plan.title}” không phải kế hoạch cấp trên.")
    return UpdatePlan(own_uid, new_uid, compare_three_way(base.tasks, new.tasks, own.tasks))


def apply_decisions(
    ws: Workspace, update: UpdatePlan, decisions: Sequence[tuple[Change, str]]
) -> EditResult:
    """Apply the officer's decisions (TAKE_NEW, ADD, REMOVE) as one undoable edit."""
    own_uid = own_plan_uid(ws, update.own_uid, is_task=False)

    def change() -> None:
        new_tasks = {t.uid: t for t in plans.load_plan_content(ws.db, update.new_parent_uid).tasks}
        added: list[Task] = []
        for item, decision in decisions:
            if decision == TAKE_NEW and item.own_task_uid and item.field:
                task = plans.load_task(ws.db, item.own_task_uid)
                plans.update_task(ws.db, with_fields(task, {item.field: item.new}))
            elif decision == REMOVE and item.own_task_uid:
                task = plans.load_task(ws.db, item.own_task_uid)
                plans.update_task(
                    ws.db, replace(task, not_applicable=True, not_applicable_reason=REMOVED_REASON)
                )
            elif decision == ADD and item.new_task_uid in new_tasks:
                source = new_tasks[item.new_task_uid]
                added.append(replace(source, uid=new_uid(), parent_task_uid=source.uid))
        if added:
            _insert_added(ws, own_uid, added)

    return journaled(ws, own_uid, "Cập nhật theo kế hoạch cấp trên", change)


def _insert_added(ws: Workspace, own_uid: str, added: list[Task]) -> None:
    tasks = plans.load_plan_content(ws.db, own_uid).tasks
    before = list(tasks)
    codes = {s.code for s in plans.list_sections(ws.db, own_uid)}
    for task in added:
        section = task.section_code if task.section_code in codes else tasks[-1].section_code
        task = replace(task, section_code=section)
        plans.add_task(ws.db, own_uid, task)
        last = [i for i, t in enumerate(tasks) if t.section_code == section]
        index = last[-1] + 1 if last else len(tasks)
        tasks.insert(index, task)
    write_order(ws, tasks, before)


def apply_upstream(ws: Workspace, update: UpdatePlan) -> EditResult:
    """What ``plan update`` does without --dry-run: take every upstream-only change."""
    chosen = [(c, TAKE_NEW) for c in update.comparison.changes if c.kind == "upstream"]
    return apply_decisions(ws, update, chosen)


@dataclass(frozen=True)
class CarryResult:
    carried: list[CarriedEdit]
    not_carried: list[Uncarried]


def offer_carry_forward(ws: Workspace, new_own_ref: str, last_own_ref: str) -> CarryResult:
    """Last year's local edits that fit this year's derived plan, and those that do not."""
    new_own = plans.load_plan_content(ws.db, find_plan_uid(ws, new_own_ref))
    last_own = plans.load_plan_content(ws.db, find_plan_uid(ws, last_own_ref))
    if not last_own.plan.derived_from_uid:
        raise ServiceError("Kế hoạch năm trước không gắn với kế hoạch cấp trên nào.")
    last_parent = plans.load_plan_content(ws.db, last_own.plan.derived_from_uid)
    carried, lost = carry_forward(
        last_parent.tasks,
        last_own.tasks,
        new_own.tasks,
        (last_own.plan.year, new_own.plan.year),
    )
    return CarryResult(carried, lost)


def apply_carried(ws: Workspace, plan_uid: str, edits: Sequence[CarriedEdit]) -> EditResult:
    own_uid = own_plan_uid(ws, plan_uid, is_task=False)
    uids = sorted({e.task_uid for e in edits})

    def change() -> None:
        for edit in edits:
            task = plans.load_task(ws.db, edit.task_uid)
            if edit.field == NOT_APPLICABLE:
                task = replace(task, not_applicable=True, not_applicable_reason=edit.new)
            else:
                task = with_fields(task, {edit.field: edit.new})
            plans.update_task(ws.db, task)

    return journaled(ws, own_uid, "Mang sửa đổi năm trước sang", change, (uids, []))
