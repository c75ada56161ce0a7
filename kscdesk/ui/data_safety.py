"""The window's side of data safety: recovery at start, the daily snapshot, restore from the menu,
and what the officer is told about a data folder on a network share or USB drive."""

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from kscdesk.services import backups
from kscdesk.services.errors import ServiceError
from kscdesk.store.errors import StoreError
from kscdesk.store.location import storage_notice
from kscdesk.ui import prompts

if TYPE_CHECKING:
    from kscdesk.services.workspace import Workspace
    from kscdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def choose_backup(
    parent: QWidget | None,
    folder: Path,
    *,
    problem: str | None = None,
    preselect: Path | None = None,
    workspace: "Workspace | None" = None,
) -> backups.BackupInfo | None:
    """Run the "Sao lưu và phục hồi" dialog; the backup chosen for a restore, or None."""
    from kscdesk.ui.restore_dialog import RestoreDialog

    dialog = RestoreDialog(
        folder, parent, problem=problem, preselect=preselect, workspace=workspace
    )
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def recover_damaged_folder(
    parent: QWidget | None, folder: Path, health: backups.FolderHealth
) -> bool:
    """The start-up check failed: offer the newest good backup. True when one was restored.

    Nothing is overwritten: the damaged file is kept as a copy in the backups folder first.
    """
    if health.newest_good is None:
        prompts.show_warning(
            parent,
            "Tệp dữ liệu bị hỏng",
            f"Tệp dữ liệu trong {folder} bị hỏng ({health.problem}) và không có bản sao lưu "
            "tốt nào để khôi phục. Tệp không bị thay đổi. Hãy liên hệ người hỗ trợ kỹ thuật "
            "(gửi kèm thư mục dữ liệu).",
        )
        return False
    chosen = choose_backup(
        parent, folder, problem=health.problem, preselect=health.newest_good.path
    )
    if chosen is None:
        return False
    return _restore(parent, folder, chosen)


def _restore(parent: QWidget | None, folder: Path, chosen: backups.BackupInfo) -> bool:
    try:
        result = backups.restore_backup(folder, chosen)
    except (ServiceError, StoreError, OSError) as error:
        prompts.show_warning(parent, "Không khôi phục được", str(error))
        return False
    kept = f"\n\nDữ liệu trước đó được giữ tại:\n{result.safety_copy}" if result.safety_copy else ""
    when = chosen.taken_at.strftime("%d/%m/%Y %H:%M")
    prompts.show_info(parent, "Đã khôi phục", f"Đã khôi phục bản sao lưu lúc {when}.{kept}")
    return True


def after_open(window: "MainWindow", workspace: "Workspace") -> None:
    """Once the folder is open: the first start of the day takes a snapshot; a folder off the
    local disk is explained."""
    try:
        saved = backups.take_daily_backup(workspace)
    except (StoreError, OSError) as error:
        log.error("daily backup failed: %s", error)
        window.show_message(f"Không sao lưu hằng ngày được: {error}", 0)
    else:
        if saved is not None:
            window.show_message("Đã sao lưu dữ liệu hằng ngày.")
    notice = storage_notice(workspace.storage)
    if notice:
        window.data_folder_label.setToolTip(notice)
        window.data_folder_label.setText(f"{window.data_folder_label.text()} ⚠")
        window.show_message(notice, 30000)


def restore_from_menu(window: "MainWindow") -> bool:
    """Sao lưu và phục hồi…: choose a backup, close the database, restore, reopen it."""
    from kscdesk.services.workspace import Workspace

    chosen = choose_backup(window, window.folder, workspace=window.workspace)
    if chosen is None:
        return False
    when = chosen.taken_at.strftime("%d/%m/%Y %H:%M")
    if not prompts.ask_yes_no(
        window,
        "Khôi phục bản sao lưu",
        f"Thay dữ liệu hiện tại bằng bản sao lưu lúc {when} ({chosen.label})?\n\n"
        "Dữ liệu hiện tại được sao lưu trước, nên có thể hoàn tác.",
        default_yes=False,
    ):
        return False
    if window.workspace is not None:
        window.workspace.close()
        window.workspace = None
    restored = _restore(window, window.folder, chosen)
    try:
        workspace = Workspace.open(window.folder)
    except (StoreError, OSError) as error:
        prompts.show_warning(window, "Không mở được dữ liệu", str(error))
        return False
    window.attach_workspace(workspace)
    return restored
