"""Use cases on indicators: the catalogue, counts per period, targets and Đạt / Không đạt."""

from dataclasses import dataclass
from decimal import Decimal

from kscdesk.domain.indicators import (
    IncreaseMode,
    InvalidCounts,
    TargetDerivation,
    check_counts,
    compute_rate,
    derive_target,
    format_target,
    is_met,
    parse_target,
    quarters_of,
    sum_counts,
    year_to_date_quarters,
)
from kscdesk.domain.model import Indicator, IndicatorValue, PlanKind
from kscdesk.domain.period import InvalidPeriod, Period, parse_period_key
from kscdesk.domain.text import nfc
from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.store import indicators, plans, settings
from kscdesk.store.errors import RecordNotFound

INCREASE_MODE_KEY = "indicators.increase_mode"


@dataclass(frozen=True)
class IndicatorFigure:
    """An indicator in a period: target and derivation, counts, rate, Đạt / Không đạt."""

    indicator: Indicator
    derivation: TargetDerivation
    numerator: int | None
    denominator: int | None
    entered: bool  # counts typed for this very period (False: summed from its quarters)
    year_to_date: tuple[int, int] | None
    last_year: tuple[int, int] | None

    @property
    def rate(self) -> Decimal | None:
        if self.numerator is None or self.denominator is None:
            return None
        return compute_rate(self.numerator, self.denominator)

    @property
    def met(self) -> bool | None:
        return is_met(self.derivation.target, self.rate)

    @property
    def target_text(self) -> str:
        return format_target(self.derivation.target, self.indicator.unit)


def parse_period(key: str) -> Period:
    try:
        return parse_period_key(key)
    except InvalidPeriod as error:
        raise ServiceError(str(error)) from error


def report_plan_uid(ws: Workspace) -> str:
    """The plan reports are made on: the newest own plan, else the newest plan."""
    summaries = plans.list_plans(ws.db)
    if not summaries:
        raise ServiceError("Chưa có kế hoạch nào. Hãy nhập kế hoạch hoặc nạp dữ liệu mẫu trước.")
    own = [s for s in summaries if s.kind is PlanKind.OWN]
    return (own or summaries)[0].uid


def get_increase_mode(ws: Workspace) -> IncreaseMode:
    value = settings.get_setting(ws.db, INCREASE_MODE_KEY, IncreaseMode.POINTS.value)
    return IncreaseMode(value) if value in {m.value for m in IncreaseMode} else IncreaseMode.POINTS


def set_increase_mode(ws: Workspace, mode: IncreaseMode) -> None:
    settings.set_setting(ws.db, INCREASE_MODE_KEY, mode.value)


def find_indicator(ws: Workspace, plan_uid: str, ref: str) -> Indicator:
    """An indicator by its number ("1") or the first characters of its id."""
    ref = nfc(ref).strip()
    items = indicators.list_indicators(ws.db, plan_uid)
    by_number = [i for i in items if i.number.strip().rstrip(".") == ref.rstrip(".")]
    matches = by_number or [i for i in items if ref and i.uid.lower().startswith(ref.lower())]
    if not matches:
        raise ServiceError(
            f"Không tìm thấy chỉ tiêu “{ref}”. Xem danh sách: kscdesk indicator list --period …"
        )
    if len(matches) > 1:
        raise ServiceError(f"“{ref}” khớp với nhiều chỉ tiêu. Hãy gõ thêm ký tự của mã.")
    return matches[0]


def _counts(
    values: dict[tuple[str, str], IndicatorValue], uid: str, keys: list[str]
) -> tuple[int, int] | None:
    found = [(v.numerator, v.denominator) for k in keys if (v := values.get((uid, k)))]
    return sum_counts(found) if found else None


def list_figures(
    ws: Workspace, period_key: str, plan_uid: str | None = None
) -> list[IndicatorFigure]:
    """Every indicator of the plan with its figures for the period."""
    period = parse_period(period_key)
    plan_uid = plan_uid or report_plan_uid(ws)
    mode = get_increase_mode(ws)
    quarter_keys = [q.key for q in quarters_of(period)]
    ytd_keys = [q.key for q in year_to_date_quarters(period)]
    last_year = Period(period.kind.YEAR, period.year - 1) if period.year > 1000 else None
    last_keys = [last_year.key] if last_year else []
    last_quarters = [q.key for q in quarters_of(last_year)] if last_year else []
    values = indicators.list_values_for_periods(
        ws.db, plan_uid, [period.key, *quarter_keys, *ytd_keys, *last_keys, *last_quarters]
    )
    figures = []
    for item in indicators.list_indicators(ws.db, plan_uid):
        own = values.get((item.uid, period.key))
        counts = (
            (own.numerator, own.denominator) if own else _counts(values, item.uid, quarter_keys)
        )
        last = _counts(values, item.uid, last_keys) or _counts(values, item.uid, last_quarters)
        last_rate = compute_rate(*last) if last else None
        figures.append(
            IndicatorFigure(
                indicator=item,
                derivation=derive_target(parse_target(item.target_text), last_rate, mode),
                numerator=counts[0] if counts else None,
                denominator=counts[1] if counts else None,
                entered=own is not None,
                year_to_date=_counts(values, item.uid, ytd_keys) or counts,
                last_year=last,
            )
        )
    return figures


def set_counts(  # noqa: PLR0913 - the counts and where they go
    ws: Workspace, ref: str, period_key: str, numerator: int, denominator: int, note: str = ""
) -> Indicator:
    """Store an indicator's counts for a period; refused (nothing changed) when impossible."""
    period = parse_period(period_key)
    try:
        check_counts(numerator, denominator)
    except InvalidCounts as error:
        raise ServiceError(str(error)) from error
    plan_uid = report_plan_uid(ws)
    item = find_indicator(ws, plan_uid, ref)
    with ws.db.atomic():
        indicators.save_indicator_value(
            ws.db, IndicatorValue(item.uid, period.key, numerator, denominator, nfc(note))
        )
    return item


def save_indicator(ws: Workspace, plan_uid: str, item: Indicator) -> None:
    """Add or edit an indicator of the catalogue."""
    if not nfc(item.name).strip():
        raise ServiceError("Tên chỉ tiêu không được để trống.")
    try:
        with ws.db.atomic():
            indicators.update_indicator(ws.db, plan_uid, item)
    except RecordNotFound as error:
        raise ServiceError(str(error)) from error


def delete_indicator(ws: Workspace, indicator_uid: str) -> None:
    try:
        with ws.db.atomic():
            indicators.delete_indicator(ws.db, indicator_uid)
    except RecordNotFound as error:
        raise ServiceError(str(error)) from error
