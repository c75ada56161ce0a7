"""Indicator counts per period: refused when impossible, summed across quarters, targets derived."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from kscdesk.domain.indicators import IncreaseMode
from kscdesk.domain.model import Indicator
from kscdesk.services import indicators
from kscdesk.services.demo import load_demo
from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.store import indicators as indicator_store


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "data") as workspace:
        load_demo(workspace)
        yield workspace


def _figure(ws: Workspace, period: str, number: str) -> indicators.IndicatorFigure:
    return next(f for f in indicators.list_figures(ws, period) if f.indicator.number == number)


def test_a_numerator_above_the_denominator_is_refused_and_nothing_changes(ws: Workspace) -> None:
    before = _figure(ws, "2023-Q1", "1")
    with pytest.raises(ServiceError, match="lớn hơn mẫu số"):
        indicators.set_counts(ws, "1", "2023-Q1", 11, 10)
    after = _figure(ws, "2023-Q1", "1")
    assert (after.numerator, after.denominator) == (before.numerator, before.denominator)


def test_an_indicator_is_found_by_number_or_id_prefix(ws: Workspace) -> None:
    first = _figure(ws, "2023-Q1", "1").indicator
    indicators.set_counts(ws, first.uid[:8], "2023-Q2", 5, 10)
    assert (_figure(ws, "2023-Q2", "1").numerator, _figure(ws, "2023-Q2", "1").denominator) == (
        5,
        10,
    )
    with pytest.raises(ServiceError, match="Không tìm thấy"):
        indicators.set_counts(ws, "99z", "2023-Q2", 1, 1)  # neither a number nor hex


def test_six_months_and_year_to_date_sum_the_quarters_counts(ws: Workspace) -> None:
    indicators.set_counts(ws, "6", "2023-Q2", 0, 0)
    indicators.set_counts(ws, "1", "2023-Q2", 588, 904)
    half = _figure(ws, "2023-H1", "1")
    assert (half.numerator, half.denominator) == (412 + 588, 1096 + 904)
    assert not half.entered
    assert _figure(ws, "2023-Q2", "1").year_to_date == (1000, 2000)
    zero = _figure(ws, "2023-Q2", "6")
    assert zero.rate is None and zero.met is None  # 0/0 → N/A


def test_the_increase_mode_changes_the_derived_target(ws: Workspace) -> None:
    # Demo indicator 3: central ≥ 80, last year 3.380/3.902 = 86,62%.
    assert _figure(ws, "2023-Q1", "3").target_text == "≥ 96,62%"
    indicators.set_increase_mode(ws, IncreaseMode.FACTOR)
    assert _figure(ws, "2023-Q1", "3").target_text == "≥ 95,28%"
    assert "nhân 1,1" in _figure(ws, "2023-Q1", "3").derivation.explanation


def test_the_catalogue_is_editable(ws: Workspace) -> None:
    plan_uid = indicators.report_plan_uid(ws)
    added = Indicator("8", "Tỷ lệ công bố công khai TTHC đúng hạn", "%", "100", position=8)
    indicators.save_indicator(ws, plan_uid, added)
    assert _figure(ws, "2023-Q1", "8").target_text == "100%"
    with pytest.raises(ServiceError, match="không được để trống"):
        indicators.save_indicator(ws, plan_uid, Indicator("9", "  "))
    indicators.delete_indicator(ws, added.uid)
    assert all(i.uid != added.uid for i in indicator_store.list_indicators(ws.db, plan_uid))
