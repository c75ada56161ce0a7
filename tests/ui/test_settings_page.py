"""Cài đặt: each field is validated and saved when the officer leaves it (issue 11)."""

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kscdesk.services.offices import get_officer_name, get_profile
from kscdesk.services.workspace import Workspace
from kscdesk.ui.settings.office_section import OfficeSection
from kscdesk.ui.settings.page import SettingsPage


@pytest.fixture
def page(qtbot: QtBot, empty_workspace: Workspace, vietnamese_app: QApplication) -> SettingsPage:
    page = SettingsPage(empty_workspace)
    qtbot.addWidget(page)
    page.resize(1000, 560)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def section(page: SettingsPage) -> OfficeSection:
    section = page.sections[0]
    assert isinstance(section, OfficeSection)
    return section


def type_and_leave(qtbot: QtBot, edit: object, text: str) -> None:
    # QTest cannot type Vietnamese letters (it aborts on them): insert() stands in for typing.
    edit.setFocus()  # type: ignore[attr-defined]
    edit.selectAll()  # type: ignore[attr-defined]
    edit.insert(text)  # type: ignore[attr-defined]
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_the_office_and_parent_typed_are_saved_on_leaving_each_field(
    qtbot: QtBot, section: OfficeSection, empty_workspace: Workspace
) -> None:
    type_and_leave(qtbot, section.name_edit, "Phường Đức Phổ")
    type_and_leave(qtbot, section.code_edit, "21583")
    type_and_leave(qtbot, section.parent_edit, "UBND tỉnh Quảng Ngãi")
    profile = get_profile(empty_workspace)
    assert profile.office is not None and profile.parent is not None
    assert (profile.office.name, profile.office.code) == ("Phường Đức Phổ", "21583")
    assert profile.parent.name == "UBND tỉnh Quảng Ngãi"
    assert not section.error_label.isVisible()


def test_a_parent_below_the_office_is_refused_inline_and_nothing_is_saved(
    qtbot: QtBot, section: OfficeSection, empty_workspace: Workspace
) -> None:
    section.level_combo.setCurrentIndex(section.level_combo.findData("province"))
    type_and_leave(qtbot, section.parent_edit, "Huyện Sơn Tịnh")
    type_and_leave(qtbot, section.name_edit, "Tỉnh Quảng Ngãi")
    assert section.error_label.isVisible()
    assert "cấp cao hơn" in section.error_label.text()
    assert get_profile(empty_workspace).office is None


def test_the_officer_name_is_saved_and_shown_again(
    qtbot: QtBot, section: OfficeSection, empty_workspace: Workspace
) -> None:
    type_and_leave(qtbot, section.officer_edit, "Nguyễn Thị Lan")
    assert get_officer_name(empty_workspace) == "Nguyễn Thị Lan"
    again = OfficeSection(empty_workspace)
    qtbot.addWidget(again)
    assert again.officer_edit.text() == "Nguyễn Thị Lan"
