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


def _own_plan(ws: Workspace) -> str:
    from kscdesk.domain.model import PlanKind
    from kscdesk.store import plans

    return next(s.uid for s in plans.list_plans(ws.db) if s.kind is PlanKind.OWN)


def _task_with_evidence(ws: Workspace) -> str:
    """The first task of the demo's own plan that has evidence records."""
    from kscdesk.store import plans, progress

    own = _own_plan(ws)
    with_evidence = progress.list_evidence_for_plan(ws.db, own)
    return next(uid for uid in plans.list_task_uids(ws.db, own) if uid in with_evidence)


def _derive(ws: Workspace, parent: QWidget) -> QDialog:
    from kscdesk.ui.derive_dialog import DeriveDialog

    return DeriveDialog(ws, parent)


def _rules(ws: Workspace, parent: QWidget) -> QDialog:
    """The wording rules suggested for the ward, with the preview of their changes listed."""
    from kscdesk.ui.rules_dialog import RulesDialog

    dialog = RulesDialog(ws, _own_plan(ws), parent)
    dialog.use_defaults()
    dialog.add_crosswalk()
    dialog.preview()
    return dialog


def _units(ws: Workspace, parent: QWidget) -> QDialog:
    from kscdesk.ui.units_dialog import UnitsDialog

    return UnitsDialog(ws, parent)


def _plan_update(ws: Workspace, parent: QWidget) -> QDialog:
    """The comparison with a re-issued parent plan, its first change selected."""
    from helpers.plan_revision import store_revision
    from kscdesk.domain.model import PlanKind
    from kscdesk.store import plans
    from kscdesk.ui.plan_update_dialog import PlanUpdateDialog

    if not any(s.kind is PlanKind.PARENT and s.version > 1 for s in plans.list_plans(ws.db)):
        store_revision(ws)
    dialog = PlanUpdateDialog(ws, _own_plan(ws), lambda call: call(), parent)
    dialog.view.selectRow(0)
    return dialog


def _evidence_window(ws: Workspace, parent: QWidget) -> QDialog:
    from kscdesk.ui.evidence_window import EvidenceWindow

    return EvidenceWindow(ws, _task_with_evidence(ws), parent)


def _evidence_dialog(ws: Workspace, parent: QWidget) -> QDialog:
    """An evidence record of the demo open for editing, all its fields filled."""
    from kscdesk.store import progress
    from kscdesk.ui.evidence_dialog import EvidenceDialog

    task_uid = _task_with_evidence(ws)
    evidence = progress.list_evidence_for_task(ws.db, task_uid)[0]
    return EvidenceDialog(ws, evidence.task_uids, evidence, parent)


def _return(ws: Workspace, parent: QWidget) -> QDialog:
    from kscdesk.ui.exchange_sides import ReturnDialog

    return ReturnDialog("Phường Trương Quang Trọng", "Quý I năm 2026", parent)


def _import_confirmation(ws: Workspace, parent: QWidget) -> QDialog:
    """The question before a district's folder of 28 commune packages is taken in."""
    from kscdesk.services.exchange_import import ImportItem, Outcome
    from kscdesk.ui import prompts
    from kscdesk.ui.exchange_import_flow import confirmation_text

    items = [
        ImportItem(
            Path(f"BaoCao-Q1-2026-xa-{number:02}.kscx"),
            Outcome.REFUSED if number % 9 == 0 else Outcome.ACCEPTED,
            f"Báo cáo Quý I năm 2026 của Xã Số {number}, gói số 1, ký ngày 15/03/2026.",
        )
        for number in range(1, 29)
    ]
    text = confirmation_text(items)
    buttons = prompts.StandardButton.Yes | prompts.StandardButton.No
    return prompts.build_message_box(
        parent, prompts.QMessageBox.Icon.Question, "Nhận gói trao đổi", text, buttons
    )


# (name, factory) — the dialog is built, shown and checked, then closed.
def _restore(ws: Workspace, parent: QWidget) -> QDialog:
    from kscdesk.services.backups import create_backup
    from kscdesk.ui.restore_dialog import RestoreDialog

    create_backup(ws)
    return RestoreDialog(ws.folder, parent, workspace=ws)


def _first_run(ws: Workspace, parent: QWidget) -> QDialog:
    from kscdesk.ui.first_run import FirstRunWizard

    return FirstRunWizard(parent)


DIALOGS: tuple[tuple[str, Callable[[Workspace, QWidget], QDialog]], ...] = (
    ("about_dialog", _about),
    ("import_dialog", _import),
    ("help_dialog", _help),
    ("shortcuts_dialog", _shortcuts),
    ("derive_dialog", _derive),
    ("rules_dialog", _rules),
    ("units_dialog", _units),
    ("plan_update_dialog", _plan_update),
    ("evidence_window", _evidence_window),
    ("evidence_dialog", _evidence_dialog),
    ("return_dialog", _return),
    ("import_confirmation", _import_confirmation),
    ("restore_dialog", _restore),
    ("first_run_wizard", _first_run),
)


def demo_folder(folder: Path) -> Path:
    """A data folder with the demo data loaded."""
    from kscdesk.services.demo import load_demo

    with Workspace.open(folder) as ws:
        load_demo(ws)
    return folder
