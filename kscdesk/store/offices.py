"""Offices (communes, districts, provinces), their units, and which office is this one."""

from typing import Any

from sqlite_utils import Database

from kscdesk.domain.model import Level, Office, Unit
from kscdesk.domain.text import nfc, sort_key
from kscdesk.store.settings import get_setting, set_setting

HOME_OFFICE_KEY = "home_office_uid"


def _office_from_row(row: dict[str, Any]) -> Office:
    return Office(
        name=row["name"],
        level=Level(row["level"]),
        code=row["code"],
        parent_uid=row["parent_uid"],
        uid=row["uid"],
    )


def save_office(db: Database, office: Office) -> None:
    """Insert the office, or update it when its uid is already stored."""
    with db.atomic():
        db.execute(
            "INSERT INTO offices (uid, name, level, code, parent_uid) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (uid) DO UPDATE SET name = excluded.name, level = excluded.level, "
            "code = excluded.code, parent_uid = excluded.parent_uid",
            [office.uid, nfc(office.name), office.level.value, nfc(office.code), office.parent_uid],
        )


def load_office(db: Database, office_uid: str) -> Office | None:
    """The office with this uid, or None."""
    rows = list(db.query("SELECT * FROM offices WHERE uid = ?", [office_uid]))
    return _office_from_row(rows[0]) if rows else None


def list_offices(db: Database) -> list[Office]:
    """Every stored office, in Vietnamese alphabetical order of name."""
    offices = [_office_from_row(row) for row in db.query("SELECT * FROM offices")]
    return sorted(offices, key=lambda office: sort_key(office.name))


def get_home_office(db: Database) -> Office | None:
    """The office this installation works for, or None before it is chosen."""
    uid = get_setting(db, HOME_OFFICE_KEY)
    return load_office(db, uid) if uid else None


def set_home_office(db: Database, office: Office) -> None:
    """Save the office and make it this installation's own office."""
    with db.atomic():
        save_office(db, office)
        set_setting(db, HOME_OFFICE_KEY, office.uid)


def save_unit(db: Database, unit: Unit) -> None:
    """Insert the unit, or update it when its uid is already stored; its office must exist."""
    with db.atomic():
        db.execute(
            "INSERT INTO units (uid, office_uid, name, is_kstt_lead) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (uid) DO UPDATE SET office_uid = excluded.office_uid, "
            "name = excluded.name, is_kstt_lead = excluded.is_kstt_lead",
            [unit.uid, unit.office_uid, nfc(unit.name), int(unit.is_kstt_lead)],
        )


def list_units(db: Database, office_uid: str) -> list[Unit]:
    """The office's units in Vietnamese alphabetical order of name."""
    units = [
        Unit(
            office_uid=row["office_uid"],
            name=row["name"],
            is_kstt_lead=bool(row["is_kstt_lead"]),
            uid=row["uid"],
        )
        for row in db.query("SELECT * FROM units WHERE office_uid = ?", [office_uid])
    ]
    return sorted(units, key=lambda unit: sort_key(unit.name))


def delete_unit(db: Database, unit_uid: str) -> None:
    """Remove a unit; nothing happens when it is not stored."""
    with db.atomic():
        db.execute("DELETE FROM units WHERE uid = ?", [unit_uid])
