"""The "Chỉ tiêu" page: the plan's indicators with targets, counts and Đạt / Không đạt per period.

The officer picks a period, selects an indicator, types its numerator and denominator (never a
rate) and saves; the catalogue (name, unit, target text) is edited below. "Năm N-1" holds last
year's result, from which the targets are derived (the derivation is shown).
"""

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kscdesk.domain.indicators import (
    IncreaseMode,
    compute_rate,
    format_count,
    format_rate,
    met_label,
)
from kscdesk.domain.model import Indicator
from kscdesk.domain.period import Period, PeriodKind, current_reporting_period, periods_of_year
from kscdesk.services import indicators
from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui import prompts
from kscdesk.ui.list_table_model import ListTableModel
from kscdesk.ui.widgets import named

COLUMNS = (
    "STT",
    "Chỉ tiêu",
    "Chỉ tiêu giao",
    "Tử số",
    "Mẫu số",
    "Tỷ lệ",
    "Lũy kế từ đầu năm",
    "Đạt/Không đạt",
)
MAX_COUNT = 999_999_999
ModelIndex = QModelIndex | QPersistentModelIndex


def _counts(numerator: int | None, denominator: int | None) -> tuple[str, str, str]:
    if numerator is None or denominator is None:
        return "", "", "Chưa có"
    rate = compute_rate(numerator, denominator)
    return format_count(numerator), format_count(denominator), format_rate(rate)


