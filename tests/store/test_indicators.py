from decimal import Decimal

import pytest
from sqlite_utils import Database

from kscdesk.domain.model import IndicatorValue, PlanContent
from kscdesk.store.errors import RecordNotFound
from kscdesk.store.indicators import (
    list_indicator_values,
    list_indicators,
    save_indicator_value,
)
from kscdesk.store.plans import save_plan_content


def test_indicators_are_listed_in_appendix_order(db: Database, small_plan: PlanContent) -> None:
    save_plan_content(db, small_plan)
    assert list_indicators(db, small_plan.plan.uid) == small_plan.indicators


def test_saving_counts_again_for_a_period_replaces_them(
    db: Database, small_plan: PlanContent
) -> None:
    save_plan_content(db, small_plan)
    online = small_plan.indicators[0]
    first = IndicatorValue(online.uid, "2025-Q1", 242328, 361006, note="số liệu ban đầu")
    save_indicator_value(db, first)
    save_indicator_value(db, IndicatorValue(online.uid, "2025-Q1", 250000, 361006))
    save_indicator_value(db, IndicatorValue(online.uid, "2025-Q2", 1, 0))
    values = list_indicator_values(db, small_plan.plan.uid, "2025-Q1")
    assert list(values) == [online.uid]
    assert values[online.uid] == IndicatorValue(
        online.uid, "2025-Q1", 250000, 361006, uid=first.uid
    )
    assert list_indicator_values(db, small_plan.plan.uid, "2025-Q2")[online.uid].rate is None
    assert values[online.uid].rate == Decimal(250000) * 100 / Decimal(361006)


def test_counts_for_an_unknown_indicator_are_refused(db: Database) -> None:
    with pytest.raises(RecordNotFound, match="chỉ tiêu"):
        save_indicator_value(db, IndicatorValue("no-such-indicator", "2025-Q1", 1, 2))
    assert db.table("indicator_values").count == 0
