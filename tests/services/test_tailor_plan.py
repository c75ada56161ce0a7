"""Deriving (from a parent plan or last year's own plan), rules per office, carry forward."""

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kscdesk.domain.model import Plan, PlanContent, PlanKind, Section, Task, new_uid
from kscdesk.domain.wording import WordingRule
from kscdesk.services import plan_editing
from kscdesk.services.errors import ServiceError
from kscdesk.services.plan_update import apply_carried, offer_carry_forward
from kscdesk.services.tailor_plan import (
    derive_plan,
    list_unit_names,
    offered_rules,
    read_rules_file,
    set_unit_names,
    write_rules_file,
)
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
    yield workspace
    workspace.close()


def _parent(year: int) -> PlanContent:
    return PlanContent(
        plan=Plan("UBND thị xã Đức Phổ", year, f"Kế hoạch KSTT năm {year}"),
        sections=[Section("I", "Ban hành văn bản")],
        tasks=[
            Task(
                "I",
                "1",
                f"Xây dựng kế hoạch KSTT năm {year}.",
                lead="Văn phòng thị xã chủ trì.",
                timeframe="Quý I",
                position=0,
            ),
            Task(
                "I",
                "2",
                "Niêm yết công khai TTHC.",
                lead="Phòng Tư pháp",
                timeframe="Thường xuyên",
                position=1,
            ),
            Task(
                "I",
                "3",
                "Thẩm định quy định TTHC.",
                lead="Phòng Tư pháp",
                timeframe="Thường xuyên",
                position=2,
            ),
        ],
    )


def test_the_first_derive_names_the_office_and_saves_the_rules_given(ws: Workspace) -> None:
    parent = plans.save_plan_content(ws.db, _parent(2025))
    rules = [WordingRule("Văn phòng thị xã", "Văn phòng – Thống kê")]
    own = derive_plan(ws, parent, office_name="Phường Phổ Ninh", rules=rules)
    content = plans.load_plan_content(ws.db, own)
    assert content.plan.kind is PlanKind.OWN and content.plan.issuer == "Phường Phổ Ninh"
    assert content.tasks[0].lead == "Văn phòng – Thống kê chủ trì."
    assert offered_rules(ws, parent) == rules
    with pytest.raises(ServiceError, match="Phổ Ninh"):
        derive_plan(ws, parent, office_name="Xã Phổ Châu")


def test_a_rules_file_round_trips(tmp_path: Path) -> None:
    rules = [WordingRule("UBND các xã, phường", "", ("lead", "coordinating"))]
    write_rules_file(rules, tmp_path / "r.json")
    assert read_rules_file(tmp_path / "r.json") == rules
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ServiceError, match=r"bad\.json"):
        read_rules_file(tmp_path / "bad.json")


def test_deriving_from_last_years_own_plan_moves_the_year_on(ws: Workspace) -> None:
    parent = plans.save_plan_content(ws.db, _parent(2025))
    last = derive_plan(ws, parent, office_name="Phường Phổ Ninh", rules=[])
    new = derive_plan(ws, last)
    content = plans.load_plan_content(ws.db, new)
    assert content.plan.year == 2026
    assert content.tasks[0].content == "Xây dựng kế hoạch KSTT năm 2026."
    last_tasks = plans.load_plan_content(ws.db, last).tasks
    assert [t.parent_task_uid for t in content.tasks] == [t.uid for t in last_tasks]


def test_last_years_edits_are_offered_on_next_years_plan(ws: Workspace) -> None:
    parent = plans.save_plan_content(ws.db, _parent(2025))
    last = derive_plan(ws, parent, office_name="Phường Phổ Ninh", rules=[])
    tasks = plans.load_plan_content(ws.db, last).tasks
    plan_editing.edit_task_field(ws, tasks[1].uid, "lead", "Tư pháp – Hộ tịch")
    plan_editing.set_not_applicable(ws, tasks[2].uid, True, "Phường không thẩm định")
    next_parent = _parent(2026)
    next_parent.plan = replace(next_parent.plan, uid=new_uid())
    new = derive_plan(ws, plans.save_plan_content(ws.db, next_parent))
    offer = offer_carry_forward(ws, new, last)
    assert sorted((c.label, c.field, c.new) for c in offer.carried) == [
        ("2", "lead", "Tư pháp – Hộ tịch"),
        ("3", "not_applicable", "Phường không thẩm định"),
    ]
    apply_carried(ws, new, offer.carried)
    carried = plans.load_plan_content(ws.db, new).tasks
    assert carried[1].lead == "Tư pháp – Hộ tịch"
    assert carried[2].not_applicable


def test_the_unit_directory_is_replaced_by_the_names_given(ws: Workspace) -> None:
    parent = plans.save_plan_content(ws.db, _parent(2025))
    derive_plan(ws, parent, office_name="Phường Phổ Ninh", rules=[])
    set_unit_names(ws, ["Văn phòng – Thống kê", " Tư pháp – Hộ tịch ", ""])
    set_unit_names(ws, ["Tư pháp – Hộ tịch", "Văn hóa – Xã hội"])
    assert list_unit_names(ws) == ["Tư pháp – Hộ tịch", "Văn hóa – Xã hội"]
