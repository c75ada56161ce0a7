"""Composition root: builds the QApplication, opens the Workspace, shows the MainWindow.

Nothing here is global: the Workspace is passed to the window explicitly. ``run_app`` is what
``kscdesk`` (no arguments) calls; ``kscdesk selftest`` is in kscdesk/selftest.py. Modules that
are not needed to paint the first frame are imported where they are used (start-up time).
"""

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from kscdesk import APP_NAME, __version__
from kscdesk.logging_setup import start_logging
from kscdesk.services.errors import ServiceError
from kscdesk.store.errors import StoreError
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.translator import install_vietnamese_translator

if TYPE_CHECKING:  # the store is imported after the window is on screen (start-up time)
    from kscdesk.services.workspace import Workspace

log = logging.getLogger(__name__)

# Tried in order when the platform's default font cannot draw Vietnamese.
VIETNAMESE_FONTS = ("Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "Tahoma")

# benchmarks/bundle.py starts the bundled kscdesk with this set: it prints the mark at the
# window's first paint and quits, so a bundle's start-up can be timed without a test hook.
EXIT_AT_FIRST_PAINT_ENV = "KSCDESK_EXIT_AT_FIRST_PAINT"
FIRST_PAINT_MARK = "kscdesk-first-paint"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


# --- application ----------------------------------------------------------------------------------


def create_application() -> QApplication:
    """The QApplication, set up for Vietnamese; an existing instance (tests) is reused."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    if getattr(app, "_kscdesk_translator", None) is None:
        # Kept as an attribute so the translator lives as long as the application.
        app._kscdesk_translator = install_vietnamese_translator(app)  # type: ignore[attr-defined]
    _ensure_vietnamese_font(app)
    return app


def _ensure_vietnamese_font(app: QApplication) -> None:
    """Keep the platform font (Segoe UI on Windows) unless it lacks Vietnamese letters."""
    family = app.font().family()
    if QFontDatabase.WritingSystem.Vietnamese in QFontDatabase.writingSystems(family):
        return
    available = set(QFontDatabase.families(QFontDatabase.WritingSystem.Vietnamese))
    for candidate in VIETNAMESE_FONTS:
        if candidate in available:
            font = QFont(app.font())
            font.setFamily(candidate)
            app.setFont(font)
            return


# --- logging and unexpected errors ----------------------------------------------------------------


def make_excepthook(log_file: Path) -> ExceptHook:
    """A sys.excepthook that logs the traceback and tells the officer where the log is."""
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        from traceback import format_exception

        from kscdesk.ui import prompts

        log.critical("Unexpected error", exc_info=(exc_type, exc, tb))
        if showing:  # an error while showing the error: logged, not shown again
            return
        showing = True
        try:
            prompts.show_error(
                None,
                "Lỗi không mong đợi",
                "kscdesk gặp một lỗi chưa lường trước. Dữ liệu đã lưu không bị ảnh hưởng.\n\n"
                f"Chi tiết đã được ghi vào tệp nhật ký:\n{log_file}\n\n"
                "Hãy gửi tệp này cho người hỗ trợ kỹ thuật.",
                details="".join(format_exception(exc_type, exc, tb)),
            )
        finally:
            showing = False

    return hook


# --- main window ----------------------------------------------------------------------------------


def open_main_window(workspace: "Workspace") -> MainWindow:
    """Build and show the main window over an open workspace; offer the demo when it is empty."""
    window = MainWindow(workspace.folder, workspace)
    window.show_on_screen()
    if workspace.is_empty():
        QTimer.singleShot(0, window, lambda: first_start(window))
    return window


class _AfterFirstPaint(QObject):
    """Calls back once, right after the widget's first paint (or after a short fallback delay)."""

    FALLBACK_MS = 300

    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], object] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)  # once this paint has reached the screen
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def start_main_window(data_dir: Path) -> MainWindow:
    """Show the window at once; open the data folder right after its first paint.

    Opening the database (and importing the store) takes a moment on an old PC; the officer
    sees the window meanwhile, with "Đang mở dữ liệu…" on the plan page.
    """
    window = MainWindow(data_dir)
    window.show_on_screen()
    _AfterFirstPaint(window, lambda: attach_data_folder(window, data_dir))
    return window


def attach_data_folder(window: MainWindow, data_dir: Path) -> bool:
    """Open the workspace into the window; a folder that cannot be opened closes the window.

    A quick integrity check comes first: a damaged database is never opened for writing; the
    officer is offered the newest good backup (the damaged file is kept), or leaves.
    """
    from kscdesk.services.backups import check_data_folder
    from kscdesk.services.workspace import Workspace
    from kscdesk.ui import prompts
    from kscdesk.ui.data_safety import after_open, recover_damaged_folder

    def fail() -> bool:
        window.setProperty("kscdesk_failed", True)
        window.close()
        return False

    health = check_data_folder(data_dir)
    if health.problem is not None and not recover_damaged_folder(window, data_dir, health):
        return fail()
    try:
        workspace = Workspace.open(data_dir)
    except (StoreError, OSError) as error:
        prompts.show_warning(window, "Không mở được dữ liệu", str(error))
        return fail()
    window.attach_workspace(workspace)
    after_open(window, workspace)
    if workspace.is_empty():
        first_start(window)
    return True


