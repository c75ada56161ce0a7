import logging
import threading

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from kscdesk.domain.work import CancelToken, ProgressCallback
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui.background import run_in_background


def test_the_result_arrives_on_the_gui_thread_from_a_worker_with_its_own_workspace(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> None:
    seen: dict[str, object] = {}

    def job(ws: Workspace, progress: ProgressCallback, token: CancelToken) -> int:
        seen["thread"] = threading.current_thread()
        seen["workspace"] = ws
        progress(1, 1, "Đang đếm")
        return len(plans.list_plans(ws.db))

    received: list[object] = []
    task = run_in_background(None, demo_workspace.folder, job, title="Đếm kế hoạch")
    task.succeeded.connect(lambda result: received.append(threading.current_thread()))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == [2]
    assert seen["thread"] is not threading.main_thread()
    assert seen["workspace"] is not demo_workspace
    assert received == [threading.main_thread()]
    assert task.is_done


def test_a_failure_arrives_as_the_exception(
    qtbot: QtBot,
    demo_workspace: Workspace,
    vietnamese_app: QApplication,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def job(ws: Workspace, progress: ProgressCallback, token: CancelToken) -> None:
        raise ValueError("hỏng")

    with caplog.at_level(logging.ERROR, logger="kscdesk.ui.background"):
        task = run_in_background(None, demo_workspace.folder, job, title="Thử lỗi")
        with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
            pass
    (error,) = blocker.args
    assert isinstance(error, ValueError) and str(error) == "hỏng"
    assert "Background job failed" in caplog.text


def test_a_slow_job_shows_a_progress_dialog_whose_cancel_button_stops_it(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> None:
    started = threading.Event()
    released = threading.Event()

    def job(ws: Workspace, progress: ProgressCallback, token: CancelToken) -> None:
        started.set()
        progress(1, 10, "Đang làm bước 1")
        released.wait(10)  # the step the officer cancels during
        token.raise_if_cancelled()

    task = run_in_background(None, demo_workspace.folder, job, title="Việc dài")
    qtbot.waitUntil(lambda: task.dialog is not None, timeout=5000)
    dialog = task.dialog
    assert dialog is not None
    assert dialog.windowTitle() == "Việc dài"
    qtbot.waitUntil(lambda: dialog.labelText() == "Đang làm bước 1", timeout=5000)
    (cancel,) = dialog.findChildren(QPushButton)
    assert cancel.text() == "Hủy"
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        assert task.token.is_cancelled
        released.set()
    assert started.is_set()
    assert task.dialog is None
    assert QApplication.overrideCursor() is None


def test_a_quick_job_shows_no_dialog(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> None:
    task = run_in_background(None, demo_workspace.folder, lambda ws, p, t: 1, title="Nhanh")
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    task.show_progress_dialog()  # the timer firing late must not open a dialog any more
    assert task.dialog is None


def test_byte_counts_beyond_two_gigabytes_move_the_bar_without_overflow(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> None:
    released = threading.Event()
    total = 16 * 200 * 1024 * 1024  # sixteen 200 MB files: more than a C int holds

    def job(ws: Workspace, progress: ProgressCallback, token: CancelToken) -> None:
        progress(total * 3 // 4, total, "Đang sao chép tệp")
        released.wait(10)

    task = run_in_background(None, demo_workspace.folder, job, title="Đính kèm")
    seen: list[tuple[object, object]] = []
    task.progressed.connect(lambda done, whole, what: seen.append((done, whole)))
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.value() > 0, timeout=5000)
    dialog = task.dialog
    assert dialog is not None
    assert dialog.value() / dialog.maximum() == pytest.approx(0.75, abs=0.01)
    with qtbot.waitSignal(task.finished, timeout=5000):
        released.set()
    assert set(seen) == {(total * 3 // 4, total)}
