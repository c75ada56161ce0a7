"""The pages of the main window: their order, labels, and how each is built over a workspace.

A page shows its placeholder from the first paint; when the workspace is open, the pages that
have a ``build`` function are built and take the placeholder's place. A feature adds its page by
giving its entry a ``build`` function here; the window itself does not change.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from kscdesk.ui import placeholder_panel

if TYPE_CHECKING:
    from kscdesk.services.workspace import Workspace


@dataclass(frozen=True)
class Page:
    """One entry of the navigation list."""

    name: str  # object name of the page widget
    label: str  # navigation label
    placeholder: Callable[[], QWidget]  # shown before the workspace is open ("Đang mở dữ liệu…")
    # Builds the real page over the open workspace (imports lazily: start-up time).
    build: "Callable[[Workspace, QWidget], QWidget] | None" = None


def _plan_panel(workspace: "Workspace", parent: QWidget) -> QWidget:
    from kscdesk.ui.evidence_window import install_evidence_action
    from kscdesk.ui.plan_panel import PlanPanel

    panel = PlanPanel(workspace.db, parent, workspace=workspace)
    panel.reload_plans()
    install_evidence_action(panel, workspace)
    return panel


def _settings_page(workspace: "Workspace", parent: QWidget) -> QWidget:
    from kscdesk.ui.settings.page import SettingsPage

    return SettingsPage(workspace, parent)


def _todo_page(workspace: "Workspace", parent: QWidget) -> QWidget:
    from kscdesk.ui.todo_page import TodoPage

    page = TodoPage(workspace, parent)

    def open_task(task_uid: str) -> None:
        # The window shows the progress page with the task selected (duck-typed: no import).
        built = getattr(parent, "built_page", None)
        panel = built("progress_panel") if built else None
        if panel is not None:
            parent.show_page("progress_panel")  # type: ignore[attr-defined]
            panel.select_task(task_uid)

    page.open_task.connect(open_task)
    return page


def _progress_panel(workspace: "Workspace", parent: QWidget) -> QWidget:
    from kscdesk.ui.evidence_panel import EvidencePanel
    from kscdesk.ui.progress_panel import ProgressPanel

    panel = ProgressPanel(workspace, parent)
    evidence = EvidencePanel(workspace, panel)
    evidence.setObjectName("progress_evidence_panel")
    panel.add_detail_tab(evidence, "Minh chứng")
    # The evidence of the task in the detail pane, checked against the period in view.
    panel.task_selected.connect(lambda uid: evidence.set_task(uid or None, panel.period_key))
    evidence.changed.connect(lambda _change: panel.reload())
    return panel


def _indicators_panel(workspace: "Workspace", parent: QWidget) -> QWidget:
    from kscdesk.ui.indicators_panel import IndicatorsPanel

    return IndicatorsPanel(workspace, parent)


def _reports_panel(workspace: "Workspace", parent: QWidget) -> QWidget:
    from kscdesk.ui.reports_panel import ReportsPanel

    return ReportsPanel(workspace, parent)


def _exchange_panel(workspace: "Workspace", parent: QWidget) -> QWidget:
    from kscdesk.ui.exchange_panel import ExchangePanel

    return ExchangePanel(workspace, parent)


PAGES: tuple[Page, ...] = (
    Page("todo_panel", "Việc cần làm", placeholder_panel.loading_panel, _todo_page),
    Page("plan_panel", "Kế hoạch", placeholder_panel.loading_panel, _plan_panel),
    Page("progress_panel", "Tiến độ", placeholder_panel.loading_panel, _progress_panel),
    Page("indicators_panel", "Chỉ tiêu", placeholder_panel.loading_panel, _indicators_panel),
    Page("reports_panel", "Báo cáo", placeholder_panel.loading_panel, _reports_panel),
    Page("exchange_panel", "Trao đổi", placeholder_panel.loading_panel, _exchange_panel),
    Page("settings_panel", "Cài đặt", placeholder_panel.loading_panel, _settings_page),
)
