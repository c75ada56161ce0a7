"""Three-way comparison and carry forward: tasks matched by content, not by number."""

from dataclasses import replace

from kscdesk.domain.model import Task
from kscdesk.domain.plan_compare import carry_forward, compare_three_way, match_tasks

BASE = [
    Task("I", "1", "Xây dựng kế hoạch kiểm soát TTHC năm 2025.", lead="Văn phòng"),
    Task("I", "2", "Rà soát, đơn giản hóa thủ tục hành chính.", lead="Tư pháp"),
    Task("II", "3", "Niêm yết công khai thủ tục hành chính tại trụ sở.", lead="Một cửa"),
    Task("II", "4", "Báo cáo định kỳ hằng quý về kiểm soát TTHC.", lead="Văn phòng"),
]


def _own(base: list[Task]) -> list[Task]:
    return [replace(t, uid=f"own-{i}", parent_task_uid=t.uid) for i, t in enumerate(base)]


def test_renumbering_alone_is_no_change() -> None:
    new = [replace(t, uid=f"n{i}", number=str(i + 7)) for i, t in enumerate(BASE)]
    result = compare_three_way(BASE, new, _own(BASE))
    assert result.changes == []
    assert result.unchanged == 4


def test_each_kind_of_change_is_reported_with_its_numbers() -> None:
    new = [
        replace(BASE[0], uid="n0", lead="Văn phòng UBND"),  # upstream
        replace(BASE[1], uid="n1", number="2", lead="Tư pháp – Hộ tịch"),  # both
        # BASE[2] removed; BASE[3] renumbered
        replace(BASE[3], uid="n3", number="3"),
        Task("II", "4", "Số hóa hồ sơ, kết quả giải quyết TTHC.", uid="n4"),  # added
    ]
    own = _own(BASE)
    own[1] = replace(own[1], lead="Công chức Tư pháp")
    own[3] = replace(own[3], timeframe="Hằng quý")  # local
    result = compare_three_way(BASE, new, own)
    assert [
        (c.kind, c.old_number, c.new_number, c.field, c.old, c.new) for c in result.changes
    ] == [
        ("upstream", "1", "1", "lead", "Văn phòng", "Văn phòng UBND"),
        ("both", "2", "2", "lead", "Tư pháp", "Tư pháp – Hộ tịch"),
        ("removed", "3", "", "", BASE[2].content, ""),
        ("local", "4", "3", "timeframe", "", "Hằng quý"),
        ("added", "", "4", "", "", "Số hóa hồ sơ, kết quả giải quyết TTHC."),
    ]
    assert result.changes[1].own_text == "Công chức Tư pháp"
    assert result.unchanged == 0


def test_matching_ignores_the_year_and_small_rewordings() -> None:
    new = [replace(BASE[0], uid="x", content="Xây dựng kế hoạch kiểm soát TTHC năm 2026.")]
    assert match_tasks(BASE, new) == {BASE[0].uid: "x"}


def test_last_years_edits_are_carried_where_the_parent_kept_the_text() -> None:
    own = _own(BASE)
    own[0] = replace(own[0], lead="Văn phòng – Thống kê năm 2025")
    own[1] = replace(own[1], lead="Tư pháp – Hộ tịch")
    new_parent = [replace(t, uid=f"p{i}") for i, t in enumerate(BASE)]
    new_parent[1] = replace(new_parent[1], lead="Phòng Tư pháp")
    new_own = [replace(t, uid=f"o{i}", parent_task_uid=t.uid) for i, t in enumerate(new_parent)]
    carried, lost = carry_forward(BASE, own, new_own, (2025, 2026))
    assert [(c.task_uid, c.field, c.new) for c in carried] == [
        ("o0", "lead", "Văn phòng – Thống kê năm 2026")
    ]
    assert [(u.label, u.field) for u in lost] == [("2", "lead")]


def test_not_applicable_marks_are_carried_and_local_tasks_listed_as_not_carried() -> None:
    own = _own(BASE)
    own[2] = replace(own[2], not_applicable=True, not_applicable_reason="Không phát sinh")
    own.append(Task("II", "5", "Việc riêng của phường.", is_local=True, uid="local"))
    new_own = [replace(t, uid=f"o{i}", parent_task_uid=t.uid) for i, t in enumerate(BASE)]
    carried, lost = carry_forward(BASE, own, new_own, (2025, 2026))
    assert [(c.task_uid, c.field, c.new) for c in carried] == [
        ("o2", "not_applicable", "Không phát sinh")
    ]
    assert [(u.field, u.text) for u in lost] == [("task", "Việc riêng của phường.")]
