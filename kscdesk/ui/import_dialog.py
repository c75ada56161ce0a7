"""ImportDialog ("Nhập kế hoạch cấp trên"): choose or drop a plan file, preview it, then store it.

Step 1 reads the file off the GUI thread (ui/background.py) with a progress bar and "Hủy";
step 2 shows the header facts, sections > tasks, indicators and every import warning, each
warning leading to the task row it concerns. Nothing is stored before "Lưu kế hoạch", and the
stored plan is exactly the previewed one (``store_parsed_plan``: the file is not parsed twice).
"""

import logging
import traceback
from pathlib import Path

from PySide6.QtCore import QMimeData, QModelIndex, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QListWidgetItem,
    QWidget,
)

from kscdesk.domain.model import ImportWarning, PlanContent
from kscdesk.domain.work import CancelToken, ProgressCallback
from kscdesk.formats.errors import PlanFileError
from kscdesk.services.errors import ServiceError
from kscdesk.services.import_plan import parse_plan_file, store_parsed_plan
from kscdesk.services.workspace import Workspace
from kscdesk.ui import prompts, window_state
from kscdesk.ui.background import BackgroundTask, run_in_background
from kscdesk.ui.generated.ui_import_dialog import Ui_ImportDialog
from kscdesk.ui.plan_preview_model import (
    IndicatorPreviewModel,
    PlanPreviewModel,
    WrappedCellDelegate,
    counts_text,
    decision_text,
    level_year_text,
    warning_icon,
)
from kscdesk.ui.task_columns import CONTENT, COORDINATING, LEAD, NUMBER, OUTPUT, TIMEFRAME

log = logging.getLogger(__name__)

FILE_FILTER = (
    "Kế hoạch (*.docx *.xlsx *.pdf *.json *.doc *.xls *.odt *.ods);;"
    "Tệp Word (*.docx *.doc *.odt);;Tệp Excel (*.xlsx *.xls *.ods);;Tệp PDF (*.pdf);;"
    "Gói kế hoạch (*.json);;Tất cả các tệp (*)"
)
CHOOSE_TITLE = "Chọn tệp kế hoạch cấp trên"
READ_FAILED_TITLE = "Không nhập được kế hoạch"
SAVE_FAILED_TITLE = "Không lưu được kế hoạch"
TASK_COLUMN_WIDTHS = {NUMBER: 86, OUTPUT: 210, LEAD: 170, COORDINATING: 190, TIMEFRAME: 120}
INDICATOR_COLUMN_WIDTHS = {0: 50, 2: 100, 3: 130, 4: 170, 5: 190}
WARNING_TEXT_COLOUR = QColor("#9a4d00")
TASK_ROW_LINES = 4  # a preview row shows this many wrapped lines; the tooltip has the full text
CHOOSE_PAGE, PREVIEW_PAGE = 0, 1


def failure_message(error: BaseException, path: Path | None) -> tuple[bool, str]:
    """(is the user's problem, Vietnamese message) for an error raised while reading or saving."""
    if isinstance(error, PlanFileError | ServiceError):
        return True, str(error)
    if isinstance(error, OSError):
        name = f"“{path.name}”" if path is not None else ""
        reason = error.strerror or str(error)
        return True, (
            f"Không mở được tệp {name}: {reason}. Nếu tệp đang mở trong Word hoặc Excel, "
            "hãy đóng tệp rồi thử lại."
        )
    return False, "Đã xảy ra lỗi ngoài dự kiến. Chi tiết kỹ thuật ở dưới, xin gửi cho người hỗ trợ."


def dropped_file(mime: QMimeData) -> Path | None:
    """The one local file dropped, or None (several files, a folder, a web link …)."""
    if not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return None if path.is_dir() else path


