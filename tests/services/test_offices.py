"""The folder's own office and its parent: set, changed, refused when the levels are upside down."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from kscdesk.domain.model import Level
from kscdesk.services.errors import ServiceError
from kscdesk.services.offices import (
    OfficeSpec,
    get_officer_name,
    get_profile,
    guess_level,
    set_office,
    set_officer_name,
)
from kscdesk.services.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
    yield workspace
    workspace.close()


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("UBND huyện Sơn Tịnh", Level.DISTRICT),
        ("Ủy ban nhân dân thị xã Đức Phổ", Level.DISTRICT),
        ("Tỉnh Quảng Ngãi", Level.PROVINCE),
        ("Phường Đức Phổ", Level.COMMUNE),
        ("xa Tinh Phong", Level.COMMUNE),
        ("Thành phố Huế", Level.PROVINCE),
        ("Văn phòng", None),
    ],
)
def test_the_level_is_read_from_the_first_words_of_the_name(name: str, level: Level) -> None:
    assert guess_level(name) == level


def test_a_new_folder_has_no_office(ws: Workspace) -> None:
    profile = get_profile(ws)
    assert profile.office is None and profile.parent is None


def test_the_office_and_its_parent_are_recorded(ws: Workspace) -> None:
    set_office(
        ws, OfficeSpec("Phường Đức Phổ", Level.COMMUNE, "21583"), OfficeSpec("Tỉnh Quảng Ngãi")
    )
    profile = get_profile(ws)
    assert profile.office is not None and profile.parent is not None
    assert (profile.office.name, profile.office.code) == ("Phường Đức Phổ", "21583")
    assert profile.parent.level is Level.PROVINCE
    assert profile.office.parent_uid == profile.parent.uid


def test_changing_the_office_keeps_its_uid_and_its_parent(ws: Workspace) -> None:
    first = set_office(
        ws, OfficeSpec("Phường Phổ Ninh", Level.COMMUNE), OfficeSpec("Thị xã Đức Phổ")
    )
    second = set_office(ws, OfficeSpec("Phường Đức Phổ", Level.COMMUNE))
    assert first.office is not None and second.office is not None
    assert second.office.uid == first.office.uid
    assert second.parent == first.parent


def test_a_parent_at_the_same_level_or_lower_is_refused_and_nothing_changes(ws: Workspace) -> None:
    with pytest.raises(ServiceError, match="cấp cao hơn"):
        set_office(ws, OfficeSpec("Tỉnh Quảng Ngãi", Level.PROVINCE), OfficeSpec("Huyện Sơn Tịnh"))
    assert get_profile(ws).office is None


def test_names_are_stored_nfc(ws: Workspace) -> None:
    import unicodedata

    set_office(ws, OfficeSpec(unicodedata.normalize("NFD", "Phường Đức Phổ"), Level.COMMUNE))
    office = get_profile(ws).office
    assert office is not None and office.name == unicodedata.normalize("NFC", "Phường Đức Phổ")


def test_the_officer_name_is_a_setting(ws: Workspace) -> None:
    assert get_officer_name(ws) == ""
    set_officer_name(ws, "  Nguyễn Thị Lan ")
    assert get_officer_name(ws) == "Nguyễn Thị Lan"
