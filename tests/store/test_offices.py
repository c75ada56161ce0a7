import sqlite3
from dataclasses import replace

import pytest
from sqlite_utils import Database

from kscdesk.domain.model import Level, Office, Unit
from kscdesk.store.offices import (
    delete_unit,
    get_home_office,
    list_offices,
    list_units,
    load_office,
    save_office,
    save_unit,
    set_home_office,
)

PROVINCE = Office("Tỉnh Quảng Ngãi", Level.PROVINCE, code="51")
WARD = Office("Phường Đức Phổ", Level.COMMUNE, parent_uid=PROVINCE.uid)


def test_there_is_no_home_office_until_one_is_chosen(db: Database) -> None:
    assert get_home_office(db) is None
    set_home_office(db, WARD)
    assert get_home_office(db) == WARD


def test_saving_an_office_again_updates_it(db: Database) -> None:
    save_office(db, PROVINCE)
    renamed = replace(PROVINCE, name="Tỉnh Quảng Ngãi (mới)")
    save_office(db, renamed)
    assert load_office(db, PROVINCE.uid) == renamed
    assert list_offices(db) == [renamed]


def test_offices_are_listed_in_vietnamese_alphabetical_order(db: Database) -> None:
    names = ["Xã Đức Lân", "Xã Ba Tơ", "Phường Đức Phổ", "Xã Ân Hảo", "Xã An Lão"]
    for name in names:
        save_office(db, Office(name, Level.COMMUNE))
    listed = [office.name for office in list_offices(db)]
    assert listed == ["Phường Đức Phổ", "Xã An Lão", "Xã Ân Hảo", "Xã Ba Tơ", "Xã Đức Lân"]


def test_units_belong_to_their_office_and_are_sorted(db: Database) -> None:
    save_office(db, WARD)
    save_office(db, PROVINCE)
    lead = Unit(WARD.uid, "Văn phòng HĐND và UBND", is_kstt_lead=True)
    centre = Unit(WARD.uid, "Trung tâm Phục vụ hành chính công")
    save_unit(db, lead)
    save_unit(db, centre)
    save_unit(db, Unit(PROVINCE.uid, "Sở Tư pháp"))
    assert list_units(db, WARD.uid) == [centre, lead]
    save_unit(db, replace(centre, is_kstt_lead=True))
    assert list_units(db, WARD.uid)[0].is_kstt_lead
    delete_unit(db, centre.uid)
    assert list_units(db, WARD.uid) == [lead]


def test_a_unit_of_an_unknown_office_is_refused(db: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        save_unit(db, Unit("no-such-office", "Phòng Kinh tế"))
    assert db.table("units").count == 0
