"""Loading the demo data: all of it, once, or nothing."""

from pathlib import Path

import pytest

from kscdesk.domain.model import PlanKind
from kscdesk.services.demo import load_demo
from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.store import offices, plans, progress


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace.open(tmp_path / "data")
    yield workspace
    workspace.close()


def test_demo_stores_a_parent_plan_and_a_commune_plan_derived_from_it(ws: Workspace) -> None:
    result = load_demo(ws)
    parent = plans.load_plan_content(ws.db, result.parent_plan_uid)
    own = plans.load_plan_content(ws.db, result.own_plan_uid)
    assert parent.plan.kind is PlanKind.PARENT
    assert own.plan.kind is PlanKind.OWN
    assert own.plan.derived_from_uid == parent.plan.uid
    assert [t.parent_task_uid for t in own.tasks] == [t.uid for t in parent.tasks]
    home = offices.get_home_office(ws.db)
    assert home is not None and home.name == result.office_name


def test_demo_progress_is_recorded_for_the_first_quarter(ws: Workspace) -> None:
    result = load_demo(ws)
    recorded = progress.list_progress(ws.db, result.own_plan_uid, "2023-Q1")
    assert len(recorded) == result.progress_count


def test_demo_into_a_folder_with_plans_is_refused(ws: Workspace) -> None:
    load_demo(ws)
    with pytest.raises(ServiceError, match="đã có kế hoạch"):
        load_demo(ws)


def test_demo_that_fails_midway_leaves_the_database_empty(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk failure injected by the test")

    monkeypatch.setattr(progress, "save_evidence", broken)
    with pytest.raises(RuntimeError):
        load_demo(ws)
    assert plans.list_plans(ws.db) == []
    assert offices.list_offices(ws.db) == []
