"""Use case: load the bundled demo data (a parent plan, a commune, its plan, progress, evidence)."""

import json
import logging
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from kscdesk import paths
from kscdesk.domain.model import (
    Evidence,
    EvidenceType,
    IndicatorValue,
    Level,
    Office,
    PlanContent,
    PlanKind,
    Progress,
    ProgressStatus,
    Unit,
)
from kscdesk.domain.tailoring import derive_own_plan
from kscdesk.formats.plan_json import content_from_json
from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.store import indicators, offices, plans, progress

log = logging.getLogger(__name__)

DEMO_PLAN = ("sample", "demo_parent_plan.json")
DEMO_COMMUNE = ("sample", "demo_commune.json")


@dataclass(frozen=True)
class DemoResult:
    parent_plan_uid: str
    own_plan_uid: str
    office_name: str
    task_count: int
    progress_count: int
    evidence_count: int


def _read_json(parts: tuple[str, str]) -> Any:
    path = paths.resource_path(*parts)
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _optional_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def load_demo(ws: Workspace) -> DemoResult:
    """Store the demo data in one transaction; refused when the workspace already has plans."""
    if not ws.is_empty():
        raise ServiceError(
            f"Thư mục dữ liệu “{ws.folder}” đã có kế hoạch. Chỉ nạp dữ liệu mẫu vào thư mục trống."
        )
    parent = content_from_json(_read_json(DEMO_PLAN), Path(DEMO_PLAN[1]))
    commune = _read_json(DEMO_COMMUNE)
    parent_office = Office(
        name=commune["parent_office"]["name"], level=Level(commune["parent_office"]["level"])
    )
    office = Office(
        name=commune["office"]["name"],
        level=Level(commune["office"]["level"]),
        parent_uid=parent_office.uid,
    )
    own = derive_own_plan(parent, office)
    by_label = {task.label: task.uid for task in own.tasks}
    by_number = {indicator.number: indicator.uid for indicator in own.indicators}

    with ws.db.atomic():
        offices.save_office(ws.db, parent_office)
        offices.save_office(ws.db, office)
        offices.set_home_office(ws.db, office)
        for unit in commune["units"]:
            offices.save_unit(
                ws.db,
                Unit(office_uid=office.uid, name=unit["name"], is_kstt_lead=unit["is_kstt_lead"]),
            )
        parent_uid = plans.save_plan_content(ws.db, _as_parent(parent, parent_office))
        own_uid = plans.save_plan_content(ws.db, own)
        for item in commune["progress"]:
            progress.save_progress(
                ws.db,
                Progress(
                    task_uid=by_label[item["task"]],
                    period_key=item["period"],
                    status=ProgressStatus(item["status"]),
                    completed_on=_optional_date(item["completed_on"]),
                    note=item["note"],
                ),
            )
        for item in commune["evidence"]:
            progress.save_evidence(
                ws.db,
                Evidence(
                    doc_type=EvidenceType(item["doc_type"]),
                    number_symbol=item["number_symbol"],
                    issued_on=_optional_date(item["issued_on"]),
                    issuer=item["issuer"],
                    summary=item["summary"],
                    task_uids=tuple(by_label[label] for label in item["tasks"]),
                ),
            )
        for item in commune.get("indicator_values", []):
            indicators.save_indicator_value(
                ws.db,
                IndicatorValue(
                    indicator_uid=by_number[item["indicator"]],
                    period_key=item["period"],
                    numerator=item["numerator"],
                    denominator=item["denominator"],
                ),
            )
    log.info("demo data loaded into %s", ws.folder)
    return DemoResult(
        parent_plan_uid=parent_uid,
        own_plan_uid=own_uid,
        office_name=office.name,
        task_count=len(own.tasks),
        progress_count=len(commune["progress"]),
        evidence_count=len(commune["evidence"]),
    )


def _as_parent(content: PlanContent, issuer_office: Office) -> PlanContent:
    content.plan = replace(
        content.plan, kind=PlanKind.PARENT, office_uid=issuer_office.uid, source_name="Dữ liệu mẫu"
    )
    return content
