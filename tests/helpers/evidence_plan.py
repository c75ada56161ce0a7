"""A small ward plan stored in a workspace, for evidence tests; tasks by their printed label."""

from kscdesk.domain.model import Level, Plan, PlanContent, PlanKind, Section, Task
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans


def save_ward_plan(ws: Workspace) -> dict[str, str]:
    """Store the plan; return {"1a": uid, "1b": uid, "2": uid, "II.3": uid}."""
    plan = Plan(
        issuer="UBND phường Đức Phổ",
        year=2025,
        title="Kế hoạch hoạt động kiểm soát thủ tục hành chính năm 2025",
        level=Level.COMMUNE,
        kind=PlanKind.OWN,
    )
    tasks = [
        Task("I", "1", "Rà soát thủ tục hành chính", sub="a", output="Kế hoạch rà soát"),
        Task("I", "1", "Kiểm soát hồ sơ trực tuyến", sub="b", output="Báo cáo", position=1),
        Task("I", "2", "Công khai TTHC", output="Danh mục niêm yết", position=2),
        Task("II", "3", "Báo cáo quý", output="Báo cáo định kỳ", position=3),
    ]
    sections = [Section("I", "Rà soát", position=0), Section("II", "Báo cáo", position=1)]
    plans.save_plan_content(ws.db, PlanContent(plan=plan, sections=sections, tasks=tasks))
    labels = [task.label for task in tasks[:3]] + ["II.3"]
    return {label: task.uid for label, task in zip(labels, tasks, strict=True)}
