"""The two sides of the "Trao đổi" page: a commune sends reports and takes in plans and
receipts; a parent office publishes plans, takes in reports, keeps the ledger, consolidates and
returns reports for correction. Long work runs off the GUI thread."""

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kscdesk.domain.errors import DomainError
from kscdesk.domain.model import PlanKind
from kscdesk.domain.period import (
    Period,
    current_reporting_period,
    parse_period_key,
    quarter_period,
)
from kscdesk.services.consolidation import consolidate, ledger_matrix
from kscdesk.services.errors import ServiceError
from kscdesk.services.exchange_export import (
    EMAIL_LIMIT_BYTES,
    attachment_size,
    export_report,
    publish_plan,
    size_text,
    write_receipt,
)
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans, receipts
from kscdesk.ui import keyboard, prompts, window_state
from kscdesk.ui.background import BackgroundTask, run_in_background
from kscdesk.ui.exchange_import_flow import ImportFlow
from kscdesk.ui.ledger_model import LedgerModel


def _button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    return button


def _fill_periods(combo: QComboBox, today: date, years: set[int]) -> None:
    """Quarters of this year, last year and the years of the office's plans, newest first; the
    quarter being reported today is chosen, else the last quarter of the newest plan year."""
    current = current_reporting_period(today)
    for year in sorted(years | {today.year, today.year - 1}, reverse=True):
        for number in (4, 3, 2, 1):
            period = quarter_period(year, number)
            combo.addItem(period.label, period.key)
    if years and current.year not in years:
        current = quarter_period(max(years), 4)
    combo.setCurrentIndex(max(0, combo.findData(current.key)))


