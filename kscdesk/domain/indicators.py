"""Indicator targets, rates and figures (DOMAIN §4): counts are stored, everything else computed.

A target is read from its text ("Tối thiểu 80" is ≥ 80, "100" is = 100). The office's target is
derived from the central one and last year's result: below the central target → the central
target; otherwise last year's result "tăng thêm 10%" (10 points, or ×1.1 — a setting), never
below the central target, capped at 100. Rates and year-to-date figures come from summed counts,
never from averaged rates; a denominator of 0 gives no rate ("N/A").
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from kscdesk.domain.errors import DomainError
from kscdesk.domain.model import Comparator, Target
from kscdesk.domain.period import Period, PeriodKind, quarter_period
from kscdesk.domain.text import search_key

HUNDRED = Decimal(100)
NOT_AVAILABLE = "N/A"


class InvalidCounts(DomainError):
    """Counts that cannot be: negative, or more dossiers counted than there are."""


class IncreaseMode(StrEnum):
    """How "tăng thêm 10%" is read [open in DOMAIN §4]."""

    POINTS = "points"  # +10 percentage points (default)
    FACTOR = "factor"  # ×1.1

    @property
    def label(self) -> str:
        return {"points": "cộng 10 điểm phần trăm", "factor": "nhân 1,1"}[self.value]


def check_counts(numerator: int, denominator: int) -> None:
    """Refuse counts that cannot be true; the message is shown to the officer."""
    if numerator < 0 or denominator < 0:
        raise InvalidCounts("Số liệu không được âm.")
    if numerator > denominator:
        raise InvalidCounts(
            f"Tử số ({format_count(numerator)}) lớn hơn mẫu số ({format_count(denominator)}): "
            "số hồ sơ đạt không thể nhiều hơn tổng số hồ sơ."
        )


def compute_rate(numerator: int, denominator: int) -> Decimal | None:
    """The percentage, or None when the denominator is 0."""
    if denominator == 0:
        return None
    return Decimal(numerator) * HUNDRED / Decimal(denominator)


# --- Vietnamese number format -------------------------------------------------------------


def format_count(value: int) -> str:
    """242328 → "242.328" (dot groups thousands in Vietnamese)."""
    return f"{value:,}".replace(",", ".")


def format_decimal(value: Decimal, places: int = 2) -> str:
    """67.1334 → "67,13"; whole numbers lose their decimals (80 → "80")."""
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return format_count(int(rounded))
    whole, _, frac = f"{rounded:f}".partition(".")
    return f"{format_count(int(whole))},{frac}"


def format_rate(rate: Decimal | None) -> str:
    return NOT_AVAILABLE if rate is None else f"{format_decimal(rate)}%"


def rate_hundredths(numerator: int, denominator: int) -> int:
    """The percentage of non-negative counts in hundredths, rounded half up, in whole numbers
    (``compute_rate`` rounded to 2 places, without a Decimal: outputs write thousands)."""
    return (numerator * 20_000 + denominator) // (2 * denominator)


def format_figure(numerator: int, denominator: int) -> str:
    """ "242.328/361.006 (tỷ lệ 67,13%)", or "0/0 (N/A)" when nothing was counted.

    The rate is rounded half up to hundredths in whole numbers (what ``format_rate`` of
    ``compute_rate`` gives for counts, without a Decimal per figure: a parent's summary
    writes thousands of them); a number under 1.000 has no group to separate.
    """
    if denominator <= 0 or numerator < 0:
        counts = f"{format_count(numerator)}/{format_count(denominator)}"
        if denominator == 0:
            return f"{counts} ({NOT_AVAILABLE})"
        return f"{counts} (tỷ lệ {format_rate(compute_rate(numerator, denominator))})"
    if numerator < 1000 and denominator < 1000:
        counts = f"{numerator}/{denominator}"
    else:
        counts = f"{format_count(numerator)}/{format_count(denominator)}"
    whole, cents = divmod(rate_hundredths(numerator, denominator), 100)
    percent = str(whole) if whole < 1000 else format_count(whole)
    if cents:
        return f"{counts} (tỷ lệ {percent},{cents:02d}%)"
    return f"{counts} (tỷ lệ {percent}%)"


# --- Targets -------------------------------------------------------------------------------

_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)")
_AT_LEAST_WORDS = ("toi thieu", "it nhat", "tren", "tu", ">=", "≥", ">")


def parse_target(text: str) -> Target | None:
    """ "Tối thiểu 80" / "≥ 80%" → (≥, 80); "100" / "100%" → (=, 100); no number → None."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    value = Decimal(match.group(1).replace(",", "."))
    key = search_key(text)
    at_least = any(word in key for word in _AT_LEAST_WORDS) or "≥" in text
    comparator = Comparator.AT_LEAST if at_least else Comparator.EXACTLY
    return Target(comparator, value)


