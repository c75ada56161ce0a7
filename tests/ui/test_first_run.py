"""The first-run wizard: the office from the official list (searched without diacritics), the
officer's name and the parent office, or the demo data."""

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWizard

from kscdesk.domain.model import Level
from kscdesk.services.offices import get_officer_name, get_profile
from kscdesk.services.workspace import Workspace
from kscdesk.ui.first_run import FirstRunWizard, apply_choice

SCREEN = (1093, 614)


def next_page(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_choosing_a_ward_typed_without_diacritics_records_it_with_its_province(
    qtbot: QtBot, vietnamese_app: QApplication, empty_workspace: Workspace
) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.width() <= SCREEN[0] and wizard.height() <= SCREEN[1]
    wizard.grab().save("/tmp/kscdesk-first-run-1.png")
    next_page(qtbot, wizard)
    office = wizard.office_page.picker
    qtbot.keyClicks(office.search_edit, "duc pho")
    assert office.model.shown[0].display == "Phường Đức Phổ – Tỉnh Quảng Ngãi"
    assert office.chosen() is not None and office.chosen().code == office.model.shown[0].code
    wizard.grab().save("/tmp/kscdesk-first-run-2.png")
    next_page(qtbot, wizard)
    page = wizard.officer_page
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert page.picker.chosen() is not None
    assert page.picker.chosen().name == "Tỉnh Quảng Ngãi"  # since July 2025: the province
    assert not finish.isEnabled()  # the officer's name is still missing
    page.officer_edit.insert("Nguyễn Thị Lan")  # QTest types ASCII only
    assert finish.isEnabled()
    wizard.grab().save("/tmp/kscdesk-first-run-3.png")
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    apply_choice(empty_workspace, wizard.choice())
    profile = get_profile(empty_workspace)
    assert profile.office is not None and profile.parent is not None
    assert (profile.office.name, profile.office.level) == ("UBND phường Đức Phổ", Level.COMMUNE)
    assert len(profile.office.code) == 5
    assert (profile.parent.name, profile.parent.level) == ("UBND tỉnh Quảng Ngãi", Level.PROVINCE)
    assert get_officer_name(empty_workspace) == "Nguyễn Thị Lan"


def test_an_office_on_old_plans_can_choose_its_former_district_as_parent(
    qtbot: QtBot, vietnamese_app: QApplication, empty_workspace: Workspace
) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    next_page(qtbot, wizard)
    qtbot.keyClicks(wizard.office_page.picker.search_edit, "son tinh quang ngai")
    next_page(qtbot, wizard)
    page = wizard.officer_page
    page.officer_edit.insert("Trần Văn Minh")
    qtbot.keyClicks(page.picker.search_edit, "huyen son tinh")
    parent = page.picker.chosen()
    assert parent is not None and parent.former and parent.level is Level.DISTRICT
    assert parent.display == "Huyện Sơn Tịnh – Tỉnh Quảng Ngãi (trước 07/2025)"
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    apply_choice(empty_workspace, wizard.choice())
    profile = get_profile(empty_workspace)
    assert profile.parent is not None and profile.parent.level is Level.DISTRICT
    assert profile.parent.name == "UBND huyện Sơn Tịnh"


def test_the_former_district_level_is_selectable_as_the_office_itself(
    qtbot: QtBot, vietnamese_app: QApplication
) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    next_page(qtbot, wizard)
    picker = wizard.office_page.picker
    qtbot.keyClicks(picker.search_edit, "thi xa duc pho")
    assert picker.model.shown == []
    wizard.office_page.former_check.setChecked(True)
    assert [d.display for d in picker.model.shown] == [
        "Thị xã Đức Phổ – Tỉnh Quảng Ngãi (trước 07/2025)"
    ]


def test_the_demo_button_ends_the_wizard_with_the_demo_choice(
    qtbot: QtBot, vietnamese_app: QApplication
) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    button = wizard.findChild(QPushButton, "demo_button")
    assert button is not None and button.text() == "Dùng dữ liệu mẫu"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.choice().demo
