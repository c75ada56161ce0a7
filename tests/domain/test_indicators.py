"""Indicator targets, rates and Vietnamese figures (DOMAIN §4)."""

from decimal import Decimal

import pytest

from kscdesk.domain.indicators import (
    IncreaseMode,
    InvalidCounts,
    check_counts,
    compute_rate,
    derive_target,
    format_figure,
    format_rate,
    format_target,
    is_met,
    parse_target,
    quarters_of,
    sum_counts,
    year_to_date_quarters,
)
from kscdesk.domain.model import Comparator, Target
from kscdesk.domain.period import parse_period_key


def test_figures_are_written_in_vietnamese_number_format() -> None:
    assert format_figure(242328, 361006) == "242.328/361.006 (tỷ lệ 67,13%)"
    assert format_figure(3, 3) == "3/3 (tỷ lệ 100%)"
    assert format_figure(999, 1000) == "999/1.000 (tỷ lệ 99,90%)"
    assert format_figure(12, 1) == "12/1 (tỷ lệ 1.200%)"


def test_a_figure_rounds_its_rate_half_up_as_the_decimal_rate_does() -> None:
    assert format_figure(1, 8) == "1/8 (tỷ lệ 12,50%)"
    assert format_figure(1, 16) == "1/16 (tỷ lệ 6,25%)"
    assert format_figure(1, 32) == "1/32 (tỷ lệ 3,13%)"  # 3,125 → up, not to even
    assert format_figure(2, 3) == "2/3 (tỷ lệ 66,67%)"
    for denominator in range(1, 150):
        for numerator in range(denominator + 1):
            rate = compute_rate(numerator, denominator)
            assert rate is not None
            expected = f"(tỷ lệ {format_rate(rate)})"
            assert format_figure(numerator, denominator).endswith(expected)


def test_a_zero_denominator_has_no_rate() -> None:
    assert compute_rate(0, 0) is None
    assert format_figure(0, 0) == "0/0 (N/A)"
    assert is_met(Target(Comparator.AT_LEAST, Decimal(80)), None) is None


def test_more_dossiers_counted_than_there_are_is_refused() -> None:
    with pytest.raises(InvalidCounts, match="lớn hơn mẫu số"):
        check_counts(5, 4)
    with pytest.raises(InvalidCounts):
        check_counts(-1, 4)
    check_counts(4, 4)


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("Tối thiểu 80", Comparator.AT_LEAST, 80),
        ("Tối thiểu 80%", Comparator.AT_LEAST, 80),
        ("≥ 95", Comparator.AT_LEAST, 95),
        ("100", Comparator.EXACTLY, 100),
        ("100%", Comparator.EXACTLY, 100),
        ("Tối thiểu 55,5", Comparator.AT_LEAST, Decimal("55.5")),
    ],
)
def test_targets_are_read_from_their_text(text: str, comparator: Comparator, value: int) -> None:
    assert parse_target(text) == Target(comparator, Decimal(value))


def test_a_target_without_a_number_is_not_guessed() -> None:
    assert parse_target("Theo hướng dẫn") is None


def test_at_least_is_met_at_or_above_and_exactly_only_at_the_value() -> None:
    at_least = Target(Comparator.AT_LEAST, Decimal(80))
    assert is_met(at_least, Decimal(80)) and is_met(at_least, Decimal("80.5"))
    assert is_met(at_least, Decimal("79.99")) is False
    hundred = Target(Comparator.EXACTLY, Decimal(100))
    assert is_met(hundred, compute_rate(3, 3)) and is_met(hundred, compute_rate(99, 100)) is False


def test_below_the_central_target_last_year_the_central_target_applies() -> None:
    central = Target(Comparator.AT_LEAST, Decimal(80))
    derived = derive_target(central, Decimal(72), IncreaseMode.POINTS)
    assert derived.target == central
    assert "thấp hơn" in derived.explanation and "72%" in derived.explanation


def test_at_or_above_the_central_target_last_year_adds_ten_points_or_ten_percent() -> None:
    central = Target(Comparator.AT_LEAST, Decimal(50))
    points = derive_target(central, Decimal(60), IncreaseMode.POINTS)
    factor = derive_target(central, Decimal(60), IncreaseMode.FACTOR)
    assert points.target == Target(Comparator.AT_LEAST, Decimal(70))
    assert factor.target == Target(Comparator.AT_LEAST, Decimal(66))
    assert "cộng 10 điểm" in points.explanation and "nhân 1,1" in factor.explanation
    assert format_target(points.target) == "≥ 70%"


def test_a_derived_target_is_capped_at_one_hundred() -> None:
    derived = derive_target(Target(Comparator.AT_LEAST, Decimal(90)), Decimal(95))
    assert derived.target == Target(Comparator.EXACTLY, Decimal(100))
    assert "tối đa 100%" in derived.explanation


def test_without_last_years_result_the_central_target_applies() -> None:
    central = Target(Comparator.EXACTLY, Decimal(100))
    assert derive_target(central, None).target == central


def test_cumulative_periods_are_made_of_their_quarters() -> None:
    assert [p.key for p in quarters_of(parse_period_key("2025-H1"))] == ["2025-Q1", "2025-Q2"]
    assert len(quarters_of(parse_period_key("2025-Y"))) == 4
    assert [p.key for p in year_to_date_quarters(parse_period_key("2025-Q3"))] == [
        "2025-Q1",
        "2025-Q2",
        "2025-Q3",
    ]


def test_counts_are_summed_never_rates_averaged() -> None:
    # 90/100 and 10/100: rates average to 50%, the true rate is 100/200 = 50%; with 90/100 and
    # 1/10 the average would be 50% but the counts give 91/110.
    assert sum_counts([(90, 100), (1, 10)]) == (91, 110)
    assert format_figure(*sum_counts([(90, 100), (1, 10)])) == "91/110 (tỷ lệ 82,73%)"
