"""Data folders for exchange tests: a district with a plan, communes that derive and report."""

from datetime import date
from pathlib import Path

from kscdesk.domain.model import (
    Evidence,
    EvidenceType,
    Indicator,
    IndicatorValue,
    Level,
    Plan,
    PlanContent,
    PlanKind,
    Progress,
    ProgressStatus,
    Section,
    Task,
)
from kscdesk.domain.tailoring import derive_own_plan
from kscdesk.services.offices import OfficeSpec, get_profile, set_office
from kscdesk.services.workspace import Workspace
from kscdesk.store import indicators, plans, progress

DISTRICT = "UBND huyện Sơn Tịnh"
DISTRICT_CODE = "212"


def district_plan(year: int = 2025) -> PlanContent:
    sections = [Section("I", "Công tác chỉ đạo", position=1), Section("II", "Rà soát", position=2)]
    tasks = [
        Task("I", "1", "Ban hành kế hoạch kiểm soát TTHC", timeframe="Quý I", position=1),
        Task("I", "2", "Tuyên truyền về cải cách TTHC", timeframe="Thường xuyên", position=2),
        Task("II", "3", "Rà soát, đánh giá quy định TTHC", timeframe="Quý II", position=3),
        Task("II", "4", "Công khai TTHC đúng hạn", timeframe="Thường xuyên", position=4),
    ]
    inds = [
        Indicator("1", "Tỷ lệ hồ sơ trực tuyến", "%", "Tối thiểu 80", position=1),
        Indicator("2", "Tỷ lệ thanh toán trực tuyến", "%", "Tối thiểu 85", position=2),
    ]
    plan = Plan(DISTRICT, year, "Kế hoạch kiểm soát TTHC năm 2025", Level.DISTRICT, PlanKind.OWN)
    return PlanContent(plan, sections, tasks, inds)


def make_district(folder: Path) -> str:
    """A district data folder holding its plan; returns the plan uid."""
    with Workspace.open(folder) as ws:
        set_office(
            ws,
            OfficeSpec(DISTRICT, Level.DISTRICT, DISTRICT_CODE),
            OfficeSpec("UBND tỉnh Quảng Ngãi", Level.PROVINCE),
        )
        return plans.save_plan_content(ws.db, district_plan())


def make_commune(folder: Path, name: str, code: str = "") -> None:
    with Workspace.open(folder) as ws:
        set_office(
            ws,
            OfficeSpec(name, Level.COMMUNE, code),
            OfficeSpec(DISTRICT, Level.DISTRICT, DISTRICT_CODE),
        )


def derive_and_record(
    folder: Path,
    period: str,
    counts: list[tuple[int, int]],
    statuses: list[ProgressStatus],
    attachment: Path | None = None,
) -> str:
    """Derive the commune's own plan from the imported parent plan, record progress, evidence and
    indicator counts for the period; returns the own plan uid (derived once)."""
    with Workspace.open(folder) as ws:
        own = [s for s in plans.list_plans(ws.db) if s.kind is PlanKind.OWN]
        if own:
            plan_uid = own[0].uid
        else:
            parent = next(s for s in plans.list_plans(ws.db) if s.kind is PlanKind.PARENT)
            office = get_profile(ws).office
            assert office is not None
            content = derive_own_plan(plans.load_plan_content(ws.db, parent.uid), office)
            plan_uid = plans.save_plan_content(ws.db, content)
        content = plans.load_plan_content(ws.db, plan_uid)
        for task, status in zip(content.tasks, statuses, strict=False):
            progress.save_progress(ws.db, Progress(task.uid, period, status))
        for indicator, (num, den) in zip(content.indicators, counts, strict=True):
            indicators.save_indicator_value(ws.db, IndicatorValue(indicator.uid, period, num, den))
        files = (ws.attachments.add_file(attachment),) if attachment else ()
        ws.attachments.make_durable(f.digest for f in files)  # as saving a record does
        progress.save_evidence(
            ws.db,
            Evidence(
                EvidenceType.PLAN,
                "12/KH-UBND",
                date(2025, 1, 10),
                "UBND xã",
                "Kế hoạch KSTT",
                (content.tasks[0].uid,),
                files,
            ),
        )
        return plan_uid
