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
    placeholder: Callable[[], QWidget]  # shown before the workspace is open
    # Builds the real page over the open workspace (imports lazily: start-up time); None while
    # the feature is not built.
    build: "Callable[[Workspace, QWidget], QWidget] | None" = None


def _plan_panel(workspace: "Workspace", parent: QWidget) -> QWidget:
    from kscdesk.ui.plan_panel import PlanPanel

    panel = PlanPanel(workspace.db, parent)
    panel.reload_plans()
    return panel


def _exchange_panel(workspace: "Workspace", parent: QWidget) -> QWidget:
    from kscdesk.ui.exchange_panel import ExchangePanel

    return ExchangePanel(workspace, parent)


PAGES: tuple[Page, ...] = (
    Page("plan_panel", "Kế hoạch", placeholder_panel.loading_panel, _plan_panel),
    Page("progress_panel", "Tiến độ", placeholder_panel.progress_panel),
    Page("indicators_panel", "Chỉ tiêu", placeholder_panel.indicators_panel),
    Page("reports_panel", "Báo cáo", placeholder_panel.reports_panel),
    Page("exchange_panel", "Trao đổi", placeholder_panel.exchange_panel, _exchange_panel),
)
