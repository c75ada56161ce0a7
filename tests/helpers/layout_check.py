"""What an officer on a small screen sees wrong: widgets cut off, out of view, or clipped text.

``layout_problems(top)`` walks the visible widgets below ``top`` and reports, in words, each one
that lies outside the part of its parent that is shown, and each label, button or box too small
for its text (its size hint). Content inside a scroll area or an item view scrolls, so only the
scrolling container itself is checked there.
"""

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QScrollArea,
    QStatusBar,
    QTabBar,
    QWidget,
)

# Widgets whose text must not be cut: their size hint is what the text needs.
_TEXT_WIDGETS = (QLabel, QAbstractButton, QComboBox)
# A pixel of rounding is not a problem an officer sees.
_SLACK = 1


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = f" “{widget.text()[:40]}”"
    return f"{type(widget).__name__} {widget.objectName() or '(không tên)'}{text}"


def _scrolls(widget: QWidget, top: QWidget) -> bool:
    """True when ``widget`` lives inside a scroll area's or item view's viewport below ``top``."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _ignored(widget: QWidget) -> bool:
    # Qt's own parts: menus and status bars lay their items out themselves; a tab bar scrolls.
    parent = widget.parentWidget()
    owners = (QMenuBar, QStatusBar, QTabBar, QAbstractScrollArea, QComboBox, QLineEdit)
    return isinstance(parent, owners) or isinstance(widget, QMenuBar | QStatusBar)


def _clipped_text(widget: QWidget) -> str | None:
    if not isinstance(widget, _TEXT_WIDGETS) or isinstance(widget, QTabBar):
        return None
    if isinstance(widget, QLabel):
        if not widget.text() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return None
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + _SLACK:
                return f"chữ bị cắt theo chiều dọc (cần {need}, có {widget.height()})"
            return None
    hint = widget.minimumSizeHint() if isinstance(widget, QComboBox) else widget.sizeHint()
    if hint.width() > widget.width() + _SLACK:
        return f"chữ bị cắt theo chiều ngang (cần {hint.width()}, có {widget.width()})"
    if hint.height() > widget.height() + _SLACK:
        return f"chữ bị cắt theo chiều dọc (cần {hint.height()}, có {widget.height()})"
    return None


def layout_problems(top: QWidget) -> list[str]:
    """Every visible widget below ``top`` that is not wholly shown, or whose text is cut."""
    problems: list[str] = []
    shown = QRect(QPoint(0, 0), top.size())
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.isWindow() or _ignored(widget):
            continue
        if _scrolls(widget, top):
            continue
        corner = widget.mapTo(top, QPoint(0, 0))
        rect = QRect(corner, widget.size())
        if not shown.adjusted(-_SLACK, -_SLACK, _SLACK, _SLACK).contains(rect):
            problems.append(f"{_name(widget)} nằm ngoài vùng hiển thị: {rect} ngoài {shown}")
            continue
        clipped = _clipped_text(widget)
        if clipped:
            problems.append(f"{_name(widget)}: {clipped}")
    return problems


def focusable_widgets(top: QWidget) -> list[QWidget]:
    """The widgets below ``top`` that the Tab key should reach (visible, enabled, tab focus)."""
    from PySide6.QtCore import Qt

    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or not widget.isEnabled() or widget.isWindow():
            continue
        if widget.focusProxy() is not None:
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus:
            found.append(widget)
    return found