def first_start(window: MainWindow) -> None:
    """An empty folder: without an office, the first-run wizard (office, officer, parent, or
    the demo); with an office but no plan yet, the offer of the demo data."""
    from kscdesk.services.offices import get_profile
    from kscdesk.ui import first_run, prompts

    workspace = window.workspace
    if workspace is None:
        return
    if get_profile(workspace).office is not None:
        offer_demo(window)
        return
    choice = first_run.run_first_run_wizard(window)
    if choice is None:
        return
    if choice.demo:
        load_demo_in_background(window)
        return
    try:
        first_run.apply_choice(workspace, choice)
    except ServiceError as error:
        prompts.show_warning(window, "Chưa lưu được đơn vị", str(error))
        return
    window.show_message(
        "Đã lưu đơn vị. Bước tiếp theo: Tệp → Nhập kế hoạch cấp trên… (Ctrl+O).", 20000
    )


def offer_demo(window: MainWindow) -> None:
    """Ask whether to load the demo data; load it off the GUI thread when the answer is yes."""
    from kscdesk.ui import prompts

    wanted = prompts.ask_yes_no(
        window,
        "Dữ liệu mẫu",
        "Thư mục dữ liệu chưa có kế hoạch nào.\n\n"
        "Bạn có muốn nạp dữ liệu mẫu (một kế hoạch cấp trên, một phường mẫu với kế hoạch, "
        "tiến độ và minh chứng) để làm quen với phần mềm không?",
    )
    if wanted:
        load_demo_in_background(window)


def load_demo_in_background(window: MainWindow) -> None:
    """Load the demo data off the GUI thread, then show it."""
    from kscdesk.services.demo import load_demo
    from kscdesk.ui import prompts
    from kscdesk.ui.background import run_in_background

    task = run_in_background(
        window,
        window.folder,
        lambda ws, _progress, _token: load_demo(ws),
        title="Đang nạp dữ liệu mẫu",
    )

    def loaded(result: object) -> None:
        window.reload()
        window.show_message("Đã nạp dữ liệu mẫu.")

    def failed(error: object) -> None:
        if isinstance(error, ServiceError | StoreError):
            prompts.show_warning(window, "Không nạp được dữ liệu mẫu", str(error))
        elif isinstance(error, BaseException):
            sys.excepthook(type(error), error, error.__traceback__)

    task.succeeded.connect(loaded)
    task.failed.connect(failed)


def run_app(data_dir: Path, open_file: Path | None = None) -> int:
    """The desktop app on ``data_dir``: the main window and the event loop; the exit code.

    When kscdesk already runs on this folder for this user, ``open_file`` (or just "come
    forward") is handed to that window instead and this process ends: the database is never
    opened twice.
    """
    from kscdesk.instance import hand_over, instance_key

    key = instance_key(data_dir)
    if hand_over(key, open_file):  # plain Python: before Qt is even set up
        return 0
    app = create_application()
    log_file, handler = start_logging(data_dir)
    previous_hook = sys.excepthook
    sys.excepthook = make_excepthook(log_file)
    log.info("kscdesk %s starting on %s", __version__, data_dir)
    window = start_main_window(data_dir)
    servers: list[QObject] = []

    def listen() -> None:
        """After the first paint (QtNetwork is not needed for it): take later starts' files."""
        from kscdesk.ui.single_instance import InstanceServer

        server = InstanceServer(key, app)
        if not server.listen() and hand_over(key, open_file):
            log.info("another kscdesk started at the same moment; handed over to it")
            window.close()
            app.quit()
            return
        server.file_received.connect(window.receive_file)
        servers.append(server)

    _AfterFirstPaint(window, listen)  # installed last, so it runs before the data is opened
    if os.environ.get(EXIT_AT_FIRST_PAINT_ENV):  # benchmarks/bundle.py times the real start
        _AfterFirstPaint(window, lambda: (print(FIRST_PAINT_MARK, flush=True), app.quit()))
    if open_file is not None:
        window.open_file(open_file)
    try:
        code = app.exec()
        return 1 if window.property("kscdesk_failed") else code
    finally:
        if window.workspace is not None:
            window.workspace.close()
        window.deleteLater()
        for server in servers:
            server.deleteLater()
        sys.excepthook = previous_hook
        logging.getLogger().removeHandler(handler)
        handler.close()
