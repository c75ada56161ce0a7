"""Window layout that fits the screen and is remembered per user: geometry, splitters, columns.

Everything is kept in QSettings (the registry under HKCU on Windows), one place per user, so
the layout follows the officer, not the data folder. Splitters and table headers are found by
their object names, so a page added later is remembered without code of its own.
"""

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QWidget

# A screen smaller than this (logical pixels, available area) gets a maximised window: at
# 1366×768 and 125 % scaling the available area is about 1093×614.
COMFORTABLE = QSize(1280, 760)
# The preferred size on a large screen.
PREFERRED = QSize(1280, 800)

GEOMETRY_KEY = "window/geometry"
MAXIMISED_KEY = "window/maximised"
PAGE_KEY = "window/page"
SPLITTER_GROUP = "splitters"
HEADER_GROUP = "headers"
FOLDER_GROUP = "folders"


def _settings() -> QSettings:
    return QSettings()


def _path_name(widget: QWidget, top: QWidget) -> str:
    """ "plan_panel/task_table" – the object names from ``top`` down, stable across runs."""
    names: list[str] = []
    current: QWidget | None = widget
    while current is not None and current is not top:
        if current.objectName():
            names.append(current.objectName())
        current = current.parentWidget()
    return "/".join(reversed(names))


def _to_bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None


def available_geometry(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _visible_on_some_screen(rect: QRect) -> bool:
    """True when a good part of the title bar area lies on a screen that exists now."""
    probe = QRect(rect.x(), rect.y(), max(rect.width(), 1), 40)
    for screen in QGuiApplication.screens():
        overlap = screen.availableGeometry().intersected(probe)
        if overlap.width() >= min(200, probe.width()) and overlap.height() >= 20:
            return True
    return False


def fit_into(rect: QRect, area: QRect) -> QRect:
    """``rect`` shrunk to fit ``area`` and moved inside it."""
    size = rect.size().boundedTo(area.size())
    x = min(max(rect.x(), area.x()), area.x() + area.width() - size.width())
    y = min(max(rect.y(), area.y()), area.y() + area.height() - size.height())
    return QRect(x, y, size.width(), size.height())


def place_window(window: QMainWindow) -> bool:
    """Restore the saved geometry, or fit a first window to its screen; True when maximised.

    A geometry saved on a monitor that is gone comes back onto the primary screen. The caller
    shows the window with ``showMaximized()`` when this returns True.
    """
    settings = _settings()
    # A screen smaller than the designed minimum (1093×614 and up is designed for) still gets a
    # window that lies inside it.
    window.setMinimumSize(window.minimumSize().boundedTo(available_geometry(window).size()))
    saved = _to_bytes(settings.value(GEOMETRY_KEY))
    if saved is not None and window.restoreGeometry(saved):
        if not _visible_on_some_screen(window.frameGeometry()):
            primary: QScreen = QGuiApplication.primaryScreen()
            window.setGeometry(fit_into(window.geometry(), primary.availableGeometry()))
        else:
            window.setGeometry(fit_into(window.geometry(), available_geometry(window)))
        return bool(settings.value(MAXIMISED_KEY, False, type=bool))
    area = available_geometry(window)
    if area.width() < COMFORTABLE.width() or area.height() < COMFORTABLE.height():
        window.setGeometry(fit_into(window.geometry(), area))
        return True
    size = PREFERRED.boundedTo(area.size())
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(area.center())
    window.setGeometry(rect)
    return False


def save_window(window: QMainWindow, page: str) -> None:
    """Remember the geometry (the normal one, also when maximised), the page and the children."""
    settings = _settings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(MAXIMISED_KEY, window.isMaximized())
    settings.setValue(PAGE_KEY, page)
    save_children(window)


def saved_page() -> str:
    value = _settings().value(PAGE_KEY, "")
    return value if isinstance(value, str) else ""


def save_children(top: QWidget) -> None:
    """Splitter positions and header states (column widths, order, sort) below ``top``."""
    settings = _settings()
    for splitter in top.findChildren(QSplitter):
        name = _path_name(splitter, top)
        if name:
            settings.setValue(f"{SPLITTER_GROUP}/{name}", splitter.saveState())
    for header, name in _column_headers(top):
        settings.setValue(f"{HEADER_GROUP}/{name}", header.saveState())


def restore_children(top: QWidget, within: QWidget | None = None) -> None:
    """Put back what ``save_children`` kept (below ``within``, a page built later, when given;
    names stay relative to ``top``); a state that no longer fits is ignored."""
    settings = _settings()
    for splitter in (within or top).findChildren(QSplitter):
        name = _path_name(splitter, top)
        state = _to_bytes(settings.value(f"{SPLITTER_GROUP}/{name}")) if name else None
        if state is not None:
            splitter.restoreState(state)
    for header, name in _column_headers(top, within):
        state = _to_bytes(settings.value(f"{HEADER_GROUP}/{name}"))
        if state is not None:
            _restore_header(header, state)


def _column_headers(top: QWidget, within: QWidget | None = None) -> list[tuple[QHeaderView, str]]:
    """The column headers of the named views below ``within`` (default ``top``), named
    relative to ``top`` (row headers are not remembered)."""
    from PySide6.QtCore import Qt  # not at import: the window's first paint needs no Qt enums

    found = []
    for header in (within or top).findChildren(QHeaderView):
        view = header.parentWidget()
        if header.orientation() != Qt.Orientation.Horizontal or view is None:
            continue
        name = _path_name(view, top)
        if name and view.objectName() and header.count() and not header.isHidden():
            found.append((header, name))
    return found


def _restore_header(header: QHeaderView, state: QByteArray) -> None:
    count = header.count()
    if not header.restoreState(state) or header.count() != count:
        header.reset()


def last_folder(purpose: str) -> str:
    """The folder the officer last used in the file dialog for ``purpose`` ("" the first time)."""
    value = _settings().value(f"{FOLDER_GROUP}/{purpose}", "")
    return value if isinstance(value, str) else ""


def remember_folder(purpose: str, folder: str) -> None:
    _settings().setValue(f"{FOLDER_GROUP}/{purpose}", folder)


def fit_to_screen(window: QWidget) -> None:
    """Shrink a dialog or wizard designed larger than the officer's screen so it lies inside it.

    Call it at the end of the dialog's ``__init__``; the parent's screen counts when there is one.
    """
    anchor = window.parentWidget() or window
    area = available_geometry(anchor)
    window.setMinimumSize(window.minimumSize().boundedTo(area.size()))
    if window.width() > area.width() or window.height() > area.height():
        window.resize(window.size().boundedTo(area.size()))
