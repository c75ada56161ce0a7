"""Print the plan: the decision issuing the commune's plan (.docx) or the plan table (.xlsx).

The file is chosen with a save dialog and written off the GUI thread; the officer is told where
it went, or why it could not be written (a file open in Word, a read-only USB stick).
"""

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.ui import prompts
from kscdesk.ui.background import BackgroundTask, run_in_background

DECISION_TITLE = "Lưu quyết định ban hành kế hoạch"
TABLE_TITLE = "Lưu bảng kế hoạch để in"


def _start(parent: QWidget, ws: Workspace, job: Any, title: str, done: str) -> BackgroundTask:
    task = run_in_background(parent, ws.folder, job, title=title)

    def written(path: object) -> None:
        prompts.show_info(parent, "Đã xuất kế hoạch", f"{done}:\n{path}")

    def failed(error: object) -> None:
        message = str(error) if isinstance(error, ServiceError | OSError) else repr(error)
        prompts.show_warning(parent, "Không xuất được kế hoạch", message)

    task.succeeded.connect(written)
    task.failed.connect(failed)
    return task


def export_decision(parent: QWidget, ws: Workspace, plan_uid: str) -> BackgroundTask | None:
    """Ask where, then write "Quyết định ban hành Kế hoạch …" with the plan annexed."""
    from kscdesk.services.plan_decision import export_plan_docx

    out = prompts.choose_save_file(
        parent, DECISION_TITLE, "Tệp Word (*.docx)", Path("Quyet-dinh-ban-hanh-ke-hoach.docx")
    )
    if out is None:
        return None
    return _start(
        parent,
        ws,
        lambda worker, _progress, _token: export_plan_docx(worker, plan_uid, out),
        "Đang lập quyết định",
        "Đã lập quyết định ban hành kế hoạch (số và ngày để trống cho văn thư)",
    )


def export_table(parent: QWidget, ws: Workspace, plan_uid: str) -> BackgroundTask | None:
    """Ask where, then write the plan table as a printable Excel file."""
    from kscdesk.services.plans import export_plan_xlsx

    out = prompts.choose_save_file(parent, TABLE_TITLE, "Tệp Excel (*.xlsx)", Path("Ke-hoach.xlsx"))
    if out is None:
        return None
    return _start(
        parent,
        ws,
        lambda worker, _progress, _token: export_plan_xlsx(worker, plan_uid, out),
        "Đang xuất bảng kế hoạch",
        "Đã xuất bảng kế hoạch",
    )