class _Side(QWidget):
    """What both sides share: the workspace, a status line, background jobs and imports."""

    def __init__(self, ws: Workspace, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.import_flow = ImportFlow(ws.folder, self)
        self.import_flow.done.connect(self._imported)
        self.task: BackgroundTask | None = None

    def import_paths(self, source: Path) -> None:
        self.status_label.setText(f"Đang kiểm tra {source.name}…")
        self.import_flow.start(source)

    def _imported(self, summary: str) -> None:
        self.status_label.setText(summary)
        self.refresh()

    def refresh(self) -> None:
        """Re-read what the side shows after a change."""

    def run(self, title: str, job: Any, done: Any) -> None:
        self.task = run_in_background(self, self.ws.folder, job, title=title)
        self.task.succeeded.connect(done)
        self.task.failed.connect(lambda error: self.status_label.setText(f"Lỗi: {error}"))


class CommuneSide(_Side):
    """Send the period's report; take in plans and receipts; read the parent's comments."""

    def __init__(
        self, ws: Workspace, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(ws, parent)
        layout = QVBoxLayout(self)
        send = QGroupBox("Gửi báo cáo cho cấp trên", self)
        form = QVBoxLayout(send)
        row = QHBoxLayout()
        self.period_combo = QComboBox(send)
        self.period_combo.setObjectName("period_combo")
        own_years = {p.year for p in plans.list_plans(ws.db) if p.kind is PlanKind.OWN}
        _fill_periods(self.period_combo, today or date.today(), own_years)
        row.addWidget(QLabel("Kỳ báo cáo:", send))
        row.addWidget(self.period_combo)
        self.attachments_check = QCheckBox("Kèm tệp minh chứng", send)
        self.attachments_check.setObjectName("attachments_check")
        self.attachments_check.setChecked(True)
        row.addWidget(self.attachments_check)
        self.size_label = QLabel(send)
        self.size_label.setObjectName("size_label")
        row.addWidget(self.size_label, 1)
        form.addLayout(row)
        row = QHBoxLayout()
        self.folder_edit = QLineEdit(send)
        self.folder_edit.setObjectName("folder_edit")
        self.folder_edit.setPlaceholderText("Thư mục hoặc ổ USB để ghi gói báo cáo")
        browse = _button("Chọn thư mục…", "browse_button", send)
        self.send_button = _button("Gửi báo cáo", "send_button", send)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        row.addWidget(self.send_button)
        form.addLayout(row)
        layout.addWidget(send)
        receive = QGroupBox(
            "Nhận từ cấp trên: kế hoạch, biên nhận (hoặc kéo thả tệp .kscx vào đây)", self
        )
        box = QVBoxLayout(receive)
        self.import_button = _button("Nhập gói từ cấp trên…", "import_button", receive)
        box.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.receipts_view = QPlainTextEdit(receive)
        self.receipts_view.setObjectName("receipts_view")
        self.receipts_view.setReadOnly(True)
        box.addWidget(self.receipts_view, 1)
        layout.addWidget(receive, 1)
        layout.addWidget(self.status_label)
        browse.clicked.connect(self._browse)
        self.send_button.clicked.connect(self.send_report)
        self.import_button.clicked.connect(self._choose_import)
        self.period_combo.currentIndexChanged.connect(self._update_size)
        self.attachments_check.toggled.connect(self._update_size)
        self.refresh()

    def _browse(self) -> None:
        folder = prompts.choose_folder(self, "Chọn thư mục ghi gói báo cáo")
        if folder is not None:
            self.folder_edit.setText(str(folder))

    def _update_size(self) -> None:
        if not self.attachments_check.isChecked():
            self.size_label.setText("Không kèm tệp minh chứng.")
            return
        try:
            size = attachment_size(self.ws, self.period_combo.currentData())
        except (ServiceError, DomainError) as error:  # no own plan yet: say so
            self.size_label.setText(str(error))
            return
        text = f"Tệp minh chứng: {size_text(size)}"
        if size > EMAIL_LIMIT_BYTES:
            text += " – quá 20 MB, thư điện tử thường không nhận: hãy chép bằng USB."
        self.size_label.setText(text)

    def send_report(self) -> None:
        folder = self.folder_edit.text().strip()
        if not folder:
            self._browse()
            folder = self.folder_edit.text().strip()
            if not folder:
                return
        period, with_files = self.period_combo.currentData(), self.attachments_check.isChecked()

        def job(ws: Workspace, progress: Any, cancel: Any) -> Any:
            return export_report(ws, period, Path(folder), with_attachments=with_files)

        self.run("Đang ghi gói báo cáo…", job, self._sent)

    def _sent(self, result: Any) -> None:
        text = f"Đã ghi gói báo cáo ({result.size_text}): {result.path}"
        if result.too_big_for_email:
            text += "\nGói lớn hơn 20 MB: thư điện tử thường không nhận, hãy chép bằng USB."
        self.status_label.setText(text)

    def _choose_import(self) -> None:
        path = prompts.choose_open_file(self, "Chọn gói từ cấp trên", "Gói trao đổi (*.kscx)")
        if path is not None:
            self.import_paths(path)

    def refresh(self) -> None:
        self._update_size()
        lines = []
        for receipt in receipts.list_received_receipts(self.ws.db):
            label = "Đã tiếp nhận" if receipt.decision == "accepted" else "TRẢ LẠI ĐỂ CHỈNH SỬA"
            period = parse_period_key(receipt.period_key).label
            lines.append(f"{period}: {label}. {receipt.comment}".strip())
            lines += [
                f"   • Nhiệm vụ {number}: {comment}" for number, comment in receipt.task_comments
            ]
        self.receipts_view.setPlainText("\n".join(lines) or "Chưa có biên nhận nào từ cấp trên.")


class ReturnDialog(QDialog):
    """The parent's comments when returning a report: general text, "3: …" lines per task."""

    def __init__(self, commune: str, period: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("return_dialog")
        self.setWindowTitle("Trả lại báo cáo để chỉnh sửa")
        layout = QVBoxLayout(self)
        hint = QLabel(
            f"Ý kiến gửi {commune} về báo cáo {period}. Dòng “3: …” là ý kiến về nhiệm vụ 3.", self
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("return_text")
        layout.addWidget(self.text_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Trả lại")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 300)
        keyboard.tab_never_traps(self)
        window_state.fit_to_screen(self)


class ParentSide(_Side):
    """Publish the plan, take in reports (files or a folder), the ledger, consolidate, answer."""

    def __init__(
        self, ws: Workspace, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(ws, parent)
        self.today = today or date.today()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        publish = QGroupBox("Phát hành kế hoạch cho cấp xã", self)
        row = QHBoxLayout(publish)
        self.plan_combo = QComboBox(publish)
        self.plan_combo.setObjectName("plan_combo")
        self.publish_button = _button("Phát hành…", "publish_button", publish)
        row.addWidget(self.plan_combo, 1)
        row.addWidget(self.publish_button)
        top.addWidget(publish, 3)
        receive = QGroupBox("Nhận báo cáo của cấp xã (hoặc kéo thả)", self)
        row = QHBoxLayout(receive)
        self.import_file_button = _button("Nhập tệp…", "import_file_button", receive)
        self.import_folder_button = _button("Nhập cả thư mục…", "import_folder_button", receive)
        row.addWidget(self.import_file_button)
        row.addWidget(self.import_folder_button)
        top.addWidget(receive, 2)
        layout.addLayout(top)
        ledger = QGroupBox("Sổ theo dõi nộp báo cáo", self)
        box = QVBoxLayout(ledger)
        row = QHBoxLayout()
        self.year_combo = QComboBox(ledger)
        self.year_combo.setObjectName("year_combo")
        for year in range(self.today.year + 1, self.today.year - 4, -1):
            self.year_combo.addItem(f"Năm {year}", year)
        self.year_combo.setCurrentIndex(1)
        row.addWidget(self.year_combo)
        row.addStretch(1)
        self.consolidate_button = _button("Tổng hợp kỳ đã chọn…", "consolidate_button", ledger)
        self.accept_button = _button("Tiếp nhận…", "accept_button", ledger)
        self.return_button = _button("Trả lại để chỉnh sửa…", "return_button", ledger)
        for button in (self.consolidate_button, self.accept_button, self.return_button):
            row.addWidget(button)
        box.addLayout(row)
        self.ledger_model = LedgerModel(self)
        self.ledger_table = QTableView(ledger)
        self.ledger_table.setObjectName("ledger_table")
        self.ledger_table.setModel(self.ledger_model)
        self.ledger_table.verticalHeader().setVisible(False)
        self.ledger_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ledger_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.ledger_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        box.addWidget(self.ledger_table, 1)
        layout.addWidget(ledger, 1)
        layout.addWidget(self.status_label)
        self.publish_button.clicked.connect(self._publish)
        self.import_file_button.clicked.connect(self._choose_file)
        self.import_folder_button.clicked.connect(self._choose_folder)
        self.year_combo.currentIndexChanged.connect(self.refresh)
        self.consolidate_button.clicked.connect(self._consolidate)
        self.accept_button.clicked.connect(lambda: self._answer(accept=True))
        self.return_button.clicked.connect(lambda: self._answer(accept=False))
        self.refresh()

    def refresh(self) -> None:
        self.plan_combo.clear()
        for summary in plans.list_plans(self.ws.db):
            self.plan_combo.addItem(f"{summary.year} – {summary.title}", summary.uid)
        self.ledger_model.set_matrix(
            ledger_matrix(self.ws, self.year_combo.currentData(), self.today)
        )
        self.ledger_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )

    def _publish(self) -> None:
        plan_uid = self.plan_combo.currentData()
        folder = prompts.choose_folder(self, "Chọn thư mục ghi gói kế hoạch") if plan_uid else None
        if folder is None:
            return
        self.run(
            "Đang ghi gói kế hoạch…",
            lambda ws, p, c: publish_plan(ws, plan_uid, folder),
            lambda r: self.status_label.setText(f"Đã ghi gói kế hoạch: {r.path}"),
        )

    def _choose_file(self) -> None:
        path = prompts.choose_open_file(self, "Chọn gói báo cáo", "Gói trao đổi (*.kscx)")
        if path is not None:
            self.import_paths(path)

    def _choose_folder(self) -> None:
        folder = prompts.choose_folder(self, "Chọn thư mục (ổ USB) chứa các gói báo cáo")
        if folder is not None:
            self.import_paths(folder)

    def _selected(self) -> tuple[str, Period] | None:
        index = self.ledger_table.currentIndex()
        period = self.ledger_model.period_at(index.column()) if index.isValid() else None
        if period is None:
            self.status_label.setText("Hãy chọn một ô (xã, quý) trong sổ theo dõi.")
            return None
        return self.ledger_model.office_at(index.row()).name, period

    def _consolidate(self) -> None:
        index = self.ledger_table.currentIndex()
        period = self.ledger_model.period_at(index.column()) if index.isValid() else None
        period = period or current_reporting_period(self.today)
        folder = prompts.choose_folder(self, f"Chọn thư mục ghi bảng tổng hợp {period.label}")
        if folder is None:
            return
        self.run(
            "Đang tổng hợp…",
            lambda ws, p, c: consolidate(ws, period.key, folder, self.today),
            lambda r: self.status_label.setText(
                f"Đã ghi bảng tổng hợp và báo cáo tổng hợp vào “{folder}”: "
                + ", ".join(path.name for path in r.files)
            ),
        )

    def _answer(self, *, accept: bool) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        name, period = chosen
        text = None
        if not accept:
            dialog = ReturnDialog(name, period.label, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            text = dialog.text_edit.toPlainText()
        folder = prompts.choose_folder(self, "Chọn thư mục ghi biên nhận")
        if folder is None:
            return
        self.run(
            "Đang ghi biên nhận…",
            lambda ws, p, c: write_receipt(ws, name, period.key, folder, return_text=text),
            self._answered,
        )

    def _answered(self, result: Any) -> None:
        self.status_label.setText(f"Đã ghi biên nhận: {result.path}")
        self.refresh()
