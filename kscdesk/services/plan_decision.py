"""Use case: the commune's own plan as issued, "Quyết định ban hành Kế hoạch …" (.docx)."""

from datetime import date
from pathlib import Path

from kscdesk.domain.model import Plan, PlanKind
from kscdesk.formats.atomic_write import OutputFileError
from kscdesk.formats.decision_docx import DecisionFacts, write_decision_docx
from kscdesk.services.errors import ServiceError
from kscdesk.services.offices import get_profile
from kscdesk.services.plans import find_plan_uid
from kscdesk.services.reports import agency_and_place
from kscdesk.services.workspace import Workspace
from kscdesk.store import offices, plans

# The commune unit that leads KSTT and proposes the plan: Văn phòng – Thống kê before the July
# 2025 reform (NĐ 33/2023), the Trung tâm Phục vụ hành chính công after it (TT 03/2025/TT-VPCP).
LEAD_BEFORE_2025 = "Văn phòng – Thống kê"
LEAD_AFTER_2025 = "Trung tâm Phục vụ hành chính công"
REFORM = date(2025, 7, 1)


def _parent_citation(parent: Plan | None) -> str:
    """ "Quyết định số 236/QĐ-UBND ngày 12/02/2025 của UBND thị xã Đức Phổ" ("" when unknown)."""
    if parent is None or parent.decision is None or not parent.decision.number:
        return ""
    when = f" ngày {parent.decision.date:%d/%m/%Y}" if parent.decision.date else ""
    return f"Quyết định số {parent.decision.number}{when} của {parent.issuer}"


def decision_facts(ws: Workspace, plan: Plan, today: date) -> DecisionFacts:
    """What the decision says beyond the plan, from the office profile and the parent plan."""
    profile = get_profile(ws)
    office_name = profile.office.name if profile.office else plan.issuer
    _agency, place = agency_and_place(office_name)
    parent = plans.load_plan(ws.db, plan.derived_from_uid) if plan.derived_from_uid else None
    lead = ""
    if profile.office is not None:
        lead = next(
            (u.name for u in offices.list_units(ws.db, profile.office.uid) if u.is_kstt_lead), ""
        )
    return DecisionFacts(
        office_name=office_name,
        place=place,
        drafted_on=today,
        parent_citation=_parent_citation(parent),
        proposing_unit=lead or (LEAD_AFTER_2025 if today >= REFORM else LEAD_BEFORE_2025),
        parent_name=profile.parent.name if profile.parent else (parent.issuer if parent else ""),
    )


def export_plan_docx(ws: Workspace, ref: str, out: Path, *, today: date | None = None) -> Path:
    """Write the decision issuing the office's own plan, the plan annexed; atomic."""
    content = plans.load_plan_content(ws.db, find_plan_uid(ws, ref))
    if content.plan.kind is not PlanKind.OWN:
        raise ServiceError(
            f"“{content.plan.title}” là kế hoạch của cấp trên. Chỉ lập quyết định ban hành cho "
            "kế hoạch của đơn vị: lập kế hoạch của đơn vị từ kế hoạch này trước."
        )
    out = out.with_suffix(".docx") if out.suffix.lower() != ".docx" else out
    facts = decision_facts(ws, content.plan, today or date.today())
    try:
        return write_decision_docx(content, facts, out)
    except OutputFileError as error:
        raise ServiceError(str(error)) from error
