"""PlanUpdateDialog: the three-way comparison with a re-issued parent plan, decided per change.

Each row is a change (upstream, local, both, added, removed); the two texts are shown side by
side; the buttons apply one decision at a time as an undoable edit of the commune plan.
"""

from collections.abc import Callable

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from kscdesk.domain.model import PlanKind
from kscdesk.domain.plan_compare import Change
from kscdesk.domain.wording import FIELD_LABELS
from kscdesk.services.errors import ServiceError
from kscdesk.services.plan_editing import EditResult
from kscdesk.services.plan_update import (
    ADD,
    REMOVE,
    TAKE_NEW,
    UpdatePlan,
    apply_decisions,
    compare_with_parent,
)
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui import keyboard, prompts, window_state
from kscdesk.ui.word_diff import HTML_ROLE, HtmlDelegate, inline_html, side_by_side_html

KIND_LABELS = {
    "upstream": "Cấp trên sửa",
    "local": "Đơn vị đã sửa",
    "both": "Cả hai bên sửa",
    "added": "Cấp trên thêm",
    "removed": "Cấp trên bỏ",
}
HEADERS = ("Loại", "STT hiện tại", "STT mới", "Trường", "Nội dung")
Run = Callable[[Callable[[], EditResult]], EditResult | None]


