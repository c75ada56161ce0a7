"""PlaceholderPanel: an honest page for a feature that is not built yet; it shows no data."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

COMING_LATER = "Chức năng sẽ có trong phiên bản sau."


class PlaceholderPanel(QWidget):
    """A heading, one paragraph on what the page will do, and that it is not available yet."""

    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("title_label")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.description_label = QLabel(description, self)
        self.description_label.setObjectName("description_label")
        self.description_label.setWordWrap(True)
        self.status_label = QLabel(COMING_LATER, self)
        self.status_label.setObjectName("status_label")
        self.status_label.setStyleSheet("color: #6b6b6b;")
        for label in (self.title_label, self.description_label, self.status_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        layout.addStretch(1)


def loading_panel() -> QWidget:
    """What the plan page shows for the moment between the window appearing and the data."""
    page = QWidget()
    layout = QVBoxLayout(page)
    label = QLabel("Đang mở dữ liệu…", page)
    label.setObjectName("loading_label")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: #6b6b6b;")
    layout.addWidget(label)
    return page


def indicators_panel() -> PlaceholderPanel:
    return PlaceholderPanel(
        "Chỉ tiêu",
        "Nhập số liệu các chỉ tiêu của kế hoạch (tử số và mẫu số), tự tính tỷ lệ và so sánh với "
        "chỉ tiêu được giao.",
    )


def reports_panel() -> PlaceholderPanel:
    return PlaceholderPanel(
        "Báo cáo",
        "Lập báo cáo định kỳ về công tác kiểm soát thủ tục hành chính từ tiến độ, minh chứng và "
        "chỉ tiêu đã ghi nhận, xuất ra tệp Word và Excel theo thể thức văn bản hành chính.",
    )


def exchange_panel() -> PlaceholderPanel:
    return PlaceholderPanel(
        "Trao đổi",
        "Gửi và nhận gói dữ liệu giữa xã, phường và cơ quan cấp trên: nhận kế hoạch, gửi kết quả "
        "thực hiện để tổng hợp.",
    )
