"""RulesDialog: the wording rules of the office, with a preview of every change before applying.

The rules are edited in a small table; "Xem trước" lists each task field they would change with
its text before and after; the officer unticks what should stay and applies the rest as one
undoable edit. The rules are saved for the office and can be exported or imported as a file.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kscdesk.domain.wording import (
    FIELD_LABELS,
    TEXT_FIELDS,
    UNIT_FIELDS,
    WordingChange,
    WordingRule,
    change_excerpts,
    preview_rules,
)
from kscdesk.services.errors import ServiceError
from kscdesk.services.tailor_plan import (
    list_unit_names,
    offered_rules,
    read_rules_file,
    save_office_rules,
    write_rules_file,
)
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui import keyboard, prompts, window_state
from kscdesk.ui.text_delegates import UnitDelegate

RULE_HEADERS = ("Cụm từ của cấp trên", "Thay bằng (để trống: bỏ đi)", "Chỉ ô đơn vị")
PREVIEW_HEADERS = ("Áp dụng", "STT", "Trường", "Trước", "Sau")
RULES_FILTER = "Quy tắc thay từ (*.json)"


class RulesDialog(QDialog):
    def __init__(self, ws: Workspace, plan_uid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rules_dialog")
        self.setWindowTitle("Quy tắc thay từ")
        self.resize(1040, 580)
        self._ws = ws
        self._plan_uid = plan_uid
        self._changes: list[WordingChange] = []
        self.rules_model = QStandardItemModel(0, len(RULE_HEADERS), self)
        self.rules_model.setHorizontalHeaderLabels(list(RULE_HEADERS))
        self.preview_model = QStandardItemModel(0, len(PREVIEW_HEADERS), self)
        self.preview_model.setHorizontalHeaderLabels(list(PREVIEW_HEADERS))
        self._build()
        content = plans.load_plan(ws.db, plan_uid)
        self.set_rules(offered_rules(ws, content.derived_from_uid or plan_uid))
        keyboard.tab_never_traps(self)
        window_state.fit_to_screen(self)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.rules_view = self._table(top, "rules_view", self.rules_model, stretch=(0, 1))
        # Column "Thay bằng": typed, or picked from the commune's unit directory (the crosswalk).
        self._units_delegate = UnitDelegate(lambda: list_unit_names(self._ws), self.rules_view)
        self.rules_view.setItemDelegateForColumn(1, self._units_delegate)
        top_layout.addWidget(self.rules_view)
        row = QHBoxLayout()
        for name, text, slot in (
            ("add_rule_button", "Thêm quy tắc", self.add_rule),
            ("remove_rule_button", "Xóa quy tắc", self.remove_rule),
            ("defaults_button", "Gợi ý theo cấp", self.use_defaults),
            ("crosswalk_button", "Ánh xạ đơn vị cấp trên", self.add_crosswalk),
            ("import_button", "Nhập tệp…", self.import_rules),
            ("export_button", "Xuất tệp…", self.export_rules),
            ("preview_button", "Xem trước", self.preview),
        ):
            button = QPushButton(text, top)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
            setattr(self, name, button)
        row.addStretch(1)
        top_layout.addLayout(row)
        bottom = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.count_label = QLabel("Bấm “Xem trước” để xem mọi thay đổi.", bottom)
        self.count_label.setObjectName("preview_count_label")
        bottom_layout.addWidget(self.count_label)
        self.preview_view = self._table(bottom, "preview_view", self.preview_model, stretch=(3, 4))
        self.preview_view.setWordWrap(True)
        self.preview_view.verticalHeader().setDefaultSectionSize(40)
        self.preview_view.setColumnWidth(0, 60)
        self.preview_view.setColumnWidth(1, 44)
        self.preview_view.setColumnWidth(2, 80)
        bottom_layout.addWidget(self.preview_view)
        splitter.setSizes([200, 330])
        layout.addWidget(splitter)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.apply_button = QPushButton("Áp dụng các thay đổi đã chọn", self)
        self.apply_button.setObjectName("apply_button")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        close = QPushButton("Đóng", self)
        close.clicked.connect(self.reject)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def _table(
        self, parent: QWidget, name: str, model: QStandardItemModel, stretch: tuple[int, int]
    ) -> QTableView:
        view = QTableView(parent)
        view.setObjectName(name)
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        for column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        return view

    # --- rules ---------------------------------------------------------------------------------

    def set_rules(self, rules: list[WordingRule]) -> None:
        self.rules_model.removeRows(0, self.rules_model.rowCount())
        for rule in rules:
            self._append_rule(rule.find, rule.replacement, tuple(rule.fields) == UNIT_FIELDS)

    def _append_rule(self, find: str, replacement: str, units_only: bool) -> None:
        check = QStandardItem()
        check.setCheckable(True)
        check.setEditable(False)
        check.setCheckState(Qt.CheckState.Checked if units_only else Qt.CheckState.Unchecked)
        self.rules_model.appendRow([QStandardItem(find), QStandardItem(replacement), check])

    def rules(self) -> list[WordingRule]:
        found = []
        for row in range(self.rules_model.rowCount()):
            find = self.rules_model.item(row, 0).text().strip()
            if not find:
                continue
            units = self.rules_model.item(row, 2).checkState() == Qt.CheckState.Checked
            replacement = self.rules_model.item(row, 1).text().strip()
            if replacement.lower() == find.lower():
                continue  # a crosswalk row the officer has not mapped yet
            found.append(WordingRule(find, replacement, UNIT_FIELDS if units else TEXT_FIELDS))
        return found

    def add_rule(self) -> None:
        self._append_rule("", "", False)
        index = self.rules_model.index(self.rules_model.rowCount() - 1, 0)
        self.rules_view.setCurrentIndex(index)
        self.rules_view.edit(index)

    def remove_rule(self) -> None:
        row = self.rules_view.currentIndex().row()
        if row >= 0:
            self.rules_model.removeRow(row)

    def use_defaults(self) -> None:
        from kscdesk.domain.wording import default_rules

        plan = plans.load_plan(self._ws.db, self._plan_uid)
        parent = (
            plans.load_plan(self._ws.db, plan.derived_from_uid) if plan.derived_from_uid else None
        )
        self.set_rules(default_rules(parent.issuer if parent else "", plan.issuer, plan.year))

    def add_crosswalk(self) -> None:
        """One units-only rule per unit the parent plan names that no rule covers yet; the
        replacement is the default wording, or the name itself until the officer picks a unit."""
        from kscdesk.domain.wording import default_rules, parent_unit_names, reword

        plan = plans.load_plan(self._ws.db, self._plan_uid)
        source = plan.derived_from_uid or self._plan_uid
        parent = plans.load_plan_content(self._ws.db, source)
        defaults = default_rules(parent.plan.issuer, plan.issuer, plan.year)
        known = {rule.find.lower() for rule in self.rules()}
        for name in parent_unit_names(parent.tasks):
            if name.lower() not in known:
                self._append_rule(name, reword(name, defaults, "lead"), True)

    def import_rules(self) -> None:
        path = prompts.choose_open_file(self, "Nhập quy tắc thay từ", RULES_FILTER)
        if path is None:
            return
        try:
            self.set_rules(read_rules_file(path))
        except (ServiceError, OSError, ValueError) as error:
            prompts.show_warning(self, "Không đọc được tệp quy tắc", str(error))

    def export_rules(self) -> None:
        path = prompts.choose_save_file(
            self, "Xuất quy tắc thay từ", RULES_FILTER, Path("quy_tac_thay_tu.json")
        )
        if path is not None:
            write_rules_file(self.rules(), path.with_suffix(".json"))

    # --- preview ---------------------------------------------------------------------------------

    def preview(self) -> None:
        tasks = plans.load_plan_content(self._ws.db, self._plan_uid).tasks
        self._changes = preview_rules(tasks, self.rules())
        self.preview_model.removeRows(0, self.preview_model.rowCount())
        for change in self._changes:
            check = QStandardItem()
            check.setCheckable(True)
            check.setEditable(False)
            check.setCheckState(Qt.CheckState.Checked)
            before, after = change_excerpts(change.old, change.new)
            cells = [
                check,
                QStandardItem(change.label),
                QStandardItem(FIELD_LABELS[change.field]),
                QStandardItem(before),
                QStandardItem(after),
            ]
            for cell in cells[1:]:
                cell.setEditable(False)
            cells[3].setToolTip(change.old)
            cells[4].setToolTip(change.new)
            self.preview_model.appendRow(cells)
        self.count_label.setText(f"{len(self._changes)} thay đổi. Bỏ chọn những dòng cần giữ.")
        self.apply_button.setEnabled(bool(self._changes))

    def chosen_changes(self) -> list[WordingChange]:
        return [
            change
            for row, change in enumerate(self._changes)
            if self.preview_model.item(row, 0).checkState() == Qt.CheckState.Checked
        ]

    def apply(self) -> None:
        try:
            save_office_rules(self._ws, self.rules())
        except ServiceError as error:
            prompts.show_warning(self, "Không lưu được quy tắc", str(error))
            return
        self.accept()