class PlanUpdateDialog(QDialog):
    def __init__(
        self, ws: Workspace, plan_uid: str, run: Run, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("plan_update_dialog")
        self.setWindowTitle("Cập nhật theo kế hoạch cấp trên ban hành lại")
        self.resize(1040, 580)
        self._ws = ws
        self._plan_uid = plan_uid
        self._run = run
        self._update: UpdatePlan | None = None
        self._kept: set[tuple[str, str, str, str]] = set()
        self._shown: list[Change] = []
        self.model = QStandardItemModel(0, len(HEADERS), self)
        self.model.setHorizontalHeaderLabels(list(HEADERS))
        self._build()
        if self.parent_combo.count():
            self.compare()
        keyboard.tab_never_traps(self)
        window_state.fit_to_screen(self)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel("Kế hoạch cấp trên mới:", self))
        self.parent_combo = QComboBox(self)
        self.parent_combo.setObjectName("parent_combo")
        base = plans.load_plan(self._ws.db, self._plan_uid).derived_from_uid
        for s in plans.list_plans(self._ws.db):
            if s.kind is PlanKind.PARENT and s.uid != base:
                version = f" (bản {s.version})" if s.version > 1 else ""
                self.parent_combo.addItem(f"{s.year} – {s.issuer}{version}: {s.title}", s.uid)
        row.addWidget(self.parent_combo, 1)
        compare = QPushButton("So sánh", self)
        compare.setObjectName("compare_button")
        compare.clicked.connect(self.compare)
        row.addWidget(compare)
        layout.addLayout(row)
        self.summary_label = QLabel("", self)
        self.summary_label.setObjectName("summary_label")
        layout.addWidget(self.summary_label)
        self.view = QTableView(self)
        self.view.setObjectName("changes_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setItemDelegateForColumn(4, HtmlDelegate(self.view))
        self.view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((120, 90, 70, 90)):
            self.view.setColumnWidth(column, width)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_texts())
        layout.addWidget(self.view, 3)
        texts = QGridLayout()
        self.own_text = self._text(texts, 0, "Bản của đơn vị (hiện tại)", "own_text")
        self.new_text = self._text(texts, 1, "Bản của cấp trên (mới)", "new_text")
        layout.addLayout(texts, 2)
        buttons = QHBoxLayout()
        for name, text, slot in (
            ("take_new_button", "Lấy bản cấp trên", lambda: self.decide(TAKE_NEW)),
            ("keep_button", "Giữ bản của đơn vị", self.keep),
            ("add_button", "Thêm vào kế hoạch", lambda: self.decide(ADD)),
            ("remove_button", "Không áp dụng nhiệm vụ", lambda: self.decide(REMOVE)),
            ("all_upstream_button", "Lấy mọi thay đổi chỉ ở cấp trên", self.take_all_upstream),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            setattr(self, name, button)
        buttons.addStretch(1)
        close = QPushButton("Đóng", self)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def _text(self, grid: QGridLayout, column: int, title: str, name: str) -> QTextEdit:
        grid.addWidget(QLabel(title, self), 0, column)
        edit = QTextEdit(self)
        edit.setObjectName(name)
        edit.setReadOnly(True)
        edit.setTabChangesFocus(True)
        grid.addWidget(edit, 1, column)
        return edit

    # --- comparing ------------------------------------------------------------------------------

    def compare(self) -> None:
        new_uid = self.parent_combo.currentData()
        if not isinstance(new_uid, str):
            return
        try:
            self._update = compare_with_parent(self._ws, self._plan_uid, new_uid)
        except ServiceError as error:
            prompts.show_warning(self, "Không so sánh được", str(error))
            return
        self._fill()

    def _fill(self) -> None:
        assert self._update is not None
        self._shown = [c for c in self._update.comparison.changes if _key(c) not in self._kept]
        self.model.removeRows(0, self.model.rowCount())
        for change in self._shown:
            text = change.old if change.kind == "removed" else change.new
            cells = [
                QStandardItem(KIND_LABELS[change.kind]),
                QStandardItem(change.old_number),
                QStandardItem(change.new_number),
                QStandardItem(FIELD_LABELS.get(change.field, "")),
                QStandardItem(text.replace("\n", " ")),
            ]
            cells[4].setData(inline_html(*_before_after(change)), HTML_ROLE)
            if change.kind == "both":
                cells[4].setToolTip(f"Bản gốc khi lập kế hoạch: {change.old}")
            self.model.appendRow(cells)
        comparison = self._update.comparison
        self.summary_label.setText(
            f"{len(self._shown)} thay đổi cần xem; {comparison.unchanged} nhiệm vụ không đổi."
        )
        if self._shown:
            self.view.selectRow(0)
        self._show_texts()

    def current_change(self) -> Change | None:
        row = self.view.currentIndex().row()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def _show_texts(self) -> None:
        change = self.current_change()
        own, new = "", ""
        if change is not None:
            own, new = _side_by_side(change)
        own_html, new_html = side_by_side_html(own, new)
        self.own_text.setHtml(own_html)
        self.new_text.setHtml(new_html)
        kind = change.kind if change else ""
        self.take_new_button.setEnabled(kind in ("upstream", "both"))  # type: ignore[attr-defined]
        self.keep_button.setEnabled(change is not None)  # type: ignore[attr-defined]
        self.add_button.setEnabled(kind == "added")  # type: ignore[attr-defined]
        self.remove_button.setEnabled(kind == "removed")  # type: ignore[attr-defined]

    # --- deciding -------------------------------------------------------------------------------

    def decide(self, decision: str) -> None:
        change = self.current_change()
        if change is None or self._update is None:
            return
        update = self._update
        if self._run(lambda: apply_decisions(self._ws, update, [(change, decision)])) is None:
            return
        self.compare()

    def keep(self) -> None:
        change = self.current_change()
        if change is not None:
            self._kept.add(_key(change))
            self._fill()

    def take_all_upstream(self) -> None:
        if self._update is None:
            return
        update = self._update
        chosen = [(c, TAKE_NEW) for c in self._shown if c.kind == "upstream"]
        if chosen and self._run(lambda: apply_decisions(self._ws, update, chosen)) is not None:
            self.compare()


def _key(change: Change) -> tuple[str, str, str, str]:
    return (change.kind, change.own_task_uid or "", change.new_task_uid or "", change.field)


def _before_after(change: Change) -> tuple[str, str]:
    """(the text before, after) the change the row reports, for the list's marked words."""
    if change.kind == "both":
        return change.own_text, change.new
    if change.kind in ("upstream", "local"):
        return change.old, change.new
    return "", change.old if change.kind == "removed" else change.new


def _side_by_side(change: Change) -> tuple[str, str]:
    """(the commune's text, the new parent's text) for the two boxes."""
    if change.kind == "upstream":
        return change.old, change.new
    if change.kind == "both":
        return change.own_text, change.new
    if change.kind == "local":
        return change.new, change.old
    if change.kind == "added":
        return "", change.new
    return change.old, ""
