"""Recording progress: standings over the demo plan, history of every change, refusals."""

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kscdesk import paths
from kscdesk.domain.model import ProgressStatus, Standing
from kscdesk.services.demo import load_demo
from kscdesk.services.errors import ServiceError
from kscdesk.services.offices import set_officer_name
from kscdesk.services.progress import (
    default_plan_uid,
    find_task,
    progress_table,
    set_days_off,
    set_report_day,
)
from kscdesk.services.record_progress import (
    ProgressChange,
    set_event_date,
    set_progress,
    task_history,
)
from kscdesk.services.todo import todo
from kscdesk.services.workspace import Workspace


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    with Workspace.open(folder) as ws:
        load_demo(ws)
    return folder


@pytest.fixture
def ws(demo_template: Path, tmp_path: Path) -> Iterator[Workspace]:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy2(paths.database_path(demo_template), paths.database_path(folder))
    workspace = Workspace.open(folder)
    yield workspace
    workspace.close()


def row_of(ws: Workspace, number: str, period: str = "2023-Q1", today: date = date(2023, 4, 1)):  # type: ignore[no-untyped-def]
    table = progress_table(ws, period, today=today)
    return next(row for row in table.rows if row.number == number)


def test_the_demo_plan_gets_standings_from_its_deadlines(ws: Workspace) -> None:
    assert row_of(ws, "1a").standing is Standing.DONE_EARLY  # done 20/02, due 31/03
    # "Thường xuyên", in progress: continuous work is on time even after the report day.
    assert row_of(ws, "6").standing is Standing.IN_PROGRESS_ON_TIME
    assert row_of(ws, "3").standing is Standing.NOT_STARTED
    assert [e.number_symbol for e in row_of(ws, "1a").evidence] == ["18/KH-UBND"]


def test_a_recorded_status_is_journalled_with_the_officers_name(ws: Workspace) -> None:
    set_officer_name(ws, "Nguyễn Văn A")
    task = find_task(ws, default_plan_uid(ws), "III.6")
    set_progress(
        ws, task.uid, "2023-Q1", ProgressChange(ProgressStatus.DONE, date(2023, 3, 20), "Xong")
    )
    assert row_of(ws, "6").standing is Standing.DONE_LATE
    history = task_history(ws, task.uid)
    changes = {entry.field: (entry.old, entry.new) for entry in history}
    assert changes["2023-Q1:status"] == ("Đang thực hiện", "Đã hoàn thành")
    assert changes["2023-Q1:completed_on"] == ("", "20/03/2023")
    assert {entry.officer for entry in history} == {"Nguyễn Văn A"}


def test_an_override_needs_a_reason_and_is_kept_with_it(ws: Workspace) -> None:
    task = find_task(ws, default_plan_uid(ws), "6")
    late = ProgressChange(ProgressStatus.DONE, date(2023, 3, 20), override=Standing.DONE_ON_TIME)
    with pytest.raises(ServiceError, match="lý do"):
        set_progress(ws, task.uid, "2023-Q1", late)
    assert row_of(ws, "6").progress.status is ProgressStatus.IN_PROGRESS  # nothing stored
    reason = "Được gia hạn đến 25/3"
    set_progress(
        ws,
        task.uid,
        "2023-Q1",
        ProgressChange(ProgressStatus.DONE, date(2023, 3, 20), "", Standing.DONE_ON_TIME, reason),
    )
    row = row_of(ws, "6")
    assert row.standing is Standing.DONE_ON_TIME
    assert row.assessment.derived is Standing.DONE_LATE
    assert row.progress.override_reason == reason


def test_an_override_equal_to_the_derived_standing_is_not_stored(ws: Workspace) -> None:
    task = find_task(ws, default_plan_uid(ws), "6")
    change = ProgressChange(ProgressStatus.DONE, date(2023, 3, 20), override=Standing.DONE_LATE)
    assert set_progress(ws, task.uid, "2023-Q1", change).override is None


def test_a_relative_deadline_is_dated_once_the_event_is_recorded(ws: Workspace) -> None:
    plan_uid = default_plan_uid(ws)
    task = find_task(ws, plan_uid, "1a")
    ws.db.execute(
        "UPDATE tasks SET timeframe = ? WHERE uid = ?",
        ["Chậm nhất là 03 ngày làm việc kể từ ngày quyết định công bố", task.uid],
    )
    assert row_of(ws, "1a").deadlines.waits_for_event
    assert any(
        item.task_uid == task.uid for item in todo(ws, today=date(2023, 3, 1)).waiting_for_event
    )
    set_event_date(ws, task.uid, date(2023, 1, 19))  # Thursday before Tết Quý Mão (20–26/01)
    assert row_of(ws, "1a").assessment.dues == (date(2023, 1, 31),)
    set_days_off(ws, [date(2023, 1, 31)])
    assert row_of(ws, "1a").assessment.dues == (date(2023, 2, 1),)
    assert task_history(ws, task.uid)[0].field == "event_on"


def test_the_todo_list_names_overdue_soon_and_bare_recurring_tasks(ws: Workspace) -> None:
    result = todo(ws, today=date(2023, 3, 10))
    assert result.period.key == "2023-Q1"
    # The demo's task 2 ("Trước ngày 28/02/2023") is still in progress after its deadline.
    assert {item.number for item in result.overdue} == {"2"}
    soon = {item.number: item.due for item in result.due_soon}
    assert soon["6"] == date(2023, 3, 17)  # the report day of a recurring task
    assert "1a" not in soon  # done
    # A one-off task stays on the list after its deadline until it is done.
    later = todo(ws, today=date(2024, 1, 10))
    overdue = {item.number: item.due for item in later.overdue}
    assert overdue["1b"] == date(2023, 12, 31)  # "Quý IV"
    assert "1a" not in overdue  # done in Q1
    assert {"3", "4"} <= {item.number for item in result.without_evidence}
    assert "1a" not in {item.number for item in result.without_evidence}  # done
    assert (result.next_report.key, result.next_report_due) == ("2023-Q1", date(2023, 3, 17))
    set_report_day(ws, 20)
    assert todo(ws, today=date(2023, 3, 18)).next_report_due == date(2023, 3, 20)


def test_an_unknown_task_is_refused_by_name(ws: Workspace) -> None:
    with pytest.raises(ServiceError, match="“99”"):
        find_task(ws, default_plan_uid(ws), "99")


def test_a_six_month_period_without_a_record_of_its_own_takes_the_latest_quarters(
    ws: Workspace,
) -> None:
    task = find_task(ws, default_plan_uid(ws), "6")
    assert row_of(ws, "6", "2023-H1").progress.period_key == "2023-Q1"  # in progress in Q1
    set_progress(ws, task.uid, "2023-Q2", ProgressChange(ProgressStatus.DONE, date(2023, 5, 2)))
    half = row_of(ws, "6", "2023-H1", today=date(2023, 7, 1))
    assert half.progress.period_key == "2023-Q2"
    assert half.standing is Standing.DONE_EARLY  # due 17/06, the six-month report day
    assert row_of(ws, "6", "2023-Q3", today=date(2023, 7, 1)).progress is None
    set_progress(ws, task.uid, "2023-H1", ProgressChange(ProgressStatus.IN_PROGRESS))
    assert row_of(ws, "6", "2023-H1").progress.period_key == "2023-H1"  # its own wins
