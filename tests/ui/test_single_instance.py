"""A second kscdesk hands its file to the running one instead of opening the database twice."""

import socket
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from kscdesk.cli import main
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.single_instance import InstanceServer, hand_over, instance_key


@pytest.fixture
def key(tmp_path: Path) -> str:
    return instance_key(tmp_path / "data", user=f"test-{tmp_path.name}")


def test_the_key_depends_on_the_user_and_the_data_folder(tmp_path: Path) -> None:
    a = instance_key(tmp_path / "a", user="lan")
    assert a == instance_key(tmp_path / "a" / ".." / "a", user="lan")
    assert a != instance_key(tmp_path / "b", user="lan")
    assert a != instance_key(tmp_path / "a", user="minh")


def test_without_a_running_instance_nothing_is_handed_over(
    vietnamese_app: QApplication, key: str
) -> None:
    assert not hand_over(key, None, timeout_s=0.2)


def test_a_second_start_hands_its_file_to_the_first(
    qtbot: QtBot, vietnamese_app: QApplication, key: str, tmp_path: Path
) -> None:
    first = InstanceServer(key)
    assert first.listen()
    received: list[str] = []
    first.file_received.connect(received.append)
    package = tmp_path / "gói cấp trên.kscx"
    package.write_bytes(b"x")
    assert hand_over(key, package)
    assert hand_over(key, None)
    qtbot.waitUntil(lambda: len(received) == 2)
    assert received == [str(package.resolve()), ""]
    second = InstanceServer(key)
    assert not second.listen()  # the first one is alive: the second does not take over
    first.close()


def test_a_name_left_by_a_crashed_instance_is_taken_over(
    vietnamese_app: QApplication, key: str
) -> None:
    crashed = InstanceServer(key)
    assert crashed.listen()
    path = crashed.server.fullServerName()
    crashed.server.close()
    if sys.platform != "win32":  # a killed process leaves its socket file behind on Unix
        stale = socket.socket(socket.AF_UNIX)
        stale.bind(path)
        stale.close()
        assert Path(path).exists()
    fresh = InstanceServer(key)
    assert fresh.listen()
    fresh.close()


def test_a_handed_over_file_brings_the_window_forward_and_opens_it(
    qtbot: QtBot,
    vietnamese_app: QApplication,
    demo_workspace: object,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window = MainWindow(demo_workspace.folder, demo_workspace)  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    opened: list[Path | None] = []
    monkeypatch.setattr(window, "import_plan", lambda path=None: opened.append(path))
    window.receive_file(str(tmp_path / "kế hoạch.docx"))
    qtbot.waitUntil(lambda: bool(opened))
    assert opened == [tmp_path / "kế hoạch.docx"]


def test_the_command_line_passes_a_file_to_open_to_the_window(tmp_path: Path) -> None:
    calls: list[tuple[Path, Path | None]] = []

    class Gui:
        def run_app(self, data_dir: Path, open_file: Path | None = None) -> int:
            calls.append((data_dir, open_file))
            return 0

        def run_selftest(self, data_dir: Path | None) -> int:
            return 0

    package = tmp_path / "a.kscx"
    assert main(["--data-dir", str(tmp_path), "--open", str(package)], gui=Gui()) == 0
    assert calls == [(tmp_path.resolve(), package)]
