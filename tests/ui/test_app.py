import logging
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from kscdesk import app
from kscdesk.domain.model import Level
from kscdesk.logging_setup import start_logging
from kscdesk.selftest import run_selftest
from kscdesk.services.offices import OfficeSpec, set_office
from kscdesk.services.workspace import Workspace
from kscdesk.ui import first_run, prompts
from kscdesk.ui.first_run import FirstRunChoice


def test_selftest_renders_the_demo_and_returns_0(
    vietnamese_app: QApplication, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    user_folder = tmp_path / "user-data"
    assert run_selftest(user_folder) == 0
    out = capsys.readouterr().out
    assert out.startswith("Tự kiểm tra đạt: cửa sổ chính hiển thị ")
    assert not user_folder.exists()  # the user's folder is never touched


def test_selftest_fails_when_a_compiled_helper_does_not_work(
    vietnamese_app: QApplication,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kscdesk.formats.package import signing

    monkeypatch.setattr(signing, "verify", lambda key, signature, data: False)
    assert run_selftest(tmp_path / "user-data") != 0
    assert "chữ ký gói không hoạt động" in capsys.readouterr().err


def test_first_start_on_an_empty_folder_shows_the_wizard_whose_demo_choice_loads_the_demo(
    qtbot: QtBot,
    empty_workspace: Workspace,
    vietnamese_app: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[bool] = []

    def choose_demo(parent: object) -> FirstRunChoice:
        shown.append(True)
        return FirstRunChoice(demo=True)

    monkeypatch.setattr(first_run, "run_first_run_wizard", choose_demo)
    window = app.open_main_window(empty_workspace)
    qtbot.addWidget(window)
    assert window.plan_panel.task_model.rowCount() == 0
    qtbot.waitUntil(lambda: window.plan_panel.task_model.task_count() > 0, timeout=10000)
    assert shown == [True]
    assert window.plan_panel.ui.plan_combo.count() == 2


def test_putting_the_wizard_off_leaves_the_folder_empty(
    qtbot: QtBot,
    empty_workspace: Workspace,
    vietnamese_app: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(first_run, "run_first_run_wizard", lambda p: asked.append(True))
    window = app.open_main_window(empty_workspace)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: asked == [True])
    assert empty_workspace.is_empty()
    assert window.plan_panel.ui.plan_info_label.text().startswith("Chưa có kế hoạch nào")


def test_a_folder_with_an_office_but_no_plan_is_offered_the_demo(
    qtbot: QtBot,
    empty_workspace: Workspace,
    vietnamese_app: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_office(empty_workspace, OfficeSpec("Phường Đức Phổ", Level.COMMUNE))
    questions: list[str] = []
    monkeypatch.setattr(first_run, "run_first_run_wizard", lambda p: questions.append("wizard"))
    monkeypatch.setattr(
        prompts, "ask_yes_no", lambda parent, title, text, **k: questions.append(title) or False
    )
    window = app.open_main_window(empty_workspace)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(questions))
    assert questions == ["Dữ liệu mẫu"]


def test_a_folder_with_plans_is_not_offered_the_demo(
    qtbot: QtBot,
    demo_workspace: Workspace,
    vietnamese_app: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*args: object, **kwargs: object) -> bool:
        raise AssertionError("asked")

    monkeypatch.setattr(prompts, "ask_yes_no", fail)
    window = app.open_main_window(demo_workspace)
    qtbot.addWidget(window)
    qtbot.wait(50)  # let the event loop run any queued question
    assert window.plan_panel.task_model.task_count() > 0


def test_an_unexpected_error_is_logged_and_shown_with_the_log_path(
    tmp_path: Path,
    vietnamese_app: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        prompts,
        "show_error",
        lambda parent, title, text, details="": shown.append((title, text, details)),
    )
    log_file, handler = start_logging(tmp_path)
    try:
        hook = app.make_excepthook(log_file)
        try:
            raise RuntimeError("lỗi thử")
        except RuntimeError:
            with caplog.at_level(logging.CRITICAL, logger="kscdesk.app"):
                hook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    ((title, text, details),) = shown
    assert title == "Lỗi không mong đợi"
    assert str(log_file) in text
    assert "RuntimeError: lỗi thử" in details
    assert "RuntimeError: lỗi thử" in log_file.read_text(encoding="utf-8")
