from pathlib import Path

import pytest

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kscdesk.ui import prompts

Button = QMessageBox.StandardButton


def test_message_box_buttons_are_vietnamese(vietnamese_app: QApplication) -> None:
    box = prompts.build_message_box(
        None,
        QMessageBox.Icon.Question,
        "Tiêu đề",
        "Nội dung",
        Button.Ok | Button.Cancel | Button.Yes | Button.No | Button.Close,
    )
    texts = {box.button(b).text() for b in (Button.Ok, Button.Cancel, Button.Yes, Button.No)}
    assert texts == {"Đồng ý", "Hủy", "Có", "Không"}
    assert box.button(Button.Close).text() == "Đóng"
    box.deleteLater()


def test_error_details_button_is_vietnamese(vietnamese_app: QApplication) -> None:
    box = prompts.build_message_box(
        None, QMessageBox.Icon.Critical, "Lỗi", "Có lỗi", Button.Close, details="Traceback"
    )
    labels = [b.text() for b in box.buttons()]
    assert "Xem chi tiết..." in labels
    assert not [text for text in labels if "Details" in text]
    box.deleteLater()


def _click_in_open_box(button: QMessageBox.StandardButton) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    box.button(button).click()


def test_ask_yes_no_is_true_when_co_is_clicked(vietnamese_app: QApplication) -> None:
    QTimer.singleShot(0, lambda: _click_in_open_box(Button.Yes))
    assert prompts.ask_yes_no(None, "Câu hỏi", "Đồng ý chứ?") is True


def test_ask_yes_no_is_false_when_khong_is_clicked(vietnamese_app: QApplication) -> None:
    QTimer.singleShot(0, lambda: _click_in_open_box(Button.No))
    assert prompts.ask_yes_no(None, "Câu hỏi", "Đồng ý chứ?") is False


def test_each_file_dialog_opens_in_the_folder_last_used_in_it(
    vietnamese_app: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # issue 11: the last folder is remembered per dialog (known by its title).
    from PySide6.QtWidgets import QFileDialog

    opened_in: list[str] = []

    def fake_open(parent: object, title: str, start: str, file_filter: str) -> tuple[str, str]:
        opened_in.append(start)
        return (str(tmp_path / "usb" / "kehoach.docx"), file_filter)

    def fake_save(parent: object, title: str, start: str, file_filter: str) -> tuple[str, str]:
        opened_in.append(start)
        return ("", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_open)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    assert prompts.choose_open_file(None, "Chọn kế hoạch", "*.docx") == (
        tmp_path / "usb" / "kehoach.docx"
    )
    prompts.choose_open_file(None, "Chọn kế hoạch", "*.docx")
    prompts.choose_open_file(None, "Chọn minh chứng", "*.pdf")
    prompts.choose_save_file(None, "Chọn kế hoạch", "*.docx", Path("bao-cao.docx"))
    usb = str(tmp_path / "usb")
    assert opened_in == ["", usb, "", str(Path(usb) / "bao-cao.docx")]


def test_a_long_message_is_folded_keeping_its_count_and_question_in_view(
    vietnamese_app: QApplication,
) -> None:
    items = "\n".join(
        f"✔ Gói số {n}: đã nhận báo cáo Quý I năm 2026 của xã số {n}." for n in range(30)
    )
    text = f"Kết quả kiểm tra (chưa lưu gì):\n\n{items}\n\nNhận 30/30 gói.\n\nNhận các gói hợp lệ?"
    box = prompts.build_message_box(
        None, QMessageBox.Icon.Question, "Nhận gói", text, Button.Yes | Button.No
    )
    shown = box.text()
    assert shown.startswith("Kết quả kiểm tra (chưa lưu gì):\n\n✔ Gói số 0:")
    assert shown.endswith("\n\nNhận 30/30 gói.\n\nNhận các gói hợp lệ?")
    assert "Gói số 29" not in shown and "dòng nữa" in shown
    assert len(shown.splitlines()) <= prompts.MAX_MESSAGE_LINES
    assert box.detailedText() == text  # nothing is lost: the whole text scrolls in the details
    box.deleteLater()


def test_a_short_message_and_its_details_are_left_as_they_are() -> None:
    assert prompts.fold_message("Đã lưu.\n\nMở thư mục?") == ("Đã lưu.\n\nMở thư mục?", "")
    shown, whole = prompts.fold_message("x" * 5000)
    assert whole == "x" * 5000 and len(shown) < 1200
