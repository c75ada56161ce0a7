"""Editing an own plan: every edit one transaction, journaled; undo and redo after a restart."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from kscdesk.domain.model import Level, Office, Plan, PlanContent, PlanKind, Section, Task
from kscdesk.domain.tailoring import derive_own_plan
from kscdesk.services import plan_editing as editing
from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.store import offices, plan_edits, plans


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def ws(folder: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(folder)
    yield workspace
    workspace.close()


def _parent() -> PlanContent:
    return PlanContent(
        plan=Plan("UBND thị xã Đức Phổ", 2025, "Kế hoạch KSTT năm 2025"),
        sections=[
            Section("I", "Ban hành văn bản", position=0),
            Section("II", "Rà soát", position=1),
        ],
        tasks=[
            Task("I", "1", "Xây dựng kế hoạch.", lead="Văn phòng", timeframe="Quý I", position=0),
            Task("I", "2", "Ban hành văn bản.", lead="Văn phòng", timeframe="Quý I", position=1),
            Task("II", "3", "Rà soát TTHC.", lead="Tư pháp", timeframe="Quý II", position=2),
        ],
    )


@pytest.fixture
def plan_uid(ws: Workspace) -> str:
    parent = _parent()
    plans.save_plan_content(ws.db, parent)
    office = Office("Phường Phổ Ninh", Level.COMMUNE)
    offices.save_office(ws.db, office)
    own = derive_own_plan(parent, office)
    return plans.save_plan_content(ws.db, own)


def _labels(ws: Workspace, plan_uid: str) -> list[tuple[str, str, str]]:
    return [
        (t.section_code, t.label, t.content) for t in plans.load_plan_content(ws.db, plan_uid).tasks
    ]


def test_an_edit_is_saved_at_once_and_undone_and_redone_after_a_restart(
    ws: Workspace, folder: Path, plan_uid: str
) -> None:
    task = plans.load_plan_content(ws.db, plan_uid).tasks[0]
    result = editing.edit_task_field(ws, task.uid, "lead", "  Văn phòng – Thống kê ")
    assert result.task_uids == (task.uid,)
    assert not result.structure_changed
    # Another connection (as after a restart) reads what was saved and undoes from the journal.
    with Workspace.open(folder) as again:
        assert plans.load_task(again.db, task.uid).lead == "Văn phòng – Thống kê"
        assert editing.undo(again, plan_uid) is not None
        assert plans.load_task(again.db, task.uid).lead == "Văn phòng"
    with Workspace.open(folder) as third:
        assert [e.undone for e in plan_edits.list_edits(third.db, plan_uid)] == [True]
        assert editing.redo(third, plan_uid) is not None
        assert plans.load_task(third.db, task.uid).lead == "Văn phòng – Thống kê"
        assert editing.redo(third, plan_uid) is None


def test_a_new_edit_drops_what_could_be_redone(ws: Workspace, plan_uid: str) -> None:
    task = plans.load_plan_content(ws.db, plan_uid).tasks[0]
    editing.edit_task_field(ws, task.uid, "content", "A")
    editing.undo(ws, plan_uid)
    editing.edit_task_field(ws, task.uid, "content", "B")
    assert editing.redo(ws, plan_uid) is None
    assert [e.label for e in plan_edits.list_edits(ws.db, plan_uid)] == ["Sửa nội dung"]


def test_not_applicable_needs_a_reason_and_is_kept(ws: Workspace, plan_uid: str) -> None:
    task = plans.load_plan_content(ws.db, plan_uid).tasks[2]
    with pytest.raises(ServiceError, match="lý do"):
        editing.set_not_applicable(ws, task.uid, True, " ")
    editing.set_not_applicable(ws, task.uid, True, "Xã không soạn thảo văn bản QPPL")
    stored = plans.load_task(ws.db, task.uid)
    assert stored.not_applicable and stored.not_applicable_reason.startswith("Xã không")


def test_adding_a_local_task_renumbers_and_undo_removes_it(ws: Workspace, plan_uid: str) -> None:
    first = plans.load_plan_content(ws.db, plan_uid).tasks[0]
    uid, _result = editing.add_task(ws, plan_uid, "I", after_uid=first.uid, content="Việc riêng")
    assert _labels(ws, plan_uid) == [
        ("I", "1", "Xây dựng kế hoạch."),
        ("I", "2", "Việc riêng"),
        ("I", "3", "Ban hành văn bản."),
        ("II", "4", "Rà soát TTHC."),
    ]
    assert plans.load_task(ws.db, uid).is_local
    editing.undo(ws, plan_uid)
    assert [label for _s, label, _c in _labels(ws, plan_uid)] == ["1", "2", "3"]


def test_moving_a_task_into_another_section_renumbers(ws: Workspace, plan_uid: str) -> None:
    tasks = plans.load_plan_content(ws.db, plan_uid).tasks
    editing.move_task(ws, tasks[0].uid, tasks[2].uid)
    assert _labels(ws, plan_uid) == [
        ("I", "1", "Ban hành văn bản."),
        ("II", "2", "Xây dựng kế hoạch."),
        ("II", "3", "Rà soát TTHC."),
    ]


def test_a_local_section_is_added_and_a_duplicate_code_refused(
    ws: Workspace, plan_uid: str
) -> None:
    editing.add_section(ws, plan_uid, "III", "Nhiệm vụ riêng của phường")
    assert [s.code for s in plans.list_sections(ws.db, plan_uid)] == ["I", "II", "III"]
    with pytest.raises(ServiceError, match="III"):
        editing.add_section(ws, plan_uid, "III", "Lại")


def test_the_parent_plan_cannot_be_edited(ws: Workspace, plan_uid: str) -> None:
    parent = next(s for s in plans.list_plans(ws.db) if s.kind is PlanKind.PARENT)
    task = plans.load_plan_content(ws.db, parent.uid).tasks[0]
    with pytest.raises(ServiceError, match="cấp trên"):
        editing.edit_task_field(ws, task.uid, "content", "x")


def test_a_failing_edit_changes_nothing_and_journals_nothing(
    ws: Workspace, plan_uid: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk")

    tasks = plans.load_plan_content(ws.db, plan_uid).tasks
    monkeypatch.setattr(editing, "renumber", broken)
    with pytest.raises(RuntimeError):
        editing.move_task(ws, tasks[0].uid, tasks[2].uid)
    assert plans.load_plan_content(ws.db, plan_uid).tasks == tasks
    assert plan_edits.list_edits(ws.db, plan_uid) == []


def test_a_task_not_applicable_is_left_out_of_the_printed_plan(
    ws: Workspace, plan_uid: str, tmp_path: Path
) -> None:
    import openpyxl

    from kscdesk.services.plans import export_plan_xlsx

    task = plans.load_plan_content(ws.db, plan_uid).tasks[2]
    editing.set_not_applicable(ws, task.uid, True, "Không phát sinh")
    out = export_plan_xlsx(ws, plan_uid, tmp_path / "ke_hoach.xlsx")
    book = openpyxl.load_workbook(out)
    texts = {str(cell.value) for row in book.worksheets[0].iter_rows() for cell in row}
    assert "Xây dựng kế hoạch." in texts
    assert task.content not in texts


def test_a_field_edit_is_also_written_to_the_tasks_change_journal(
    ws: Workspace, plan_uid: str
) -> None:
    from kscdesk.services.offices import set_officer_name
    from kscdesk.store import history

    set_officer_name(ws, "Nguyễn Văn A")
    task = plans.load_plan_content(ws.db, plan_uid).tasks[0]
    editing.edit_task_field(ws, task.uid, "timeframe", "Quý II")
    entries = history.list_for_task(ws.db, task.uid)
    assert [(e.officer, e.entity, e.field, e.old, e.new) for e in entries] == [
        ("Nguyễn Văn A", "task", "timeframe", "Quý I", "Quý II")
    ]
