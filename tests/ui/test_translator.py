import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QTextEdit

from kscdesk.ui.translator import VietnameseTranslator

Button = QDialogButtonBox.StandardButton


def _menu_texts(menu_owner: QLineEdit | QTextEdit) -> list[str]:
    menu = menu_owner.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    return texts


def test_standard_buttons_read_in_vietnamese(vietnamese_app: QApplication) -> None:
    box = QDialogButtonBox(Button.Ok | Button.Cancel | Button.Yes | Button.No | Button.Close)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Đồng ý", "Hủy", "Có", "Không", "Đóng"}


def test_line_edit_context_menu_is_vietnamese(vietnamese_app: QApplication) -> None:
    assert _menu_texts(QLineEdit()) == [
        "&Hoàn tác",
        "&Làm lại",
        "Cắ&t",
        "&Sao chép",
        "&Dán",
        "Xóa",
        "Chọn tất cả",
    ]


def test_text_edit_context_menu_has_no_english_entry(vietnamese_app: QApplication) -> None:
    english = {"&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"}
    texts = _menu_texts(QTextEdit())
    assert texts
    assert not english & set(texts)


def test_strings_outside_qts_own_contexts_are_left_alone(vietnamese_app: QApplication) -> None:
    assert QCoreApplication.translate("MainWindow", "Cancel") == "Cancel"
    assert QCoreApplication.translate("QLineEdit", "no such text") == "no such text"


def test_translating_keeps_the_reference_count_of_none(qapp: QApplication) -> None:
    # PySide6 6.12 drops a reference to None for each None a QTranslator override returns,
    # which aborted the interpreter at exit; the translator must never return None.
    translator = VietnameseTranslator()
    before = sys.getrefcount(None)
    for _ in range(500):
        translator.translate("QShortcut", "Ctrl")
        translator.translate("Elsewhere", "Anything")
    assert sys.getrefcount(None) >= before - 5


def test_the_non_native_file_dialog_reads_in_vietnamese(
    vietnamese_app: QApplication, qtbot: object
) -> None:
    # issue 11: the labels carry mnemonics ("&Look in:"), which the table missed.
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

    english = {"Look in", "File name", "Files of type", "Open", "Cancel", "Save", "Choose"}
    for accept, mode in (
        (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.FileMode.ExistingFile),
        (QFileDialog.AcceptMode.AcceptSave, QFileDialog.FileMode.AnyFile),
        (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.FileMode.Directory),
    ):
        dialog = QFileDialog(None, "Chọn tệp")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(accept)
        dialog.setFileMode(mode)
        texts = [w.text().replace("&", "").rstrip(":") for w in dialog.findChildren(QLabel)]
        texts += [w.text().replace("&", "") for w in dialog.findChildren(QPushButton)]
        texts += [w.toolTip() for w in dialog.findChildren(QPushButton)]
        assert not english & set(texts), texts
        assert "Tìm trong" in texts
        dialog.deleteLater()
