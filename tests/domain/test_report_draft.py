"""Drafting a period report from its data, and keeping the officer's edits."""

from datetime import date

from kscdesk.domain.period import parse_period_key
from kscdesk.domain.report_draft import SavedPart, draft_report, merge_edits, report_title
from kscdesk.domain.report_input import EvidenceRef, ReportIndicator, ReportInput, ReportTask

PLAN_KH = EvidenceRef(
    "e1",
    "Kế hoạch",
    "18/KH-UBND",
    date(2025, 2, 20),
    "UBND phường An Phú",
    "Kế hoạch hoạt động kiểm soát TTHC năm 2025",
)
REPORT_BC = EvidenceRef("e2", "Báo cáo", "45/BC-UBND", date(2025, 3, 13), "UBND phường An Phú")


def _input(*tasks: ReportTask, indicators: tuple[ReportIndicator, ...] = ()) -> ReportInput:
    return ReportInput(
        office_name="UBND phường An Phú",
        parent_office_name="UBND tỉnh Quảng Ngãi",
        period=parse_period_key("2025-Q1"),
        plan_title="Kế hoạch kiểm soát TTHC năm 2025",
        plan_citation="Kế hoạch số 10/KH-UBND ngày 10/01/2025 của UBND tỉnh",
        sections=(("I", "Ban hành văn bản"), ("II", "Công khai TTHC")),
        tasks=tasks,
        indicators=indicators,
        next_period_label="quý II năm 2025",
    )


def _task(number: str, standing: str, **kwargs: object) -> ReportTask:
    defaults: dict[str, object] = {"section_code": "I", "content": f"Nội dung nhiệm vụ {number}"}
    defaults.update(kwargs)
    return ReportTask(uid=f"t{number}", number=number, standing=standing, **defaults)  # type: ignore[arg-type]


def test_a_document_is_cited_in_full_the_first_time_and_short_after() -> None:
    data = _input(
        _task("1", "done_on_time", completed_on=date(2025, 2, 20), evidence=(PLAN_KH,)),
        _task("2", "done_on_time", completed_on=date(2025, 2, 21), evidence=(PLAN_KH,)),
    )
    parts = draft_report(data)
    full = (
        "Kế hoạch số 18/KH-UBND ngày 20/02/2025 của UBND phường An Phú về hoạt động kiểm soát "
        "TTHC năm 2025"
    )
    text = "\n".join(parts.values())
    assert text.count(full) == 1
    assert "(Kế hoạch số 18/KH-UBND)" in parts["ket_qua"]
    assert text.index(full) < text.index("(Kế hoạch số 18/KH-UBND)")


def test_done_tasks_appear_under_results_in_their_plan_section() -> None:
    parts = draft_report(
        _input(
            _task(
                "3",
                "done_late",
                section_code="II",
                completed_on=date(2025, 3, 1),
                evidence=(REPORT_BC,),
            )
        )
    )
    assert "1. Công khai TTHC" in parts["ket_qua"]
    assert "Nhiệm vụ 3 (Nội dung nhiệm vụ 3): đã hoàn thành ngày 01/03/2025" in parts["ket_qua"]
    assert "Báo cáo số 45/BC-UBND ngày 13/03/2025" in parts["ket_qua"]


def test_overdue_tasks_and_their_notes_are_listed_under_shortcomings() -> None:
    parts = draft_report(
        _input(
            _task("4", "in_progress_overdue", due_dates=(date(2025, 2, 28),), note="Chờ hướng dẫn"),
            _task("5", "not_started", due_dates=(date(2025, 1, 31),)),
            _task("6", "not_started", due_dates=(date(2025, 3, 31),)),
        )
    )
    weak = parts["ton_tai"]
    assert "Nhiệm vụ 4 (Nội dung nhiệm vụ 4) đã quá hạn (hạn 28/02/2025), chưa hoàn thành." in weak
    assert "Chờ hướng dẫn." in weak
    assert "Nhiệm vụ 5 (Nội dung nhiệm vụ 5) đã quá hạn (hạn 31/01/2025), chưa triển khai." in weak
    assert "nhiệm vụ số 6" in weak  # not overdue yet: listed as not started
    assert "Khẩn trương hoàn thành nhiệm vụ 4" in parts["phuong_huong"]


def test_indicators_not_met_are_shortcomings_with_their_counts() -> None:
    missed = ReportIndicator("1", "Tỷ lệ hồ sơ trực tuyến", "%", "≥ 80%", 412, 1096, False)
    parts = draft_report(_input(indicators=(missed,)))
    assert "412/1.096 (tỷ lệ 37,59%), chỉ tiêu ≥ 80%" in parts["ton_tai"]
    assert "0/1 chỉ tiêu" in parts["uu_diem"]


def test_tasks_due_next_period_are_listed_and_recommendations_left_blank() -> None:
    parts = draft_report(
        _input(
            _task("7", "not_started", in_period=False, due_next_period=True, timeframe="Quý II"),
            _task("8", "in_progress_on_time", due_next_period=True, recurring=True),
        )
    )
    assert "Nhiệm vụ 7: Nội dung nhiệm vụ 7 (Quý II)." in parts["phuong_huong"]
    assert "các nhiệm vụ số 8" in parts["phuong_huong"]
    assert "nhiệm vụ số 7" not in parts["ton_tai"]  # not yet due: not a shortcoming
    assert parts["kien_nghi"] == ""


def test_the_title_names_the_period() -> None:
    assert report_title("Quý I năm 2025").endswith("trên môi trường điện tử quý I năm 2025")


def test_edits_are_kept_and_redrafting_shows_what_changed() -> None:
    first = {"ket_qua": "- Nhiệm vụ 1: đang triển khai.", "uu_diem": "- Tốt."}
    saved = {"ket_qua": SavedPart(first["ket_qua"], "- Nhiệm vụ 1: đã xong phần lớn.")}
    second = {"ket_qua": "- Nhiệm vụ 1: đã hoàn thành.", "uu_diem": "- Tốt hơn."}
    states = {state.key: state for state in merge_edits(second, saved)}
    assert states["ket_qua"].text == "- Nhiệm vụ 1: đã xong phần lớn."
    assert states["ket_qua"].edited
    assert states["ket_qua"].changes == (
        "Bỏ: - Nhiệm vụ 1: đang triển khai.",
        "Thêm: - Nhiệm vụ 1: đã hoàn thành.",
    )
    assert states["uu_diem"].text == "- Tốt hơn." and not states["uu_diem"].edited


def test_an_edit_over_an_unchanged_draft_reports_no_changes() -> None:
    saved = {"kien_nghi": SavedPart("", "Đề nghị tập huấn.")}
    state = next(s for s in merge_edits({"kien_nghi": ""}, saved) if s.key == "kien_nghi")
    assert state.text == "Đề nghị tập huấn." and state.changes == ()
