"""Find a task from what the officer types: the number as printed ("1a", "II.3") or an id prefix."""

from kscdesk.domain.model import PlanKind, Task
from kscdesk.domain.text import clean_text
from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans


class TaskNotFound(ServiceError):
    def __init__(self, ref: str) -> None:
        super().__init__(
            f"Không tìm thấy nhiệm vụ “{ref}”. Gõ số thứ tự như trong kế hoạch (1a, II.3) "
            "hoặc các ký tự đầu của mã nhiệm vụ."
        )


class AmbiguousTaskReference(ServiceError):
    def __init__(self, ref: str, labels: list[str]) -> None:
        super().__init__(
            f"“{ref}” khớp với nhiều nhiệm vụ ({', '.join(labels[:5])}). "
            "Hãy ghi cả mục (ví dụ II.3) hoặc dùng mã nhiệm vụ."
        )


def _labels(task: Task) -> set[str]:
    label = task.label.lower()
    return {label, f"{task.section_code.lower()}.{label}", f"{task.section_code.lower()}{label}"}


def find_task(ws: Workspace, ref: str, plan_uid: str | None = None) -> Task:
    """The task ``ref`` names, looked up in ``plan_uid`` or else in the office's own plans.

    A number as printed ("1a") or section and number ("II.3") is looked up first; otherwise
    ``ref`` is taken as the start of a task uid. TaskNotFound / AmbiguousTaskReference else.
    """
    text = clean_text(ref)
    key = text.lower().replace(" ", "")
    if not key:
        raise TaskNotFound(text)
    summaries = plans.list_plans(ws.db)
    if plan_uid is not None:
        scope = [plan_uid]
    else:
        own = [s.uid for s in summaries if s.kind is PlanKind.OWN]
        scope = own or [s.uid for s in summaries]
    by_number: list[Task] = []
    for uid in scope:
        tasks = plans.load_tasks(ws.db, plans.list_task_uids(ws.db, uid))
        by_number.extend(task for task in tasks.values() if key in _labels(task))
    if len(by_number) == 1:
        return by_number[0]
    if len(by_number) > 1:
        raise AmbiguousTaskReference(text, [f"{t.section_code}.{t.label}" for t in by_number])
    rows = ws.db.execute(
        "SELECT uid FROM tasks WHERE uid LIKE ? ESCAPE '\\' LIMIT 2",
        [key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"],
    ).fetchall()
    if len(rows) == 1:
        return plans.load_task(ws.db, rows[0][0])
    if len(rows) > 1:
        raise AmbiguousTaskReference(text, [row[0][:8] for row in rows])
    raise TaskNotFound(text)
