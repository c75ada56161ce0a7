"""First start on an empty data folder: choose the office from the official list, the officer's
name and the parent office, or "Dùng dữ liệu mẫu" to explore the demo data.

The list is kscdesk.services.divisions (the July 2025 units; the former district level for
offices on old plans). Search ignores diacritics. Fits 1093×614.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kscdesk.services import divisions
from kscdesk.services.divisions import Division
from kscdesk.ui import keyboard, window_state

if TYPE_CHECKING:
    from kscdesk.services.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class FirstRunChoice:
    """What the officer chose: the demo data, or an office, its parent and their own name."""

    demo: bool
    office: Division | None = None
    parent: Division | None = None
    officer: str = ""


class DivisionListModel(QAbstractListModel):
    """The units matching the search text (at most a few hundred shown at once)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source: tuple[Division, ...] = ()
        self.shown: list[Division] = []
        self._text = ""

    def set_source(self, source: tuple[Division, ...]) -> None:
        self._source = source
        self.set_filter(self._text)

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._text = text
        self.shown = divisions.matching(self._source, text)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.shown[index.row()].display
        return None


class DivisionPicker(QWidget):
    """A search box over a list of units; ``chosen`` is the selected one."""

    changed = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(placeholder)
        self.search_edit.setClearButtonEnabled(True)
        layout.addWidget(self.search_edit)
        self.model = DivisionListModel(self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("division_list")
        self.list_view.setModel(self.model)
        self.list_view.setUniformItemSizes(True)
        layout.addWidget(self.list_view, 1)
        self.search_edit.textChanged.connect(self._filter)
        self.list_view.selectionModel().selectionChanged.connect(lambda *_: self.changed.emit())
        self.model.modelReset.connect(self.changed.emit)

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        if self.model.shown:
            self.list_view.setCurrentIndex(self.model.index(0, 0))

    def set_source(self, source: tuple[Division, ...], select: Division | None = None) -> None:
        self.model.set_source(source)
        if select is not None and select in self.model.shown:
            self.list_view.setCurrentIndex(self.model.index(self.model.shown.index(select), 0))

    def chosen(self) -> Division | None:
        rows = self.list_view.selectionModel().selectedRows()
        return self.model.shown[rows[0].row()] if rows else None


class OfficePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office_page")
        self.setTitle("Đơn vị của bạn")
        self.setSubTitle(
            "Chọn xã, phường hoặc đặc khu theo danh mục đơn vị hành chính từ 01/7/2025. "
            "Gõ tên để tìm, không cần dấu (ví dụ: duc pho)."
        )
        layout = QVBoxLayout(self)
        self.picker = DivisionPicker("Tìm đơn vị: tên xã, phường, tỉnh…", self)
        self.picker.setObjectName("office_picker")
        layout.addWidget(self.picker, 1)
        self.former_check = QCheckBox(
            "Hiện cả đơn vị cấp huyện trước 07/2025 (đơn vị còn làm theo kế hoạch cũ)", self
        )
        self.former_check.setObjectName("former_check")
        layout.addWidget(self.former_check)
        self.former_check.toggled.connect(self._refill)
        self.picker.changed.connect(self.completeChanged.emit)
        self._refill()

    def _refill(self) -> None:
        source = divisions.current_communes()
        if self.former_check.isChecked():
            source = source + divisions.former_districts()
        self.picker.set_source(source)

    def isComplete(self) -> bool:
        return self.picker.chosen() is not None


class OfficerPage(QWizardPage):
    def __init__(self, office_page: OfficePage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officer_page")
        self.office_page = office_page
        self.setTitle("Người thực hiện và cơ quan cấp trên")
        self.setSubTitle(
            "Tên của bạn được ghi vào lịch sử thay đổi. Cơ quan cấp trên ban hành kế hoạch "
            "cho đơn vị: từ 07/2025 là tỉnh; đơn vị làm theo kế hoạch cũ chọn huyện."
        )
        layout = QVBoxLayout(self)
        self.office_label = QLabel(self)
        self.office_label.setObjectName("office_label")
        layout.addWidget(self.office_label)
        layout.addWidget(QLabel("Họ và tên người thực hiện:", self))
        self.officer_edit = QLineEdit(self)
        self.officer_edit.setObjectName("officer_edit")
        self.officer_edit.setPlaceholderText("Ví dụ: Nguyễn Thị Lan")
        layout.addWidget(self.officer_edit)
        layout.addWidget(QLabel("Cơ quan cấp trên:", self))
        self.picker = DivisionPicker("Tìm cơ quan cấp trên: tỉnh, thành phố, huyện…", self)
        self.picker.setObjectName("parent_picker")
        layout.addWidget(self.picker, 1)
        self.officer_edit.textChanged.connect(lambda *_: self.completeChanged.emit())
        self.picker.changed.connect(self.completeChanged.emit)

    def initializePage(self) -> None:
        office = self.office_page.picker.chosen()
        if office is None:
            return
        self.office_label.setText(f"Đơn vị: <b>{office.display}</b>")
        suggested = divisions.parents_for(office)
        rest = tuple(
            d
            for d in divisions.current_provinces() + divisions.former_districts()
            if d not in suggested and d.level is not office.level
        )
        self.picker.search_edit.clear()
        self.picker.set_source(tuple(suggested) + rest, select=suggested[0] if suggested else None)

    def isComplete(self) -> bool:
        return bool(self.officer_edit.text().strip()) and self.picker.chosen() is not None


class FirstRunWizard(QWizard):
    """Welcome → office → officer and parent. ``choice()`` after it was accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_wizard")
        self.setWindowTitle("Bắt đầu sử dụng kscdesk")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        for button, text in (
            (QWizard.WizardButton.BackButton, "< Quay lại"),
            (QWizard.WizardButton.NextButton, "Tiếp >"),
            (QWizard.WizardButton.FinishButton, "Hoàn tất"),
            (QWizard.WizardButton.CancelButton, "Để sau"),
        ):
            self.setButtonText(button, text)
        self._demo = False
        self.addPage(self._welcome_page())
        self.office_page = OfficePage(self)
        self.addPage(self.office_page)
        self.officer_page = OfficerPage(self.office_page, self)
        self.addPage(self.officer_page)
        self.resize(780, 560)
        keyboard.tab_never_traps(self)
        window_state.fit_to_screen(self)

    def _welcome_page(self) -> QWizardPage:
        page = QWizardPage(self)
        page.setObjectName("welcome_page")
        page.setTitle("Chào mừng đến với kscdesk")
        page.setSubTitle("Phần mềm theo dõi kế hoạch kiểm soát thủ tục hành chính của đơn vị.")
        layout = QVBoxLayout(page)
        intro = QLabel(
            "Thư mục dữ liệu này chưa có đơn vị nào. Bấm <b>Tiếp</b> để chọn đơn vị của bạn "
            "theo danh mục đơn vị hành chính, nhập tên người thực hiện và cơ quan cấp trên."
            "<br><br>Muốn xem thử trước? Nạp dữ liệu mẫu (một kế hoạch cấp trên, một phường "
            "mẫu với kế hoạch, tiến độ và minh chứng); có thể thiết lập đơn vị thật sau.",
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        demo = QPushButton("Dùng dữ liệu mẫu", page)
        demo.setObjectName("demo_button")
        demo.clicked.connect(self.use_demo)
        layout.addWidget(demo, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def use_demo(self) -> None:
        self._demo = True
        self.accept()

    def choice(self) -> FirstRunChoice:
        if self._demo:
            return FirstRunChoice(demo=True)
        return FirstRunChoice(
            demo=False,
            office=self.office_page.picker.chosen(),
            parent=self.officer_page.picker.chosen(),
            officer=self.officer_page.officer_edit.text().strip(),
        )


def run_first_run_wizard(parent: QWidget | None) -> FirstRunChoice | None:
    """Show the wizard; the choice, or None when the officer put it off ("Để sau")."""
    wizard = FirstRunWizard(parent)
    try:
        return wizard.choice() if wizard.exec() == QWizard.DialogCode.Accepted else None
    finally:
        wizard.deleteLater()


def apply_choice(ws: "Workspace", choice: FirstRunChoice) -> None:
    """Record the chosen office, its parent and the officer's name (not the demo choice)."""
    from kscdesk.services.offices import OfficeSpec, set_office, set_officer_name

    if choice.office is None:
        return
    office = OfficeSpec(choice.office.office_name, choice.office.level, choice.office.code)
    parent = None
    if choice.parent is not None:
        parent = OfficeSpec(choice.parent.office_name, choice.parent.level, choice.parent.code)
    set_office(ws, office, parent)
    if choice.officer:
        set_officer_name(ws, choice.officer)
