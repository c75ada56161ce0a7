"""Plan checks: leftover wording outside citations, other years, misspellings, numbering."""

from kscdesk.domain.model import Plan, PlanContent, Section, Task
from kscdesk.domain.plan_checks import (
    CheckContext,
    Confusion,
    check_document_lines,
    check_plan,
    parent_kinds_for,
)
from kscdesk.domain.plan_numbering import renumber

CTX = CheckContext(
    parent_kinds=parent_kinds_for("UBND thị xã Đức Phổ", 2025),
    confusions=(Confusion("Đợt xuất", "Đột xuất"), Confusion("trực tuyển", "trực tuyến")),
)


def _plan(*tasks: Task, sections: tuple[str, ...] = ("I", "II")) -> PlanContent:
    return PlanContent(
        plan=Plan("UBND phường Phổ Ninh", 2025, "Kế hoạch năm 2025"),
        sections=[Section(code, code) for code in sections],
        tasks=list(tasks),
    )


def _task(number: str, content: str = "Việc.", **fields: str) -> Task:
    section = fields.pop("section", "I")
    values = {"lead": "Văn phòng – Thống kê", "timeframe": "Quý I", **fields}
    return Task(section, number, content, **values)  # type: ignore[arg-type]


def _kinds(plan: PlanContent) -> list[tuple[str, str, str, str]]:
    return [(f.kind, f.task, f.field, f.text) for f in check_plan(plan, CTX)]


def test_leftover_parent_wording_is_found_but_not_inside_a_citation() -> None:
    plan = _plan(
        _task("1", "Văn bản của UBND thị xã đề xuất theo Kế hoạch số 12/KH-UBND của UBND thị xã.")
    )
    assert _kinds(plan) == [("leftover", "1", "content", "thị xã")]


def test_a_year_other_than_the_plans_is_found_but_not_in_dates_and_symbols() -> None:
    plan = _plan(
        _task("1", "Kế hoạch năm 2024 theo Nghị quyết số 142/2024/QH15 ngày 29/6/2024."),
    )
    assert _kinds(plan) == [("year", "1", "content", "năm 2024")]


def test_known_misspellings_are_found_with_their_correction() -> None:
    plan = _plan(_task("1", output="Tích hợp trực tuyển", timeframe="Đợt xuất theo yêu cầu"))
    findings = [f for f in check_plan(plan, CTX) if f.kind == "spelling"]
    assert [(f.field, f.text, f.suggestion) for f in findings] == [
        ("output", "trực tuyển", "trực tuyến"),
        ("timeframe", "Đợt xuất", "Đột xuất"),
    ]


def test_missing_lead_and_timeframe_and_unreadable_timeframe_are_found() -> None:
    plan = _plan(_task("1", lead="", timeframe=""), _task("2", timeframe="Khi nào rảnh"))
    assert [k[:3] for k in _kinds(plan)] == [
        ("missing_lead", "1", "lead"),
        ("missing_timeframe", "1", "timeframe"),
        ("timeframe", "2", "timeframe"),
    ]


def test_duplicate_and_skipped_numbers_and_sections_out_of_order_are_found() -> None:
    plan = _plan(_task("1"), _task("1"), _task("4"), sections=("I", "III"))
    assert [(k[0], k[1]) for k in _kinds(plan)] == [
        ("section", "III"),
        ("numbering", "1"),
        ("numbering", "4"),
    ]


def test_tasks_marked_not_applicable_are_not_checked() -> None:
    task = _task("1", "Của UBND thị xã", lead="")
    plan = _plan(Task(**{**task.__dict__, "not_applicable": True}))
    assert _kinds(plan) == []


def test_renumbering_closes_gaps_and_keeps_sub_items_together() -> None:
    tasks = [_task("1", sub="a"), _task("1", sub="b"), _task("3"), _task("7")]  # type: ignore[arg-type]
    assert [t.label for t in renumber([], tasks)] == ["1a", "1b", "2", "3"]


def test_document_lines_skip_the_citations_and_recipients_but_not_the_decision() -> None:
    lines = [
        "Căn cứ Quyết định số 236/QĐ-UBND của Chủ tịch UBND thị xã Đức Phổ năm 2024;",
        "Điều 1. Ban hành Kế hoạch năm 2024 trên địa bàn phường Phổ Ninh.",
        "Nơi nhận:",
        "- Văn phòng HĐND & UBND thị xã;",
        "CHỦ TỊCH",
        "tăng thêm 10% so với kết quả đạt được trong năm 2024",
    ]
    findings = check_document_lines(lines, 2025, CTX)
    assert [(f.kind, f.text) for f in findings] == [("year", "năm 2024")]
    assert findings[0].message.startswith("Dòng 2")


def test_findings_name_a_task_by_section_when_numbering_restarts_per_section() -> None:
    plan = _plan(_task("1"), _task("1", section="II", lead=""), _task("3", section="II"))
    assert [(k[0], k[1]) for k in _kinds(plan)] == [
        ("missing_lead", "II.1"),
        ("numbering", "II.3"),
    ]