class IndicatorTableModel(ListTableModel):
    """The period's figures of every indicator (read through the indicators service)."""

    HEADERS = COLUMNS

    @property
    def figures(self) -> list[indicators.IndicatorFigure]:
        return self.items

    def reload(self, figures: list[indicators.IndicatorFigure]) -> None:
        self.set_items(figures)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        figure = self.figures[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return figure.derivation.explanation
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        numerator, denominator, rate = _counts(figure.numerator, figure.denominator)
        ytd = figure.year_to_date
        ytd_text = "" if ytd is None else "{}/{} ({})".format(*_counts(*ytd))
        values = (
            figure.indicator.number,
            figure.indicator.name,
            figure.target_text,
            numerator,
            denominator,
            rate,
            ytd_text,
            met_label(figure.met),
        )
        return values[index.column()]


class IndicatorsPanel(QWidget):
    """Indicators of the plan reported on, per period."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, today: date | None = None
    ):
        super().__init__(parent)
        self.setObjectName("indicators_panel")
        self.workspace = workspace
        self.model = IndicatorTableModel(self)
        self._loaded = False
        self._today = today or date.today()
        self._build()

    # --- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        top = QHBoxLayout()
        self.period_combo = named(QComboBox(), "period_combo")
        self.mode_combo = named(QComboBox(), "increase_mode_combo")
        self.mode_combo.addItem("Tăng thêm 10%: cộng 10 điểm", IncreaseMode.POINTS.value)
        self.mode_combo.addItem("Tăng thêm 10%: nhân 1,1", IncreaseMode.FACTOR.value)
        top.addWidget(QLabel("Kỳ báo cáo:"))
        top.addWidget(self.period_combo, 1)
        top.addWidget(QLabel("Cách tính chỉ tiêu:"))
        top.addWidget(self.mode_combo, 1)
        self.table = named(QTableView(), "indicator_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.derivation_label = named(QLabel(), "derivation_label", wordWrap=True)
        bottom = QHBoxLayout()
        bottom.addWidget(self._counts_box(), 1)
        bottom.addWidget(self._catalogue_box(), 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.derivation_label)
        layout.addLayout(bottom)
        self.period_combo.currentIndexChanged.connect(self.reload)
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.table.selectionModel().currentRowChanged.connect(self._show_selected)

    def _counts_box(self) -> QGroupBox:
        box = QGroupBox("Số liệu trong kỳ")
        self.numerator_spin = named(QSpinBox(), "numerator_spin", maximum=MAX_COUNT)
        self.denominator_spin = named(QSpinBox(), "denominator_spin", maximum=MAX_COUNT)
        self.save_counts_button = named(QPushButton("Lưu số liệu"), "save_counts_button")
        self.counts_message = named(QLabel(), "counts_message", wordWrap=True)
        form = QFormLayout(box)
        form.addRow("Tử số (số hồ sơ đạt):", self.numerator_spin)
        form.addRow("Mẫu số (tổng số hồ sơ):", self.denominator_spin)
        form.addRow(self.save_counts_button, self.counts_message)
        self.save_counts_button.clicked.connect(self.save_counts)
        return box

    def _catalogue_box(self) -> QGroupBox:
        box = QGroupBox("Danh mục chỉ tiêu")
        self.name_edit = named(QLineEdit(), "name_edit")
        self.unit_edit = named(QLineEdit(), "unit_edit", maximumWidth=80)
        self.target_edit = named(QLineEdit(), "target_edit", placeholderText="Tối thiểu 80")
        row = QHBoxLayout()
        row.addWidget(self.unit_edit)
        row.addWidget(QLabel("Chỉ tiêu cấp trên:"))
        row.addWidget(self.target_edit, 1)
        buttons = QHBoxLayout()
        self.save_indicator_button = named(QPushButton("Lưu chỉ tiêu"), "save_indicator_button")
        self.add_indicator_button = named(QPushButton("Thêm chỉ tiêu"), "add_indicator_button")
        self.delete_indicator_button = named(QPushButton("Xóa"), "delete_indicator_button")
        for button in (self.save_indicator_button, self.add_indicator_button):
            buttons.addWidget(button)
        buttons.addWidget(self.delete_indicator_button)
        form = QFormLayout(box)
        form.addRow("Tên chỉ tiêu:", self.name_edit)
        form.addRow("Đơn vị:", row)
        form.addRow(buttons)
        self.save_indicator_button.clicked.connect(self.save_indicator)
        self.add_indicator_button.clicked.connect(self.add_indicator)
        self.delete_indicator_button.clicked.connect(self.delete_indicator)
        return box

    def _fill_periods(self, today: date) -> None:
        try:
            plan = plans.load_plan(self.workspace.db, indicators.report_plan_uid(self.workspace))
        except ServiceError:
            return
        year = plan.year
        for period in periods_of_year(year):
            self.period_combo.addItem(period.label, period.key)
        last = Period(PeriodKind.YEAR, year - 1)
        self.period_combo.addItem(f"{last.label} (kết quả năm trước)", last.key)
        current = current_reporting_period(today, plan.submission_day)
        found = self.period_combo.findData(current.key)
        self.period_combo.setCurrentIndex(max(found, 0))
        mode = indicators.get_increase_mode(self.workspace)
        self.mode_combo.blockSignals(True)  # showing the setting is not changing it
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode.value))
        self.mode_combo.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:
        """Draft on first show, not at start-up: the window opens without waiting for it."""
        if not self._loaded:
            self._fill_periods(self._today)
            self._loaded = True
            self.reload()
        super().showEvent(event)

    # --- behaviour --------------------------------------------------------------------------

    def period_key(self) -> str | None:
        key = self.period_combo.currentData()
        return str(key) if key else None

    def selected(self) -> indicators.IndicatorFigure | None:
        row = self.table.currentIndex().row()
        return self.model.figures[row] if 0 <= row < len(self.model.figures) else None

    def reload(self) -> None:
        if not self._loaded:
            return
        key = self.period_key()
        chosen = self.selected()
        number = chosen.indicator.number if chosen else None
        figures = indicators.list_figures(self.workspace, key) if key else []
        self.model.reload(figures)
        row = next((i for i, f in enumerate(figures) if f.indicator.number == number), 0)
        if figures:
            self.table.selectRow(row)
        self._show_selected()

    def _show_selected(self) -> None:
        figure = self.selected()
        for widget in (
            self.save_counts_button,
            self.save_indicator_button,
            self.delete_indicator_button,
        ):
            widget.setEnabled(figure is not None)
        if figure is None:
            self.derivation_label.setText("Kế hoạch chưa có chỉ tiêu nào: bấm “Thêm chỉ tiêu”.")
            return
        self.derivation_label.setText(
            f"Chỉ tiêu {figure.indicator.number}: {figure.derivation.explanation}"
        )
        self.numerator_spin.setValue(figure.numerator or 0)
        self.denominator_spin.setValue(figure.denominator or 0)
        self.name_edit.setText(figure.indicator.name)
        self.unit_edit.setText(figure.indicator.unit)
        self.target_edit.setText(figure.indicator.target_text)
        for edit in (self.name_edit, self.target_edit):
            edit.setCursorPosition(0)  # a long name shows its beginning, not its last words
        self.counts_message.clear()

    def save_counts(self) -> None:
        figure, key = self.selected(), self.period_key()
        if figure is None or key is None:
            return
        try:
            indicators.set_counts(
                self.workspace,
                figure.indicator.uid,
                key,
                self.numerator_spin.value(),
                self.denominator_spin.value(),
            )
        except ServiceError as error:
            self.counts_message.setText(str(error))
            return
        self.reload()
        self.counts_message.setText("Đã lưu.")

    def _mode_changed(self) -> None:
        indicators.set_increase_mode(self.workspace, IncreaseMode(self.mode_combo.currentData()))
        self.reload()

    def _edited(self, base: Indicator) -> Indicator:
        from dataclasses import replace

        return replace(
            base,
            name=self.name_edit.text().strip(),
            unit=self.unit_edit.text().strip() or "%",
            target_text=self.target_edit.text().strip(),
        )

    def save_indicator(self) -> None:
        figure = self.selected()
        if figure is not None:
            self._save(self._edited(figure.indicator))

    def add_indicator(self) -> None:
        position = max((f.indicator.position for f in self.model.figures), default=0) + 1
        number = str(len(self.model.figures) + 1)
        self._save(self._edited(Indicator(number=number, name="", position=position)))

    def _save(self, item: Indicator) -> None:
        try:
            indicators.save_indicator(
                self.workspace, indicators.report_plan_uid(self.workspace), item
            )
        except ServiceError as error:
            prompts.show_warning(self, "Chỉ tiêu", str(error))
            return
        self.reload()

    def delete_indicator(self) -> None:
        figure = self.selected()
        if figure is None:
            return
        question = f"Xóa chỉ tiêu “{figure.indicator.name}” cùng số liệu của nó?"
        if prompts.ask_yes_no(self, "Xóa chỉ tiêu", question, default_yes=False):
            indicators.delete_indicator(self.workspace, figure.indicator.uid)
            self.reload()
