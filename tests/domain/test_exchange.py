"""Exchange rules: office matching, the ledger's deadline standings, return comments per task,
and consolidated indicator totals summed from counts."""

from datetime import date
from decimal import Decimal

from kscdesk.domain.consolidation import (
    IndicatorRow,
    format_counts_rate,
    format_rate,
    rate,
    status_label,
    total_indicators,
)
from kscdesk.domain.exchange import OfficeRef, Standing, parse_task_comments, same_office, standing
from kscdesk.domain.period import quarter_period


def test_offices_match_by_code_when_both_have_one_else_by_name_without_tones() -> None:
    assert same_office(OfficeRef("Xã A", "1"), OfficeRef("Xã B", "1"))
    assert not same_office(OfficeRef("Xã Tịnh Hà", "1"), OfficeRef("Xã Tịnh Hà", "2"))
    assert same_office(OfficeRef("UBND xã Tịnh Hà"), OfficeRef("Ủy ban nhân dân xã Tinh Ha", "9"))
    assert not same_office(OfficeRef("xã Tịnh Hà"), OfficeRef("xã Tịnh Sơn"))


def test_a_report_sent_by_day_17_of_the_last_month_is_on_time_and_after_it_late() -> None:
    q1 = quarter_period(2025, 1)
    assert standing(q1, date(2025, 3, 17), date(2025, 4, 1), 17) is Standing.ON_TIME
    assert standing(q1, date(2025, 3, 18), date(2025, 4, 1), 17) is Standing.LATE
    assert standing(q1, None, date(2025, 3, 17), 17) is Standing.NOT_DUE
    assert standing(q1, None, date(2025, 3, 18), 17) is Standing.MISSING
    assert standing(q1, date(2025, 3, 20), date(2025, 4, 1), 22) is Standing.ON_TIME


def test_return_text_splits_into_a_general_comment_and_comments_per_task() -> None:
    general, per_task = parse_task_comments(
        "Bổ sung số liệu chỉ tiêu.\n3: thiếu minh chứng\nNhiệm vụ 5a - ghi rõ ngày\n3: và ngày"
    )
    assert general == "Bổ sung số liệu chỉ tiêu."
    assert per_task == {"3": "thiếu minh chứng và ngày", "5a": "ghi rõ ngày"}


def test_indicator_totals_sum_the_counts_and_never_average_the_rates() -> None:
    rows = [
        IndicatorRow("Xã A", "1", "Tỷ lệ hồ sơ trực tuyến", "%", 90, 100),
        IndicatorRow("Xã B", "1", "Tỷ lệ hồ sơ TRỰC TUYẾN", "%", 1, 10),
        IndicatorRow("Xã C", "1", "Tỷ lệ hồ sơ trực tuyến", "%", None, None),
    ]
    [total] = total_indicators(rows)
    assert (total.numerator, total.denominator) == (91, 110)
    assert total.rate == Decimal(91) * 100 / Decimal(110)  # 82,73 %, not the mean 50 %
    assert format_rate(total.rate) == "82,73%"
    assert format_rate(total.counts[2].rate) == "N/A"


def test_a_rate_formatted_from_counts_is_the_decimal_rates_text() -> None:
    for denominator in range(150):
        for numerator in range(denominator + 2):
            expected = format_rate(rate(numerator, denominator))
            assert format_counts_rate(numerator, denominator) == expected
    assert format_counts_rate(None, 10) == format_counts_rate(3, None) == "N/A"


def test_the_consolidated_rate_rounds_half_up_as_the_communes_report_does() -> None:
    assert format_rate(Decimal(1) * 100 / Decimal(32)) == "3,13%"  # 3,125: up, not to even
    assert format_rate(Decimal(80)) == "80,00%"


def test_a_status_of_either_vocabulary_gets_a_label_and_an_unknown_one_shows_as_is() -> None:
    assert status_label("done") == "Đã hoàn thành"
    assert status_label("done_late") == "Hoàn thành trễ hạn"
    assert status_label("something_new") == "something_new"
    assert status_label(None) == "Chưa báo cáo"
    assert status_label("done", not_applicable=True) == "Không áp dụng"
