"""The official list of Vietnam's administrative units, for choosing the office at first start.

The current list (since 1 July 2025: 34 provinces and cities, 3,321 communes, wards and special
zones, no district level) comes from the maintained PyPI package ``vietnam-provinces``. The
district level before July 2025 stays selectable for offices still working on old plans: its
list is shipped in resources/divisions/districts-2024.json (from vietnam-provinces 0.6.0).
Search works without diacritics ("tinh ha" finds "xã Tịnh Hà").
"""

import json
from dataclasses import dataclass, field
from functools import cache

from kscdesk import paths
from kscdesk.domain.model import Level
from kscdesk.domain.text import search_key

FORMER_DISTRICTS = ("divisions", "districts-2024.json")


@dataclass(frozen=True)
class Division:
    """One administrative unit: "Phường Đức Phổ" in "Tỉnh Quảng Ngãi"."""

    name: str
    level: Level
    code: str
    province: str = ""  # the province it lies in ("" for a province itself)
    province_code: str = ""
    former: bool = False  # a pre-July-2025 unit (the district level)
    key: str = field(default="", compare=False)

    @property
    def office_name(self) -> str:
        """The office's name as documents write it: "UBND phường Đức Phổ"."""
        return f"UBND {self.name[:1].lower()}{self.name[1:]}"

    @property
    def display(self) -> str:
        where = f" – {self.province}" if self.province else ""
        era = " (trước 07/2025)" if self.former else ""
        return f"{self.name}{where}{era}"


def _keyed(division: Division) -> Division:
    return Division(
        division.name,
        division.level,
        division.code,
        division.province,
        division.province_code,
        division.former,
        key=search_key(f"{division.name} {division.province}"),
    )


@cache
def current_provinces() -> tuple[Division, ...]:
    """The 34 provinces and centrally-run cities since July 2025 ("Tỉnh Quảng Ngãi")."""
    from vietnam_provinces import Province, VietNamDivisionType

    found = []
    for province in Province.iter_all():
        name = province.name
        if province.division_type is VietNamDivisionType.TINH and not name.startswith("Tỉnh"):
            name = f"Tỉnh {name}"  # the package writes provinces without their type
        found.append(_keyed(Division(name, Level.PROVINCE, f"{int(province.code):02d}")))
    return tuple(sorted(found, key=lambda d: d.key))


@cache
def current_communes() -> tuple[Division, ...]:
    """Communes, wards and special zones (cấp xã) since July 2025, with their province."""
    from vietnam_provinces import Ward

    provinces = {p.code: p for p in current_provinces()}
    found = []
    for ward in Ward.iter_all():
        province = provinces[f"{int(ward.province_code):02d}"]
        found.append(
            _keyed(
                Division(
                    ward.name,
                    Level.COMMUNE,
                    f"{int(ward.code):05d}",
                    province.name,
                    province.code,
                )
            )
        )
    return tuple(sorted(found, key=lambda d: (d.province_code, d.key)))


@cache
def former_districts() -> tuple[Division, ...]:
    """District-level units (quận, huyện, thị xã, thành phố thuộc tỉnh) before July 2025."""
    path = paths.resource_path(*FORMER_DISTRICTS)
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(
        _keyed(
            Division(
                item["name"],
                Level.DISTRICT,
                item["code"],
                item["province"],
                item["province_code"],
                former=True,
            )
        )
        for item in data["districts"]
    )


def _starts_words(words: list[str], key: str) -> bool:
    """Every typed word begins a word of ``key`` ("duc pho" matches "phuong duc pho")."""
    padded = f" {key}"
    return all(f" {word}" in padded for word in words)


def matching(divisions: tuple[Division, ...], text: str, limit: int = 300) -> list[Division]:
    """The units whose words begin with the typed words, diacritics ignored; units matched by
    their own name come before those matched through their province's name."""
    words = search_key(text).split()
    if not words:
        return list(divisions[:limit])
    by_name: list[Division] = []
    by_province: list[Division] = []
    for division in divisions:
        if _starts_words(words, division.key):
            own = _starts_words(words, search_key(division.name))
            (by_name if own else by_province).append(division)
    return (by_name + by_province)[:limit]


def parents_for(division: Division) -> list[Division]:
    """The offices above ``division``: its province since 2025; for an office on old plans,
    the former districts of that province too (a commune's parent was its district)."""
    provinces = [p for p in current_provinces() if p.code == division.province_code]
    if division.level is Level.COMMUNE:
        province_name = provinces[0].name if provinces else division.province
        districts = [d for d in former_districts() if d.province == province_name]
        return provinces + districts
    return provinces
