"""Use cases of the Cài đặt page: the office's unit directory and its saved wording rules.

Each write is one transaction and refuses bad input with a Vietnamese message, changing nothing.
"""

from pathlib import Path

from kscdesk.domain.errors import DomainError
from kscdesk.domain.model import Office, Unit
from kscdesk.domain.text import nfc, search_key
from kscdesk.domain.wording import WordingRule
from kscdesk.services.errors import ServiceError
from kscdesk.services.offices import get_profile
from kscdesk.services.tailor_plan import read_rules_file, save_office_rules
from kscdesk.services.workspace import Workspace
from kscdesk.store import offices, wording_rules


def _home(ws: Workspace, what: str) -> Office:
    office = get_profile(ws).office
    if office is None:
        raise ServiceError(f"Chưa nhập tên đơn vị (thẻ “Đơn vị và cán bộ”): chưa lưu được {what}.")
    return office


def list_units(ws: Workspace) -> list[Unit]:
    """The office's units in alphabetical order ([] while the folder has no office)."""
    office = get_profile(ws).office
    return offices.list_units(ws.db, office.uid) if office is not None else []


def _checked_name(ws: Workspace, name: str, keep_uid: str | None) -> str:
    name = " ".join(nfc(name).split())
    if not name:
        raise ServiceError("Tên đơn vị không được để trống.")
    for unit in list_units(ws):
        if unit.uid != keep_uid and search_key(unit.name) == search_key(name):
            raise ServiceError(f"Đã có đơn vị “{unit.name}” trong danh bạ.")
    return name


def add_unit(ws: Workspace, name: str) -> Unit:
    office = _home(ws, "danh bạ đơn vị")
    unit = Unit(office.uid, _checked_name(ws, name, None))
    offices.save_unit(ws.db, unit)
    return unit


def _find(ws: Workspace, unit_uid: str) -> Unit:
    for unit in list_units(ws):
        if unit.uid == unit_uid:
            return unit
    raise ServiceError("Đơn vị này không còn trong danh bạ.")


def rename_unit(ws: Workspace, unit_uid: str, name: str) -> None:
    unit = _find(ws, unit_uid)
    offices.save_unit(
        ws.db, Unit(unit.office_uid, _checked_name(ws, name, unit_uid), unit.is_kstt_lead, unit.uid)
    )


def remove_unit(ws: Workspace, unit_uid: str) -> None:
    offices.delete_unit(ws.db, _find(ws, unit_uid).uid)


def set_kstt_lead(ws: Workspace, unit_uid: str, lead: bool) -> None:
    """Mark the unit that leads TTHC control work; one unit leads, marking it clears the others."""
    chosen = _find(ws, unit_uid)
    with ws.db.atomic():
        for unit in list_units(ws):
            is_lead = lead if unit.uid == chosen.uid else (unit.is_kstt_lead and not lead)
            if is_lead != unit.is_kstt_lead:
                offices.save_unit(ws.db, Unit(unit.office_uid, unit.name, is_lead, unit.uid))


def office_rules(ws: Workspace) -> list[WordingRule]:
    """The wording rules saved for the office, in order ([] when none or no office)."""
    office = get_profile(ws).office
    return wording_rules.load_rules(ws.db, office.uid) if office is not None else []


def set_office_rules(ws: Workspace, rules: list[WordingRule]) -> None:
    """Replace the office's rules; an empty phrase or a phrase given twice is refused."""
    _home(ws, "quy tắc thay từ")
    seen: set[str] = set()
    for number, rule in enumerate(rules, start=1):
        if not rule.find.strip():
            raise ServiceError(f"Quy tắc thứ {number}: chưa ghi cụm từ cần thay.")
        key = search_key(rule.find.strip())
        if key in seen:
            raise ServiceError(f"Cụm từ “{rule.find.strip()}” đã có một quy tắc khác.")
        seen.add(key)
    cleaned = [WordingRule(r.find.strip(), r.replacement.strip(), r.fields) for r in rules]
    save_office_rules(ws, cleaned)


def import_office_rules(ws: Workspace, path: Path) -> list[WordingRule]:
    """Replace the office's rules by those of a rules file; a bad file changes nothing."""
    try:
        rules = read_rules_file(path)
    except OSError as error:
        raise ServiceError(f"Không đọc được tệp quy tắc “{path.name}”: {error.strerror}.") from None
    except DomainError as error:
        raise ServiceError(str(error)) from None
    set_office_rules(ws, rules)
    return rules
