"""The "Chỉ tiêu" page driven as the officer would: pick, type counts, save, edit the catalogue."""

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kscdesk.services import indicators
from kscdesk.services.workspace import Workspace
from kscdesk.ui.indicators_panel import IndicatorsPanel

MAX_SIZE = (1093, 614)


@pytest.fixture
def panel(qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication) -> IndicatorsPanel:
    widget = IndicatorsPanel(demo_workspace, today=date(2023, 3, 10))
    qtbot.addWidget(widget)
    widget.resize(*MAX_SIZE)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _cell(panel: IndicatorsPanel, row: int, column: int) -> str:
    return str(panel.model.index(row, column).data())


def _type_counts(qtbot: QtBot, panel: IndicatorsPanel, numerator: int, denominator: int) -> None:
    for spin, value in ((panel.numerator_spin, numerator), (panel.denominator_spin, denominator)):
        spin.selectAll()
        qtbot.keyClicks(spin.lineEdit(), str(value))
    qtbot.mouseClick(panel.save_counts_button, Qt.MouseButton.LeftButton)


def test_the_page_shows_each_indicator_with_target_counts_and_verdict(
    panel: IndicatorsPanel, qtmodeltester: object
) -> None:
    assert panel.period_combo.currentData() == "2023-Q1"
    assert panel.model.rowCount() == 7
    assert [_cell(panel, 0, c) for c in (0, 2, 3, 4, 5, 7)] == [
        "1",
        "≥ 50%",
        "412",
        "1.096",
        "37,59%",
        "Không đạt",
    ]
    assert _cell(panel, 5, 7) == "Đạt"
    assert "37,45%" in panel.derivation_label.text()  # last year's result, shown in the derivation
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]


def test_a_numerator_above_the_denominator_is_refused_and_nothing_is_saved(
    panel: IndicatorsPanel, qtbot: QtBot, demo_workspace: Workspace
) -> None:
    _type_counts(qtbot, panel, 2000, 1096)
    assert "lớn hơn mẫu số" in panel.counts_message.text()
    figure = indicators.list_figures(demo_workspace, "2023-Q1")[0]
    assert (figure.numerator, figure.denominator) == (412, 1096)


def test_saved_counts_give_the_rate_and_the_verdict(
    panel: IndicatorsPanel, qtbot: QtBot, demo_workspace: Workspace
) -> None:
    _type_counts(qtbot, panel, 600, 1000)
    assert [_cell(panel, 0, c) for c in (3, 4, 5, 7)] == ["600", "1.000", "60%", "Đạt"]
    figure = indicators.list_figures(demo_workspace, "2023-Q1")[0]
    assert (figure.numerator, figure.denominator) == (600, 1000)


def test_the_increase_setting_changes_the_derived_target(panel: IndicatorsPanel) -> None:
    assert _cell(panel, 2, 2) == "≥ 96,62%"
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData("factor"))
    assert _cell(panel, 2, 2) == "≥ 95,28%"


def test_the_catalogue_is_edited_on_the_page(panel: IndicatorsPanel, qtbot: QtBot) -> None:
    panel.table.selectRow(1)
    panel.target_edit.setText("Tối thiểu ")  # QTest types ASCII only; the rest as typed keys
    qtbot.keyClicks(panel.target_edit, "20")
    qtbot.mouseClick(panel.save_indicator_button, Qt.MouseButton.LeftButton)
    assert _cell(panel, 1, 2) == "≥ 20%" and _cell(panel, 1, 7) == "Đạt"
    panel.name_edit.setText("Tỷ lệ công bố TTHC đúng hạn")
    panel.target_edit.setText("100")
    qtbot.mouseClick(panel.add_indicator_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 8 and _cell(panel, 7, 1) == "Tỷ lệ công bố TTHC đúng hạn"


def test_last_years_counts_are_entered_as_the_previous_year(panel: IndicatorsPanel) -> None:
    panel.period_combo.setCurrentIndex(panel.period_combo.findData("2022-Y"))
    assert "kết quả năm trước" in panel.period_combo.currentText()
    assert _cell(panel, 0, 3) == "1.502"


def test_the_page_fits_the_smallest_window(panel: IndicatorsPanel) -> None:
    hint = panel.minimumSizeHint()
    assert hint.width() <= MAX_SIZE[0] - 180 and hint.height() <= MAX_SIZE[1] - 60


def test_a_long_indicator_name_is_shown_from_its_beginning(panel: IndicatorsPanel) -> None:
    panel.table.selectRow(1)
    assert panel.name_edit.text()
    assert panel.name_edit.cursorPosition() == 0
