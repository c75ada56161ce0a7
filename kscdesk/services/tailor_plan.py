"""Use cases: derive the commune's own plan, its wording rules, and the checks of a plan."""

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from kscdesk import paths
from kscdesk.domain.findings import Finding
from kscdesk.domain.model import Level, Office, PlanContent, PlanKind, Unit
from kscdesk.domain.plan_checks import (
    CheckContext,
    Confusion,
    check_document_lines,
    check_plan,
    parent_kinds_for,
)
from kscdesk.domain.tailoring import derive_own_plan
from kscdesk.domain.text import nfc, search_key
from kscdesk.domain.wording import WordingRule, default_rules, rules_from_json, rules_to_json
from kscdesk.formats.docx_text import read_docx_paragraphs
from kscdesk.services.errors import ServiceError
from kscdesk.services.offices import OfficeSpec, get_profile, set_office
from kscdesk.services.plans import find_plan_uid
from kscdesk.services.workspace import Workspace
from kscdesk.store import offices, plans, wording_rules
from kscdesk.store.errors import RecordNotFound

log = logging.getLogger(__name__)

CONFUSIONS = ("tailoring", "confusions.json")


def _home_office(ws: Workspace, office_name: str | None, parent_issuer: str) -> Office:
    profile = get_profile(ws)
    if office_name:
        if profile.office is not None:
            if search_key(profile.office.name) != search_key(office_name):
                raise ServiceError(
                    f"Thư mục dữ liệu này đã thuộc “{profile.office.name}”, không phải "
                    f"“{office_name}”. Dùng thư mục dữ liệu khác cho đơn vị khác."
                )
            return profile.office
        parent = OfficeSpec(parent_issuer) if parent_issuer else None
        office = set_office(ws, OfficeSpec(office_name), parent).office
        assert office is not None
        return office
    if profile.office is None:
        raise ServiceError(
            "Thư mục dữ liệu chưa có đơn vị. Ghi tên xã, phường bằng --office "
            "(hoặc lệnh: kscdesk office set)."
        )
    return profile.office


def offered_rules(
    ws: Workspace, parent_uid: str, office_name: str | None = None
) -> list[WordingRule]:
    """The office's saved rules, or the defaults for its level and the parent's."""
    profile = get_profile(ws)
    if profile.office is not None:
        saved = wording_rules.load_rules(ws.db, profile.office.uid)
        if saved:
            return saved
    parent = plans.load_plan(ws.db, parent_uid)
    own_name = profile.office.name if profile.office else (office_name or "")
    return default_rules(parent.issuer, own_name, parent.year)


def derive_plan(
    ws: Workspace,
    parent_ref: str,
    *,
    office_name: str | None = None,
    rules: list[WordingRule] | None = None,
) -> str:
    """Store the office's own plan derived from a parent plan (or from last year's own plan).

    ``rules`` are applied to the copy and saved as the office's rules; without them the rules
    saved earlier for the office are applied, if any. Returns the new plan's uid.
    """
    parent_uid = find_plan_uid(ws, parent_ref)
    with ws.db.atomic():
        parent = plans.load_plan_content(ws.db, parent_uid)
        from_own = parent.plan.kind is PlanKind.OWN
        office = _home_office(ws, office_name, "" if from_own else parent.plan.issuer)
        if office.level is not Level.COMMUNE:
            raise ServiceError(f"“{office.name}” không phải cấp xã: chỉ xã, phường lập kế hoạch.")
        if rules is not None:
            wording_rules.save_rules(ws.db, office.uid, rules)
        else:
            rules = wording_rules.load_rules(ws.db, office.uid)
        year = parent.plan.year + 1 if from_own else None
        own = derive_own_plan(parent, office, year=year, rules=rules)
        plan_uid = plans.save_plan_content(ws.db, own)
    log.info("derived plan %s from %s (%d tasks)", plan_uid, parent_uid, len(own.tasks))
    return plan_uid


