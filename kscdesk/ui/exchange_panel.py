"""ExchangePanel: the "Trao đổi" page. Its header names the office and shows the fingerprint of
its signing key (read aloud by phone to compare); the body is the commune or the parent side.
Package files or folders dropped on the page are imported."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kscdesk.domain.model import Level
from kscdesk.formats.package.writer import PACKAGE_SUFFIX
from kscdesk.services.exchange_keys import own_fingerprint
from kscdesk.services.offices import get_profile
from kscdesk.services.workspace import Workspace
from kscdesk.ui.exchange_sides import CommuneSide, ParentSide


def _droppable(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
    return [p for p in paths if p.is_dir() or p.suffix.lower() == PACKAGE_SUFFIX]


class ExchangePanel(QWidget):
    def __init__(
        self, ws: Workspace, parent: QWidget | None = None, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exchange_panel")
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        profile = get_profile(ws)
        office = profile.office
        title = QLabel(self)
        title.setObjectName("title_label")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.fingerprint_label = QLabel(self)
        self.fingerprint_label.setObjectName("fingerprint_label")
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint_label)
        self.side: CommuneSide | ParentSide | None = None
        if office is None:
            title.setText("Trao đổi dữ liệu")
            note = QLabel(
                "Chưa đặt đơn vị của thư mục dữ liệu: hãy đặt đơn vị và cơ quan cấp trên "
                "trước khi trao đổi gói.",
                self,
            )
            note.setObjectName("status_label")
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addStretch(1)
            return
        parent_name = profile.parent.name if profile.parent else "chưa đặt cơ quan cấp trên"
        if office.level is Level.COMMUNE:
            title.setText(f"Trao đổi với cấp trên – {office.name} → {parent_name}")
            self.side = CommuneSide(ws, self, today)
        else:
            title.setText(f"Trao đổi với cấp xã – {office.name}")
            self.side = ParentSide(ws, self, today)
        self.fingerprint_label.setText(
            f"Vân tay khóa ký của đơn vị (đọc cho đơn vị kia khi so qua điện thoại): "
            f"{own_fingerprint(ws)}"
        )
        layout.addWidget(self.side, 1)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.side is not None and _droppable(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _droppable(event)
        if self.side is None or not paths:
            return
        event.acceptProposedAction()
        # A drop of several files imports their folder when they share one, else the first.
        folders = {p.parent for p in paths if p.is_file()}
        if len(paths) > 1 and len(folders) == 1:
            self.side.import_paths(folders.pop())
        else:
            self.side.import_paths(paths[0])
