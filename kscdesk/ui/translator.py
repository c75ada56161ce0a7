"""Vietnamese texts for the strings Qt itself shows: standard buttons, context menus, dialogs.

Qt ships no Vietnamese ``qtbase`` translation, so without this an officer would read "OK",
"Cancel" or "&Undo". A QTranslator subclass answers Qt's own lookups from a table kept here.
"""

from PySide6.QtCore import QCoreApplication, QTranslator

# Texts shared by several Qt classes (QPlatformTheme builds standard buttons for QMessageBox,
# QDialogButtonBox and QProgressDialog; QLineEdit and QWidgetTextControl build context menus).
_COMMON: dict[str, str] = {
    # standard buttons
    "OK": "Đồng ý",
    "&OK": "&Đồng ý",
    "Cancel": "Hủy",
    "&Cancel": "&Hủy",
    "Close": "Đóng",
    "&Close": "Đó&ng",
    "Save": "Lưu",
    "&Save": "&Lưu",
    "Save All": "Lưu tất cả",
    "Open": "Mở",
    "&Open": "&Mở",
    "&Yes": "&Có",
    "Yes": "Có",
    "Yes to &All": "Có với &tất cả",
    "&No": "&Không",
    "No": "Không",
    "N&o to All": "K&hông với tất cả",
    "Abort": "Dừng",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Discard": "Bỏ thay đổi",
    "Don't Save": "Không lưu",
    "Close without Saving": "Đóng không lưu",
    "Help": "Trợ giúp",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định",
    # edit context menus
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "Cắ&t",
    "&Copy": "&Sao chép",
    "Copy &Link Location": "Sao chép đị&a chỉ liên kết",
    "&Paste": "&Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
    "&Select All": "&Chọn tất cả",
    "&Step up": "&Tăng",
    "Step &down": "&Giảm",
    # message box
    "Show Details...": "Xem chi tiết...",
    "Hide Details...": "Ẩn chi tiết...",
    "About Qt": "Giới thiệu Qt",
    # file dialog
    "Look in:": "Tìm trong:",
    "&Look in:": "Tìm tr&ong:",
    "File name:": "Tên tệp:",
    "File &name:": "Tên tệ&p:",
    "Files of type:": "Loại tệp:",
    "Files of &type:": "&Loại tệp:",
    "&Choose": "&Chọn",
    "Back": "Quay lại",
    "Forward": "Tiến tới",
    "Parent Directory": "Thư mục cha",
    "Go back": "Quay lại",
    "Go forward": "Tiến tới",
    "Go to the parent directory": "Lên thư mục cha",
    "Create New Folder": "Tạo thư mục mới",
    "Create a New Folder": "Tạo thư mục mới",
    "New Folder": "Thư mục mới",
    "List View": "Dạng danh sách",
    "Change to list view mode": "Chuyển sang dạng danh sách",
    "Detail View": "Dạng chi tiết",
    "Change to detail view mode": "Chuyển sang dạng chi tiết",
    "Sidebar": "Thanh bên",
    "List of places and bookmarks": "Danh sách vị trí và đánh dấu",
    "Files": "Tệp",
    "&Rename": "Đổi &tên",
    "&Delete": "&Xóa",
    "Show &hidden files": "Hiện tệp &ẩn",
    "&New Folder": "Thư mục &mới",
    "Directory:": "Thư mục:",
    "All Files (*)": "Mọi tệp (*)",
    "Directories": "Thư mục",
    "Drive": "Ổ đĩa",
    "File": "Tệp",
    "File Folder": "Thư mục",
    "Folder": "Thư mục",
    "Alias": "Lối tắt",
    "Shortcut": "Lối tắt",
    "Unknown": "Không rõ",
    "My Computer": "Máy tính",
    "Computer": "Máy tính",
    "Name": "Tên",
    "Size": "Kích thước",
    "Type": "Loại",
    "Kind": "Loại",
    "Date Modified": "Ngày sửa",
    "Recent Places": "Vị trí gần đây",
    "Are you sure you want to delete '%1'?": "Bạn có chắc muốn xóa '%1' không?",
    "%1 already exists.\nDo you want to replace it?": "%1 đã có.\nBạn có muốn thay thế không?",
    # scroll bar context menu
    "Scroll here": "Cuộn đến đây",
    "Left edge": "Mép trái",
    "Top": "Đầu",
    "Right edge": "Mép phải",
    "Bottom": "Cuối",
    "Page left": "Trang trái",
    "Page up": "Trang trên",
    "Page right": "Trang phải",
    "Page down": "Trang dưới",
    "Scroll left": "Cuộn trái",
    "Scroll up": "Cuộn lên",
    "Scroll right": "Cuộn phải",
    "Scroll down": "Cuộn xuống",
}

# The Qt classes whose own strings the table above covers.
TRANSLATED_CONTEXTS = frozenset(
    {
        "QPlatformTheme",
        "QDialogButtonBox",
        "QMessageBox",
        "QProgressDialog",
        "QLineEdit",
        "QWidgetTextControl",
        "QTextControl",
        "QAbstractSpinBox",
        "QFileDialog",
        "QFileSystemModel",
        "QFileInfoGatherer",
        "QScrollBar",
        "QInputDialog",
        "QErrorMessage",
        "QWizard",
    }
)


class VietnameseTranslator(QTranslator):
    """Answers Qt's lookups for its own strings in Vietnamese; other strings come back as is."""

    def translate(
        self,
        context: str,
        sourceText: str,  # noqa: N803 - Qt's parameter name
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        # An unknown string is returned unchanged, which Qt treats like "no translation".
        # Not None: PySide6 6.12 drops a reference to None for every None an override returns,
        # and the interpreter aborts once None's count reaches zero. Not "": Qt would show "".
        # (isEmpty() is not overridden for the same reason with False; Qt asks every installed
        # translator anyway.)
        if context not in TRANSLATED_CONTEXTS:
            return sourceText
        return _COMMON.get(sourceText, sourceText)


def install_vietnamese_translator(app: QCoreApplication) -> VietnameseTranslator:
    """Install the translator; keep the returned object alive as long as the application."""
    translator = VietnameseTranslator(app)
    app.installTranslator(translator)
    return translator
