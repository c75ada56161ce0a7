"""Trao đổi dữ liệu: the fingerprint of the office's signing key, to compare by phone."""

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kscdesk.services.exchange_keys import own_fingerprint
from kscdesk.services.workspace import Workspace
from kscdesk.ui.settings.common import MessageLine, explanation

_EXPLAIN = (
    "Mỗi gói dữ liệu gửi đi được ký bằng khóa riêng của máy này; cơ quan nhận dùng vân tay dưới "
    "đây để biết gói đúng là của đơn vị. Lần đầu trao đổi, hãy gọi điện thoại và đọc vân tay cho "
    "cán bộ bên kia so khớp từng ký tự."
)
_KEY_FILE = (
    "Khóa ký được giữ trong thư mục dữ liệu. Khi chuyển sang máy khác, hãy chép cả thư mục dữ "
    "liệu; nếu lập khóa mới, cơ quan cấp trên sẽ phải xác nhận lại vân tay."
)


class ExchangeSection(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchange_section")
        self._ws = workspace
        layout = QVBoxLayout(self)
        layout.addWidget(explanation(_EXPLAIN, self))
        row = QHBoxLayout()
        label = QLabel("&Vân tay khóa ký:", self)
        row.addWidget(label)
        self.fingerprint_edit = QLineEdit(self)
        self.fingerprint_edit.setObjectName("settings_fingerprint_edit")
        self.fingerprint_edit.setReadOnly(True)
        font = self.fingerprint_edit.font()
        font.setFamily("monospace")
        font.setStyleHint(font.StyleHint.Monospace)
        self.fingerprint_edit.setFont(font)
        row.addWidget(self.fingerprint_edit, 1)
        self.copy_button = QPushButton("&Sao chép", self)
        self.copy_button.setObjectName("copy_fingerprint_button")
        self.copy_button.clicked.connect(self.copy)
        row.addWidget(self.copy_button)
        label.setBuddy(self.fingerprint_edit)
        layout.addLayout(row)
        self.message = MessageLine("fingerprint_message", self)
        layout.addWidget(self.message)
        layout.addSpacing(8)
        layout.addWidget(explanation(_KEY_FILE, self))
        layout.addStretch(1)
        self.fingerprint_edit.setText(own_fingerprint(workspace))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.fingerprint_edit.text())
        self.message.note("Đã chép vân tay; dán vào tin nhắn hoặc văn bản khi cần.")
