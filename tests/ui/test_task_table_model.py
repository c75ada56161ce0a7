import itertools
from typing import Any

import pytest
from pytestqt.modeltest import ModelTester

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kscdesk.domain.text import search_key
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui.task_columns import CONTENT, LEAD, NUMBER
from kscdesk.ui.task_table_model import (
    IS_SECTION_ROLE,
    SectionRow,
    TaskRow,
    TaskTableModel,
    vietnamese_collator,
)


def _own_plan(ws: Workspace) -> str:
    return next(s.uid for s in plans.list_plans(ws.db) if s.kind.value == "own")


@pytest.fixture
def model(demo_workspace: Workspace, vietnamese_app: QApplication) -> TaskTableModel:
    model = TaskTableModel(demo_workspace.db)
    model.set_filter(_own_plan(demo_workspace))
    return model


def test_model_passes_the_model_tester(model: TaskTableModel, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(model)


def test_rows_follow_the_plan_with_each_section_heading_before_its_tasks(
    model: TaskTableModel, demo_workspace: Workspace
) -> None:
    plan_uid = _own_plan(demo_workspace)
    task_uids = [r.uid for r in model._rows if isinstance(r, TaskRow)]
    assert task_uids == plans.list_task_uids(demo_workspace.db, plan_uid)
    first = model.row_entry(0)
    assert isinstance(first, SectionRow)
    assert model.index(0, NUMBER).data() == first.heading
    assert model.index(0, NUMBER).data(IS_SECTION_ROLE) is True
    task = model.task_at(1)
    assert task is not None and task.section_code == first.section.code
    assert model.index(1, CONTENT).data() == task.content


def test_tasks_are_fetched_in_small_batches(
    model: TaskTableModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    real_load = plans.load_tasks

    def counting_load(db: Any, uids: list[str]) -> Any:
        asked.append(len(uids))
        return real_load(db, uids)

    monkeypatch.setattr(plans, "load_tasks", counting_load)
    model.BATCH = 5
    model._cache.clear()
    model.index(1, CONTENT).data()
    model.index(2, CONTENT).data()
    assert asked == [5]


def test_search_without_tones_keeps_only_matching_tasks(
    model: TaskTableModel, demo_workspace: Workspace
) -> None:
    everything = model.task_count()
    model.set_filter(model.plan_uid, query="kiem soat")
    assert 0 < model.task_count() < everything
    for row in range(model.rowCount()):
        task = model.task_at(row)
        if task is not None:
            texts = " ".join((task.content, task.output, task.lead, task.coordinating))
            assert "kiem soat" in search_key(texts)


def test_a_section_filter_shows_that_section_only(model: TaskTableModel) -> None:
    heading = model.row_entry(0)
    assert isinstance(heading, SectionRow)
    model.set_filter(model.plan_uid, section_code=heading.section.code)
    codes = {model.task_at(r).section_code for r in range(1, model.rowCount())}  # type: ignore[union-attr]
    assert codes == {heading.section.code}
    assert model.section_rows() == [0]


def test_sorting_by_lead_unit_follows_vietnamese_order(model: TaskTableModel) -> None:
    model.sort(LEAD, Qt.SortOrder.AscendingOrder)
    assert model.section_rows() == []
    leads = [model.index(r, LEAD).data() for r in range(model.rowCount())]
    collator = vietnamese_collator()
    assert all(collator.compare(a, b) <= 0 for a, b in itertools.pairwise(leads))
    model.sort(NUMBER, Qt.SortOrder.AscendingOrder)
    assert model.section_rows()[0] == 0


def test_vietnamese_collator_puts_d_stroke_after_d() -> None:
    collator = vietnamese_collator()
    words = ["đường", "Ủy ban", "dân", "ăn", "an", "bàn"]
    assert sorted(words, key=collator.sortKey) == ["an", "ăn", "bàn", "dân", "đường", "Ủy ban"]


def test_an_unknown_plan_shows_no_rows(model: TaskTableModel) -> None:
    model.set_filter(None)
    assert model.rowCount() == 0
