"""TaskCommentsPanel: the parent office's comments on one task, from the receipts it sent back
(a report returned for correction names the tasks to fix), newest first."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from kscdesk.domain.period import parse_period_key
from kscdesk.services.workspace import Workspace
from kscdesk.store import receipts
from kscdesk.store.receipts import TaskCommentRecord

TAB_LABEL = "Ý kiến cấp trên"
NO_COMMENTS = "Cấp trên chưa có ý kiến nào về nhiệm vụ này."
DECISIONS = {"returned": "Trả lại để chỉnh sửa", "accepted": "Đã tiếp nhận"}


def comment_line(record: TaskCommentRecord) -> str:
    """ "Quý I năm 2025 – Trả lại để chỉnh sửa (20/03/2025): thiếu minh chứng …"."""
    period = parse_period_key(record.period_key).label
    decision = DECISIONS.get(record.decision, record.decision)
    try:
        day = f" ({datetime.fromisoformat(record.created_at):%d/%m/%Y})"
    except ValueError:
        day = ""
    return f"{period} – {decision}{day}: {record.comment}"


class TaskCommentsPanel(QWidget):
    """Read-only: the receipts' comments on the task shown in the detail pane."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.count = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.comments_label = QLabel(NO_COMMENTS, scroll)
        self.comments_label.setObjectName("task_comments_label")
        self.comments_label.setWordWrap(True)
        self.comments_label.setTextFormat(Qt.TextFormat.PlainText)
        self.comments_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.comments_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll.setWidget(self.comments_label)
        layout.addWidget(scroll)

    def set_task(self, task_uid: str | None) -> None:
        records = receipts.list_task_comments(self._ws.db, task_uid) if task_uid else []
        self.count = len(records)
        lines = [f"• {comment_line(record)}" for record in records]
        self.comments_label.setText("\n\n".join(lines) or NO_COMMENTS)

    def tab_label(self) -> str:
        """The tab's title, with the number of comments when there are any."""
        return f"{TAB_LABEL} ({self.count})" if self.count else TAB_LABEL
