"""Drafting the parent's summary from a consolidation: status kinds, totals from counts, N/A for
empty denominators, highlighted tasks, and every missing commune named."""

from datetime import date

from kscdesk.domain.consolidation import (
    CommuneCount,
    Consolidation,
    IndicatorTotal,
    LedgerRow,
    StatusKind,
    TaskRow,
    status_kind,
)
from kscdesk.domain.consolidation_summary import Grid, Line, draft_summary, indicator_figure
from kscdesk.domain.exchange import Standing

K = StatusKind


def _ledger(name: str, standing: Standing, receipt: str | None = None) -> LedgerRow:
    return LedgerRow(name, name, "", standing, None, None, None, 0, receipt)


def _view() -> Consolidation:
    return Consolidation(
        period_key="2025-Q2",
        period_label="Quý II năm 2025",
        deadline=date(2025, 6, 17),
        office_name="UBND tỉnh Quảng Ngãi",
        ledger=(
            _ledger("Phường Đức Phổ", Standing.ON_TIME),
            _ledger("Xã Ba Tơ", Standing.LATE, "returned"),
            _ledger("Xã Ba Vì", Standing.MISSING),
        ),
        tasks=(
            TaskRow(
                "1",
                "Ban hành kế hoạch",
                ("",) * 3,
                "I",
                "Chỉ đạo",
                (K.DONE, K.DONE, K.NOT_REPORTED),
            ),
            TaskRow(
                "2",
                "Rà soát TTHC",
                ("",) * 3,
                "I",
                "Chỉ đạo",
                (K.OVERDUE, K.IN_PROGRESS, K.NOT_REPORTED),
            ),
        ),
        indicators=(
            IndicatorTotal(
                "1",
                "Hồ sơ trực tuyến",
                "%",
                (
                    CommuneCount("Phường Đức Phổ", 242_000, 360_000),
                    CommuneCount("Xã Ba Tơ", 328, 1006),
                ),
            ),
            IndicatorTotal("2", "Phản ánh đúng hạn", "%", (CommuneCount("Xã Ba Tơ", 0, 0),)),
        ),
        window_text="Số liệu tính từ ngày 15/3/2025 đến ngày 14/6/2025",
    )


def test_status_kinds_group_both_status_vocabularies() -> None:
    assert status_kind("done_late") is K.DONE and status_kind("done") is K.DONE
    assert status_kind("in_progress_overdue") is K.OVERDUE
    assert status_kind("in_progress_on_time") is K.IN_PROGRESS
    assert status_kind("done", not_applicable=True) is K.NOT_OCCURRED
    assert status_kind(None) is K.NOT_REPORTED and status_kind("not_started") is K.NOT_STARTED


def test_indicator_totals_use_summed_counts_in_vietnamese_format_and_na_for_zero() -> None:
    first, second = _view().indicators
    assert indicator_figure(first) == "242.328/361.006 (tỷ lệ 67,13%)"
    assert indicator_figure(second) == "0/0 (N/A)"


def test_the_draft_names_every_late_and_missing_commune_and_the_returned_one() -> None:
    draft = draft_summary(_view())
    lines = [p.text for p in draft.pieces if isinstance(p, Line)]
    assert draft.title.endswith("quý II năm 2025 trên địa bàn tỉnh Quảng Ngãi")
    assert draft.window == "(Số liệu tính từ ngày 15/3/2025 đến ngày 14/6/2025)"
    assert "- Chưa gửi báo cáo (đã quá hạn): 1/3 đơn vị: Xã Ba Vì." in lines
    assert "- Gửi trễ hạn: 1/3 đơn vị: Xã Ba Tơ." in lines
    assert "- Gửi đúng hạn: 1/3 đơn vị (chi tiết tại Phụ lục)." in lines
    assert any(line.startswith("Đã trả lại") and "Xã Ba Tơ" in line for line in lines)


def test_a_task_most_communes_have_not_done_is_highlighted() -> None:
    draft = draft_summary(_view())
    table = next(p for p in draft.pieces if isinstance(p, Grid) and p.name == "tasks")
    assert table.rows[0][:2] == ("I", "Chỉ đạo") and 0 in table.spanning
    assert table.rows[1][2] == "2" and 1 not in table.strong
    assert table.rows[2][2:5] == ("0", "1", "1") and 2 in table.strong
    lines = [p.text for p in draft.pieces if isinstance(p, Line)]
    assert any("nhiệm vụ 2 (Rà soát TTHC): 0/2 đơn vị hoàn thành" in line for line in lines)


def test_half_the_communes_done_is_not_highlighted_and_the_list_names_the_ten_worst() -> None:
    half = (K.DONE, K.OVERDUE)
    tasks = tuple(
        TaskRow(
            str(n), f"Nhiệm vụ {n}", ("",) * 2, "I", "Chỉ đạo", half if n == 0 else (K.OVERDUE,) * 2
        )
        for n in range(13)
    )
    view = _view()
    draft = draft_summary(
        Consolidation(
            view.period_key,
            view.period_label,
            view.deadline,
            view.office_name,
            view.ledger,
            tasks,
            (),
        )
    )
    line = next(p.text for p in draft.pieces if isinstance(p, Line) and p.text.startswith("Có 12"))
    assert "nhiệm vụ 0 " not in line and line.count("0/2 đơn vị hoàn thành") == 10
    assert line.endswith("; và 2 nhiệm vụ khác.")


def test_the_closing_asks_for_timely_reports_only_when_some_were_late_or_missing() -> None:
    view = _view()
    lines = [p.text for p in draft_summary(view).pieces if isinstance(p, Line)]
    assert any("Đề nghị các đơn vị chưa gửi hoặc gửi trễ hạn" in line for line in lines)
    assert any("nhiệm vụ quá hạn, chưa thực hiện" in line for line in lines)
    punctual = Consolidation(
        view.period_key,
        view.period_label,
        view.deadline,
        view.office_name,
        (_ledger("Phường Đức Phổ", Standing.ON_TIME),),
        (TaskRow("1", "Ban hành kế hoạch", ("",), "I", "Chỉ đạo", (K.DONE,)),),
        (),
    )
    lines = [p.text for p in draft_summary(punctual).pieces if isinstance(p, Line)]
    assert "Trong kỳ, 1/1 đơn vị cấp xã đã gửi báo cáo, trong đó 1 đơn vị gửi đúng hạn." in lines
