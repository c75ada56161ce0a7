"""Make the user guide's screenshots from the app itself, on the demo data, offscreen.

    python tools/make_guide_screenshots.py [OUT_DIR]

Writes one PNG per entry of SHOTS into OUT_DIR (default resources/help/img), at the size of a
1366×768 laptop at 125 % (1093×614), so the guide shows what the officer will see. The clock is
set to the demo year (DEMO_TODAY, a few days before the first quarter's report is due), so the
pages show a realistic working day rather than a plan years out of date. Window settings are kept
in a temporary folder: the officer's remembered layout neither shapes nor receives the pictures.
"""

import json
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from freezegun import freeze_time
from guide_staging import (
    DEMO_PLAN,
    add_late_letter,
    decision_docx,
    parent_office,
    plan_uid,
    store_reissued_parent_plan,
)

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QWidget

from kscdesk.app import create_application
from kscdesk.domain.model import PlanKind
from kscdesk.services.demo import load_demo
from kscdesk.services.offices import set_officer_name
from kscdesk.services.workspace import Workspace
from kscdesk.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "resources" / "help" / "img"
SIZE = (1093, 614)
DEMO_TODAY = "2023-03-10 09:30:00"  # the demo plan's year; the Q1 report is due on 17/03/2023
CITATION = (
    "Quyết định số 35/QĐ-UBND ngày 06/3/2023 của UBND phường Trần Phú về việc kiện toàn "
    "Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính"
)


@dataclass
class Stage:
    """What a shot needs: the window over the demo data, the data, and a scratch folder."""

    window: MainWindow
    ws: Workspace
    scratch: Path
    keep: list[QWidget] = field(default_factory=list)  # extra windows to close afterwards
    closers: list[Callable[[], object]] = field(default_factory=list)  # then these


Shot = Callable[[Stage], QWidget]


def settle(app: QApplication | None = None, ms: int = 250) -> None:
    """Let timers (search delay, lazy rows, background jobs) fire and the window paint."""
    from PySide6.QtTest import QTest

    QTest.qWait(ms)
    (app or QApplication.instance()).processEvents()  # type: ignore[union-attr]


def wait_for(condition: Callable[[], bool], timeout_ms: int = 20000) -> None:
    from PySide6.QtTest import QTest

    waited = 0
    while not condition():
        if waited >= timeout_ms:
            raise TimeoutError("the window did not reach the state to photograph")
        QTest.qWait(50)
        waited += 50


def _dialog(dialog: QWidget) -> QWidget:
    dialog.resize(min(dialog.width(), SIZE[0]), min(dialog.height(), SIZE[1]))
    dialog.show()
    return dialog


# --- Việc cần làm --------------------------------------------------------------------------------


def _todo(stage: Stage) -> QWidget:
    stage.window.show_page("todo_panel")
    page = stage.window.built_page("todo_panel")
    assert page is not None
    page.reload()  # type: ignore[attr-defined]
    return stage.window


# --- Kế hoạch ------------------------------------------------------------------------------------


def _plan_panel(stage: Stage):  # type: ignore[no-untyped-def]
    stage.window.show_page("plan_panel")
    panel = stage.window.plan_panel
    assert panel is not None
    panel.show_everything()
    if panel.editor is not None:
        panel.editor.checks.hide()
    return panel


def _select_plan_row(panel, number: str, column: int = 1) -> None:  # type: ignore[no-untyped-def]
    model = panel.task_model
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == number:
            index = model.index(row, column)
            panel.ui.task_table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            panel.ui.task_table.scrollTo(index)
            return


def _plan(stage: Stage) -> QWidget:
    panel = _plan_panel(stage)
    panel.select_plan(plan_uid(stage.ws, PlanKind.OWN))
    panel.show_everything()
    _select_plan_row(panel, "2")
    return stage.window


def _parent_plan(stage: Stage) -> QWidget:
    panel = _plan_panel(stage)
    panel.select_plan(plan_uid(stage.ws, PlanKind.PARENT))
    panel.show_everything()
    return stage.window


def _search(stage: Stage) -> QWidget:
    panel = _plan_panel(stage)
    panel.select_plan(plan_uid(stage.ws, PlanKind.OWN))
    panel.ui.search_edit.setText("niem yet")
    return stage.window


def _checks(stage: Stage) -> QWidget:
    panel = _plan_panel(stage)
    panel.select_plan(plan_uid(stage.ws, PlanKind.OWN))
    panel.show_everything()
    assert panel.editor is not None
    panel.editor.run_checks()
    return stage.window


def _import_dialog(stage: Stage) -> QWidget:
    from kscdesk.ui.import_dialog import ImportDialog

    dialog = ImportDialog(stage.ws.folder, stage.window)
    stage.keep.append(dialog)
    _dialog(dialog)
    dialog.start_reading(DEMO_PLAN)
    wait_for(lambda: dialog.content is not None and not dialog.is_busy)
    return dialog


