"""The plan page prints the commune's plan: the decision (.docx) and the table (.xlsx)."""

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from kscdesk.domain.model import PlanKind
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui import prompts
from kscdesk.ui.plan_panel import PlanPanel


@pytest.fixture
def panel(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> Iterator[PlanPanel]:
    widget = PlanPanel(demo_workspace.db, None, workspace=demo_workspace)
    qtbot.addWidget(widget)
    widget.resize(1093, 614)
    widget.reload_plans()
    widget.show()
    yield widget


def test_the_menu_writes_the_decision_of_the_own_plan(
    qtbot: QtBot, panel: PlanPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert panel.editor is not None
    shown: list[str] = []
    target = tmp_path / "qd.docx"
    monkeypatch.setattr(prompts, "choose_save_file", lambda *args: target)
    monkeypatch.setattr(prompts, "show_info", lambda parent, title, text: shown.append(text))
    action = panel.editor.menu_actions["export_decision_action"]
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert str(target) in shown[0]
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Điều 1. Ban hành kèm theo Quyết định này" in text


def test_a_parent_plan_has_no_decision_to_export_but_prints_its_table(
    qtbot: QtBot,
    panel: PlanPanel,
    demo_workspace: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert panel.editor is not None
    parent = next(s.uid for s in plans.list_plans(demo_workspace.db) if s.kind is PlanKind.PARENT)
    panel.select_plan(parent)
    assert not panel.editor.menu_actions["export_decision_action"].isEnabled()
    shown: list[str] = []
    target = tmp_path / "kh.xlsx"
    monkeypatch.setattr(prompts, "choose_save_file", lambda *args: target)
    monkeypatch.setattr(prompts, "show_info", lambda parent, title, text: shown.append(text))
    panel.editor.menu_actions["export_table_action"].trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert target.is_file()


def test_a_place_that_cannot_be_written_is_reported_in_vietnamese(
    qtbot: QtBot, panel: PlanPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert panel.editor is not None
    warned: list[str] = []
    folder = tmp_path / "no-such-folder" / "deeper"
    monkeypatch.setattr(prompts, "choose_save_file", lambda *args: folder / "qd.docx")
    monkeypatch.setattr(prompts, "show_warning", lambda p, t, text: warned.append(text))
    panel.editor.menu_actions["export_decision_action"].trigger()
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    assert "qd.docx" in warned[0] or "deeper" in warned[0]
    assert not (folder / "qd.docx").exists()
