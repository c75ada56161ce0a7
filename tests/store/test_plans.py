import sqlite3
import unicodedata
from dataclasses import replace
from typing import Any

import pytest
from sqlite_utils import Database

from kscdesk.domain.model import (
    IndicatorValue,
    Level,
    PlanContent,
    PlanKind,
    Progress,
    Task,
)
from kscdesk.store import plans
from kscdesk.store.errors import RecordNotFound
from kscdesk.store.indicators import save_indicator_value
from kscdesk.store.plans import (
    add_task,
    count_tasks,
    delete_plan,
    delete_task,
    list_plans,
    list_sections,
    list_task_uids,
    load_plan,
    load_plan_content,
    load_task,
    load_tasks,
    save_plan_content,
    update_task,
)
from kscdesk.store.progress import save_progress

TABLES = ("plans", "sections", "tasks", "indicators", "progress", "indicator_values")


def row_counts(db: Database) -> dict[str, int]:
    return {table: db.table(table).count for table in TABLES}


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_a_plan_comes_back_exactly_as_it_was_saved(db: Database, small_plan: PlanContent) -> None:
    uid = save_plan_content(db, small_plan)
    assert uid == small_plan.plan.uid
    assert load_plan_content(db, uid) == small_plan


def test_the_city_plan_of_the_answer_key_round_trips(db: Database, city_plan: PlanContent) -> None:
    save_plan_content(db, city_plan)
    loaded = load_plan_content(db, city_plan.plan.uid)
    assert loaded == city_plan
    assert count_tasks(db, city_plan.plan.uid) == 35


def test_rows_come_back_in_position_order_whatever_the_insert_order(
    db: Database, small_plan: PlanContent
) -> None:
    shuffled = PlanContent(
        plan=small_plan.plan,
        sections=list(reversed(small_plan.sections)),
        tasks=list(reversed(small_plan.tasks)),
        indicators=list(reversed(small_plan.indicators)),
    )
    save_plan_content(db, shuffled)
    assert load_plan_content(db, small_plan.plan.uid) == small_plan


def test_decomposed_text_is_stored_nfc(db: Database, small_plan: PlanContent) -> None:
    task = replace(small_plan.tasks[0], content=nfd("Rà soát thủ tục"), lead=nfd("Văn phòng"))
    plan = replace(small_plan.plan, issuer=nfd("UBND phường Đức Phổ"), columns=(nfd("Nội dung"),))
    save_plan_content(db, PlanContent(plan=plan, sections=small_plan.sections, tasks=[task]))
    loaded = load_plan_content(db, plan.uid)
    assert loaded.plan.issuer == "UBND phường Đức Phổ"
    assert loaded.plan.columns == ("Nội dung",)
    assert loaded.tasks[0].content == "Rà soát thủ tục"
    assert loaded.tasks[0].lead == "Văn phòng"


def test_a_plan_without_a_decision_keeps_none(db: Database, small_plan: PlanContent) -> None:
    plan = replace(small_plan.plan, decision=None)
    save_plan_content(db, PlanContent(plan=plan))
    assert load_plan(db, plan.uid).decision is None


def test_list_plans_summarises_each_plan_newest_year_first(
    db: Database, small_plan: PlanContent, city_plan: PlanContent
) -> None:
    save_plan_content(db, city_plan)
    save_plan_content(db, small_plan)
    summaries = list_plans(db)
    assert [s.year for s in summaries] == [2025, 2023]
    ward, city = summaries
    assert (ward.task_count, ward.section_count, ward.indicator_count) == (4, 3, 2)
    assert (ward.kind, ward.level) == (PlanKind.OWN, Level.COMMUNE)
    assert city.task_count == 35
    assert city.issuer == "UBND thành phố Quảng Ngãi"
    assert ward.created_at[:4].isdigit()


def test_loading_an_unknown_plan_raises_record_not_found(db: Database) -> None:
    with pytest.raises(RecordNotFound, match="kế hoạch"):
        load_plan(db, "no-such-plan")
    with pytest.raises(RecordNotFound):
        load_plan_content(db, "no-such-plan")
    with pytest.raises(RecordNotFound):
        delete_plan(db, "no-such-plan")


