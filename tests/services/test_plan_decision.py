"""What the decision issuing the commune's plan says beyond the plan (issue 6)."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kscdesk.domain.model import Decision, Level, Plan, Unit
from kscdesk.services.demo import load_demo
from kscdesk.services.offices import get_profile
from kscdesk.services.plan_decision import (
    LEAD_AFTER_2025,
    LEAD_BEFORE_2025,
    _parent_citation,
    decision_facts,
)
from kscdesk.services.workspace import Workspace
from kscdesk.store import offices, plans


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
    load_demo(workspace)
    yield workspace
    workspace.close()


def own_plan(ws: Workspace) -> Plan:
    summary = next(s for s in plans.list_plans(ws.db) if s.kind.value == "own")
    return plans.load_plan(ws.db, summary.uid)


def test_the_parent_plans_decision_is_cited_with_its_issuer() -> None:
    parent = Plan(
        issuer="UBND thị xã Đức Phổ",
        year=2025,
        title="Kế hoạch …",
        level=Level.DISTRICT,
        decision=Decision("236/QĐ-UBND", date(2025, 2, 12)),
    )
    assert _parent_citation(parent) == (
        "Quyết định số 236/QĐ-UBND ngày 12/02/2025 của UBND thị xã Đức Phổ"
    )
    assert _parent_citation(replace(parent, decision=None)) == ""


def test_the_proposing_unit_follows_the_reform_unless_the_directory_names_the_lead(
    ws: Workspace,
) -> None:
    plan = own_plan(ws)
    office = get_profile(ws).office
    assert office is not None
    # The demo's directory names Văn phòng – Thống kê as the KSTT lead.
    assert decision_facts(ws, plan, date(2026, 1, 5)).proposing_unit == "Văn phòng – Thống kê"
    for unit in offices.list_units(ws.db, office.uid):
        offices.save_unit(ws.db, replace(unit, is_kstt_lead=False))
    assert decision_facts(ws, plan, date(2025, 2, 1)).proposing_unit == LEAD_BEFORE_2025
    assert decision_facts(ws, plan, date(2026, 1, 5)).proposing_unit == LEAD_AFTER_2025
    offices.save_unit(ws.db, Unit(office.uid, "Văn phòng HĐND và UBND", is_kstt_lead=True))
    assert decision_facts(ws, plan, date(2026, 1, 5)).proposing_unit == "Văn phòng HĐND và UBND"


def test_the_place_and_date_come_from_the_office_and_the_day_of_drafting(ws: Workspace) -> None:
    facts = decision_facts(ws, own_plan(ws), date(2026, 1, 5))
    office = get_profile(ws).office
    assert office is not None and facts.office_name == office.name
    assert facts.place and facts.place in office.name
    assert facts.drafted_on == date(2026, 1, 5)
