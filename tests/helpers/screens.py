"""The pages and dialogs every screen test walks, and how to open each over a workspace.

A feature that adds a page gets it through kscdesk.ui.pages.PAGES; a feature that adds a dialog
adds an entry to DIALOGS, so the small-screen, scaling and keyboard tests cover it (issue 11).
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from kscdesk.services.workspace import Workspace


def _about(ws: Workspace, parent: QWidget) -> QDialog:
    from kscdesk.ui.about_dialog import AboutDialog

    return AboutDialog(ws.folder, parent)


def _import(ws: Workspace, parent: QWidget) -> QDialog:
    from kscdesk.ui.import_dialog import ImportDialog

    return ImportDialog(ws.folder, parent)


def _help(ws: Workspace, parent: QWidget) -> QDialog:
    from kscdesk.ui.help_dialog import HelpDialog

    return HelpDialog(parent)


def _shortcuts(ws: Workspace, parent: QWidget) -> QDialog:
    from kscdesk.ui.shortcuts_dialog import ShortcutsDialog

    return ShortcutsDialog(parent)


# (name, factory) — the dialog is built, shown and checked, then closed.
DIALOGS: tuple[tuple[str, Callable[[Workspace, QWidget], QDialog]], ...] = (
    ("about_dialog", _about),
    ("import_dialog", _import),
    ("help_dialog", _help),
    ("shortcuts_dialog", _shortcuts),
)


def demo_folder(folder: Path) -> Path:
    """A data folder with the demo data loaded."""
    from kscdesk.services.demo import load_demo

    with Workspace.open(folder) as ws:
        load_demo(ws)
    return folder
