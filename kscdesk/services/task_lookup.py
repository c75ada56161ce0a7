"""Find a task from what the officer types: the number as printed ("1a", "II.3") or an id prefix."""

from kscdesk.domain.model import PlanKind, Task
from kscdesk.domain.text import clean_text, search_key
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


MIN_PREFIX = 4  # shorter text is a number, never an id prefix ("99" must not hit a random id)


def _labels(task: Task) -> set[str]:
    """How the officer may write the task's number: "1a", "II.3", "II3"; "D.1" for "Đ.1"."""
    label = search_key(task.label).replace(" ", "")
    section = search_key(task.section_code).replace(" ", "")
    return {label, f"{section}.{label}", f"{section}{label}"}


def find_task(ws: Workspace, ref: str, plan_uid: str | None = None) -> Task:
    """The task ``ref`` names, looked up in ``plan_uid`` or else in the office's own plans.

    A number as printed ("1a") or section and number ("II.3") is looked up first; otherwise
    ``ref`` (four characters or more) is taken as the start of a task uid. TaskNotFound /
    AmbiguousTaskReference else. The one lookup the CLI's progress and evidence commands use.
    """
    text = clean_text(ref)
    key = search_key(text).replace(" ", "")
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
    uids = (
        plans.task_uids_with_prefix(ws.db, text.lower(), scope) if len(text) >= MIN_PREFIX else []
    )
    if len(uids) == 1:
        return plans.load_task(ws.db, uids[0])
    if len(uids) > 1:
        raise AmbiguousTaskReference(text, [uid[:8] for uid in uids])
    raise TaskNotFound(text)
