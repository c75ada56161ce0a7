"""Use cases on the office this data folder serves: which office, its parent, the officer's name."""

from dataclasses import dataclass, replace

from kscdesk.domain.model import Level, Office
from kscdesk.domain.office_names import area_name
from kscdesk.domain.text import nfc, search_key
from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.store import offices, settings

OFFICER_NAME_KEY = "officer_name"

# Words that name a level at the start of an office's name ("UBND huyện Sơn Tịnh" → district).
_LEVEL_WORDS: tuple[tuple[str, Level], ...] = (
    ("tinh", Level.PROVINCE),
    ("huyen", Level.DISTRICT),
    ("quan", Level.DISTRICT),
    ("thi xa", Level.DISTRICT),
    ("xa", Level.COMMUNE),
    ("phuong", Level.COMMUNE),
    ("thi tran", Level.COMMUNE),
    ("dac khu", Level.COMMUNE),
    # "Thành phố" is a province (Hà Nội, Huế) or a pre-2025 district-level city; since July
    # 2025 a commune's parent is a province, so that is the default reading.
    ("thanh pho", Level.PROVINCE),
)


@dataclass(frozen=True)
class OfficeProfile:
    """The folder's own office (None before it is chosen) and its parent office, if known."""

    office: Office | None
    parent: Office | None


def guess_level(name: str) -> Level | None:
    """The level a name states by its first words ("UBND huyện …" → district), or None."""
    key = search_key(area_name(name))
    for words, level in _LEVEL_WORDS:
        if key == words or key.startswith(words + " "):
            return level
    return None


def get_profile(ws: Workspace) -> OfficeProfile:
    office = offices.get_home_office(ws.db)
    parent = offices.load_office(ws.db, office.parent_uid) if office and office.parent_uid else None
    return OfficeProfile(office=office, parent=parent)


@dataclass(frozen=True)
class OfficeSpec:
    """An office as the officer names it; a parent's level is guessed from its name when None."""

    name: str
    level: Level | None = None
    code: str = ""


def set_office(
    ws: Workspace, office: OfficeSpec, parent: OfficeSpec | None = None
) -> OfficeProfile:
    """Make ``office`` the folder's own office (updating the one set before) and record its parent.

    The office keeps its uid across changes, so records that point at it stay attached. Without
    ``parent`` the parent recorded earlier is kept.
    """
    name, code = nfc(office.name).strip(), nfc(office.code).strip()
    level = office.level or guess_level(name)
    if not name:
        raise ServiceError("Tên đơn vị không được để trống.")
    if level is None:
        raise ServiceError(f"Chưa rõ cấp của đơn vị “{name}”: chọn cấp xã, huyện hoặc tỉnh.")
    current = get_profile(ws)
    with ws.db.atomic():
        parent_office = current.parent
        if parent is not None and nfc(parent.name).strip():
            parent_office = _parent_office(current.parent, parent)
            if _rank(parent_office.level) <= _rank(level):
                raise ServiceError(
                    f"Cơ quan cấp trên “{parent_office.name}” ({parent_office.level.label}) phải "
                    f"ở cấp cao hơn đơn vị “{name}” ({level.label})."
                )
            offices.save_office(ws.db, parent_office)
        home = Office(
            name=name,
            level=level,
            code=code,
            parent_uid=parent_office.uid if parent_office else None,
        )
        if current.office is not None:
            home = replace(home, uid=current.office.uid)
        offices.set_home_office(ws.db, home)
    return OfficeProfile(office=home, parent=parent_office)


def _rank(level: Level) -> int:
    return {Level.COMMUNE: 0, Level.DISTRICT: 1, Level.PROVINCE: 2}[level]


def _parent_office(known: Office | None, spec: OfficeSpec) -> Office:
    name, code = nfc(spec.name).strip(), nfc(spec.code).strip()
    level = spec.level or guess_level(name) or Level.PROVINCE
    if known is not None and search_key(known.name) == search_key(name):
        return replace(known, name=name, level=level, code=code or known.code)
    return Office(name=name, level=level, code=code)


def get_officer_name(ws: Workspace) -> str:
    """The officer's name as set in settings ("" before it is set); history records it."""
    return settings.get_setting(ws.db, OFFICER_NAME_KEY, "") or ""


def set_officer_name(ws: Workspace, name: str) -> None:
    settings.set_setting(ws.db, OFFICER_NAME_KEY, nfc(name).strip())
