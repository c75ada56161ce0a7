"""A re-issue of the demo parent plan, for the plan-update comparison (tests and screen walks)."""

from dataclasses import replace

from kscdesk.domain.model import PlanKind, Task, new_uid
from kscdesk.services import plan_editing
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans


def store_revision(ws: Workspace) -> tuple[str, str]:
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