def read_rules_file(path: Path) -> list[WordingRule]:
    """Rules from a small JSON file (as ``write_rules_file`` writes it)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ServiceError(f"Tệp quy tắc “{path.name}” không phải JSON hợp lệ.") from error
    return rules_from_json(data, path.name)


def write_rules_file(rules: list[WordingRule], path: Path) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(rules_to_json(rules), ensure_ascii=False, indent=2), "utf-8")
    tmp.replace(path)


def save_office_rules(ws: Workspace, rules: list[WordingRule]) -> None:
    profile = get_profile(ws)
    if profile.office is None:
        raise ServiceError("Thư mục dữ liệu chưa có đơn vị: chưa lưu được quy tắc.")
    wording_rules.save_rules(ws.db, profile.office.uid, rules)


def load_confusions() -> tuple[Confusion, ...]:
    """The maintained list of known misspellings (resources/tailoring/confusions.json)."""
    data = json.loads(paths.resource_path(*CONFUSIONS).read_text(encoding="utf-8"))
    return tuple(Confusion(item["wrong"], item["right"]) for item in data["confusions"])


def _context(ws: Workspace | None, content: PlanContent) -> CheckContext:
    parent_issuer: str | None = None
    rules: list[WordingRule] = []
    if ws is not None and content.plan.derived_from_uid:
        try:
            parent = plans.load_plan(ws.db, content.plan.derived_from_uid)
        except RecordNotFound:  # a deleted parent leaves the plan checkable
            parent = None
        if parent is not None and parent.kind is PlanKind.PARENT:
            parent_issuer = parent.issuer
    if ws is not None and content.plan.office_uid:
        rules = wording_rules.load_rules(ws.db, content.plan.office_uid)
    if not rules and parent_issuer:
        rules = default_rules(parent_issuer, content.plan.issuer, content.plan.year)
    return CheckContext(
        parent_kinds=parent_kinds_for(parent_issuer, content.plan.year),
        own_name=content.plan.issuer,
        rules=tuple(rules),
        confusions=load_confusions(),
    )


@dataclass(frozen=True)
class CheckResult:
    findings: list[Finding]
    plan_title: str


def check_stored_plan(ws: Workspace, plan_ref: str) -> CheckResult:
    content = plans.load_plan_content(ws.db, find_plan_uid(ws, plan_ref))
    return CheckResult(check_plan(content, _context(ws, content)), content.plan.title)


def check_plan_file(path: Path) -> CheckResult:
    """Check a plan document before it is imported: its table and its decision paragraphs."""
    from kscdesk.services.import_plan import parse_plan_file

    content = parse_plan_file(path)
    ctx = _context(None, content)
    findings = check_plan(content, ctx)
    if path.suffix.lower() == ".docx":
        lines = read_docx_paragraphs(path)
        findings = check_document_lines(lines, content.plan.year, ctx) + findings
    return CheckResult(findings, content.plan.title)


def list_unit_names(ws: Workspace) -> list[str]:
    """The names in the office's unit directory (for the unit pickers), alphabetical."""
    profile = get_profile(ws)
    if profile.office is None:
        return []
    return [unit.name for unit in offices.list_units(ws.db, profile.office.uid)]


def set_unit_names(ws: Workspace, names: list[str]) -> None:
    """Replace the office's unit directory by these names (kept units keep their uid)."""
    profile = get_profile(ws)
    if profile.office is None:
        raise ServiceError("Thư mục dữ liệu chưa có đơn vị: chưa lập được danh bạ đơn vị.")
    wanted = {search_key(n): nfc(n).strip() for n in names if n.strip()}
    with ws.db.atomic():
        for unit in offices.list_units(ws.db, profile.office.uid):
            if search_key(unit.name) in wanted:
                wanted.pop(search_key(unit.name))
            else:
                offices.delete_unit(ws.db, unit.uid)
        for name in wanted.values():
            offices.save_unit(ws.db, Unit(profile.office.uid, name))
