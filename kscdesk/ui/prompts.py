"""Questions and messages to the officer: the only module that calls QMessageBox or QFileDialog.

Qt has no Vietnamese translation of its own, so every standard button gets its text here too
(the translator in ui/translator.py covers Qt's internal strings as a second line). Tests
monkeypatch the ``ask_*``/``show_*``/``choose_*`` functions instead of clicking modal boxes.
"""

import math
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from kscdesk.ui import window_state

StandardButton = QMessageBox.StandardButton

BUTTON_TEXTS: dict[StandardButton, str] = {
    StandardButton.Ok: "Đồng ý",
    StandardButton.Cancel: "Hủy",
    StandardButton.Yes: "Có",
    StandardButton.No: "Không",
    StandardButton.Close: "Đóng",
    StandardButton.Save: "Lưu",
    StandardButton.Open: "Mở",
    StandardButton.Discard: "Bỏ thay đổi",
    StandardButton.Retry: "Thử lại",
    StandardButton.Ignore: "Bỏ qua",
    StandardButton.Abort: "Dừng",
    StandardButton.Help: "Trợ giúp",
}


# A message taller than this many lines (a long line counts as the lines it wraps to) is folded
# so the box fits a 1093×614 screen: its first lines and its closing question stay, the whole
# text goes under "Xem chi tiết..." in a box that scrolls.
MAX_MESSAGE_LINES = 16
_WRAP = 70  # characters a QMessageBox line holds before it wraps, about


def _rows(text: str) -> int:
    return sum(max(1, math.ceil(len(line) / _WRAP)) for line in text.split("\n"))


def fold_message(text: str) -> tuple[str, str]:
    """(text shown, whole text for the details) – the details are "" when nothing is folded."""
    if _rows(text) <= MAX_MESSAGE_LINES:
        return text, ""
    # The closing short paragraphs (a count, the question) stay in view.
    paragraphs = text.split("\n\n")
    cut = len(paragraphs)
    while cut > 1 and _rows("\n\n".join(paragraphs[cut - 1 :])) <= 4:
        cut -= 1
    body, closing = "\n\n".join(paragraphs[:cut]), "\n\n".join(paragraphs[cut:])
    budget = MAX_MESSAGE_LINES - 2 - _rows(closing)
    lines = body.split("\n")
    kept: list[str] = []
    for line in lines:
        if _rows("\n".join([*kept, line])) > budget:
            break
        kept.append(line)
    if not kept:  # one very long line: its beginning
        kept = [lines[0][: budget * _WRAP - 1] + "…"]
    more = len(lines) - len(kept)
    shown = "\n".join(kept) + f"\n… và {more} dòng nữa: bấm “Xem chi tiết...” để xem hết."
    return (shown + "\n\n" + closing if closing else shown), text


def build_message_box(  # noqa: PLR0913 - the QMessageBox constructor's own arguments
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    *,
    details: str = "",
) -> QMessageBox:
    """A message box with Vietnamese button texts, not yet shown (tests inspect it)."""
    text, whole = fold_message(text)
    details = "\n\n".join(part for part in (whole, details) if part)
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setObjectName("message_box")
    for standard, label in BUTTON_TEXTS.items():
        button = box.button(standard)
        if button is not None:
            button.setText(label)
    if details:
        box.setDetailedText(details)
    return box


def ask_yes_no(parent: QWidget | None, title: str, text: str, *, default_yes: bool = True) -> bool:
    """Ask a yes/no question; True when the officer chose "Có"."""
    box = build_message_box(
        parent,
        QMessageBox.Icon.Question,
        title,
        text,
        StandardButton.Yes | StandardButton.No,
    )
    box.setDefaultButton(StandardButton.Yes if default_yes else StandardButton.No)
    return box.exec() == StandardButton.Yes


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = build_message_box(parent, QMessageBox.Icon.Information, title, text, StandardButton.Ok)
    box.exec()


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    """A problem the officer can act on (a file locked by Word, a wrong file chosen …)."""
    box = build_message_box(parent, QMessageBox.Icon.Warning, title, text, StandardButton.Ok)
    box.exec()


def show_error(parent: QWidget | None, title: str, text: str, *, details: str = "") -> None:
    """An unexpected failure; details (a traceback) stay folded until asked for."""
    box = build_message_box(
        parent, QMessageBox.Icon.Critical, title, text, StandardButton.Close, details=details
    )
    box.exec()


def _start_in(title: str, start: Path | None) -> str:
    """Where a file dialog opens: the given place, else the folder last used in that dialog.

    Each dialog is known by its title, so importing a plan and attaching evidence each
    remember their own folder (issue 11).
    """
    if start is not None and str(start):
        if start.parent != Path() or start.is_absolute():
            return str(start)
        folder = window_state.last_folder(title)
        return str(Path(folder) / start) if folder else str(start)
    return window_state.last_folder(title)


def choose_open_file(
    parent: QWidget | None, title: str, file_filter: str, start: Path | None = None
) -> Path | None:
    """Pick an existing file; None when cancelled. ``file_filter``: "Kế hoạch (*.docx *.xlsx)"."""
    name, _ = QFileDialog.getOpenFileName(parent, title, _start_in(title, start), file_filter)
    if not name:
        return None
    window_state.remember_folder(title, str(Path(name).parent))
    return Path(name)


def choose_open_files(
    parent: QWidget | None, title: str, file_filter: str, start: Path | None = None
) -> list[Path]:
    """Pick one or more existing files; an empty list when cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(start or ""), file_filter)
    return [Path(name) for name in names]


def choose_save_file(
    parent: QWidget | None, title: str, file_filter: str, suggested: Path | None = None
) -> Path | None:
    """Pick where to save; None when cancelled. A bare suggested name opens in the last folder."""
    name, _ = QFileDialog.getSaveFileName(parent, title, _start_in(title, suggested), file_filter)
    if not name:
        return None
    window_state.remember_folder(title, str(Path(name).parent))
    return Path(name)


def choose_folder(parent: QWidget | None, title: str, start: Path | None = None) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, _start_in(title, start))
    if not name:
        return None
    window_state.remember_folder(title, name)
    return Path(name)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text from the officer (a reason, a name); None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("text_prompt")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setOkButtonText("Đồng ý")
    dialog.setCancelButtonText("Hủy")
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()