def _derive_dialog(stage: Stage) -> QWidget:
    from kscdesk.ui.derive_dialog import DeriveDialog

    dialog = DeriveDialog(stage.ws, stage.window)
    stage.keep.append(dialog)
    return _dialog(dialog)


def _rules_dialog(stage: Stage) -> QWidget:
    from kscdesk.ui.rules_dialog import RulesDialog

    dialog = RulesDialog(stage.ws, plan_uid(stage.ws, PlanKind.OWN), stage.window)
    stage.keep.append(dialog)
    if not dialog.rules():  # the demo plan was derived without rules: offer the level's own
        dialog.use_defaults()
    dialog.preview()
    return _dialog(dialog)


def _update_dialog(stage: Stage) -> QWidget:
    """A re-issued parent plan (one task reworded, one added) compared with the commune's."""
    from kscdesk.ui.plan_update_dialog import PlanUpdateDialog

    store_reissued_parent_plan(stage.ws)
    panel = _plan_panel(stage)
    panel.reload_plans()
    own = plan_uid(stage.ws, PlanKind.OWN)
    panel.select_plan(own)
    assert panel.editor is not None
    dialog = PlanUpdateDialog(stage.ws, own, panel.editor.run, stage.window)
    stage.keep.append(dialog)
    return _dialog(dialog)


# --- Tiến độ -------------------------------------------------------------------------------------


def _progress_panel(stage: Stage, number: str):  # type: ignore[no-untyped-def]
    stage.window.show_page("progress_panel")
    panel = stage.window.built_page("progress_panel")
    assert panel is not None
    panel.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
    index = panel.task_index(number)  # type: ignore[attr-defined]
    if index.isValid():
        panel.table.selectRow(index.row())  # type: ignore[attr-defined]
        panel.table.scrollTo(index)  # type: ignore[attr-defined]
    return panel


def _progress(stage: Stage) -> QWidget:
    panel = _progress_panel(stage, "6")
    panel.detail_tabs.setCurrentIndex(0)
    return stage.window


def _evidence(stage: Stage) -> QWidget:
    panel = _progress_panel(stage, "1a")
    panel.splitter.setSizes([200, 700])  # the officer drags the divider to read the evidence
    add_late_letter(stage.ws, panel.selected_task_uid(), stage.scratch)
    panel.reload()
    panel.select_task(panel.selected_task_uid())
    evidence = panel.findChild(QWidget, "progress_evidence_panel")
    evidence.reload()  # type: ignore[attr-defined]
    model = evidence.model  # type: ignore[attr-defined]
    for row in range(model.rowCount()):
        if model.evidence_at(row).number_symbol == "95/UBND-VP":
            evidence.table.selectRow(row)  # type: ignore[attr-defined]
    panel.detail_tabs.setCurrentIndex(panel.detail_tabs.count() - 1)
    return stage.window


def _history(stage: Stage) -> QWidget:
    """Task 6 after the officer recorded it twice: its history names her and what changed."""
    panel = _progress_panel(stage, "6")
    editor = panel.editor
    editor.note_edit.setPlainText("Đã niêm yết 128/130 TTHC tại Bộ phận Một cửa.")
    editor.save()
    editor.note_edit.setPlainText("Đã niêm yết đủ 130/130 TTHC tại Bộ phận Một cửa.")
    editor.status_combo.setCurrentIndex(editor.status_combo.findData("done"))
    editor.completed_edit.setText("09/03/2023")
    editor.save()
    panel.detail_tabs.setCurrentIndex(1)
    return stage.window


def _dashboard(stage: Stage) -> QWidget:
    stage.window.show_page("progress_panel")
    panel = stage.window.built_page("progress_panel")
    assert panel is not None
    panel.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    return stage.window


def _evidence_dialog(stage: Stage) -> QWidget:
    panel = _progress_panel(stage, "8")
    panel.detail_tabs.setCurrentIndex(panel.detail_tabs.count() - 1)
    evidence = panel.findChild(QWidget, "progress_evidence_panel")
    dialog = evidence.add_evidence()  # type: ignore[attr-defined]
    assert dialog is not None
    stage.keep.append(dialog)
    dialog.citation_edit.setText(CITATION)
    dialog.citation_edit.textEdited.emit(CITATION)
    dialog.citation_edit.setCursorPosition(0)
    return _dialog(dialog)


def _evidence_file(stage: Stage) -> QWidget:
    """A file dropped on the dialog: attached, and its letterhead offered as a suggestion."""
    panel = _progress_panel(stage, "8")
    panel.detail_tabs.setCurrentIndex(panel.detail_tabs.count() - 1)
    evidence = panel.findChild(QWidget, "progress_evidence_panel")
    dialog = evidence.add_evidence()  # type: ignore[attr-defined]
    assert dialog is not None
    stage.keep.append(dialog)
    _dialog(dialog)
    dialog.attach_files([decision_docx(stage.scratch)])
    wait_for(lambda: dialog.files_list.count() > 0 and dialog.suggestion_frame.isVisible())
    return dialog


# --- the other pages -----------------------------------------------------------------------------


