"""The unit directory and the office's wording rules as the Cài đặt page changes them."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from kscdesk.domain.model import Level
from kscdesk.domain.wording import TEXT_FIELDS, UNIT_FIELDS, WordingRule
from kscdesk.services import office_directory as directory
from kscdesk.services.errors import ServiceError
from kscdesk.services.offices import OfficeSpec, set_office
from kscdesk.services.workspace import Workspace


@pytest.fixture
def bare(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "bare")
    yield workspace
    workspace.close()


@pytest.fixture
def ws(bare: Workspace) -> Workspace:
    set_office(bare, OfficeSpec("Phường Đức Phổ", Level.COMMUNE), None)
    return bare


def names(ws: Workspace) -> list[tuple[str, bool]]:
    return [(unit.name, unit.is_kstt_lead) for unit in directory.list_units(ws)]


def test_a_folder_without_an_office_refuses_units_and_rules(bare: Workspace) -> None:
    with pytest.raises(ServiceError, match="Chưa nhập tên đơn vị"):
        directory.add_unit(bare, "Văn phòng")
    with pytest.raises(ServiceError, match="Chưa nhập tên đơn vị"):
        directory.set_office_rules(bare, [WordingRule("huyện", "xã")])
    assert directory.list_units(bare) == [] and directory.office_rules(bare) == []


def test_units_are_added_renamed_and_removed_by_their_uid(ws: Workspace) -> None:
    office = directory.add_unit(ws, "  Văn phòng   –  Thống kê ")
    tu_phap = directory.add_unit(ws, "Tư pháp – Hộ tịch")
    assert names(ws) == [("Tư pháp – Hộ tịch", False), ("Văn phòng – Thống kê", False)]
    directory.rename_unit(ws, office.uid, "Văn phòng HĐND và UBND")
    directory.remove_unit(ws, tu_phap.uid)
    assert names(ws) == [("Văn phòng HĐND và UBND", False)]
    assert directory.list_units(ws)[0].uid == office.uid


def test_a_name_already_in_the_directory_is_refused_whatever_its_accents(ws: Workspace) -> None:
    first = directory.add_unit(ws, "Văn phòng – Thống kê")
    second = directory.add_unit(ws, "Tư pháp")
    with pytest.raises(ServiceError, match="Đã có đơn vị “Văn phòng – Thống kê”"):
        directory.add_unit(ws, "van phong – thong ke")
    with pytest.raises(ServiceError, match="Đã có"):
        directory.rename_unit(ws, second.uid, "VĂN PHÒNG – THỐNG KÊ")
    with pytest.raises(ServiceError, match="trống"):
        directory.rename_unit(ws, first.uid, "  ")
    directory.rename_unit(ws, first.uid, "Văn phòng – thống kê")  # its own name, recased
    assert names(ws) == [("Tư pháp", False), ("Văn phòng – thống kê", False)]


def test_one_unit_leads_the_tthc_control_work_at_a_time(ws: Workspace) -> None:
    office = directory.add_unit(ws, "Văn phòng")
    justice = directory.add_unit(ws, "Tư pháp")
    directory.set_kstt_lead(ws, office.uid, True)
    directory.set_kstt_lead(ws, justice.uid, True)
    assert names(ws) == [("Tư pháp", True), ("Văn phòng", False)]
    directory.set_kstt_lead(ws, justice.uid, False)
    assert names(ws) == [("Tư pháp", False), ("Văn phòng", False)]


def test_a_unit_removed_elsewhere_is_named_as_gone(ws: Workspace) -> None:
    unit = directory.add_unit(ws, "Văn phòng")
    directory.remove_unit(ws, unit.uid)
    with pytest.raises(ServiceError, match="không còn"):
        directory.rename_unit(ws, unit.uid, "Văn phòng mới")


def test_rules_are_saved_in_order_and_a_repeated_or_empty_phrase_changes_nothing(
    ws: Workspace,
) -> None:
    rules = [WordingRule("UBND huyện", "UBND xã"), WordingRule("Phòng Tư pháp", "", UNIT_FIELDS)]
    directory.set_office_rules(ws, rules)
    assert directory.office_rules(ws) == rules
    with pytest.raises(ServiceError, match="đã có một quy tắc"):
        directory.set_office_rules(ws, [*rules, WordingRule("ubnd huyen", "x")])
    with pytest.raises(ServiceError, match="Quy tắc thứ 2"):
        directory.set_office_rules(ws, [rules[0], WordingRule(" ", "x")])
    assert directory.office_rules(ws) == rules


def test_a_rules_file_that_cannot_be_read_is_named_and_changes_nothing(
    ws: Workspace, tmp_path: Path
) -> None:
    directory.set_office_rules(ws, [WordingRule("huyện", "xã", TEXT_FIELDS)])
    with pytest.raises(ServiceError, match=r"khong-co\.json"):
        directory.import_office_rules(ws, tmp_path / "khong-co.json")
    bad = tmp_path / "sai.json"
    bad.write_text("{ không phải JSON", encoding="utf-8")
    with pytest.raises(ServiceError, match=r"sai\.json"):
        directory.import_office_rules(ws, bad)
    assert directory.office_rules(ws) == [WordingRule("huyện", "xã", TEXT_FIELDS)]
