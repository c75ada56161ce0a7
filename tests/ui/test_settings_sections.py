"""Cài đặt sections: a value saved is read back by its service; a bad one is refused inline."""

import json
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from kscdesk.domain.indicators import IncreaseMode
from kscdesk.domain.wording import TEXT_FIELDS, UNIT_FIELDS, WordingRule
from kscdesk.services.exchange_keys import own_fingerprint
from kscdesk.services.indicators import get_increase_mode
from kscdesk.services.office_directory import list_units, office_rules, set_office_rules
from kscdesk.services.progress import days_off, report_day
from kscdesk.services.tailor_plan import list_unit_names, read_rules_file
from kscdesk.services.workspace import Workspace
from kscdesk.ui.settings.deadlines_section import DeadlinesSection
from kscdesk.ui.settings.exchange_section import ExchangeSection
from kscdesk.ui.settings.page import SECTIONS
from kscdesk.ui.settings.targets_section import TargetsSection
from kscdesk.ui.settings.units_section import UnitsSection
from kscdesk.ui.settings.wording_section import WordingSection


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(900, 520)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_and_leave(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    # QTest cannot type Vietnamese letters: insert() stands in for typing, Return leaves.
    edit.setFocus()
    edit.selectAll()
    edit.insert(text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


@pytest.fixture
def app(vietnamese_app: QApplication) -> QApplication:
    return vietnamese_app


def test_every_section_is_a_tab_of_the_settings_page() -> None:
    labels = [label for label, _ in SECTIONS]
    assert labels == [
        "Đơn vị và cán bộ",
        "Báo cáo và hạn",
        "Chỉ tiêu",
        "Từ ngữ",
        "Danh bạ đơn vị",
        "Trao đổi dữ liệu",
        "Sao lưu",
    ]


# --- Báo cáo và hạn ------------------------------------------------------------------------


def test_the_report_day_typed_is_saved_and_a_day_outside_the_month_is_refused(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace
) -> None:
    section = shown(qtbot, DeadlinesSection(demo_workspace))
    assert isinstance(section, DeadlinesSection)
    type_and_leave(qtbot, section.report_day_edit, "20")
    assert report_day(demo_workspace) == 20
    assert not section.report_message.refused
    for bad in ("40", "ngày 5"):
        type_and_leave(qtbot, section.report_day_edit, bad)
        assert section.report_message.refused and section.report_message.isVisible()
        assert report_day(demo_workspace) == 20


def test_days_off_are_added_and_removed_and_a_date_not_on_the_calendar_is_refused(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace
) -> None:
    section = shown(qtbot, DeadlinesSection(demo_workspace))
    assert isinstance(section, DeadlinesSection)
    assert section.empty_label.isVisible()
    type_and_leave(qtbot, section.day_edit, "02/01/2026")
    type_and_leave(qtbot, section.day_edit, "5/5/2026")
    assert days_off(demo_workspace) == [date(2026, 1, 2), date(2026, 5, 5)]
    assert section.days_model.rowCount() == 2
    assert not section.empty_label.isVisible()
    type_and_leave(qtbot, section.day_edit, "31/02/2026")
    assert section.days_message.refused and "không có trên lịch" in section.days_message.text()
    type_and_leave(qtbot, section.day_edit, "02/01/2026")
    assert section.days_message.refused and "đã có" in section.days_message.text()
    assert days_off(demo_workspace) == [date(2026, 1, 2), date(2026, 5, 5)]
    section.days_view.setCurrentIndex(section.days_model.index(0, 0))
    qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    assert days_off(demo_workspace) == [date(2026, 5, 5)]


# --- Chỉ tiêu ---------------------------------------------------------------------------------


def test_the_increase_rule_chosen_is_saved_and_its_example_derived_again(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace
) -> None:
    section = shown(qtbot, TargetsSection(demo_workspace))
    assert isinstance(section, TargetsSection)
    assert "= 92%" in section.example_label.text()
    radio = section.radios[IncreaseMode.FACTOR]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert get_increase_mode(demo_workspace) is IncreaseMode.FACTOR
    assert "= 90,20%" in section.example_label.text()
    again = TargetsSection(demo_workspace)
    qtbot.addWidget(again)
    assert again.radios[IncreaseMode.FACTOR].isChecked()


# --- Từ ngữ -----------------------------------------------------------------------------------


def test_a_rule_added_and_typed_is_saved_for_the_office(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace
) -> None:
    section = shown(qtbot, WordingSection(demo_workspace))
    assert isinstance(section, WordingSection)
    section.add_rule()
    model = section.model
    assert model.setData(model.index(0, 0), "UBND huyện")
    assert model.setData(model.index(0, 1), "UBND xã")
    assert model.setData(model.index(0, 2), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert office_rules(demo_workspace) == [WordingRule("UBND huyện", "UBND xã", UNIT_FIELDS)]


def test_an_empty_or_repeated_phrase_is_refused_and_the_saved_rules_stay(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace
) -> None:
    saved = [WordingRule("huyện", "xã", TEXT_FIELDS), WordingRule("Phòng Tư pháp", "", UNIT_FIELDS)]
    set_office_rules(demo_workspace, saved)
    section = shown(qtbot, WordingSection(demo_workspace))
    assert isinstance(section, WordingSection)
    model = section.model
    assert not model.setData(model.index(0, 0), "  ")
    assert section.message.refused and "chưa ghi cụm từ" in section.message.text()
    assert not model.setData(model.index(1, 0), "Huyen")  # the first rule's phrase again
    assert section.message.refused and "đã có một quy tắc" in section.message.text()
    assert office_rules(demo_workspace) == saved
    assert model.data(model.index(0, 0)) == "huyện"


def test_rules_are_exported_to_a_file_and_a_broken_file_imports_nothing(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace, tmp_path: Path
) -> None:
    saved = [WordingRule("UBND huyện", "UBND xã", TEXT_FIELDS)]
    set_office_rules(demo_workspace, saved)
    section = shown(qtbot, WordingSection(demo_workspace))
    assert isinstance(section, WordingSection)
    section.export_rules(tmp_path / "quy_tac")
    assert read_rules_file(tmp_path / "quy_tac.json") == saved
    broken = tmp_path / "hong.json"
    broken.write_text(json.dumps({"rules": [{"replace": "xã"}]}), encoding="utf-8")
    section.import_rules(broken)
    assert section.message.refused and "hong.json" in section.message.text()
    assert office_rules(demo_workspace) == saved
    good = tmp_path / "moi.json"
    good.write_text(json.dumps({"rules": [{"find": "quận", "replace": "phường"}]}), "utf-8")
    section.import_rules(good)
    assert office_rules(demo_workspace) == [WordingRule("quận", "phường", TEXT_FIELDS)]
    assert section.model.rowCount() == 1


# --- Danh bạ đơn vị --------------------------------------------------------------------------


def test_units_are_added_renamed_marked_as_lead_and_removed(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace
) -> None:
    section = shown(qtbot, UnitsSection(demo_workspace))
    assert isinstance(section, UnitsSection)
    type_and_leave(qtbot, section.name_edit, "Bộ phận Một cửa")
    assert "Bộ phận Một cửa" in list_unit_names(demo_workspace)
    assert section.name_edit.text() == ""
    model = section.model
    row = [unit.name for unit in model.units].index("Bộ phận Một cửa")
    assert model.setData(model.index(row, 0), "Bộ phận Một cửa liên thông")
    row = [unit.name for unit in model.units].index("Bộ phận Một cửa liên thông")
    checked = Qt.CheckState.Checked
    assert model.setData(model.index(row, 1), checked, Qt.ItemDataRole.CheckStateRole)
    leads = [unit.name for unit in list_units(demo_workspace) if unit.is_kstt_lead]
    assert leads == ["Bộ phận Một cửa liên thông"]
    section.view.setCurrentIndex(model.index(row, 0))
    qtbot.mouseClick(section.remove_button, Qt.MouseButton.LeftButton)
    assert "Bộ phận Một cửa liên thông" not in list_unit_names(demo_workspace)


def test_an_empty_or_repeated_unit_name_is_refused_and_nothing_changes(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace
) -> None:
    section = shown(qtbot, UnitsSection(demo_workspace))
    assert isinstance(section, UnitsSection)
    before = list_units(demo_workspace)
    type_and_leave(qtbot, section.name_edit, "van phong – thong ke")
    assert section.message.refused and "Văn phòng – Thống kê" in section.message.text()
    model = section.model
    assert not model.setData(model.index(0, 0), "   ")
    assert section.message.refused and "trống" in section.message.text()
    assert list_units(demo_workspace) == before
    assert [unit.name for unit in model.units] == [unit.name for unit in before]


# --- Trao đổi dữ liệu -------------------------------------------------------------------------


def test_the_key_fingerprint_is_shown_and_copied_for_the_phone_comparison(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace
) -> None:
    section = shown(qtbot, ExchangeSection(demo_workspace))
    assert isinstance(section, ExchangeSection)
    assert section.fingerprint_edit.text() == own_fingerprint(demo_workspace)
    assert section.fingerprint_edit.isReadOnly()
    qtbot.mouseClick(section.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == own_fingerprint(demo_workspace)


def test_the_page_shows_what_other_pages_changed_when_it_is_shown_again(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace
) -> None:
    from kscdesk.services.indicators import set_increase_mode
    from kscdesk.services.progress import set_report_day
    from kscdesk.ui.settings.page import SettingsPage

    page = shown(qtbot, SettingsPage(demo_workspace))
    assert isinstance(page, SettingsPage)
    deadlines = next(s for s in page.sections if isinstance(s, DeadlinesSection))
    targets = next(s for s in page.sections if isinstance(s, TargetsSection))
    page.hide()
    set_report_day(demo_workspace, 19)  # as the To-do page does
    set_increase_mode(demo_workspace, IncreaseMode.FACTOR)  # as the Indicators page does
    page.show()
    assert deadlines.report_day_edit.text() == "19"
    assert targets.radios[IncreaseMode.FACTOR].isChecked()
    assert not targets.radios[IncreaseMode.POINTS].isChecked()
    assert targets.message.isHidden()  # shown again, not saved again


def test_a_unit_renamed_in_its_table_cell_is_saved_when_the_editor_closes(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace
) -> None:
    section = shown(qtbot, UnitsSection(demo_workspace))
    assert isinstance(section, UnitsSection)
    model = section.model
    row = [unit.name for unit in model.units].index("Tư pháp – Hộ tịch")
    section.view.setCurrentIndex(model.index(row, 0))
    section.view.edit(model.index(row, 0))
    editor = section.view.viewport().findChild(QLineEdit)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.insert("Tư pháp – Hộ tịch – Chứng thực")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: "Tư pháp – Hộ tịch – Chứng thực" in list_unit_names(demo_workspace))
    assert "Tư pháp – Hộ tịch" not in list_unit_names(demo_workspace)
    assert not section.message.refused


def test_a_rule_typed_in_a_new_row_of_the_table_is_saved(
    qtbot: QtBot, app: QApplication, demo_workspace: Workspace
) -> None:
    section = shown(qtbot, WordingSection(demo_workspace))
    assert isinstance(section, WordingSection)
    qtbot.mouseClick(
        section.findChild(QWidget, "settings_add_rule_button"), Qt.MouseButton.LeftButton
    )
    editor = section.view.viewport().findChild(QLineEdit)
    assert isinstance(editor, QLineEdit)
    editor.insert("thành phố Quảng Ngãi")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(office_rules(demo_workspace)))
    assert office_rules(demo_workspace) == [WordingRule("thành phố Quảng Ngãi", "", TEXT_FIELDS)]


def test_the_backups_section_backs_up_now_and_hands_restore_to_the_window(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> None:
    from kscdesk.services.backups import list_backups
    from kscdesk.ui.settings.backups_section import BackupsSection

    section = BackupsSection(demo_workspace)
    qtbot.addWidget(section)
    before = len(list_backups(demo_workspace.folder))
    qtbot.mouseClick(section.backup_button, Qt.MouseButton.LeftButton)
    assert len(list_backups(demo_workspace.folder)) == before + 1
    assert f"Có {before + 1} bản sao lưu" in section.summary_label.text()
    asked: list[bool] = []
    section.window().show_backups = lambda: asked.append(True)  # type: ignore[attr-defined]
    qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)
    assert asked == [True]
