"""Matching senders under the parent office during a batch, without reading every office again
for each new sender: the same answers as find_office."""

from pathlib import Path

from kscdesk.domain.exchange import OfficeRef
from kscdesk.domain.model import Level, Office
from kscdesk.services.exchange_keys import OfficesBelow, find_office
from kscdesk.services.workspace import Workspace
from kscdesk.store import offices

STORED = [  # name, code: codes with spaces, lower case, none, letters SQLite's upper() keeps
    ("Xã An Phú", "1001"),
    ("Xã Bình Minh", " 1002 "),
    ("Phường Trần Phú", ""),
    ("Xã Tịnh Ấn", "abc"),
    ("Xã Đức Hiệp", "đh1"),
    ("Xã An Phú", "1009"),
    ("Thị trấn Sơn Tịnh", "x\t"),
    ("Xã Nghĩa Hà", "3003"),  # matched by code before the same name without a code
    ("Xã Nghĩa Hà mới", ""),
    ("Xã Lý", ""),  # matched by name before the same code
    ("Xã Lý khác", "4004"),
]
REFS = [
    OfficeRef("Xã An Phú", "1001"),
    OfficeRef("xa an phu", ""),
    OfficeRef("Khác", "1002"),
    OfficeRef("Phường Trần Phú", "7777"),
    OfficeRef("Khác", "ABC"),
    OfficeRef("Khác", "ĐH1"),
    OfficeRef("Thị trấn Sơn Tịnh", "X"),
    OfficeRef("Xã Nghĩa Hà mới", "3003"),
    OfficeRef("Xã Lý", "4004"),
    OfficeRef("Xã Mới", "2000"),
    OfficeRef("Xã Mới", ""),
]


def test_offices_read_once_match_senders_as_find_office_does(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as ws:
        home = Office("UBND huyện Sơn Tịnh", Level.DISTRICT, "212")
        offices.save_office(ws.db, home)
        offices.save_office(ws.db, Office("Xã Khác Huyện", Level.COMMUNE, "2000", "other"))
        for name, code in STORED:
            offices.save_office(ws.db, Office(name, Level.COMMUNE, code, home.uid))
        below = OfficesBelow(home.uid)
        for ref in REFS:
            assert below.find(ws, ref) == find_office(ws, ref, home.uid), ref
        found = [below.find(ws, ref) for ref in REFS]
        assert [o.name if o else None for o in found] == [
            "Xã An Phú",
            "Xã An Phú",
            "Xã Bình Minh",
            "Phường Trần Phú",
            "Xã Tịnh Ấn",
            None,  # "đh1": SQLite's upper() leaves "đ", so the query does not keep it
            None,  # "x\t": nor a tab its trim() leaves
            "Xã Nghĩa Hà",
            "Xã Lý",
            None,
            None,
        ]


def test_an_office_added_is_found_only_once_its_package_is_kept(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as ws:
        home = Office("UBND huyện Sơn Tịnh", Level.DISTRICT, "212")
        offices.save_office(ws.db, home)
        below = OfficesBelow(home.uid)
        new = OfficeRef("Xã Mới", "2000")
        assert below.find(ws, new) is None
        with ws.db.atomic():
            dropped = Office("Xã Mới", Level.COMMUNE, "2000", home.uid)
            offices.save_office(ws.db, dropped)
            below.add(dropped)
            ws.db.conn.execute("DELETE FROM offices WHERE uid = ?", [dropped.uid])  # rolled back
        below.drop()
        assert below.find(ws, new) is None
        kept = Office("Xã Mới", Level.COMMUNE, "2000", home.uid)
        offices.save_office(ws.db, kept)
        below.add(kept)
        below.keep()
        assert below.find(ws, new) == kept == find_office(ws, new, home.uid)