def format_target(target: Target | None, unit: str = "%") -> str:
    if target is None:
        return "Chưa có"
    sign = "≥ " if target.comparator is Comparator.AT_LEAST else ""
    return f"{sign}{format_decimal(target.value)}{unit if unit == '%' else ' ' + unit}"


@dataclass(frozen=True)
class TargetDerivation:
    """The office's target and how it was reached, in words the officer can check."""

    target: Target | None
    explanation: str


def derive_target(
    central: Target | None,
    last_year_rate: Decimal | None,
    mode: IncreaseMode = IncreaseMode.POINTS,
) -> TargetDerivation:
    """Apply the target rule of DOMAIN §4 to the central target and last year's result."""
    if central is None:
        return TargetDerivation(None, "Kế hoạch cấp trên không ghi chỉ tiêu.")
    central_text = format_target(central)
    if last_year_rate is None:
        return TargetDerivation(
            central, f"Chưa có kết quả năm trước: lấy chỉ tiêu cấp trên {central_text}."
        )
    last_text = format_rate(last_year_rate)
    if last_year_rate < central.value:
        return TargetDerivation(
            central,
            f"Kết quả năm trước {last_text} thấp hơn chỉ tiêu cấp trên {central_text}: "
            f"chỉ tiêu là {central_text}.",
        )
    raised = last_year_rate + 10 if mode is IncreaseMode.POINTS else last_year_rate * Decimal("1.1")
    raised = raised.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    value = min(HUNDRED, max(central.value, raised))
    comparator = Comparator.EXACTLY if value == HUNDRED else Comparator.AT_LEAST
    target = Target(comparator, value)
    capped = " (tối đa 100%)" if raised > HUNDRED else ""
    return TargetDerivation(
        target,
        f"Kết quả năm trước {last_text} đạt chỉ tiêu cấp trên {central_text}: tăng thêm 10% "
        f"({mode.label}) = {format_decimal(raised)}%{capped}; chỉ tiêu là "
        f"{format_target(target)}.",
    )


def is_met(target: Target | None, rate: Decimal | None) -> bool | None:
    """Đạt (True) / Không đạt (False); None when there is no target or no rate."""
    if target is None or rate is None:
        return None
    if target.comparator is Comparator.AT_LEAST:
        return rate >= target.value
    return rate == target.value


def met_label(met: bool | None) -> str:
    return {True: "Đạt", False: "Không đạt", None: NOT_AVAILABLE}[met]


# --- Periods and sums ----------------------------------------------------------------------


def quarters_of(period: Period) -> list[Period]:
    """The quarters whose windows make up a period (H1 = Q1 + Q2; the year = Q1 … Q4)."""
    if period.kind is PeriodKind.QUARTER:
        return [period]
    return [quarter_period(period.year, n) for n in range(1, period.last_month // 3 + 1)]


def year_to_date_quarters(period: Period) -> list[Period]:
    """Q1 up to the period's last quarter: the span of a year-to-date figure."""
    return [quarter_period(period.year, n) for n in range(1, period.last_month // 3 + 1)]


def sum_counts(pairs: Iterable[tuple[int, int]]) -> tuple[int, int]:
    """Counts added across periods or offices (never an average of rates)."""
    numerator = denominator = 0
    for num, den in pairs:
        numerator += num
        denominator += den
    return numerator, denominator
