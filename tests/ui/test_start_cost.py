"""What the path to the window's first paint leaves out (benchmarks/bundle.py measures the time).

Each of these is a few to ~15 ms of a bundled start on an old PC, and each is easy to bring back
by accident with one import or one call: the first paint must come without them.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

# Run `kscdesk --data-dir D` as the benchmarks do; at the first-paint mark, report what had been
# built and imported by then.
PROBE = """
import builtins, enum, json, sys
created = []
create = enum.EnumType._create_
def recording(cls, class_name, *args, **kwargs):
    created.append(class_name)
    return create.__get__(cls)(class_name, *args, **kwargs)
enum.EnumType._create_ = recording
from kscdesk import app
plain_print = builtins.print
def spying_print(*args, **kwargs):
    if args and args[0] == app.FIRST_PAINT_MARK:
        plain_print(json.dumps({"enums": created, "modules": sorted(sys.modules)}), flush=True)
    return plain_print(*args, **kwargs)
builtins.print = spying_print
sys.argv = ["kscdesk", "--data-dir", sys.argv[1]]
from kscdesk.__main__ import main
sys.exit(main())
"""

# Enums of the Qt namespace (Qt.Key, Qt.AlignmentFlag, …): PySide6 builds all ~90 of them at
# the namespace's first use (about 15 ms); the first paint does not need one.
QT_NAMESPACE_ENUMS = {"Key", "AlignmentFlag", "ItemDataRole", "ScrollBarPolicy", "WidgetAttribute"}


def state_at_first_paint(folder: Path) -> dict[str, list[str]]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KSCDESK_EXIT_AT_FIRST_PAINT": "1",
        "TMPDIR": str(folder),  # the single-instance socket of this run only
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(folder / "data")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "kscdesk-first-paint", done.stdout
    state: dict[str, list[str]] = json.loads(lines[-2])
    return state


def test_the_first_paint_builds_no_enum_of_the_qt_namespace_and_imports_no_store(
    tmp_path: Path,
) -> None:
    state = state_at_first_paint(tmp_path)
    assert QT_NAMESPACE_ENUMS.isdisjoint(state["enums"])
    assert len(state["enums"]) > 20  # the recording works: QEvent, QLocale, … were built
    modules = set(state["modules"])
    assert "kscdesk.ui.main_window" in modules
    # The data folder opens right after the first paint; nothing runs processes; no other
    # kscdesk runs, so the single-instance client connects nowhere.
    assert {"sqlite_utils", "kscdesk.store.database", "multiprocessing", "socket"}.isdisjoint(
        modules
    )
