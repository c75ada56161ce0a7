"""Run a service call off the GUI thread and hand its result back on the GUI thread.

Anki's op pattern: the job gets its own Workspace (a sqlite3 connection belongs to the thread
that opened it), a progress callback and a CancelToken. A busy cursor appears after 0.3 s and a
progress dialog with "Hủy" after 0.5 s; quick jobs show neither. Cancelling makes the service
raise ``Cancelled`` (its transaction rolls back) and the UI stays silent.
"""

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from kscdesk.domain.work import Cancelled, CancelToken, ProgressCallback
from kscdesk.services.workspace import Workspace

log = logging.getLogger(__name__)

BUSY_CURSOR_AFTER_MS = 300
PROGRESS_DIALOG_AFTER_MS = 500

_BAR_MAX = 2**31 - 1
Job = Callable[[Workspace, ProgressCallback, CancelToken], Any]


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from the worker arrive there queued."""

    progressed = Signal(object, object, str)  # byte counts pass 2**31: not a C int
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Worker(QRunnable):
    def __init__(self, folder: Path, job: Job, token: CancelToken, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._folder = folder
        self._job = job
        self._token = token
        self._relay = relay

    def run(self) -> None:
        relay = self._relay
        try:
            with Workspace.open(self._folder) as ws:
                result = self._job(ws, relay.progressed.emit, self._token)
        except Cancelled:
            relay.cancelled.emit()
        except Exception as error:  # delivered to the GUI thread, which decides what to show
            log.exception("Background job failed")
            relay.failed.emit(error)
        else:
            relay.succeeded.emit(result)


class BackgroundTask(QObject):
    """One running job. Connect to ``succeeded``/``failed``/``cancelled``; ``finished`` always."""

    progressed = Signal(object, object, str)  # byte counts pass 2**31: not a C int
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self._title = title
        self._parent_widget = parent
        self._dialog: QProgressDialog | None = None
        self._busy = False
        self._done = False
        # No Qt parent: the worker keeps its own reference, so the relay outlives this task
        # if the task is deleted while the worker still runs.
        self._relay = _Relay()
        self._relay.progressed.connect(self._on_progress)
        self._relay.succeeded.connect(self._on_succeeded)
        self._relay.failed.connect(self._on_failed)
        self._relay.cancelled.connect(self._on_cancelled)
        self._last_progress: tuple[int, int, str] = (0, 0, title)

    @property
    def is_done(self) -> bool:
        return self._done

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def cancel(self) -> None:
        self.token.cancel()

    def start(self, folder: Path, job: Job, pool: QThreadPool | None = None) -> None:
        QTimer.singleShot(BUSY_CURSOR_AFTER_MS, self, self._show_busy_cursor)
        QTimer.singleShot(PROGRESS_DIALOG_AFTER_MS, self, self.show_progress_dialog)
        (pool or QThreadPool.globalInstance()).start(_Worker(folder, job, self.token, self._relay))

    def _show_busy_cursor(self) -> None:
        if not self._done and not self._busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self._busy = True

    def show_progress_dialog(self) -> None:
        if self._done or self._dialog is not None:
            return
        dialog = QProgressDialog(self._parent_widget)
        dialog.setObjectName("progress_dialog")
        dialog.setWindowTitle(self._title)
        dialog.setCancelButtonText("Hủy")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._on_cancel_clicked)
        self._dialog = dialog
        self._on_progress(*self._last_progress)
        dialog.show()

    def _on_cancel_clicked(self) -> None:
        self.token.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText("Đang hủy…")

    def _on_progress(self, done: int, total: int, what: str) -> None:
        self._last_progress = (done, total, what)
        self.progressed.emit(done, total, what)
        dialog = self._dialog
        if dialog is None or self.token.is_cancelled:
            return
        shrink = max(1, total // _BAR_MAX + 1)  # the bar counts in C ints
        dialog.setMaximum(max(total // shrink, 0))  # 0: a busy bar when the total is unknown
        dialog.setValue(min(done, total) // shrink if total > 0 else 0)
        dialog.setLabelText(what or self._title)

    def _finish(self) -> None:
        self._done = True
        if self._busy:
            QApplication.restoreOverrideCursor()
            self._busy = False
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self._on_cancel_clicked)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _on_succeeded(self, result: object) -> None:
        self._finish()
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_failed(self, error: object) -> None:
        self._finish()
        self.failed.emit(error)
        self.finished.emit()

    def _on_cancelled(self) -> None:
        self._finish()
        self.cancelled.emit()
        self.finished.emit()


def run_in_background(
    parent: QWidget | None,
    folder: Path,
    job: Job,
    *,
    title: str,
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Start ``job(ws, progress, token)`` on a worker thread with its own Workspace on ``folder``.

    Connect to the returned task's signals right away: results arrive through the event loop,
    never before this function returns.
    """
    task = BackgroundTask(title, parent)
    task.start(folder, job, pool)
    return task