def _indicators(stage: Stage) -> QWidget:
    stage.window.show_page("indicators_panel")
    panel = stage.window.built_page("indicators_panel")
    assert panel is not None
    panel.table.selectRow(1)  # type: ignore[attr-defined]
    return stage.window


def _reports(stage: Stage) -> QWidget:
    stage.window.show_page("reports_panel")
    from kscdesk.services.reports import build_report

    build_report(stage.ws, "2023-Q1", stage.scratch)
    panel = stage.window.built_page("reports_panel")
    assert panel is not None
    panel.reload()  # type: ignore[attr-defined]
    combo = panel.part_combo  # type: ignore[attr-defined]
    combo.setCurrentIndex(min(1, combo.count() - 1))
    panel.builds_table.selectRow(0)  # type: ignore[attr-defined]
    return stage.window


def _exchange(stage: Stage) -> QWidget:
    stage.window.show_page("exchange_panel")
    panel = stage.window.built_page("exchange_panel")
    assert panel is not None
    side = panel.side  # type: ignore[attr-defined]
    side.folder_edit.setText("E:\\")
    return stage.window


def _exchange_parent(stage: Stage) -> QWidget:
    """The parent office's side: a second data folder that received the demo ward's report."""
    parent_ws = parent_office(stage.ws, stage.scratch)
    stage.closers.append(parent_ws.close)
    window = MainWindow(parent_ws.folder, parent_ws)
    stage.keep.append(window)
    window.resize(*SIZE)
    window.show()
    settle()
    window.show_page("exchange_panel")
    _as_on_windows(window, "kscdesk-cap-tren")
    page = window.built_page("exchange_panel")
    assert page is not None
    side = page.side  # type: ignore[attr-defined]
    side.refresh()
    side.ledger_table.setCurrentIndex(side.ledger_model.index(0, 1))
    return window


def _as_on_windows(window: MainWindow, name: str = "kscdesk") -> None:
    """The status bar names the data folder as the officer's PC would, not the scratch folder."""
    window.data_folder_label.setText(f"Thư mục dữ liệu: C:\\Users\\CanBo\\AppData\\Local\\{name}")


def _settings(stage: Stage) -> QWidget:
    stage.window.show_page("settings_panel")
    return stage.window


def _shortcuts(stage: Stage) -> QWidget:
    dialog = stage.window.show_shortcuts()
    stage.keep.append(dialog)
    return _dialog(dialog)


# file name (in the guide's img/ folder) → what to put on screen. Shots that change the data
# (a re-issued parent plan) come last.
SHOTS: dict[str, Shot] = {
    "viec-can-lam.png": _todo,
    "ke-hoach-cap-tren.png": _parent_plan,
    "nhap-ke-hoach.png": _import_dialog,
    "lap-ke-hoach.png": _derive_dialog,
    "ke-hoach.png": _plan,
    "quy-tac-thay-tu.png": _rules_dialog,
    "ra-soat.png": _checks,
    "tim-kiem.png": _search,
    "tien-do.png": _progress,
    "them-minh-chung.png": _evidence_dialog,
    "goi-y-tu-tep.png": _evidence_file,
    "bieu-do.png": _dashboard,
    "chi-tieu.png": _indicators,
    "bao-cao.png": _reports,
    "trao-doi.png": _exchange,
    "trao-doi-cap-tren.png": _exchange_parent,
    "cai-dat.png": _settings,
    "phim-tat.png": _shortcuts,
    "minh-chung.png": _evidence,
    "lich-su.png": _history,
    "cap-nhat-ke-hoach.png": _update_dialog,
}


def make(out: Path, only: set[str] | None = None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as temp, freeze_time(DEMO_TODAY, tick=True):
        os.environ["XDG_CONFIG_HOME"] = str(Path(temp) / "config")  # QSettings stay in here
        # One offscreen screen the size of the officer's (1366×768 at 125 %, less the taskbar):
        # dialogs shrink to fit it as they would on that laptop.
        screens = Path(temp) / "screens.json"
        screen = {"name": "officer", "x": 0, "y": 0, "width": SIZE[0], "height": SIZE[1]}
        screens.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"
        app = create_application()
        folder = Path(temp) / "data"
        with Workspace.open(folder) as ws:
            load_demo(ws)
            set_officer_name(ws, "Nguyễn Thị Lan")
            window = MainWindow(folder, ws)
            window.resize(*SIZE)
            window.show()
            _as_on_windows(window)
            settle(app, 500)
            for name, shot in SHOTS.items():
                if only and name not in only:
                    continue
                stage = Stage(window, ws, Path(temp))
                shown = shot(stage)
                settle(app, 400)
                path = out / name
                shown.grab().save(str(path))
                written.append(path)
                for extra in stage.keep:
                    extra.close()
                    extra.deleteLater()
                settle(app, 50)
                for close in stage.closers:
                    close()
            window.close()
            window.deleteLater()
            settle(app, 50)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    chosen = set(sys.argv[2:]) or None
    for path in make(target, chosen):
        print(path)
