"""Importing packages from the window: a dry run off the GUI thread, its summary, the officer's
go-ahead, then the import itself (again off the GUI thread), and what happened to each file.
A refusal the officer may override (a changed key, an older package) is asked about first."""

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


def confirmation_text(items: list[ImportItem]) -> str:
    """The question asked after the dry run, before anything is saved."""
    return "Kết quả kiểm tra (chưa lưu gì):\n\n" + summary_text(items) + "\n\nNhận các gói hợp lệ?"


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
        options = self._overrides(items)
        if options is None:
            self._go_ahead(source, items, ImportOptions())
            return
        # The officer overrode a refusal: check again (still a dry run) with it.
        check = ImportOptions(True, options.accept_new_key, options.allow_older)
        self._run(source, check, lambda again: self._go_ahead(source, again, options))

    def _overrides(self, items: list[ImportItem]) -> ImportOptions | None:
        keys = [item for item in items if item.reason == "key_changed"]
        older = [item for item in items if item.reason == "older"]
        accept_key = bool(keys) and prompts.ask_yes_no(
            self._widget,
            "Khóa ký đã thay đổi",
            "\n\n".join(item.message for item in keys)
            + "\n\nBạn đã gọi điện cho đơn vị, so vân tay khớp và chấp nhận khóa mới?",
            default_yes=False,
        )
        allow_older = bool(older) and prompts.ask_yes_no(
            self._widget,
            "Gói cũ hơn gói đã nhận",
            "\n\n".join(item.message for item in older)
            + "\n\nNhập lại có chủ ý các gói cũ hơn này (chúng sẽ thay bản đang dùng)?",
            default_yes=False,
        )
        if not (accept_key or allow_older):
            return None
        return ImportOptions(accept_new_key=accept_key, allow_older=allow_older)

    def _go_ahead(self, source: Path, items: list[ImportItem], options: ImportOptions) -> None:
        if not any(item.accepted for item in items):
            self.done.emit(summary_text(items))
            return
        question = confirmation_text(items)
        if not prompts.ask_yes_no(self._widget, "Nhận gói trao đổi", question):
            self.done.emit("Đã hủy, không nhận gói nào.")
            return
        self._run(source, options, lambda result: self.done.emit(summary_text(result)))

    def _failed(self, error: object) -> None:
        self.done.emit(f"Không nhận được: {error}")
