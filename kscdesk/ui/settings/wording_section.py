"""Từ ngữ: the office's wording rules (the parent's phrase → the commune's), saved at each edit."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kscdesk.domain.wording import TEXT_FIELDS, UNIT_FIELDS, WordingRule
from kscdesk.services.errors import ServiceError
from kscdesk.services.office_directory import (
    import_office_rules,
    office_rules,
    set_office_rules,
)
from kscdesk.services.tailor_plan import write_rules_file
from kscdesk.services.workspace import Workspace
from kscdesk.ui import prompts
from kscdesk.ui.list_table_model import ListTableModel
from kscdesk.ui.settings.common import MessageLine, explanation

_EXPLAIN = (
    "Khi lập kế hoạch của xã, phường từ kế hoạch cấp trên, các cụm từ bên trái được thay bằng "
    "cụm từ bên phải (để trống: bỏ đi). Đánh dấu “Chỉ ô đơn vị” để chỉ thay trong cột đơn vị chủ "
    "trì, phối hợp."
)
HEADERS = ("Cụm từ của cấp trên", "Thay bằng", "Chỉ ô đơn vị")
RULES_FILTER = "Quy tắc thay từ (*.json)"
_Index = QModelIndex | QPersistentModelIndex


class RulesModel(ListTableModel):
    """The rules as a table; an edit asks ``commit`` to save them, and is undone when refused."""

    HEADERS = HEADERS

    def __init__(
        self, commit: Callable[[list[WordingRule]], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._commit = commit

    @property
    def rules(self) -> list[WordingRule]:
        return self.items

    def set_rules(self, rules: list[WordingRule]) -> None:
        self.set_items(rules)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 2:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        rule = self.rules[index.row()]
        if index.column() == 2:
            if role != Qt.ItemDataRole.CheckStateRole:
                return None
            units = tuple(rule.fields) == UNIT_FIELDS
            return Qt.CheckState.Checked if units else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return rule.find if index.column() == 0 else rule.replacement
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        rule = self.rules[index.row()]
        if index.column() == 2 and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            new = WordingRule(rule.find, rule.replacement, UNIT_FIELDS if checked else TEXT_FIELDS)
        elif index.column() in (0, 1) and role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            if index.column() == 0:
                new = WordingRule(text, rule.replacement, rule.fields)
            else:
                new = WordingRule(rule.find, text, rule.fields)
        else:
            return False
        # Rows added but not typed yet are left out until their phrase is typed.
        row = index.row()
        wanted = [new if i == row else r for i, r in enumerate(self.rules) if i == row or r.find]
        if not self._commit(wanted):
            return False
        self.rules[index.row()] = new
        self.dataChanged.emit(index, index)
        return True


class WordingSection(QWidget):
    saved = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wording_section")
        self._ws = workspace
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(_EXPLAIN, self))
        self.model = RulesModel(self.commit, self)
        self.view = QTableView(self)
        self.view.setObjectName("settings_rules_view")
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setTabKeyNavigation(False)
        self.view.setMinimumHeight(150)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.view, 1)
        self.message = MessageLine("rules_message", self)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        for name, text, slot in (
            ("settings_add_rule_button", "Thêm &quy tắc", self.add_rule),
            ("settings_remove_rule_button", "Xóa quy tắc đã &chọn", self.remove_rule),
            ("settings_import_rules_button", "&Nhập tệp quy tắc…", self.import_rules),
            ("settings_export_rules_button", "&Xuất tệp quy tắc…", self.export_rules),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.load()

    def load(self) -> None:
        self.model.set_rules(office_rules(self._ws))

    def commit(self, rules: list[WordingRule]) -> bool:
        """Save ``rules`` for the office; a refusal is shown and nothing changes."""
        try:
            set_office_rules(self._ws, rules)
        except ServiceError as error:
            self.message.refuse(str(error))
            return False
        self.message.note(f"Đã lưu {len(rules)} quy tắc.")
        self.saved.emit()
        return True

    def add_rule(self) -> None:
        """A new row to type the phrase in; it is saved once the phrase is typed."""
        row = len(self.model.rules)
        self.model.beginInsertRows(QModelIndex(), row, row)
        self.model.rules.append(WordingRule("", "", TEXT_FIELDS))
        self.model.endInsertRows()
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def remove_rule(self) -> None:
        row = self.view.currentIndex().row()
        if row < 0:
            self.message.refuse("Chọn một quy tắc trong bảng để xóa.")
            return
        rules = [rule for i, rule in enumerate(self.model.rules) if i != row]
        if self.commit([rule for rule in rules if rule.find]):
            self.model.set_rules(rules)

    def import_rules(self, path: Path | None = None) -> None:
        path = path or prompts.choose_open_file(self, "Nhập quy tắc thay từ", RULES_FILTER)
        if path is None:
            return
        try:
            rules = import_office_rules(self._ws, path)
        except ServiceError as error:
            self.message.refuse(str(error))
            return
        self.model.set_rules(rules)
        self.message.note(f"Đã nhập {len(rules)} quy tắc từ “{path.name}”.")
        self.saved.emit()

    def export_rules(self, path: Path | None = None) -> None:
        path = path or prompts.choose_save_file(
            self, "Xuất quy tắc thay từ", RULES_FILTER, Path("quy_tac_thay_tu.json")
        )
        if path is None:
            return
        target = path.with_suffix(".json")
        try:
            write_rules_file(office_rules(self._ws), target)
        except OSError as error:
            self.message.refuse(f"Không ghi được tệp “{target.name}”: {error.strerror}.")
            return
        self.message.note(f"Đã xuất quy tắc ra tệp “{target.name}”.")
