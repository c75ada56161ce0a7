"""A plan's indicators (Phụ lục chỉ tiêu) and their counts per reporting period."""

from typing import Any

from sqlite_utils import Database

from kscdesk.domain.model import Indicator, IndicatorValue
from kscdesk.domain.text import nfc
from kscdesk.store.clock import now_iso
from kscdesk.store.errors import RecordNotFound


def indicator_row(plan_uid: str, indicator: Indicator) -> dict[str, Any]:
    """The stored row of an indicator of the plan ``plan_uid``."""
    return {
        "uid": indicator.uid,
        "plan_uid": plan_uid,
        "number": nfc(indicator.number),
        "name": nfc(indicator.name),
        "unit": nfc(indicator.unit),
        "target_text": nfc(indicator.target_text),
        "lead": nfc(indicator.lead),
        "coordinating": nfc(indicator.coordinating),
        "position": indicator.position,
    }


def _indicator_from_row(row: dict[str, Any]) -> Indicator:
    return Indicator(
        number=row["number"],
        name=row["name"],
        unit=row["unit"],
        target_text=row["target_text"],
        lead=row["lead"],
        coordinating=row["coordinating"],
        position=row["position"],
        uid=row["uid"],
    )


def list_indicators(db: Database, plan_uid: str) -> list[Indicator]:
    """The plan's indicators in appendix order."""
    rows = db.query(
        "SELECT * FROM indicators WHERE plan_uid = ? ORDER BY position, rowid", [plan_uid]
    )
    return [_indicator_from_row(row) for row in rows]


def save_indicator_value(db: Database, value: IndicatorValue) -> None:
    """Store the counts of an indicator for a period, replacing earlier counts for it.

    The first stored row keeps its uid. RecordNotFound when the indicator is not stored.
    """
    with db.atomic():
        known = db.execute(
            "SELECT 1 FROM indicators WHERE uid = ?", [value.indicator_uid]
        ).fetchone()
        if known is None:
            raise RecordNotFound("chỉ tiêu", value.indicator_uid)
        db.execute(
            "INSERT INTO indicator_values "
            "(uid, indicator_uid, period_key, numerator, denominator, note, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (indicator_uid, period_key) DO UPDATE SET "
            "numerator = excluded.numerator, denominator = excluded.denominator, "
            "note = excluded.note, updated_at = excluded.updated_at",
            [
                value.uid,
                value.indicator_uid,
                value.period_key,
                value.numerator,
                value.denominator,
                nfc(value.note),
                now_iso(),
            ],
        )


def list_indicator_values(
    db: Database, plan_uid: str, period_key: str
) -> dict[str, IndicatorValue]:
    """The plan's indicator counts for one period, keyed by indicator uid."""
    rows = db.query(
        "SELECT v.* FROM indicator_values v JOIN indicators i ON i.uid = v.indicator_uid "
        "WHERE i.plan_uid = ? AND v.period_key = ? ORDER BY i.position, i.rowid",
        [plan_uid, period_key],
    )
    return {
        row["indicator_uid"]: IndicatorValue(
            indicator_uid=row["indicator_uid"],
            period_key=row["period_key"],
            numerator=row["numerator"],
            denominator=row["denominator"],
            note=row["note"],
            uid=row["uid"],
        )
        for row in rows
    }


def update_indicator(db: Database, plan_uid: str, indicator: Indicator) -> None:
    """Insert or update an indicator of a plan (the officer edits the catalogue)."""
    with db.atomic():
        if db.execute("SELECT 1 FROM plans WHERE uid = ?", [plan_uid]).fetchone() is None:
            raise RecordNotFound("kế hoạch", plan_uid)
        row = indicator_row(plan_uid, indicator)
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        updates = ", ".join(f"{name} = excluded.{name}" for name in row if name != "uid")
        db.execute(
            f"INSERT INTO indicators ({columns}) VALUES ({marks}) "
            f"ON CONFLICT (uid) DO UPDATE SET {updates}",
            list(row.values()),
        )


def delete_indicator(db: Database, indicator_uid: str) -> None:
    """Delete an indicator and its counts; RecordNotFound when it is not stored."""
    with db.atomic():
        cursor = db.execute("DELETE FROM indicators WHERE uid = ?", [indicator_uid])
        if cursor.rowcount == 0:
            raise RecordNotFound("chỉ tiêu", indicator_uid)


def list_values_for_periods(
    db: Database, plan_uid: str, period_keys: list[str]
) -> dict[tuple[str, str], IndicatorValue]:
    """Counts of the plan's indicators for several periods, keyed by (indicator uid, period)."""
    if not period_keys:
        return {}
    marks = ", ".join("?" for _ in period_keys)
    rows = db.query(
        "SELECT v.* FROM indicator_values v JOIN indicators i ON i.uid = v.indicator_uid "
        f"WHERE i.plan_uid = ? AND v.period_key IN ({marks})",
        [plan_uid, *period_keys],
    )
    return {
        (row["indicator_uid"], row["period_key"]): IndicatorValue(
            indicator_uid=row["indicator_uid"],
            period_key=row["period_key"],
            numerator=row["numerator"],
            denominator=row["denominator"],
            note=row["note"],
            uid=row["uid"],
        )
        for row in rows
    }
