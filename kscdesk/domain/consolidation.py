"""Consolidating communes' counts at the parent: totals are sums of counts, rates are computed
from the sums (never averaged), and task statuses are shown in either status vocabulary."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from kscdesk.domain.exchange import Standing
from kscdesk.domain.indicators import rate_hundredths
from kscdesk.domain.text import search_key

_HUNDREDTH = Decimal("0.01")

# The recorded statuses and the derived standings (issue 7); anything else shows as stored.
STATUS_LABELS = {
    "not_started": "Chưa thực hiện",
    "in_progress": "Đang thực hiện",
    "done": "Đã hoàn thành",
    "not_occurred": "Không phát sinh",
    "in_progress_on_time": "Đang thực hiện (trong hạn)",
    "in_progress_overdue": "Đang thực hiện (quá hạn)",
    "done_early": "Hoàn thành trước hạn",
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành trễ hạn",
}


def status_label(status: str | None, not_applicable: bool = False) -> str:
    if not_applicable:
        return "Không áp dụng"
    if not status:
        return "Chưa báo cáo"
    return STATUS_LABELS.get(status, status)


class CommuneCount(NamedTuple):  # a tuple: a parent makes thousands a period
    """One commune's counts of one indicator (None: not reported)."""

    office: str
    numerator: int | None
    denominator: int | None

    @property
    def rate(self) -> Decimal | None:
        return rate(self.numerator, self.denominator)


@dataclass(frozen=True)
class IndicatorTotal:
    number: str
    name: str
    unit: str
    counts: tuple[CommuneCount, ...]

    @cached_property
    def numerator(self) -> int:
        return sum(c.numerator for c in self.counts if _reported(c))  # type: ignore[misc]

    @cached_property
    def denominator(self) -> int:
        return sum(c.denominator for c in self.counts if _reported(c))  # type: ignore[misc]

    @property
    def rate(self) -> Decimal | None:
        return rate(self.numerator, self.denominator)


def _reported(count: CommuneCount) -> bool:
    return count.numerator is not None and count.denominator is not None


def rate(numerator: int | None, denominator: int | None) -> Decimal | None:
    """Percentage from counts; None when not reported or the denominator is 0 ("N/A")."""
    if numerator is None or not denominator:
        return None
    return Decimal(numerator) * 100 / Decimal(denominator)


class IndicatorRow(NamedTuple):  # a tuple: a province makes tens of thousands of them
    office: str
    number: str
    name: str
    unit: str
    numerator: int | None
    denominator: int | None


def total_indicators(
    rows: Iterable[tuple[str, str, str, str, int | None, int | None]],
) -> list[IndicatorTotal]:
    """Group communes' rows (IndicatorRow, or a tuple of its fields) by indicator (number and
    name without tones), in first-seen order."""
    groups: dict[tuple[str, str], tuple[str, str, str, list[CommuneCount]]] = {}
    keys: dict[tuple[str, str], tuple[str, str]] = {}  # each commune sends the same names
    for office, number, name, unit, numerator, denominator in rows:
        key = keys.get((number, name))
        if key is None:
            key = keys[(number, name)] = (number.strip(), search_key(name))
        group = groups.get(key)
        if group is None:
            group = groups[key] = (number, name, unit, [])
        group[3].append(CommuneCount(office, numerator, denominator))
    return [
        IndicatorTotal(number=number, name=name, unit=unit, counts=tuple(counts))
        for number, name, unit, counts in groups.values()
    ]


def format_counts_rate(numerator: int | None, denominator: int | None) -> str:
    """``format_rate(rate(numerator, denominator))`` in whole numbers: the consolidated
    workbook writes thousands of rates, a Decimal each would be most of its cost."""
    if numerator is None or not denominator:
        return "N/A"
    if numerator < 0 or denominator < 0:
        return format_rate(rate(numerator, denominator))
    whole, cents = divmod(rate_hundredths(numerator, denominator), 100)
    return f"{whole},{cents:02d}%"


def format_rate(value: Decimal | None) -> str:
    """ "67,13%" in the Vietnamese style, "N/A" without a rate."""
    if value is None:
        return "N/A"
    rounded = value.quantize(_HUNDREDTH, rounding=ROUND_HALF_UP)  # as the commune's report
    return f"{rounded:f}".replace(".", ",") + "%"


@dataclass(frozen=True)
class LedgerRow:
    """One commune in the parent's ledger for a period."""

    office_uid: str
    name: str
    code: str
    standing: Standing
    sent_at: str | None  # when the first package for the period was written by the commune
    package_id: str | None  # the current package
    sequence: int | None
    versions: int  # packages received for the period, superseded ones included
    receipt: str | None  # decision of the last receipt written for it


@dataclass(frozen=True)
class TaskRow:
    """A task of the plan and its status label in each commune, in ledger order."""

    number: str
    content: str
    statuses: tuple[str, ...]
    section_code: str = ""  # the parent plan's section of the task ("" when not found)
    section_title: str = ""
    kinds: tuple["StatusKind", ...] = ()  # the statuses grouped for counting, ledger order


class StatusKind(StrEnum):
    """A commune's status of a task, grouped as the parent's summary counts it."""

    DONE = "done"
    IN_PROGRESS = "in_progress"
    OVERDUE = "overdue"
    NOT_STARTED = "not_started"
    NOT_OCCURRED = "not_occurred"  # not occurred, or not applicable to the commune
    NOT_REPORTED = "not_reported"


_DONE = frozenset({"done", "done_early", "done_on_time", "done_late"})
_IN_PROGRESS = frozenset({"in_progress", "in_progress_on_time"})


def status_kind(status: str | None, not_applicable: bool = False) -> StatusKind:
    """Group either status vocabulary (recorded statuses, derived standings) for counting."""
    if not_applicable or status == "not_occurred":
        return StatusKind.NOT_OCCURRED
    if not status:
        return StatusKind.NOT_REPORTED
    if status in _DONE:
        return StatusKind.DONE
    if status in _IN_PROGRESS:
        return StatusKind.IN_PROGRESS
    if status == "in_progress_overdue":
        return StatusKind.OVERDUE
    return StatusKind.NOT_STARTED


@dataclass(frozen=True)
class Consolidation:
    period_key: str
    period_label: str
    deadline: date
    office_name: str
    ledger: tuple[LedgerRow, ...]
    tasks: tuple[TaskRow, ...]
    indicators: tuple[IndicatorTotal, ...]
    window_text: str = ""  # "Số liệu tính từ ngày 15/12/2024 đến ngày 14/3/2025"
    parent_office_name: str = ""  # the office above the consolidating one, if known
