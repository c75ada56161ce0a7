"""The parent's comments from a returned report, seen on the task they concern in the progress
page's task detail (issue 9: "the commune … sees the comments on the tasks concerned")."""

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kscdesk.services.workspace import Workspace
from kscdesk.store import receipts
from kscdesk.ui.progress_model import UID_ROLE
from kscdesk.ui.progress_panel import ProgressPanel
from kscdesk.ui.task_comments_panel import NO_COMMENTS

pytestmark = pytest.mark.gui


def _click(qtbot: QtBot, panel: ProgressPanel, number: str) -> None:
    index = panel.task_index(number)
    panel.table.scrollTo(index)
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: panel.selected_task_uid() == index.data(UID_ROLE))


def test_a_returned_reports_comment_shows_on_its_task_and_only_there(
    qtbot: QtBot, vietnamese_app: QApplication, demo_workspace: Workspace
) -> None:
    panel = ProgressPanel(demo_workspace, today=date(2023, 3, 10))
    qtbot.addWidget(panel)
    panel.resize(930, 560)
    panel.show()
    task_uid = str(panel.task_index("6").data(UID_ROLE))
    receipts.save_receipt(
        demo_workspace.db,
        "receipt-1",
        "in",
        None,
        "2023-Q1",
        "returned",
        "Bổ sung số liệu.",
        None,
        [(task_uid, "6", "Thiếu văn bản triển khai")],
    )
    tabs = panel.detail_tabs
    comments = panel.comments_panel
    _click(qtbot, panel, "6")
    assert tabs.tabText(tabs.indexOf(comments)) == "Ý kiến cấp trên (1)"
    text = comments.comments_label.text()
    assert text.startswith("• Quý I năm 2023 – Trả lại để chỉnh sửa (")
    assert text.endswith("): Thiếu văn bản triển khai")
    tabs.setCurrentWidget(comments)
    qtbot.waitUntil(comments.comments_label.isVisible)
    _click(qtbot, panel, "1a")
    assert comments.comments_label.text() == NO_COMMENTS
    assert tabs.tabText(tabs.indexOf(comments)) == "Ý kiến cấp trên"
