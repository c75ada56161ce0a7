"""Composition root: builds the QApplication, opens the Workspace, shows the MainWindow.

Nothing here is global: the Workspace is passed to the window explicitly. ``run_app`` is what
``kscdesk`` (no arguments) calls; ``run_selftest`` is ``kscdesk selftest``.
"""

import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kscdesk import APP_NAME, __version__, paths
from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.store.errors import StoreError
from kscdesk.ui import prompts
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.translator import install_vietnamese_translator

log = logging.getLogger(__name__)

LOG_FILE_NAME = "kscdesk.log"
# Tried in order when the platform's default font cannot draw Vietnamese.
VIETNAMESE_FONTS = ("Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "Tahoma")

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


def start_logging(data_folder: Path) -> tuple[Path, logging.Handler]:
    """A rotating log file in the data folder's logs/; returns its path and the handler."""
    folder = paths.log_dir(data_folder)
    folder.mkdir(parents=True, exist_ok=True)
    log_file = folder / LOG_FILE_NAME
    handler = RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return log_file, handler


def make_excepthook(log_file: Path) -> ExceptHook:
    """A sys.excepthook that logs the traceback and tells the officer where the log is."""
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
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
                details="".join(traceback.format_exception(exc_type, exc, tb)),
            )
        finally:
            showing = False

    return hook


# --- main window ----------------------------------------------------------------------------------


def open_main_window(workspace: Workspace) -> MainWindow:
    """Build and show the main window; on an empty data folder, offer the demo data."""
    window = MainWindow(workspace)
    window.show()
    if workspace.is_empty():
        QTimer.singleShot(0, window, lambda: offer_demo(window))
    return window


def offer_demo(window: MainWindow) -> None:
    """Ask whether to load the demo data; load it off the GUI thread when the answer is yes."""
    from kscdesk.services.demo import load_demo
    from kscdesk.ui.background import run_in_background

    wanted = prompts.ask_yes_no(
        window,
        "Dữ liệu mẫu",
        "Thư mục dữ liệu chưa có kế hoạch nào.\n\n"
        "Bạn có muốn nạp dữ liệu mẫu (một kế hoạch cấp trên, một phường mẫu với kế hoạch, "
        "tiến độ và minh chứng) để làm quen với phần mềm không?",
    )
    if not wanted:
        return
    task = run_in_background(
        window,
        window.workspace.folder,
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


def run_app(data_dir: Path) -> int:
    """The desktop app on ``data_dir``: the main window and the event loop; the exit code."""
    app = create_application()
    log_file, handler = start_logging(data_dir)
    previous_hook = sys.excepthook
    sys.excepthook = make_excepthook(log_file)
    log.info("kscdesk %s starting on %s", __version__, data_dir)
    try:
        try:
            workspace = Workspace.open(data_dir)
        except StoreError as error:
            prompts.show_warning(None, "Không mở được dữ liệu", str(error))
            return 1
        try:
            window = open_main_window(workspace)
            code = app.exec()
            window.deleteLater()
            return code
        finally:
            workspace.close()
    finally:
        sys.excepthook = previous_hook
        logging.getLogger().removeHandler(handler)
        handler.close()


# --- self-test ------------------------------------------------------------------------------------


def _looks_blank(image: QImage) -> bool:
    """True when a grid of sampled pixels holds fewer than four colours."""
    if image.isNull() or image.width() < 10 or image.height() < 10:
        return True
    colours = {
        image.pixel(x * image.width() // 40, y * image.height() // 40)
        for x in range(40)
        for y in range(40)
    }
    return len(colours) < 4


def _selftest_failures(window: MainWindow) -> list[str]:
    failures = []
    if not window.isVisible():
        failures.append("cửa sổ chính không hiển thị")
    model = window.plan_panel.task_model
    if model.task_count() == 0:
        failures.append("bảng nhiệm vụ không có dòng nào")
    if _looks_blank(window.grab().toImage()):
        failures.append("ảnh chụp cửa sổ trống")
    probe = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    if probe.button(QDialogButtonBox.StandardButton.Cancel).text() != "Hủy":
        failures.append("nút chuẩn của Qt chưa được dịch sang tiếng Việt")
    probe.deleteLater()
    return failures


def run_selftest(data_dir: Path | None) -> int:
    """Open the main window offscreen on a temporary copy of the demo data; 0 when it rendered.

    The user's data folder (``data_dir``) is never read or written: the test runs in a
    temporary folder that is deleted afterwards.
    """
    from kscdesk.services.demo import load_demo

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = create_application()
    del data_dir  # deliberately unused, see the docstring
    try:
        with (
            tempfile.TemporaryDirectory(prefix="kscdesk-selftest-") as tmp,
            Workspace.open(Path(tmp) / "data") as workspace,
        ):
            load_demo(workspace)
            window = open_main_window(workspace)
            app.processEvents()
            failures = _selftest_failures(window)
            shown = window.plan_panel.task_model.task_count()
            window.close()
            window.deleteLater()
            app.processEvents()
    except (ServiceError, StoreError, OSError) as error:
        print(f"Tự kiểm tra không đạt: {error}", file=sys.stderr)
        return 1
    if failures:
        print(f"Tự kiểm tra không đạt: {'; '.join(failures)}.", file=sys.stderr)
        return 1
    print(
        f"Tự kiểm tra đạt: cửa sổ chính hiển thị {shown} nhiệm vụ của dữ liệu mẫu "
        f"(kscdesk {__version__})."
    )
    return 0
