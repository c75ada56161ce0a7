"""SettingsPage: the sections of Cài đặt as tabs; a feature adds its section to SECTIONS."""

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from kscdesk.services.workspace import Workspace
from kscdesk.ui.settings.backups_section import BackupsSection
from kscdesk.ui.settings.deadlines_section import DeadlinesSection
from kscdesk.ui.settings.exchange_section import ExchangeSection
from kscdesk.ui.settings.office_section import OfficeSection
from kscdesk.ui.settings.targets_section import TargetsSection
from kscdesk.ui.settings.units_section import UnitsSection
from kscdesk.ui.settings.wording_section import WordingSection

# (tab label, builder) in the order the tabs show.
SECTIONS: tuple[tuple[str, Callable[[Workspace, QWidget], QWidget]], ...] = (
    ("Đơn vị và cán bộ", OfficeSection),
    ("Báo cáo và hạn", DeadlinesSection),
    ("Chỉ tiêu", TargetsSection),
    ("Từ ngữ", WordingSection),
    ("Danh bạ đơn vị", UnitsSection),
    ("Trao đổi dữ liệu", ExchangeSection),
    ("Sao lưu", BackupsSection),
)


class SettingsPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        title = QLabel("Cài đặt", self)
        title.setObjectName("settings_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        hint = QLabel("Mỗi thay đổi được lưu ngay khi bạn rời ô nhập.", self)
        hint.setObjectName("settings_hint")
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settings_tabs")
        self.sections: list[QWidget] = []
        for label, build in SECTIONS:
            section = build(workspace, self)
            self.sections.append(section)
            scroll = QScrollArea(self.tabs)  # a section taller than a small screen scrolls
            scroll.setWidgetResizable(True)
            scroll.setWidget(section)
            self.tabs.addTab(scroll, label)
        layout.addWidget(self.tabs, 1)
        self._shown_once = False

    def showEvent(self, event: QShowEvent) -> None:
        """Show what is stored now: the To-do and Indicators pages change some settings too."""
        if self._shown_once:
            for section in self.sections:
                load = getattr(section, "load", None)
                if callable(load):
                    load()
        self._shown_once = True
        super().showEvent(event)


def build_settings_page(workspace: Workspace, parent: QWidget) -> QWidget:
    return SettingsPage(workspace, parent)