def test_sections_are_listed_in_order_with_their_parents(
    db: Database, small_plan: PlanContent
) -> None:
    save_plan_content(db, small_plan)
    sections = list_sections(db, small_plan.plan.uid)
    assert [(s.code, s.parent_code) for s in sections] == [("C", None), ("I", "C"), ("II", "C")]


def test_task_uids_follow_position_and_filter_by_section(
    db: Database, small_plan: PlanContent
) -> None:
    save_plan_content(db, small_plan)
    uid = small_plan.plan.uid
    all_uids = [t.uid for t in small_plan.tasks]
    assert list_task_uids(db, uid) == all_uids
    assert list_task_uids(db, uid, section_code="II") == all_uids[2:]
    assert list_task_uids(db, uid, section_code="XIII") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kiem soat", [1]),  # no tones finds "Kiểm soát"
        ("KIỂM SOÁT", [1]),
        ("mot cua", [1, 2]),  # lead "Bộ phận Một cửa" and content "… Bộ phận Một cửa"
        ("van phong cong khai", [2]),  # every word must match, in any field
        ("danh muc", [2]),  # output is searched too
        ("nganh", [0]),  # coordinating is searched too
        ("đanh gia", [0]),
        ("", [0, 1, 2, 3]),
        ("%", []),
        ("không có", []),
    ],
)
def test_task_search_ignores_tones_and_case(
    db: Database, small_plan: PlanContent, query: str, expected: list[int]
) -> None:
    save_plan_content(db, small_plan)
    found = list_task_uids(db, small_plan.plan.uid, query=query)
    assert found == [small_plan.tasks[i].uid for i in expected]


def test_search_combines_with_the_section_filter(db: Database, small_plan: PlanContent) -> None:
    save_plan_content(db, small_plan)
    uid = small_plan.plan.uid
    assert list_task_uids(db, uid, section_code="I", query="mot cua") == [small_plan.tasks[1].uid]


def test_load_tasks_keeps_the_asked_order_and_leaves_out_unknown_uids(
    db: Database, city_plan: PlanContent
) -> None:
    save_plan_content(db, city_plan)
    wanted = [t.uid for t in reversed(city_plan.tasks)] + ["no-such-task"]
    loaded = load_tasks(db, wanted)
    assert list(loaded) == wanted[:-1]
    assert loaded[city_plan.tasks[3].uid] == city_plan.tasks[3]


def test_load_tasks_reads_more_uids_than_one_query_can_bind(
    db: Database, small_plan: PlanContent
) -> None:
    tasks = [Task("I", str(n), f"Nhiệm vụ {n}", position=n) for n in range(1200)]
    save_plan_content(db, PlanContent(plan=small_plan.plan, tasks=tasks))
    assert len(load_tasks(db, [t.uid for t in tasks])) == 1200


def test_load_task_raises_record_not_found_for_an_unknown_uid(db: Database) -> None:
    with pytest.raises(RecordNotFound, match="nhiệm vụ"):
        load_task(db, "no-such-task")


def test_deleting_a_plan_removes_everything_that_belongs_to_it(
    db: Database, small_plan: PlanContent, city_plan: PlanContent
) -> None:
    save_plan_content(db, city_plan)
    before = row_counts(db)
    save_plan_content(db, small_plan)
    save_progress(db, Progress(small_plan.tasks[0].uid, "2025-Q1"))
    save_indicator_value(db, IndicatorValue(small_plan.indicators[0].uid, "2025-Q1", 8, 10))
    delete_plan(db, small_plan.plan.uid)
    assert row_counts(db) == before
    assert load_plan_content(db, city_plan.plan.uid) == city_plan


