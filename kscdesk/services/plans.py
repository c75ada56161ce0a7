"""Use cases on stored plans: find by short id, export for printing."""

from pathlib import Path

from kscdesk.formats.atomic_write import OutputFileError
from kscdesk.formats.xlsx_plan_writer import write_plan_xlsx
from kscdesk.services.errors import AmbiguousPlanReference, PlanNotFound, ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans


def find_plan_uid(ws: Workspace, ref: str) -> str:
    """A plan's uid from its full uid or a unique prefix (as ``plan list`` prints them)."""
    ref = ref.strip().lower()
    matches = [s.uid for s in plans.list_plans(ws.db) if s.uid.lower().startswith(ref)]
    if not ref or not matches:
        raise PlanNotFound(ref)
    if len(matches) > 1:
        raise AmbiguousPlanReference(ref)
    return matches[0]


def export_plan_xlsx(ws: Workspace, ref: str, out: Path) -> Path:
    """Write a printable .xlsx of the plan (without the tasks marked not applicable); the file
    is replaced only when writing succeeded."""
    content = plans.load_plan_content(ws.db, find_plan_uid(ws, ref))
    # Tasks marked not applicable stay in the plan (greyed in the view) but not in documents.
    content.tasks = [task for task in content.tasks if not task.not_applicable]
    out = out.with_suffix(".xlsx") if out.suffix.lower() != ".xlsx" else out
    try:
        write_plan_xlsx(content, out)
    except OutputFileError as error:  # open in Excel, or a folder that cannot be written
        raise ServiceError(str(error)) from error
    return out
