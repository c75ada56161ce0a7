"""Deriving an office's own plan from the parent plan."""

from kscdesk.domain.model import Level, Office, Plan, PlanContent, PlanKind, Section, Task
from kscdesk.domain.tailoring import derive_own_plan


def parent_content() -> PlanContent:
    plan = Plan(issuer="UBND thành phố Quảng Ngãi", year=2023, title="Kế hoạch KSTT năm 2023")
    return PlanContent(
        plan=plan,
        sections=[Section(code="I", title="Ban hành văn bản")],
        tasks=[
            Task(section_code="I", number="1", sub="a", content="Xây dựng kế hoạch"),
            Task(section_code="I", number="2", content="Niêm yết TTHC", timeframe="Thường xuyên"),
        ],
    )


def test_every_copied_task_points_at_its_parent_row() -> None:
    parent = parent_content()
    own = derive_own_plan(parent, Office(name="UBND phường Trần Phú", level=Level.COMMUNE))
    assert [t.parent_task_uid for t in own.tasks] == [t.uid for t in parent.tasks]
    assert {t.uid for t in own.tasks}.isdisjoint(t.uid for t in parent.tasks)


def test_own_plan_belongs_to_the_office_and_derives_from_the_parent() -> None:
    parent = parent_content()
    office = Office(name="UBND phường Trần Phú", level=Level.COMMUNE)
    own = derive_own_plan(parent, office)
    assert own.plan.kind is PlanKind.OWN
    assert own.plan.derived_from_uid == parent.plan.uid
    assert own.plan.office_uid == office.uid
    assert own.plan.issuer == "UBND phường Trần Phú"
    assert own.plan.level is Level.COMMUNE


def test_copied_rows_keep_their_wording_and_timeframe() -> None:
    parent = parent_content()
    own = derive_own_plan(parent, Office(name="UBND xã A", level=Level.COMMUNE))
    assert [(t.label, t.content, t.timeframe) for t in own.tasks] == [
        ("1a", "Xây dựng kế hoạch", ""),
        ("2", "Niêm yết TTHC", "Thường xuyên"),
    ]
