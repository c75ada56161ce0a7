"""EvidenceDialog: create or edit one evidence record (minh chứng) and attach its files.

A citation pasted in the first field fills kind, number, date, issuer and summary. Files come
from "Thêm tệp…" or are dropped on the dialog; they are copied into the attachment store on a
worker thread (progress bar after half a second), and when one is a .docx or a PDF with a text
layer, what its letterhead says is offered in a bar above the buttons.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QListWidgetItem,
    QWidget,
)

from kscdesk.domain.documents import (
    DocumentFacts,
    format_date,
    parse_citation,
    parse_document_number,
)
from kscdesk.domain.errors import DomainError
from kscdesk.domain.model import Attachment, Evidence, EvidenceType
from kscdesk.domain.text import clean_text
from kscdesk.domain.work import CancelToken, ProgressCallback
from kscdesk.services import evidence as service
from kscdesk.services.errors import ServiceError
from kscdesk.services.evidence import Change, EvidenceDraft, StoredFile
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.store.errors import StoreError
from kscdesk.ui import keyboard, prompts, window_state
from kscdesk.ui.background import BackgroundTask, Job, run_in_background
from kscdesk.ui.generated.ui_evidence_dialog import Ui_EvidenceDialog

CITATION_HINT = "Kế hoạch số 56/KH-UBND ngày 09/3/2022 của UBND phường … về …"
DIGEST_ROLE = Qt.ItemDataRole.UserRole + 1
TASK_ROLE = Qt.ItemDataRole.UserRole + 2
USER_ERRORS = (ServiceError, DomainError, StoreError)

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """The widget with its objectName set (tests find widgets by it)."""
    widget.setObjectName(name)
    return widget


@dataclass(frozen=True)
class AttachOutcome:
    """What the worker hands back: the stored files, or the message of a refusal."""

    stored: tuple[StoredFile, ...] = ()
    error: str = ""


def attach_job(paths: Sequence[Path]) -> Job:
    def job(ws: Workspace, progress: ProgressCallback, token: CancelToken) -> AttachOutcome:
        try:
            return AttachOutcome(tuple(service.store_files(ws, paths, progress, token)))
        except USER_ERRORS as error:  # the officer's to fix: shown, not logged as a failure
            return AttachOutcome(error=str(error))

    return job


def facts_text(facts: DocumentFacts) -> str:
    parts = [facts.kind.label if facts.kind else "Văn bản"]
    if facts.number:
        parts.append(f"số {facts.number}")
    if facts.issued_on:
        parts.append(f"ngày {format_date(facts.issued_on)}")
    if facts.issuer:
        parts.append(f"của {facts.issuer}")
    text = " ".join(parts)
    return f"{text} – {facts.summary}" if facts.summary else text


class EvidenceDialog(QDialog):
    """Shown with ``open()``; ``saved`` carries the service's Change after a successful save."""

    saved = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        task_uids: Sequence[str],
        evidence: Evidence | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._evidence = evidence
        self._attachments: list[Attachment] = list(evidence.attachments) if evidence else []
        self._facts: DocumentFacts | None = None
        self.attach_task: BackgroundTask | None = None
        self.change: Change | None = None
        self._build()
        self.setObjectName("evidence_dialog")
        if evidence is not None:
            self.setWindowTitle("Sửa minh chứng")
        self._fill_tasks(list(evidence.task_uids) if evidence else list(task_uids))
        if evidence is not None:
            self._show_evidence(evidence)
        self._show_files()
        keyboard.tab_never_traps(self)
        window_state.fit_to_screen(self)

    # --- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        self.ui = Ui_EvidenceDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.citation_edit = ui.citation_edit
        self.kind_combo = ui.kind_combo
        for kind in EvidenceType:
            self.kind_combo.addItem(kind.label, kind.value)
        self.number_edit = ui.number_edit
        self.date_edit = ui.date_edit
        self.issuer_edit = ui.issuer_edit
        self.summary_edit = ui.summary_edit
        self.tasks_list = ui.tasks_list
        # The list shrinks when the letterhead bar appears: keep the task it was opened for in view.
        self.tasks_list.viewport().installEventFilter(self)
        self.files_list = ui.files_list
        self.add_file_button = ui.add_file_button
        self.remove_file_button = ui.remove_file_button
        ui.drop_hint_label.setStyleSheet("color: palette(mid);")
        self.suggestion_frame = ui.suggestion_frame
        self.suggestion_label = ui.suggestion_label
        self.use_suggestion_button = ui.use_suggestion_button
        self.suggestion_frame.hide()
        self.message_label = ui.message_label
        self.buttons = ui.button_box
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Lưu")
        self.save_button.setObjectName("save_button")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")

        self.citation_edit.textEdited.connect(self._on_citation_edited)
        self.number_edit.textEdited.connect(self._on_number_edited)
        self.add_file_button.clicked.connect(self.choose_files)
        self.remove_file_button.clicked.connect(self.remove_selected_file)
        self.use_suggestion_button.clicked.connect(self.use_suggestion)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _fill_tasks(self, checked: list[str]) -> None:
        if not checked:
            return
        plan_uid = plans.plan_uid_of_task(self._ws.db, checked[0])
        tasks = plans.load_tasks(self._ws.db, plans.list_task_uids(self._ws.db, plan_uid))
        for task in tasks.values():
            text = clean_text(task.content)
            short = text if len(text) <= 90 else text[:89] + "…"
            item = QListWidgetItem(f"{task.section_code}.{task.label}  {short}")
            item.setToolTip(text)
            item.setData(TASK_ROLE, task.uid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            is_checked = task.uid in checked
            item.setCheckState(Qt.CheckState.Checked if is_checked else Qt.CheckState.Unchecked)
            self.tasks_list.addItem(item)
            if task.uid == checked[0]:
                self.tasks_list.setCurrentItem(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.tasks_list.viewport():
            self.show_checked_task()
        return super().eventFilter(watched, event)

    def show_checked_task(self) -> None:
        """Scroll the tasks list so that the first ticked task is in view."""
        tasks = self.tasks_list
        for row in range(tasks.count()):
            if tasks.item(row).checkState() == Qt.CheckState.Checked:
                tasks.scrollToItem(tasks.item(row), QAbstractItemView.ScrollHint.EnsureVisible)
                return

    def _show_evidence(self, evidence: Evidence) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(evidence.doc_type.value))
        self.number_edit.setText(evidence.number_symbol)
        self.date_edit.setText(format_date(evidence.issued_on))
        self.issuer_edit.setText(evidence.issuer)
        self.summary_edit.setPlainText(evidence.summary)

    def _show_files(self) -> None:
        self.files_list.clear()
        for attachment in self._attachments:
            size = f"{attachment.size / 1024:.0f} KB" if attachment.size >= 1024 else "< 1 KB"
            item = QListWidgetItem(f"{attachment.file_name}  ({size})")
            item.setData(DIGEST_ROLE, attachment.digest)
            self.files_list.addItem(item)
        self.remove_file_button.setEnabled(bool(self._attachments))

    # --- what the officer does ------------------------------------------------------------------

    def checked_task_uids(self) -> list[str]:
        """The ticked tasks, plus links to tasks of other plans, which the list does not show."""
        listed: set[str] = set()
        result = []
        for row in range(self.tasks_list.count()):
            item = self.tasks_list.item(row)
            listed.add(str(item.data(TASK_ROLE)))
            if item.checkState() == Qt.CheckState.Checked:
                result.append(str(item.data(TASK_ROLE)))
        kept = self._evidence.task_uids if self._evidence else ()
        return result + [uid for uid in kept if uid not in listed]

    def attachments(self) -> list[Attachment]:
        return list(self._attachments)

    def _on_citation_edited(self, text: str) -> None:
        if not clean_text(text):
            self.message_label.clear()
            return
        try:
            facts = parse_citation(text)
        except DomainError as error:
            self._show_message(f"Chưa đọc được trích dẫn: {error}", error=False)
            return
        self.apply_facts(facts)
        self._show_message("Đã điền theo trích dẫn. Kiểm tra lại trước khi lưu.", error=False)

    def _on_number_edited(self, text: str) -> None:
        """A symbol with a type code ("…/BC-…") sets the kind; a công văn has none."""
        try:
            number = parse_document_number(text)
        except DomainError:
            return
        if number.kind is not EvidenceType.OTHER:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(number.kind.value))

    def apply_facts(self, facts: DocumentFacts) -> None:
        """Fill the fields with what a citation or a letterhead says (blank facts leave them)."""
        if facts.kind is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(facts.kind.value))
        if facts.number:
            self.number_edit.setText(facts.number)
        if facts.issued_on:
            self.date_edit.setText(format_date(facts.issued_on))
        if facts.issuer:
            self.issuer_edit.setText(facts.issuer)
        if facts.summary:
            self.summary_edit.setPlainText(facts.summary)

    def choose_files(self) -> None:
        paths = prompts.choose_open_files(
            self, "Chọn tệp minh chứng", "Tất cả tệp (*);;Văn bản (*.docx *.pdf *.doc)"
        )
        if paths:
            self.attach_files(paths)

    def attach_files(self, paths: Sequence[Path]) -> BackgroundTask:
        """Copy files into the store off the GUI thread; the list fills when they are in."""
        self.save_button.setEnabled(False)
        self.add_file_button.setEnabled(False)
        self._show_message(f"Đang đính kèm {len(paths)} tệp…", error=False)
        task = run_in_background(
            self, self._ws.folder, attach_job(list(paths)), title="Đang đính kèm tệp"
        )
        task.succeeded.connect(self._on_attached)
        task.finished.connect(self._on_attach_finished)
        self.attach_task = task
        return task

    def _on_attach_finished(self) -> None:
        self.save_button.setEnabled(True)
        self.add_file_button.setEnabled(True)
        if self.message_label.text().startswith("Đang đính kèm"):
            self.message_label.clear()

    def _on_attached(self, outcome: AttachOutcome) -> None:
        if outcome.error:
            self._show_message(outcome.error, error=True)
            return
        known = {item.digest for item in self._attachments}
        for stored in outcome.stored:
            if stored.attachment.digest not in known:
                self._attachments.append(stored.attachment)
                known.add(stored.attachment.digest)
            if stored.facts is not None:
                self._offer(stored.attachment.file_name, stored.facts)
        self._show_files()

    def _offer(self, file_name: str, facts: DocumentFacts) -> None:
        self._facts = facts
        self.suggestion_label.setText(f"Tệp “{file_name}” ghi: {facts_text(facts)}")
        self.suggestion_frame.show()

    def use_suggestion(self) -> None:
        if self._facts is not None:
            self.apply_facts(self._facts)
        self.suggestion_frame.hide()

    def remove_selected_file(self) -> None:
        item = self.files_list.currentItem() or self.files_list.item(0)
        if item is None:
            return
        sha = item.data(DIGEST_ROLE)
        self._attachments = [a for a in self._attachments if a.digest != sha]
        self._show_files()

    def draft(self) -> EvidenceDraft:
        return EvidenceDraft(
            task_uids=tuple(self.checked_task_uids()),
            kind=EvidenceType(self.kind_combo.currentData()),
            number=self.number_edit.text(),
            date_text=self.date_edit.text(),
            issuer=self.issuer_edit.text(),
            summary=self.summary_edit.toPlainText(),
            attachments=tuple(self._attachments),
            uid=self._evidence.uid if self._evidence else None,
        )

    def save(self) -> None:
        try:
            self.change = service.save_evidence(self._ws, self.draft())
        except USER_ERRORS as error:
            self._show_message(str(error), error=True)
            return
        self.saved.emit(self.change)
        self.accept()

    def _show_message(self, text: str, *, error: bool) -> None:
        self.message_label.setStyleSheet("color: #b00020;" if error else "")
        self.message_label.setText(text)

    # --- drag and drop --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_files(event)
        if paths:
            event.acceptProposedAction()
            self.attach_files(paths)


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """Local files carried by a drag (folders and web links left out)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_file()]
