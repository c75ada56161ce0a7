"""What an office's name says: "UBND phường Trần Phú" is the committee of the area "phường Trần
Phú", whose place name (in "Trần Phú, ngày … tháng … năm …") is "Trần Phú"."""

import re

# "Ủy ban nhân dân" in either spelling of "ủy"/"uỷ", or its abbreviation, before the area.
_COMMITTEE = re.compile(r"^\s*(?:(?:ủy|uỷ|uy) ban nhân dân|ubnd)\s+", re.IGNORECASE)
# The words naming an area's level, longest first ("thị xã" before "xã").
UNIT_WORDS = (
    "thị trấn",
    "đặc khu",
    "thị xã",
    "thành phố",
    "phường",
    "xã",
    "quận",
    "huyện",
    "tỉnh",
)


def area_name(office_name: str) -> str:
    """ "UBND huyện Sơn Tịnh" → "huyện Sơn Tịnh"; a name without the committee stays as is."""
    return _COMMITTEE.sub("", office_name.strip(), count=1).strip()


def has_committee(office_name: str) -> bool:
    """True when the name starts with "UBND" or "Ủy ban nhân dân"."""
    return _COMMITTEE.match(office_name) is not None


def locality(office_name: str) -> str:
    """ "phường Đức Phổ" from "UBND phường Đức Phổ" or "Phường Đức Phổ" (for running text)."""
    name = area_name(office_name)
    return name[:1].lower() + name[1:]


def place_name(office_name: str) -> str:
    """ "Trần Phú" from "UBND phường Trần Phú": the area without its level word."""
    name = area_name(office_name)
    lowered = name.lower()
    for word in UNIT_WORDS:
        if lowered.startswith(word + " "):
            return name[len(word) :].strip()
    return name
