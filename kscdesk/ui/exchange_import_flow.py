"""Importing packages from the window: a dry run off the GUI thread, its summary, the officer's
go-ahead, then the import itself (again off the GUI thread), and what happened to each file."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kscdesk.services.exchange_import import ImportItem, ImportOptions, import_packages
from kscdesk.ui import prompts
from kscdesk.ui.background import BackgroundTask, run_in_background


def summary_text(items: list[ImportItem]) -> str:
    lines = []
    for item in items:
        if item.accepted:
            lines.append(f"✔ {item.file.name}: {item.outcome.label}. {item.message}")
        else:
            lines.append(f"✘ {item.message}")
    accepted = sum(1 for item in items if item.accepted)
    lines.append(f"\nNhận {accepted}/{len(items)} gói; từ chối {len(items) - accepted}.")
    return "\n".join(lines)


class ImportFlow(QObject):
    """Runs dry run → confirm → import for one file or folder; ``done`` carries the summary."""

    done = Signal(str)

    def __init__(self, folder: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self._folder = folder
        self._widget = parent
        self.task: BackgroundTask | None = None

    def start(self, source: Path) -> None:
        self._run(source, ImportOptions(dry_run=True), lambda items: self._confirm(source, items))

    def _run(
        self, source: Path, options: ImportOptions, then: Callable[[list[ImportItem]], None]
    ) -> None:
        def job(ws, progress, cancel):  # type: ignore[no-untyped-def]
            return import_packages(ws, source, options, progress=progress, cancel=cancel)

        self.task = run_in_background(self._widget, self._folder, job, title="Đang nhận gói…")
        self.task.succeeded.connect(then)
        self.task.failed.connect(self._failed)

    def _confirm(self, source: Path, items: list[ImportItem]) -> None:
        if not any(item.accepted for item in items):
            self.done.emit(summary_text(items))
            return
        question = (
            "Kết quả kiểm tra (chưa lưu gì):\n\n" + summary_text(items) + "\n\nNhận các gói hợp lệ?"
        )
        if not prompts.ask_yes_no(self._widget, "Nhận gói trao đổi", question):
            self.done.emit("Đã hủy, không nhận gói nào.")
            return
        self._run(source, ImportOptions(), lambda result: self.done.emit(summary_text(result)))

    def _failed(self, error: object) -> None:
        self.done.emit(f"Không nhận được: {error}")