class ImportDialog(QDialog):
    """The import wizard; ``plan_uid`` is set once the previewed plan has been stored."""

    preview_shown = Signal()  # step 2 is on screen with a parsed plan
    reading_ended = Signal()  # a read finished: preview, refusal or cancellation
    saving_ended = Signal()  # a save finished: stored (the dialog is accepted) or refused
    plan_stored = Signal(str)

    def __init__(
        self, folder: Path, parent: QWidget | None = None, *, pool: QThreadPool | None = None
    ) -> None:
        super().__init__(parent)
        self._folder = folder
        self._pool = pool
        self._path: Path | None = None
        self._content: PlanContent | None = None
        self._task: BackgroundTask | None = None
        self._close_when_done = False
        self._saving = False
        self.plan_uid: str | None = None
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        window_state.fit_to_screen(self)
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(0)
        self._relayout_timer.timeout.connect(self._lay_rows_out)
        self.preview_model = PlanPreviewModel(self)
        self.indicator_model = IndicatorPreviewModel(self)
        self._set_up_views()
        self._connect()
        self._show_choose_page()

    # --- public ---------------------------------------------------------------------------------

    @property
    def content(self) -> PlanContent | None:
        """The parsed plan on preview (None before a file is read)."""
        return self._content

    @property
    def is_busy(self) -> bool:
        return self._task is not None

    def start_reading(self, path: Path) -> None:
        """Read ``path`` in the background; the preview replaces step 1 when it is ready."""
        if self.is_busy:
            return
        self._path = path
        self._content = None
        self.ui.step_stack.setCurrentIndex(CHOOSE_PAGE)
        self.ui.file_label.setText(f"Tệp: {path.name}")
        self.ui.status_label.setText("Đang đọc tệp…")
        self.ui.progress_bar.setRange(0, 0)
        self.ui.progress_bar.setVisible(True)

        def job(ws: Workspace, progress: ProgressCallback, cancel: CancelToken) -> PlanContent:
            return parse_plan_file(path, progress=progress, cancel=cancel)

        task = run_in_background(
            self, self._folder, job, title=f"Đang đọc {path.name}", pool=self._pool
        )
        task.progressed.connect(self._on_read_progress)
        task.succeeded.connect(self._on_read)
        task.failed.connect(self._on_read_failed)
        task.cancelled.connect(self._on_read_cancelled)
        self._track(task)

    def choose_file(self) -> None:
        start = self._path.parent if self._path is not None else None
        path = prompts.choose_open_file(self, CHOOSE_TITLE, FILE_FILTER, start)
        if path is not None:
            self.start_reading(path)

    def save_plan(self) -> None:
        """Store the previewed plan (in the background); the dialog closes when it is stored."""
        content = self._content
        if content is None or self.is_busy:
            return

        def job(ws: Workspace, progress: ProgressCallback, cancel: CancelToken) -> str:
            return store_parsed_plan(ws, content)

        self._saving = True
        task = run_in_background(
            self, self._folder, job, title="Đang lưu kế hoạch", pool=self._pool
        )
        task.succeeded.connect(self._on_stored)
        task.failed.connect(self._on_store_failed)
        self._track(task)

    # --- set-up ---------------------------------------------------------------------------------

    def _set_up_views(self) -> None:
        ui = self.ui
        tree = ui.task_tree
        tree.setModel(self.preview_model)
        tree.setAlternatingRowColors(True)  # section and warning rows paint their own colour
        tree.setItemDelegate(WrappedCellDelegate(tree, TASK_ROW_LINES))
        header = tree.header()
        header.sectionResized.connect(self._relayout_rows)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CONTENT, QHeaderView.ResizeMode.Stretch)
        for column, width in TASK_COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        table = ui.indicator_table
        table.setModel(self.indicator_model)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        indicator_header = table.horizontalHeader()
        indicator_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        indicator_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in INDICATOR_COLUMN_WIDTHS.items():
            indicator_header.resizeSection(column, width)
        ui.preview_splitter.setStretchFactor(0, 4)
        ui.preview_splitter.setStretchFactor(1, 1)
        ui.preview_splitter.setSizes([460, 150])
        ui.progress_bar.setVisible(False)
        ui.save_button.setDefault(True)
        for label in (ui.title_label, ui.issuer_label, ui.decision_label, ui.source_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        font = ui.title_label.font()
        font.setBold(True)
        ui.title_label.setFont(font)

    def _relayout_rows(self) -> None:
        """Row heights follow the new column widths (the views keep the old ones otherwise)."""
        if not self._relayout_timer.isActive():
            self._relayout_timer.start()

    def _lay_rows_out(self) -> None:
        self.ui.task_tree.doItemsLayout()

    def _connect(self) -> None:
        ui = self.ui
        ui.choose_button.clicked.connect(self.choose_file)
        ui.choose_other_button.clicked.connect(self.choose_file)
        ui.save_button.clicked.connect(self.save_plan)
        ui.cancel_button.clicked.connect(self.reject)
        ui.warning_list.currentItemChanged.connect(self._on_warning_chosen)
        ui.warning_list.itemClicked.connect(self._on_warning_chosen)

    def _track(self, task: BackgroundTask) -> None:
        self._task = task
        task.finished.connect(self._on_task_finished)
        self._update_buttons()

    # --- steps ----------------------------------------------------------------------------------

    def _show_choose_page(self) -> None:
        self.ui.step_stack.setCurrentIndex(CHOOSE_PAGE)
        self.ui.progress_bar.setVisible(False)
        self._update_buttons()

    def _show_preview(self, content: PlanContent) -> None:
        ui = self.ui
        plan = content.plan
        self._content = content
        ui.title_label.setText(plan.title or "—")
        ui.issuer_label.setText(plan.issuer or "—")
        ui.year_label.setText(level_year_text(plan))
        ui.decision_label.setText(decision_text(plan.decision))
        ui.source_label.setText(plan.source_name or (self._path.name if self._path else ""))
        ui.counts_label.setText(counts_text(content))
        ui.counts_label.setStyleSheet(
            f"color: {WARNING_TEXT_COLOUR.name()}; font-weight: bold;" if content.warnings else ""
        )
        self.preview_model.set_content(content)
        ui.task_tree.expandAll()
        self.indicator_model.set_indicators(content.indicators)
        tabs = ui.preview_tabs
        tabs.setTabText(tabs.indexOf(ui.tasks_tab), f"Mục và nhiệm vụ ({len(content.tasks)})")
        tabs.setTabText(tabs.indexOf(ui.indicators_tab), f"Chỉ tiêu ({len(content.indicators)})")
        tabs.setTabEnabled(tabs.indexOf(ui.indicators_tab), bool(content.indicators))
        tabs.setCurrentWidget(ui.tasks_tab)
        self._fill_warnings(content.warnings)
        ui.step_stack.setCurrentIndex(PREVIEW_PAGE)
        self._update_buttons()
        self.preview_shown.emit()

    def _fill_warnings(self, warnings: list[ImportWarning]) -> None:
        ui = self.ui
        ui.warning_list.blockSignals(True)
        ui.warning_list.clear()
        ui.warning_list.blockSignals(False)
        ui.warnings_box.setVisible(bool(warnings))
        ui.warnings_box.setTitle(f"Cảnh báo ({len(warnings)})")
        icon = warning_icon()
        for warning in warnings:
            item = QListWidgetItem(icon, str(warning))
            if self.preview_model.index_of_task(warning.task_position or 0).isValid():
                item.setData(Qt.ItemDataRole.UserRole, warning.task_position)
                item.setToolTip("Bấm để xem dòng nhiệm vụ này trong bảng.")
            ui.warning_list.addItem(item)

    def _update_buttons(self) -> None:
        ui = self.ui
        busy = self.is_busy
        previewing = ui.step_stack.currentIndex() == PREVIEW_PAGE and self._content is not None
        ui.choose_button.setEnabled(not busy)
        ui.choose_other_button.setVisible(previewing)
        ui.choose_other_button.setEnabled(not busy)
        ui.save_button.setEnabled(previewing and not busy)
        ui.cancel_button.setEnabled(not self._saving)  # a save cannot be stopped halfway
        self.setAcceptDrops(not busy)

    # --- background results ---------------------------------------------------------------------

    def _on_read_progress(self, done: int, total: int, what: str) -> None:
        bar = self.ui.progress_bar
        if total > 0:
            bar.setRange(0, total)
            bar.setValue(min(done, total))
        else:
            bar.setRange(0, 0)
        if what:
            self.ui.status_label.setText(what)

    def _on_read(self, content: object) -> None:
        assert isinstance(content, PlanContent)
        self.ui.status_label.clear()
        log.info("previewing %s: %d tasks", content.plan.source_name, len(content.tasks))
        if not self._close_when_done:
            self._show_preview(content)

    def _on_read_failed(self, error: object) -> None:
        assert isinstance(error, BaseException)
        self.ui.status_label.clear()
        self.ui.file_label.clear()
        self._show_choose_page()
        is_users, message = failure_message(error, self._path)
        if is_users:
            prompts.show_warning(self, READ_FAILED_TITLE, message)
        else:
            details = "".join(traceback.format_exception(error))
            prompts.show_error(self, READ_FAILED_TITLE, message, details=details)

    def _on_read_cancelled(self) -> None:
        self.ui.status_label.setText("Đã hủy đọc tệp.")
        self.ui.file_label.clear()
        self._show_choose_page()

    def _on_stored(self, plan_uid: object) -> None:
        assert isinstance(plan_uid, str)
        self.plan_uid = plan_uid
        self.plan_stored.emit(plan_uid)
        self.accept()

    def _on_store_failed(self, error: object) -> None:
        assert isinstance(error, BaseException)
        is_users, message = failure_message(error, self._path)
        if is_users:
            prompts.show_warning(self, SAVE_FAILED_TITLE, message)
        else:
            details = "".join(traceback.format_exception(error))
            prompts.show_error(self, SAVE_FAILED_TITLE, message, details=details)

    def _on_task_finished(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.deleteLater()
        saving, self._saving = self._saving, False
        self._update_buttons()
        (self.saving_ended if saving else self.reading_ended).emit()
        if self._close_when_done:
            super().reject()

    # --- warnings -------------------------------------------------------------------------------

    def _on_warning_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        position = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(position, int):
            return
        self.select_task(position)

    def select_task(self, position: int) -> QModelIndex:
        """Select and scroll to the task row with this position; the index (invalid if none)."""
        index = self.preview_model.index_of_task(position)
        if index.isValid():
            tree = self.ui.task_tree
            self.ui.preview_tabs.setCurrentWidget(self.ui.tasks_tab)
            tree.setCurrentIndex(index)
            tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return index

    # --- closing and drops ----------------------------------------------------------------------

    def reject(self) -> None:
        """Stop a read first on "Hủy", Esc or the close box; a save in progress cannot be undone."""
        task = self._task
        if task is None:
            super().reject()
        elif not self._saving:  # reading: stop it, close once the worker has let go
            self._close_when_done = True
            task.cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.is_busy and dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event.mimeData())
        if self.is_busy or path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.start_reading(path)


def open_import_dialog(
    parent: QWidget | None, folder: Path, path: Path | None = None
) -> str | None:
    """Run the import wizard (reading ``path`` at once if given); the stored plan's uid or None."""
    dialog = ImportDialog(folder, parent)
    try:
        if path is not None:
            dialog.start_reading(path)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.plan_uid if accepted else None
    finally:
        dialog.deleteLater()
