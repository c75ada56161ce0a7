"""Reading an office's name: the committee, the area, the place."""

import pytest

from kscdesk.domain.office_names import area_name, has_committee, locality, place_name


@pytest.mark.parametrize(
    ("name", "area", "place"),
    [
        ("UBND phường Trần Phú", "phường Trần Phú", "Trần Phú"),
        ("Ủy ban nhân dân thị xã Đức Phổ", "thị xã Đức Phổ", "Đức Phổ"),
        ("ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH", "HUYỆN SƠN TỊNH", "SƠN TỊNH"),
        ("Uỷ ban nhân dân xã Tịnh Phong", "xã Tịnh Phong", "Tịnh Phong"),
        ("Phường Đức Phổ", "Phường Đức Phổ", "Đức Phổ"),
        ("Thành phố Huế", "Thành phố Huế", "Huế"),
        ("Văn phòng", "Văn phòng", "Văn phòng"),
    ],
)
def test_the_area_and_the_place_are_read_from_the_name(name: str, area: str, place: str) -> None:
    assert area_name(name) == area
    assert place_name(name) == place


def test_the_locality_reads_in_running_text_and_the_committee_is_recognised() -> None:
    assert locality("UBND Phường Đức Phổ") == "phường Đức Phổ"
    assert has_committee("UBND xã A") and has_committee("Ủy ban nhân dân xã A")
    assert not has_committee("Xã A")
