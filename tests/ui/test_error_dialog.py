"""An unexpected error in the middle of a change: the officer sees a Vietnamese message with the
log path, and the data is as it was before the change began."""

import json
import logging
import sys
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication

from kscdesk import app, paths
from kscdesk.formats.plan_json import content_from_json
from kscdesk.logging_setup import start_logging
from kscdesk.services.import_plan import store_parsed_plan
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui import prompts


def test_an_error_halfway_through_an_import_leaves_the_data_intact_and_names_the_log(
    empty_workspace: Workspace,
    vietnamese_app: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        prompts, "show_error", lambda parent, title, text, details="": shown.append(text)
    )
    source = paths.resource_path("sample", "demo_parent_plan.json")
    content = content_from_json(json.loads(source.read_text(encoding="utf-8")), source)
    real_insert = plans._insert_rows

    def fail_on_tasks(db: object, table: str, rows: list[dict[str, object]]) -> None:
        if table == "tasks":  # the plan row and its sections are written already
            raise RuntimeError("mất điện giữa chừng")
        real_insert(db, table, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(plans, "_insert_rows", fail_on_tasks)
    log_file, handler = start_logging(empty_workspace.folder)
    try:
        hook = app.make_excepthook(log_file)
        try:
            store_parsed_plan(empty_workspace, content)
        except RuntimeError:
            with caplog.at_level(logging.CRITICAL, logger="kscdesk.app"):
                hook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert len(shown) == 1 and str(log_file) in shown[0]
    assert "Dữ liệu đã lưu không bị ảnh hưởng" in shown[0]
    assert plans.list_plans(empty_workspace.db) == []
    assert empty_workspace.db.execute("SELECT count(*) FROM sections").fetchone() == (0,)
    check = empty_workspace.db.execute("PRAGMA integrity_check").fetchall()
    assert check == [("ok",)]
    assert Path(log_file).read_text(encoding="utf-8").count("mất điện giữa chừng") >= 1
