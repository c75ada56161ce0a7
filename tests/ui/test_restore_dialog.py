"""Sao lưu và phục hồi: the dialog, the menu's restore, and starting on a damaged database."""

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers.damage import damage
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from kscdesk import app, paths
from kscdesk.services import backups
from kscdesk.services.offices import get_officer_name, set_officer_name
from kscdesk.services.workspace import Workspace
from kscdesk.store import backup as store_backup
from kscdesk.ui import data_safety, prompts
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.restore_dialog import RestoreDialog


@pytest.fixture
def quiet_prompts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(prompts, "show_info", lambda p, title, text: said.append(title))
    monkeypatch.setattr(prompts, "show_warning", lambda p, title, text: said.append(title))
    monkeypatch.setattr(prompts, "ask_yes_no", lambda *a, **k: said.append("?") or True)
    return said


OLDER = (datetime.now() - timedelta(days=9)).replace(hour=8, minute=0, second=0, microsecond=0)
NEWER = (datetime.now() - timedelta(days=2)).replace(hour=9, minute=0, second=0, microsecond=0)


def two_backups(ws: Workspace) -> tuple[Path, Path]:
    """Two backups in the last days (older ones would be thinned away by the next backup)."""
    set_officer_name(ws, "Người cũ")
    older = store_backup.backup_database(ws.db, ws.backups_dir, "hang ngay", now=OLDER)
    set_officer_name(ws, "Người mới")
    newer = store_backup.backup_database(ws.db, ws.backups_dir, "truoc khi nhap", now=NEWER)
    return older, newer


def test_the_dialog_lists_backups_newest_first_and_backs_up_on_request(
    qtbot: QtBot, vietnamese_app: QApplication, demo_workspace: Workspace
) -> None:
    two_backups(demo_workspace)
    dialog = RestoreDialog(demo_workspace.folder, workspace=demo_workspace)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert [model.data(model.index(r, 0)) for r in range(2)] == [
        NEWER.strftime("%d/%m/%Y 09:00:00"),
        OLDER.strftime("%d/%m/%Y 08:00:00"),
    ]
    assert model.data(model.index(0, 1)) == "Trước khi nhập kế hoạch"
    assert not dialog.restore_button.isEnabled()  # nothing chosen yet
    dialog.backup_button.click()
    assert model.rowCount() == 3
    assert dialog.chosen() is not None and dialog.chosen().label == "Sao lưu thủ công"
    assert dialog.restore_button.isEnabled()
    dialog.resize(dialog.sizeHint().expandedTo(dialog.size()))
    assert dialog.width() <= 1093 and dialog.height() <= 614
    dialog.grab().save("/tmp/kscdesk-restore-dialog.png")


def test_restore_from_the_menu_brings_back_the_chosen_backup_and_keeps_the_current_data(
    qtbot: QtBot,
    vietnamese_app: QApplication,
    demo_template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    quiet_prompts: list[str],
) -> None:
    folder = tmp_path / "own"
    folder.mkdir()
    shutil.copy2(paths.database_path(demo_template), paths.database_path(folder))
    workspace = Workspace.open(folder)  # the window closes and reopens it
    older, _ = two_backups(workspace)
    window = MainWindow(folder, workspace)
    qtbot.addWidget(window)
    old_panel = window.plan_panel
    monkeypatch.setattr(
        data_safety, "choose_backup", lambda *a, **k: backups.find_backup(window.folder, older.name)
    )
    assert window.show_backups()
    assert window.workspace is not None and window.workspace is not workspace
    assert get_officer_name(window.workspace) == "Người cũ"
    assert window.plan_panel is not None and window.plan_panel is not old_panel
    assert window.plan_panel.task_model.task_count() == 35
    assert backups.list_backups(window.folder)[0].label == "Trước khi khôi phục"
    assert quiet_prompts == ["?", "Đã khôi phục"]
    window.workspace.close()


def test_starting_on_a_damaged_database_offers_the_newest_good_backup_and_leaving_changes_nothing(
    qtbot: QtBot,
    vietnamese_app: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    quiet_prompts: list[str],
) -> None:
    folder = tmp_path / "data"
    with Workspace.open(folder) as ws:
        from kscdesk.services.demo import load_demo

        load_demo(ws)
        good, bad = two_backups(ws)
    damage(bad)
    database = paths.database_path(folder)
    damage(database)
    damaged = database.read_bytes()
    offered: list[tuple[str | None, Path | None]] = []

    def decline(parent: object, folder: Path, **kwargs: object) -> None:
        offered.append((kwargs.get("problem"), kwargs.get("preselect")))  # type: ignore[arg-type]
        return None

    monkeypatch.setattr(data_safety, "choose_backup", decline)
    window = app.start_main_window(folder)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window.property("kscdesk_failed")), timeout=5000)
    assert offered and offered[0][0] and offered[0][1] == good  # the newest GOOD one
    assert database.read_bytes() == damaged  # nothing overwritten
    assert len(backups.list_backups(folder)) == 2


def test_starting_on_a_damaged_database_and_restoring_opens_the_backup(
    qtbot: QtBot,
    vietnamese_app: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    quiet_prompts: list[str],
) -> None:
    folder = tmp_path / "data"
    with Workspace.open(folder) as ws:
        from kscdesk.services.demo import load_demo

        load_demo(ws)
        two_backups(ws)
    database = paths.database_path(folder)
    damage(database)
    damaged = database.read_bytes()
    monkeypatch.setattr(
        data_safety,
        "choose_backup",
        lambda parent, folder, **k: backups.find_backup(folder, k["preselect"].name),
    )
    window = app.start_main_window(folder)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert get_officer_name(window.workspace) == "Người mới"
    kept = [b for b in backups.list_backups(folder) if b.label == "Trước khi khôi phục"]
    assert len(kept) == 1 and kept[0].path.read_bytes() == damaged
    window.workspace.close()


def test_on_a_damaged_file_the_dialog_explains_and_offers_no_backup_of_it(
    qtbot: QtBot, vietnamese_app: QApplication, demo_workspace: Workspace
) -> None:
    _, newer = two_backups(demo_workspace)
    dialog = RestoreDialog(
        demo_workspace.folder, problem="database disk image is malformed", preselect=newer
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.backup_button.isVisible()
    assert dialog.close_button.text() == "Thoát (không thay đổi gì)"
    assert "Tệp dữ liệu bị hỏng" in dialog.intro_label.text()
    assert dialog.chosen() is not None and dialog.chosen().path == newer
    dialog.grab().save("/tmp/kscdesk-restore-damaged.png")


def test_a_data_folder_on_a_usb_drive_is_explained_in_the_status_bar(
    qtbot: QtBot, vietnamese_app: QApplication, demo_workspace: Workspace
) -> None:
    from kscdesk.store.location import Storage, StorageKind

    demo_workspace.storage = Storage(StorageKind.REMOVABLE, "vfat", "/media/usb")
    window = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(window)
    data_safety.after_open(window, demo_workspace)
    assert "USB" in window.data_folder_label.toolTip()
    assert "USB" in window.ui.status_bar.currentMessage()
