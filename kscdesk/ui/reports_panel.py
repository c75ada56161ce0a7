"""The "Báo cáo" page: pick a period, read and edit the drafted text, build the files.

A banner warns when a report is due within days. Each part of the report is drafted from the
data; the officer's edits are kept per period, and when the data changed since, the page lists
what the new draft says differently. Built reports are listed with their files, rebuildable.
"""

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kscdesk.domain.period import current_reporting_period, parse_period_key, periods_of_year
from kscdesk.services import reports
from kscdesk.services.errors import ServiceError
from kscdesk.services.indicators import report_plan_uid
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.store.reports import ReportBuild
from kscdesk.ui import prompts
from kscdesk.ui.background import BackgroundTask, run_in_background
from kscdesk.ui.list_table_model import ListTableModel
from kscdesk.ui.widgets import named

BUILD_COLUMNS = ("Kỳ báo cáo", "Lập lúc", "Tệp Word", "Tệp Excel")
EXCEL_COLUMN = 3
ModelIndex = QModelIndex | QPersistentModelIndex


def open_path(path: Path) -> bool:
    """Open a file in the system's default program (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ReportBuildsModel(ListTableModel):
    """Reports built from the plan, newest first."""

    HEADERS = BUILD_COLUMNS

    @property
    def builds(self) -> list[ReportBuild]:
        return self.items

    def reload(self, builds: list[ReportBuild]) -> None:
        self.set_items(builds)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        build = self.builds[index.row()]
        if index.column() == 0:
            return parse_period_key(build.period_key).label
        if index.column() == 1:
            day, _, clock = build.built_at.partition("T")
            return f"{date.fromisoformat(day):%d/%m/%Y} {clock[:5]}"
        path = Path(build.docx_path if index.column() == 2 else build.xlsx_path)
        return str(path) if role == Qt.ItemDataRole.ToolTipRole else path.name


class ReportsPanel(QWidget):
    """Period reports of the plan reported on."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, today: date | None = None
    ):
        super().__init__(parent)
        self.setObjectName("reports_panel")
        self.workspace = workspace
        self.today = today or date.today()
        self.builds_model = ReportBuildsModel(self)
        self.preview: reports.ReportPreview | None = None
        self.last_folder: Path | None = None
        self._tasks: list[BackgroundTask] = []
        self._loaded = False
        self._build()

    def _build(self) -> None:
        self.banner = named(QLabel(), "deadline_banner", wordWrap=True)
        self.banner.setStyleSheet("background:#fff3cd; color:#664d03; padding:4px;")
        self.period_combo = named(QComboBox(), "period_combo")
        self.part_combo = named(QComboBox(), "part_combo")
        self.build_button = named(QPushButton("Lập báo cáo (Word, Excel)…"), "build_button")
        top = QHBoxLayout()
        top.addWidget(QLabel("Kỳ báo cáo:"))
        top.addWidget(self.period_combo, 1)
        top.addWidget(QLabel("Phần:"))
        top.addWidget(self.part_combo, 2)
        top.addWidget(self.build_button)
        self.text_edit = named(QPlainTextEdit(), "part_text_edit")
        self.changes_label = named(QLabel(), "changes_label", wordWrap=True)
        self.changes_label.setStyleSheet("color:#8a4b00;")
        self.save_button = named(QPushButton("Lưu nội dung"), "save_text_button")
        self.reset_button = named(QPushButton("Dùng bản nháp mới"), "use_draft_button")
        self.status_label = named(QLabel(), "report_status_label", wordWrap=True)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.save_button)
        edit_row.addWidget(self.reset_button)
        edit_row.addWidget(self.status_label, 1)
        self.builds_table = named(QTableView(), "builds_table")
        self.builds_table.setModel(self.builds_model)
        self.builds_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.builds_table.verticalHeader().hide()
        self.builds_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.builds_table.setMaximumHeight(130)
        self.rebuild_button = named(QPushButton("Lập lại báo cáo đã chọn"), "rebuild_button")
        self.open_word_button = named(QPushButton("Mở tệp Word"), "open_word_button")
        self.open_excel_button = named(QPushButton("Mở tệp Excel"), "open_excel_button")
        self.builds_table.setToolTip("Nhấp đúp để mở tệp bằng chương trình mặc định của máy.")
        build_buttons = QHBoxLayout()
        build_buttons.addStretch(1)
        for button in (self.open_word_button, self.open_excel_button, self.rebuild_button):
            build_buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.text_edit, 3)
        layout.addWidget(self.changes_label)
        layout.addLayout(edit_row)
        layout.addWidget(QLabel("Báo cáo đã lập:"))
        layout.addWidget(self.builds_table, 1)
        layout.addLayout(build_buttons)
        self.period_combo.currentIndexChanged.connect(self.reload)
        self.part_combo.currentIndexChanged.connect(self._show_part)
        self.save_button.clicked.connect(self.save_text)
        self.reset_button.clicked.connect(self.use_draft)
        self.build_button.clicked.connect(self.choose_and_build)
        self.rebuild_button.clicked.connect(self.rebuild_selected)
        self.open_word_button.clicked.connect(lambda: self.open_selected(excel=False))
        self.open_excel_button.clicked.connect(lambda: self.open_selected(excel=True))
        self.builds_table.doubleClicked.connect(self._open_cell)
        self.builds_table.selectionModel().selectionChanged.connect(self._update_build_buttons)
        self.builds_model.modelReset.connect(self._update_build_buttons)
        self._update_build_buttons()

    def _fill_periods(self) -> None:
        try:
            plan = plans.load_plan(self.workspace.db, report_plan_uid(self.workspace))
        except ServiceError:
            self.status_label.setText("Chưa có kế hoạch: hãy nhập kế hoạch trước.")
            return
        for period in periods_of_year(plan.year):
            self.period_combo.addItem(period.label, period.key)
        current = current_reporting_period(self.today, plan.submission_day)
        self.period_combo.setCurrentIndex(max(self.period_combo.findData(current.key), 0))

    def showEvent(self, event: QShowEvent) -> None:
        """Draft on first show, not at start-up: the window opens without waiting for it."""
        if not self._loaded:
            self._fill_periods()
            self._loaded = True
            self.reload()
        super().showEvent(event)

    def period_key(self) -> str | None:
        key = self.period_combo.currentData()
        return str(key) if key else None

    def current_part(self) -> str | None:
        key = self.part_combo.currentData()
        return str(key) if key else None

    def reload(self) -> None:
        if not self._loaded:  # filling the period list before the first show
            return
        banner = reports.deadline_banner(self.workspace, self.today)
        self.banner.setText(banner or "")
        self.banner.setVisible(bool(banner))
        key = self.period_key()
        if key is None:
            return
        self.preview = reports.prepare_report(self.workspace, key)
        part = self.current_part()
        self.part_combo.blockSignals(True)
        self.part_combo.clear()
        for state in self.preview.parts:
            mark = " (đã sửa)" if state.edited else ""
            self.part_combo.addItem(f"{state.title}{mark}", state.key)
        self.part_combo.setCurrentIndex(max(self.part_combo.findData(part), 0))
        self.part_combo.blockSignals(False)
        self._show_part()
        self.builds_model.reload(reports.list_reports(self.workspace))

    def _show_part(self) -> None:
        key = self.current_part()
        if self.preview is None or key is None:
            return
        state = next(p for p in self.preview.parts if p.key == key)
        self.text_edit.setPlainText(state.text)
        if state.key == "kien_nghi" and not state.text:
            self.text_edit.setPlaceholderText("Đề xuất, kiến nghị của đơn vị (cán bộ tự viết).")
        self.reset_button.setEnabled(state.edited)
        if state.changes:
            shown = "\n".join(state.changes[:6]) + ("\n…" if len(state.changes) > 6 else "")
            self.changes_label.setText(f"Số liệu đã thay đổi từ khi sửa; bản nháp mới:\n{shown}")
        else:
            self.changes_label.setText("")
        self.changes_label.setVisible(bool(state.changes))

    def save_text(self) -> None:
        key, part = self.period_key(), self.current_part()
        if key is None or part is None:
            return
        reports.save_part_text(self.workspace, key, part, self.text_edit.toPlainText())
        self.reload()
        self.status_label.setText("Đã lưu nội dung.")

    def use_draft(self) -> None:
        key, part = self.period_key(), self.current_part()
        if key is None or part is None:
            return
        reports.accept_draft(self.workspace, key, part)
        self.reload()

    def choose_and_build(self) -> None:
        folder = prompts.choose_folder(self, "Chọn thư mục lưu báo cáo", self.last_folder)
        key = self.period_key()
        if folder is not None and key is not None:
            self.build(key, folder)

    def selected_build(self) -> ReportBuild | None:
        rows = self.builds_table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self.builds_model.builds[row] if 0 <= row < len(self.builds_model.builds) else None

    def _update_build_buttons(self) -> None:
        chosen = self.selected_build() is not None
        for button in (self.open_word_button, self.open_excel_button, self.rebuild_button):
            button.setEnabled(chosen)

    def rebuild_selected(self) -> None:
        build = self.selected_build()
        if build is not None:
            self.build(build.period_key, Path(build.docx_path).parent)

    def open_selected(self, *, excel: bool) -> None:
        build = self.selected_build()
        if build is not None:
            self.open_file(Path(build.xlsx_path if excel else build.docx_path))

    def _open_cell(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.builds_model.builds):
            build = self.builds_model.builds[index.row()]
            excel = index.column() == EXCEL_COLUMN
            self.open_file(Path(build.xlsx_path if excel else build.docx_path))

    def open_file(self, path: Path) -> None:
        """Open a built file in Word/Excel (the system's default program for it)."""
        if not path.is_file():
            prompts.show_warning(
                self,
                "Không mở được tệp",
                f"Không tìm thấy tệp “{path.name}” trong thư mục {path.parent}: tệp đã bị chuyển "
                "đi hoặc xóa. Hãy chọn báo cáo rồi bấm “Lập lại báo cáo đã chọn” để lập lại tệp.",
            )
        elif not open_path(path):
            prompts.show_warning(
                self, "Không mở được tệp", f"Máy chưa có chương trình mở được tệp “{path.name}”."
            )

    def build(self, period_key: str, folder: Path) -> BackgroundTask:
        """Build the files off the GUI thread; the result shows in the status line and list."""
        self.last_folder = folder
        self.build_button.setEnabled(False)

        def job(ws: Workspace, progress: Any, token: Any) -> reports.ReportFiles:
            return reports.build_report(ws, period_key, folder)

        task = run_in_background(self, self.workspace.folder, job, title="Đang lập báo cáo")
        task.succeeded.connect(self._built)
        task.failed.connect(self._failed)
        task.finished.connect(lambda: self.build_button.setEnabled(True))
        self._tasks.append(task)
        return task

    def _built(self, files: object) -> None:
        assert isinstance(files, reports.ReportFiles)
        self.status_label.setText(
            f"Đã lập: {files.docx.name}, {files.xlsx.name} ({files.docx.parent})"
        )
        self.reload()

    def _failed(self, error: object) -> None:
        message = str(error) if isinstance(error, (ServiceError, OSError)) else repr(error)
        self.status_label.setText(message)
        prompts.show_warning(self, "Không lập được báo cáo", message)
