"""``kscdesk selftest``: the real start path, offscreen, on a temporary copy of the demo data."""

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from kscdesk import __version__
from kscdesk.app import create_application, start_main_window
from kscdesk.services.errors import ServiceError
from kscdesk.store.errors import StoreError
from kscdesk.ui.main_window import MainWindow

SELFTEST_WAIT_S = 15


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
    if window.plan_panel is None:
        return [*failures, "dữ liệu chưa được mở vào cửa sổ"]
    if window.plan_panel.task_model.task_count() == 0:
        failures.append("bảng nhiệm vụ không có dòng nào")
    if _looks_blank(window.grab().toImage()):
        failures.append("ảnh chụp cửa sổ trống")
    probe = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    if probe.button(QDialogButtonBox.StandardButton.Cancel).text() != "Hủy":
        failures.append("nút chuẩn của Qt chưa được dịch sang tiếng Việt")
    probe.deleteLater()
    failures.extend(_bundled_data_failures())
    failures.extend(_compiled_helper_failures())
    return failures


def _compiled_helper_failures() -> list[str]:
    """The compiled helpers that pages load only when first used work (in a bundle: were they
    packed?): the attachment hash, the package signature check, the report data decoder."""
    try:
        from kscdesk.formats.package.report_fast import decode_report_summary
        from kscdesk.formats.package.signing import generate_key, public_key_text, sign, verify
        from kscdesk.store.attachments import digest_of_bytes

        key = generate_key()
        signed = verify(public_key_text(key), sign(key, b"kscdesk"), b"kscdesk")
        hashed = digest_of_bytes(b"") == _BLAKE3_OF_NOTHING
        decoded = decode_report_summary(b"{}") is None  # not a report: the general way
    except (ImportError, OSError) as error:
        return [f"thiếu thành phần biên dịch ({error})"]
    checks = {"chữ ký gói": signed, "mã băm tệp đính kèm": hashed, "đọc dữ liệu báo cáo": decoded}
    return [f"{name} không hoạt động" for name, ok in checks.items() if not ok]


_BLAKE3_OF_NOTHING = "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"


def _bundled_data_failures() -> list[str]:
    """The data the first-run wizard needs is there (in a bundle: was it packed?)."""
    from kscdesk.services import divisions

    try:
        communes, districts = divisions.current_communes(), divisions.former_districts()
    except (ImportError, OSError, ValueError) as error:
        return [f"không đọc được danh mục đơn vị hành chính ({error})"]
    if len(communes) < 3000 or len(districts) < 600:
        return ["danh mục đơn vị hành chính không đầy đủ"]
    return []


def run_selftest(data_dir: Path | None) -> int:
    """Open the main window offscreen on a temporary copy of the demo data; 0 when it rendered.

    The user's data folder (``data_dir``) is never read or written: the test runs in a
    temporary folder that is deleted afterwards.
    """
    from tempfile import TemporaryDirectory

    from kscdesk.services.demo import load_demo
    from kscdesk.services.workspace import Workspace

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = create_application()
    del data_dir  # deliberately unused, see the docstring
    try:
        with TemporaryDirectory(prefix="kscdesk-selftest-") as tmp:
            folder = Path(tmp) / "data"
            with Workspace.open(folder) as workspace:
                load_demo(workspace)
            # The same path as `kscdesk`: window first, data folder after the first paint.
            window = start_main_window(folder)
            deadline = time.monotonic() + SELFTEST_WAIT_S
            while window.workspace is None and time.monotonic() < deadline:
                if window.property("kscdesk_failed"):
                    break
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            app.processEvents()
            failures = _selftest_failures(window)
            shown = window.plan_panel.task_model.task_count() if window.plan_panel else 0
            if window.workspace is not None:
                window.workspace.close()
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
