"""Importing a plan file is one transaction: all of it or nothing."""

from pathlib import Path

import pytest

from kscdesk.domain.work import Cancelled, CancelToken
from kscdesk.formats.errors import NotAPlan
from kscdesk.services.errors import PlanAlreadyImported
from kscdesk.services.import_plan import import_plan_file
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace.open(tmp_path / "data")
    yield workspace
    workspace.close()


def test_import_stores_the_source_name_and_its_sha256(ws: Workspace, fixtures_dir: Path) -> None:
    result = import_plan_file(ws, fixtures_dir / "city2023.docx")
    assert result.plan_uid is not None
    stored = plans.load_plan(ws.db, result.plan_uid)
    assert stored.source_name == "city2023.docx"
    assert len(stored.source_sha256) == 64
    assert plans.count_tasks(ws.db, result.plan_uid) == len(result.content.tasks)


def test_dry_run_stores_nothing(ws: Workspace, fixtures_dir: Path) -> None:
    result = import_plan_file(ws, fixtures_dir / "city2023.docx", dry_run=True)
    assert result.plan_uid is None
    assert result.content.tasks
    assert plans.list_plans(ws.db) == []


def test_the_same_file_twice_is_refused(ws: Workspace, fixtures_dir: Path) -> None:
    import_plan_file(ws, fixtures_dir / "city2023.docx")
    with pytest.raises(PlanAlreadyImported):
        import_plan_file(ws, fixtures_dir / "city2023.docx")
    assert len(plans.list_plans(ws.db)) == 1


def test_import_failing_while_writing_tasks_leaves_nothing(
    ws: Workspace, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_insert = plans._insert_rows

    def failing_insert(db: object, table: str, rows: object) -> None:
        if table == "tasks":
            raise RuntimeError("failure injected by the test")
        real_insert(db, table, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(plans, "_insert_rows", failing_insert)
    with pytest.raises(RuntimeError):
        import_plan_file(ws, fixtures_dir / "city2023.docx")
    assert plans.list_plans(ws.db) == []


def test_a_cancelled_import_stores_nothing(ws: Workspace, fixtures_dir: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        import_plan_file(ws, fixtures_dir / "city2023.docx", cancel=token)
    assert plans.list_plans(ws.db) == []


def test_a_file_that_is_no_plan_is_refused(ws: Workspace, fixtures_dir: Path) -> None:
    with pytest.raises(NotAPlan):
        import_plan_file(ws, fixtures_dir / "notaplan.docx")
    assert plans.list_plans(ws.db) == []


def test_a_reissued_parent_plan_is_stored_as_its_next_version(
    ws: Workspace, fixtures_dir: Path
) -> None:
    # Same issuer and year, another file (the .xlsx of the same plan stands in for a re-issue).
    first = import_plan_file(ws, fixtures_dir / "city2023.docx").plan_uid
    second = import_plan_file(ws, fixtures_dir / "city2023.xlsx").plan_uid
    assert first and second
    stored = plans.load_plan(ws.db, second)
    assert (stored.version, stored.version_of) == (2, first)
    assert plans.load_plan(ws.db, first).version == 1
