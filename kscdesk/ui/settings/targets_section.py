"""Chỉ tiêu: how "tăng thêm 10%" over last year's result is read, with a worked example of each."""

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from kscdesk.domain.indicators import IncreaseMode, derive_target
from kscdesk.domain.model import Comparator, Target
from kscdesk.services.indicators import get_increase_mode, set_increase_mode
from kscdesk.services.workspace import Workspace
from kscdesk.ui.settings.common import MessageLine, explanation

_EXPLAIN = (
    "Khi kết quả năm trước đã đạt chỉ tiêu của cấp trên, chỉ tiêu của đơn vị là kết quả đó "
    "“tăng thêm 10%”. Chọn cách hiểu mà cấp trên hướng dẫn; mọi chỉ tiêu được tính lại theo "
    "cách đã chọn (tối đa 100%)."
)
# The worked example: a central target of at least 80 % and 82 % reached last year.
EXAMPLE_CENTRAL = Target(Comparator.AT_LEAST, Decimal(80))
EXAMPLE_LAST_YEAR = Decimal(82)
_CHOICES = (
    (IncreaseMode.POINTS, "Cộng thêm 10 điểm &phần trăm (82% → 92%)", "increase_points_radio"),
    (IncreaseMode.FACTOR, "&Nhân với 1,1 (82% → 90,20%)", "increase_factor_radio"),
)


def example_text(mode: IncreaseMode) -> str:
    """The derivation of the example target under ``mode``, as the indicators page explains it."""
    return derive_target(EXAMPLE_CENTRAL, EXAMPLE_LAST_YEAR, mode).explanation


class TargetsSection(QWidget):
    saved = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targets_section")
        self._ws = workspace
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(_EXPLAIN, self))
        self.group = QButtonGroup(self)
        self.radios: dict[IncreaseMode, QRadioButton] = {}
        for mode, text, name in _CHOICES:
            radio = QRadioButton(text, self)
            radio.setObjectName(name)
            self.group.addButton(radio)
            self.radios[mode] = radio
            layout.addWidget(radio)
        layout.addSpacing(8)
        heading = QLabel("Ví dụ: chỉ tiêu cấp trên ≥ 80%, kết quả năm trước 82%.", self)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.example_label = QLabel(self)
        self.example_label.setObjectName("increase_example_label")
        self.example_label.setWordWrap(True)
        layout.addWidget(self.example_label)
        self.message = MessageLine("increase_message", self)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.load()
        for mode, radio in self.radios.items():
            radio.toggled.connect(lambda on, mode=mode: self._on_toggled(on, mode))

    def load(self) -> None:
        mode = get_increase_mode(self._ws)
        for radio in self.radios.values():  # showing the stored rule is not a change to save
            radio.blockSignals(True)
        self.radios[mode].setChecked(True)
        for radio in self.radios.values():
            radio.blockSignals(False)
        self.message.clear_message()
        self.example_label.setText(example_text(mode))

    def _on_toggled(self, on: bool, mode: IncreaseMode) -> None:
        if on:
            self.save(mode)

    def save(self, mode: IncreaseMode) -> None:
        set_increase_mode(self._ws, mode)
        self.example_label.setText(example_text(mode))
        self.message.note("Đã lưu. Chỉ tiêu trên trang Chỉ tiêu được tính lại theo cách này.")
        self.saved.emit()
