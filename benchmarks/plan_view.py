"""The editable plan view on a 2,000-task plan vs a plain QStandardItemModel, side by side.

Loading, filtering and editing, each timed in the real view (PlanPanel: lazy TaskTableModel
over the store, every edit through the editing service and its journal) and in a QTableView over
a QStandardItemModel filled with the same rows (filtering through a QSortFilterProxyModel,
editing by setting the item's text and saving the task). Rounds alternate. Prints the ratio of
the totals (target ≤ 1.5) and the longest single GUI-thread operation of the real view (target
< 100 ms). Usage: QT_QPA_PLATFORM=offscreen python benchmarks/plan_view.py [--rounds N]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from kscdesk.domain.model import Level, Office, Plan, PlanContent, PlanKind, Section, Task
from kscdesk.domain.text import search_key
from kscdesk.services.workspace import Workspace
from kscdesk.store import offices, plans
from kscdesk.ui.plan_panel import PlanPanel
from kscdesk.ui.task_columns import CONTENT
from kscdesk.ui.task_table_model import COLUMNS, TaskRow

TARGET_RATIO = 1.5
TARGET_LONGEST_MS = 100.0
TASKS = 2000
SECTIONS = 20
EDITS = 10
QUERY = "kiem soat"
WORDS = ("Rà soát", "Niêm yết", "Kiểm soát", "Tuyên truyền", "Số hóa", "Báo cáo")
TIMEFRAMES = ("Quý I", "Thường xuyên", "Theo kế hoạch", "Định kỳ 06 tháng và cuối năm", "Quý IV")


def build_plan(ws: Workspace) -> str:
    office = Office("Phường Phổ Ninh", Level.COMMUNE)
    offices.save_office(ws.db, office)
    sections = [Section(f"S{i + 1}", f"Nhóm nhiệm vụ {i + 1}", position=i) for i in range(SECTIONS)]
    tasks = []
    for n in range(TASKS):
        word = WORDS[n % len(WORDS)]
        tasks.append(
            Task(
                sections[n * SECTIONS // TASKS].code,
                str(n + 1),
                f"{word} thủ tục hành chính, nhiệm vụ số {n + 1} của kế hoạch năm 2025.",
                output=f"Văn bản, báo cáo kết quả {n + 1}.",
                lead="Văn phòng – Thống kê",
                coordinating="Các ban, ngành liên quan phối hợp.",
                timeframe=TIMEFRAMES[n % len(TIMEFRAMES)],
                position=n,
            )
        )
    plan = Plan(
        "Phường Phổ Ninh",
        2025,
        "Kế hoạch KSTT năm 2025",
        Level.COMMUNE,
        PlanKind.OWN,
        office_uid=office.uid,
    )
    return plans.save_plan_content(ws.db, PlanContent(plan, sections, tasks))


class Timer:
    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.longest = 0.0
        self.longest_name = ""

    def run(self, step: Callable[[], None], view: QTableView, name: str = "") -> float:
        start = time.perf_counter()
        step()
        view.viewport().repaint()
        self.app.processEvents()
        elapsed = time.perf_counter() - start
        if elapsed > self.longest:
            self.longest, self.longest_name = elapsed, name
        return elapsed


def real_round(app: QApplication, ws: Workspace, plan_uid: str, timer: Timer) -> dict[str, float]:
    panel = PlanPanel(ws.db, None, workspace=ws)
    panel.resize(1093, 614)
    panel.show()
    table = panel.ui.task_table
    times = {
        "load": timer.run(
            lambda: (panel.reload_plans(), panel.select_plan(plan_uid)), table, "load"
        )
    }

    def search(text: str) -> None:
        panel.ui.search_edit.setText(text)
        panel.apply_filter()

    times["filter"] = timer.run(lambda: search(QUERY), table, "filter") + timer.run(
        lambda: search(""), table, "filter cleared"
    )
    model = panel.task_model
    rows = [r for r in range(model.rowCount()) if isinstance(model.row_entry(r), TaskRow)]
    edit = 0.0
    for i in range(EDITS):
        index = model.index(rows[i * 7], CONTENT)
        edit += timer.run(
            lambda index=index, i=i: model.setData(index, f"Nội dung sửa {i}"), table, "edit"
        )
    times["edit"] = edit
    panel.close()
    panel.deleteLater()
    app.processEvents()
    return times


def baseline_round(app: QApplication, ws: Workspace, plan_uid: str) -> dict[str, float]:
    view = QTableView()
    view.resize(1093, 614)
    view.show()
    model = QStandardItemModel(0, len(COLUMNS))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(len(COLUMNS))
    view.setModel(proxy)
    timer = Timer(app)

    def load() -> None:
        content = plans.load_plan_content(ws.db, plan_uid)
        model.setColumnCount(len(COLUMNS) + 1)
        for task in content.tasks:
            texts = (
                task.label,
                task.content,
                task.output,
                task.lead,
                task.coordinating,
                task.timeframe,
                "",
                search_key(task.content),
            )
            model.appendRow([QStandardItem(t) for t in texts])
        view.setColumnHidden(len(COLUMNS), True)

    times = {"load": timer.run(load, view)}

    def search(text: str) -> None:
        proxy.setFilterFixedString(search_key(text))

    times["filter"] = timer.run(lambda: search(QUERY), view) + timer.run(lambda: search(""), view)
    tasks = plans.load_plan_content(ws.db, plan_uid).tasks
    edit = 0.0
    for i in range(EDITS):
        row, text = i * 7, f"Nội dung sửa {i}"

        def change(row: int = row, text: str = text) -> None:
            model.item(row, CONTENT).setText(text)
            with ws.db.atomic():
                plans.update_task(ws.db, replace(tasks[row], content=text))

        edit += timer.run(change, view)
    times["edit"] = edit
    view.close()
    view.deleteLater()
    app.processEvents()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp)) as ws:
        plan_uid = build_plan(ws)
        real: list[dict[str, float]] = []
        base: list[dict[str, float]] = []
        timer = Timer(app)
        for _ in range(args.rounds):
            real.append(real_round(app, ws, plan_uid, timer))
            base.append(baseline_round(app, ws, plan_uid))
    print(f"{TASKS} tasks, {args.rounds} rounds, medians (ms):")
    for op in ("load", "filter", "edit"):
        r = statistics.median(t[op] for t in real) * 1000
        b = statistics.median(t[op] for t in base) * 1000
        print(f"  {op:<7} plan view {r:8.1f}   QStandardItemModel {b:8.1f}   × {r / b:.2f}")
    total_real = statistics.median(sum(t.values()) for t in real)
    total_base = statistics.median(sum(t.values()) for t in base)
    ratio = total_real / total_base
    print(f"ratio: {ratio:.2f} (target ≤ {TARGET_RATIO})")
    longest = timer.longest * 1000
    print(
        f"longest GUI-thread operation: {longest:.1f} ms ({timer.longest_name}; "
        f"target < {TARGET_LONGEST_MS:.0f} ms)"
    )
    return 0 if ratio <= TARGET_RATIO and longest < TARGET_LONGEST_MS else 1


if __name__ == "__main__":
    sys.exit(main())