def test_deleting_a_parent_plan_keeps_the_plans_derived_from_it(
    db: Database, city_plan: PlanContent, small_plan: PlanContent
) -> None:
    save_plan_content(db, city_plan)
    parent_task = city_plan.tasks[0]
    own_plan = replace(small_plan.plan, derived_from_uid=city_plan.plan.uid)
    own_task = replace(small_plan.tasks[0], parent_task_uid=parent_task.uid)
    save_plan_content(db, PlanContent(plan=own_plan, tasks=[own_task]))
    delete_plan(db, city_plan.plan.uid)
    assert load_plan(db, own_plan.uid).derived_from_uid is None
    assert load_task(db, own_task.uid).parent_task_uid == parent_task.uid


def test_a_failing_insert_midway_writes_nothing(db: Database, small_plan: PlanContent) -> None:
    before = row_counts(db)
    duplicate = replace(small_plan.tasks[1], uid=small_plan.tasks[0].uid)
    broken = PlanContent(
        plan=small_plan.plan,
        sections=small_plan.sections,
        tasks=[*small_plan.tasks, duplicate],
        indicators=small_plan.indicators,
    )
    with pytest.raises(sqlite3.IntegrityError):
        save_plan_content(db, broken)
    assert row_counts(db) == before
    assert not db.conn.in_transaction


def test_an_error_after_the_plan_row_is_written_rolls_it_back(
    db: Database, small_plan: PlanContent, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = row_counts(db)
    original = plans._task_row
    calls: list[str] = []

    def fail_on_third_task(plan_uid: str, task: Task) -> dict[str, Any]:
        calls.append(task.uid)
        if len(calls) == 3:
            raise RuntimeError("injected failure")
        return original(plan_uid, task)

    monkeypatch.setattr(plans, "_task_row", fail_on_third_task)
    with pytest.raises(RuntimeError, match="injected failure"):
        save_plan_content(db, small_plan)
    assert len(calls) == 3
    assert row_counts(db) == before


def test_saving_inside_a_caller_transaction_rolls_back_with_it(
    db: Database, small_plan: PlanContent
) -> None:
    before = row_counts(db)
    with pytest.raises(RuntimeError), db.atomic():
        save_plan_content(db, small_plan)
        assert count_tasks(db, small_plan.plan.uid) == 4
        raise RuntimeError("the service failed after saving")
    assert row_counts(db) == before


def test_update_task_replaces_fields_and_refreshes_search(
    db: Database, small_plan: PlanContent
) -> None:
    save_plan_content(db, small_plan)
    edited = replace(small_plan.tasks[3], content="Tiếp nhận hồ sơ", not_applicable=False)
    update_task(db, edited)
    assert load_task(db, edited.uid) == edited
    assert list_task_uids(db, small_plan.plan.uid, query="tiep nhan") == [edited.uid]
    with pytest.raises(RecordNotFound):
        update_task(db, Task("I", "9", "Không có"))


def test_add_and_delete_a_local_task(db: Database, small_plan: PlanContent) -> None:
    save_plan_content(db, small_plan)
    local = Task("II", "4", "Tuyên truyền tại nhà văn hóa", position=9, is_local=True)
    add_task(db, small_plan.plan.uid, local)
    assert list_task_uids(db, small_plan.plan.uid)[-1] == local.uid
    delete_task(db, local.uid)
    assert count_tasks(db, small_plan.plan.uid) == 4
    with pytest.raises(RecordNotFound):
        delete_task(db, local.uid)
    with pytest.raises(RecordNotFound):
        add_task(db, "no-such-plan", local)


def test_a_plan_is_found_by_the_sha256_of_its_source_file(
    db: Database, small_plan: PlanContent
) -> None:
    sha = small_plan.plan.source_sha256
    assert plans.find_plan_by_source(db, sha) is None
    save_plan_content(db, small_plan)
    assert plans.find_plan_by_source(db, sha) == small_plan.plan
    assert plans.find_plan_by_source(db, sha, PlanKind.OWN) == small_plan.plan
    assert plans.find_plan_by_source(db, sha, PlanKind.PARENT) is None
    assert plans.find_plan_by_source(db, "") is None
