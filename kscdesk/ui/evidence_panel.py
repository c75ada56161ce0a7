"""EvidencePanel: the evidence of one task, with add, edit, delete (undoable), open and drop.

Built as ``EvidencePanel(workspace, parent)`` and pointed at a task with ``set_task``; the
progress page embeds it, and the plan page opens it in a window (``evidence_window``).
"""

from pathlib import Path

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kscdesk.domain.model import Evidence
from kscdesk.services import evidence as service
from kscdesk.services.evidence import Change
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui import prompts
from kscdesk.ui.evidence_dialog import USER_ERRORS, EvidenceDialog, dropped_files, named
from kscdesk.ui.evidence_table_model import DATE, FILES, ISSUER, KIND, NUMBER, EvidenceTableModel
from kscdesk.ui.shortcuts_dialog import label_shortcut

COLUMN_WIDTHS = {KIND: 90, NUMBER: 130, DATE: 86, ISSUER: 170, FILES: 56}
FILE_INDEX_ROLE = Qt.ItemDataRole.UserRole + 1


def open_path(path: Path) -> bool:
    """Open a file in the system's default program (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class EvidencePanel(QWidget):
    """Lists one task's evidence; emits ``changed`` with the task uids a change touched."""

    changed = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidence_panel")
        self.setAcceptDrops(True)
        self._ws = workspace
        self._period_key: str | None = None
        self._deleted: list[Evidence] = []  # undo stack, most recent last
        self.dialog: EvidenceDialog | None = None
        self.model = EvidenceTableModel(workspace.db, self)
        self._build()
        self._update_buttons()

    def _build(self) -> None:
        self.task_label = named(QLabel(), "task_label")
        self.task_label.setWordWrap(True)
        self.task_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings_label = named(QLabel(), "warnings_label")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet("color: #8a4b00;")
        self.search_edit = named(QLineEdit(), "evidence_search_edit")
        self.search_edit.setPlaceholderText(
            "Tìm trong mọi minh chứng (gõ không dấu được: “ke hoach 56”)…"
        )
        self.search_edit.setClearButtonEnabled(True)
        self.link_button = named(QPushButton("Dùng cho nhiệm vụ này"), "link_evidence_button")
        self.link_button.setToolTip(
            "Gắn minh chứng đã chọn vào nhiệm vụ đang xem (không sao chép)."
        )
        self.table = named(QTableView(), "evidence_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.files_list = named(QListWidget(), "evidence_files_list")
        self.files_list.setMaximumHeight(64)
        self.files_list.setToolTip("Nhấp đúp để mở tệp bằng chương trình mặc định.")
        self.add_button = named(QPushButton("Thêm…"), "add_evidence_button")
        self.edit_button = named(QPushButton("Sửa…"), "edit_evidence_button")
        self.delete_button = named(QPushButton("Xóa"), "delete_evidence_button")
        self.undo_button = named(QPushButton("Hoàn tác xóa"), "undo_delete_button")
        self.open_button = named(QPushButton("Mở tệp"), "open_file_button")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.task_label)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.link_button)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        # The drop hint wraps here rather than widening the button row: the progress page's task
        # list beside this panel keeps its room at 1093×614.
        files_caption = named(
            QLabel(
                "Tệp của minh chứng đang chọn (nhấp đúp để mở). "
                "Kéo thả tệp vào đây để thêm minh chứng."
            ),
            "evidence_files_caption",
        )
        files_caption.setWordWrap(True)
        layout.addWidget(files_caption)
        layout.addWidget(self.files_list)
        layout.addWidget(self.warnings_label)
        layout.addLayout(buttons)

        undo = label_shortcut(QAction("Hoàn tác xóa minh chứng", self), "Hoàn tác (xóa minh chứng)")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.triggered.connect(self.undo_delete)
        self.addAction(undo)
        self.add_button.clicked.connect(lambda: self.add_evidence())
        self.edit_button.clicked.connect(lambda: self.edit_evidence())
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.open_button.clicked.connect(self.open_selected_file)
        self.search_edit.textChanged.connect(self.search)
        self.link_button.clicked.connect(self.link_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_evidence())
        self.files_list.itemDoubleClicked.connect(lambda _item: self.open_selected_file())
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

    # --- state ----------------------------------------------------------------------------------

    @property
    def task_uid(self) -> str | None:
        return self.model.task_uid

    def set_task(self, task_uid: str | None, period_key: str | None = None) -> None:
        """Show this task's evidence; with a period, the warnings are checked against it."""
        self._period_key = period_key
        self.model.set_task(task_uid)
        if task_uid is None:
            self.task_label.setText("Chọn một nhiệm vụ để xem minh chứng.")
        else:
            task = plans.load_task(self._ws.db, task_uid)
            self.task_label.setText(f"Nhiệm vụ {task.section_code}.{task.label}: {task.content}")
        self._after_reload()

    def search(self, text: str) -> None:
        """Search every record (not only this task's); an empty text shows the task's again."""
        self.model.set_search(text)
        self._after_reload()

    def link_selected(self) -> None:
        evidence = self.selected_evidence()
        uid = self.task_uid
        if evidence is None or uid is None:
            return
        try:
            change = service.link_to_task(self._ws, evidence.uid, uid)
        except USER_ERRORS as error:
            prompts.show_warning(self, "Không gắn được minh chứng", str(error))
            return
        self.search_edit.clear()  # back to the task's own list, which now holds it
        row = self.model.row_of(evidence.uid)
        if row >= 0:
            self.table.selectRow(row)
        self.changed.emit(change.task_uids)

    def reload(self) -> None:
        self.model.refresh()
        self._after_reload()

    def _after_reload(self) -> None:
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
        self._show_files()
        self._show_warnings()
        self._update_buttons()

    def _show_warnings(self) -> None:
        uid = self.task_uid
        if uid is None:
            self.warnings_label.clear()
            return
        warnings = service.warnings_for_task(self._ws, uid, self._period_key)
        self.warnings_label.setText("\n".join(f"⚠ {w.message}" for w in warnings))
        self.warnings_label.setVisible(bool(warnings))

    def selected_evidence(self) -> Evidence | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.evidence_at(rows[0].row()) if rows else None

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_files()
        self._update_buttons()

    def _show_files(self) -> None:
        self.files_list.clear()
        evidence = self.selected_evidence()
        for index, attachment in enumerate(evidence.attachments if evidence else ()):
            item = QListWidgetItem(attachment.file_name)
            item.setData(FILE_INDEX_ROLE, index)
            self.files_list.addItem(item)
        if self.files_list.count():
            self.files_list.setCurrentRow(0)

    def _update_buttons(self) -> None:
        has_task = self.task_uid is not None
        selected = self.selected_evidence() is not None
        self.add_button.setEnabled(has_task)
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.undo_button.setEnabled(bool(self._deleted))
        self.open_button.setEnabled(self.files_list.count() > 0)
        searching = bool(self.model.query)
        self.link_button.setVisible(searching)
        evidence = self.selected_evidence()
        self.link_button.setEnabled(
            has_task and evidence is not None and self.task_uid not in evidence.task_uids
        )
        self.setAcceptDrops(has_task)

    # --- actions --------------------------------------------------------------------------------

    def add_evidence(self, files: list[Path] | None = None) -> EvidenceDialog | None:
        """Open the dialog for a new record of this task (files dropped are attached at once)."""
        if self.task_uid is None:
            return None
        dialog = EvidenceDialog(self._ws, [self.task_uid], parent=self)
        self._open_dialog(dialog)
        if files:
            dialog.attach_files(files)
        return dialog

    def edit_evidence(self) -> EvidenceDialog | None:
        evidence = self.selected_evidence()
        if evidence is None:
            return None
        dialog = EvidenceDialog(self._ws, evidence.task_uids, evidence, parent=self)
        self._open_dialog(dialog)
        return dialog

    def _open_dialog(self, dialog: EvidenceDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._on_saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_saved(self, change: Change) -> None:
        self.reload()
        row = self.model.row_of(change.evidence.uid)
        if row >= 0:
            self.table.selectRow(row)
        self.changed.emit(change.task_uids)

    def delete_selected(self) -> None:
        evidence = self.selected_evidence()
        if evidence is None:
            return
        try:
            change = service.delete_evidence(self._ws, evidence.uid)
        except USER_ERRORS as error:
            prompts.show_warning(self, "Không xóa được minh chứng", str(error))
            return
        self._deleted.append(change.evidence)
        self.reload()
        self.changed.emit(change.task_uids)

    def undo_delete(self) -> None:
        if not self._deleted:
            return
        evidence = self._deleted.pop()
        try:
            change = service.undo_delete(self._ws, evidence.uid)
        except USER_ERRORS as error:
            prompts.show_warning(self, "Không hoàn tác được", str(error))
            return
        self.reload()
        row = self.model.row_of(evidence.uid)
        if row >= 0:
            self.table.selectRow(row)
        self.changed.emit(change.task_uids)

    def open_selected_file(self) -> None:
        evidence = self.selected_evidence()
        item = self.files_list.currentItem()
        if evidence is None or item is None:
            return
        attachment = evidence.attachments[int(item.data(FILE_INDEX_ROLE))]
        try:
            path = service.file_to_open(self._ws, attachment)
        except (*USER_ERRORS, OSError) as error:
            prompts.show_warning(self, "Không mở được tệp", str(error))
            return
        if not open_path(path):
            prompts.show_warning(
                self, "Không mở được tệp", f"Máy chưa có chương trình mở được tệp “{path.name}”."
            )

    def index_of_row(self, row: int) -> QModelIndex:
        return self.model.index(row, 0)

    # --- drag and drop --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.task_uid is not None and dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_files(event)
        if paths and self.task_uid is not None:
            event.acceptProposedAction()
            self.add_evidence(paths)
