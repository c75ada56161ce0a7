"""Sao lưu: what is kept and where, back up now, and restore (through the window, which reopens
the data after a restore)."""

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kscdesk.services.backups import create_backup, list_backups
from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.store.errors import StoreError
from kscdesk.ui.settings.common import MessageLine, explanation

_EXPLAIN = (
    "Phần mềm tự sao lưu dữ liệu vào lần mở đầu tiên mỗi ngày và trước mỗi lần nhập kế hoạch, "
    "nhập gói dữ liệu hay nâng cấp; mỗi bản sao được kiểm tra toàn vẹn rồi mới giữ lại. Giữ 7 "
    "bản hằng ngày, 4 bản hằng tuần và 12 bản hằng tháng. Nên chép thư mục sao lưu sang USB "
    "định kỳ."
)


class BackupsSection(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backups_section")
        self._ws = workspace
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(_EXPLAIN, self))
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("backups_summary_label")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        row = QHBoxLayout()
        self.backup_button = QPushButton("Sao lưu &ngay", self)
        self.backup_button.setObjectName("settings_backup_now_button")
        self.backup_button.clicked.connect(self.back_up_now)
        row.addWidget(self.backup_button)
        self.restore_button = QPushButton("&Khôi phục bản sao lưu…", self)
        self.restore_button.setObjectName("settings_restore_button")
        self.restore_button.clicked.connect(self.restore)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = MessageLine("backups_message", self)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        backups = list_backups(self._ws.folder)
        if backups:
            newest = backups[0]
            when = newest.taken_at.strftime("%d/%m/%Y %H:%M")
            text = f"Có {len(backups)} bản sao lưu; mới nhất lúc {when} ({newest.label})."
        else:
            text = "Chưa có bản sao lưu nào."
        self.summary_label.setText(f"{text}\nThư mục sao lưu: {self._ws.backups_dir}")

    def back_up_now(self) -> None:
        try:
            create_backup(self._ws)
        except (ServiceError, StoreError, OSError) as error:
            self.message.refuse(str(error))
            return
        self.load()
        self.message.note("Đã sao lưu.")

    def restore(self) -> None:
        """The window's restore (it closes and reopens the data folder around it)."""
        window = self.window()
        show_backups = getattr(window, "show_backups", None)
        if show_backups is not None:
            show_backups()
