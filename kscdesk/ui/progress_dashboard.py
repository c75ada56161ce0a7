"""ProgressDashboard: completion by section and by period, on time against late, as bar charts
(QtCharts) with the counts beside them. Clicking a bar asks the progress page to filter its list.
"""

import math
from collections import Counter
from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kscdesk.domain.model import Standing
from kscdesk.domain.period import Period
from kscdesk.services.progress import PeriodCount, ProgressRow

DONE_COLOUR, OPEN_COLOUR, IDLE_COLOUR, LATE_COLOUR = "#2e7d32", "#1f5fa8", "#b0b7c3", "#c62828"
TIMELINESS = (
    ("Xong trước hạn", (Standing.DONE_EARLY,), "#1b7a3a"),
    ("Xong đúng hạn", (Standing.DONE_ON_TIME,), "#43a047"),
    ("Xong quá hạn", (Standing.DONE_LATE,), "#ef6c00"),
    ("Đang, quá hạn", (Standing.IN_PROGRESS_OVERDUE,), LATE_COLOUR),
)


def _short(period: Period) -> str:
    """ "Q1" … "Q4", "6T" (6 tháng), "9T", "Năm": fits under a narrow bar."""
    code = period.key.split("-")[1]
    return {"H1": "6T", "9M": "9T", "Y": "Năm"}.get(code, code)


class ProgressDashboard(QWidget):
    """Three charts over the rows of the period shown and the counts of every period."""

    section_clicked = Signal(str)  # a section code
    period_clicked = Signal(str)  # a period key
    standings_clicked = Signal(list)  # Standing values

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.section_view = self._view("section_chart")
        self.period_view = self._view("period_chart")
        self.timeliness_view = self._view("timeliness_chart")
        self.section_counts = self._counts("section_counts")
        self.period_counts = self._counts("period_counts")
        self.timeliness_counts = self._counts("timeliness_counts")
        layout.addWidget(self.section_view, 0, 0, 1, 3)
        layout.addWidget(self.section_counts, 0, 3)
        layout.addWidget(self.period_view, 1, 0)
        layout.addWidget(self.period_counts, 1, 1)
        layout.addWidget(self.timeliness_view, 1, 2)
        layout.addWidget(self.timeliness_counts, 1, 3)
        layout.setColumnStretch(0, 4)
        layout.setColumnStretch(2, 3)
        self.section_codes: list[str] = []
        self.period_keys: list[str] = []

    def _view(self, name: str) -> QChartView:
        view = QChartView(self)
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumSize(200, 150)
        return view

    def _counts(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setMinimumWidth(90)
        return label

    def set_data(self, rows: Sequence[ProgressRow], periods: Sequence[PeriodCount]) -> None:
        """Draw the charts for the period's rows and the year's period counts."""
        expected = [row for row in rows if row.assessment.expected]
        self._draw_sections(expected)
        self._draw_periods(periods)
        self._draw_timeliness(expected)

    def _draw_sections(self, rows: Sequence[ProgressRow]) -> None:
        codes: list[str] = []
        for row in rows:
            if row.task.section_code not in codes:
                codes.append(row.task.section_code)
        self.section_codes = codes
        groups: dict[str, tuple[str, Callable[[ProgressRow], bool]]] = {
            "Hoàn thành": (DONE_COLOUR, lambda r: r.standing.is_done),
            "Đang thực hiện": (OPEN_COLOUR, lambda r: r.standing.status.value == "in_progress"),
            "Chưa thực hiện": (IDLE_COLOUR, lambda r: r.standing is Standing.NOT_STARTED),
        }
        series = QStackedBarSeries()
        totals: Counter[str] = Counter()
        for name, (colour, test) in groups.items():
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(colour))
            for code in codes:
                count = sum(1 for r in rows if r.task.section_code == code and test(r))
                bar_set.append(count)
                totals[name] += count
            bar_set.clicked.connect(self._on_section_bar)
            series.append(bar_set)
        title = "Theo mục của kế hoạch (nhiệm vụ trong kỳ)"
        self.section_view.setChart(self._chart(title, series, codes))
        lines = [f"Nhiệm vụ trong kỳ: {len(rows)}"]
        lines += [f"{name}: {totals[name]}" for name in groups]
        self.section_counts.setText("\n".join(lines))

    def _draw_periods(self, periods: Sequence[PeriodCount]) -> None:
        self.period_keys = [p.period.key for p in periods]
        series = QStackedBarSeries()
        done, missing = QBarSet("Hoàn thành"), QBarSet("Chưa xong")
        done.setColor(QColor(DONE_COLOUR))
        missing.setColor(QColor(IDLE_COLOUR))
        for count in periods:
            done.append(count.done)
            missing.append(count.expected - count.done)
        for bar_set in (done, missing):
            bar_set.clicked.connect(self._on_period_bar)
            series.append(bar_set)
        labels = [_short(p.period) for p in periods]
        self.period_view.setChart(self._chart("Theo kỳ báo cáo", series, labels))
        self.period_counts.setText(
            "\n".join(f"{_short(p.period)}: {p.done}/{p.expected}" for p in periods)
        )

    def _draw_timeliness(self, rows: Sequence[ProgressRow]) -> None:
        series = QHorizontalBarSeries()
        bar_set = QBarSet("Số nhiệm vụ")
        counts = []
        for _, standings, _ in TIMELINESS:
            counts.append(sum(1 for r in rows if r.standing in standings))
            bar_set.append(counts[-1])
        bar_set.setColor(QColor(OPEN_COLOUR))
        bar_set.clicked.connect(self._on_timeliness_bar)
        series.append(bar_set)
        labels = [label for label, _, _ in TIMELINESS]
        chart = self._chart("Đúng hạn và quá hạn", series, labels, horizontal=True)
        chart.legend().setVisible(False)
        self.timeliness_view.setChart(chart)
        self.timeliness_counts.setText(
            "\n".join(f"{label}: {count}" for label, count in zip(labels, counts, strict=True))
        )

    def _chart(
        self,
        title: str,
        series: QAbstractBarSeries,
        labels: list[str],
        *,
        horizontal: bool = False,
    ) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.addSeries(series)
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        categories = QBarCategoryAxis()
        categories.append(labels)
        values = QValueAxis()
        values.setLabelFormat("%d")
        top = max((sum(s.at(i) for s in series.barSets()) for i in range(len(labels))), default=0)
        step = max(1, math.ceil(top / 5))
        values.setRange(0, step * max(1, math.ceil((top + 0.5) / step)))
        values.setTickType(QValueAxis.TickType.TicksDynamic)
        values.setTickAnchor(0)
        values.setTickInterval(step)
        left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
        chart.addAxis(categories, left if horizontal else bottom)
        chart.addAxis(values, bottom if horizontal else left)
        series.attachAxis(categories)
        series.attachAxis(values)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def _on_section_bar(self, index: int) -> None:
        if 0 <= index < len(self.section_codes):
            self.section_clicked.emit(self.section_codes[index])

    def _on_period_bar(self, index: int) -> None:
        if 0 <= index < len(self.period_keys):
            self.period_clicked.emit(self.period_keys[index])

    def _on_timeliness_bar(self, index: int) -> None:
        if 0 <= index < len(TIMELINESS):
            self.standings_clicked.emit([s.value for s in TIMELINESS[index][1]])
