"""Start-up time of kscdesk's main window relative to a bare PySide6 QMainWindow.

Both are measured side by side in one run, alternating, in fresh subprocesses: the time from
starting the process until the window's first paint. kscdesk runs its real start path
(as ``kscdesk.app.run_app`` does) on a demo data folder prepared beforehand. A
second figure, printed for information, is the time until the plan's tasks are in the table.

    python benchmarks/startup.py [--repeats N]

Prints the medians and the ratio (target: at most 1.5); exit code 1 when over the target.
"""

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.5
SHOWN = "MARK-SHOWN"
DATA = "MARK-DATA"

# Prints SHOWN at the window's first paint, then calls `then`. Installed on the window itself
# (before the event loop runs, so before any paint), so it costs both runs the same.
PAINT_PROBE = f"""
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow
class PaintProbe(QObject):
    def __init__(self, window, then):
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)
    def eventFilter(self, watched, event):
        if self.then is not None and event.type() == QEvent.Type.Paint:
            print({SHOWN!r}, flush=True)
            then, self.then = self.then, None
            QTimer.singleShot(0, then)
        return False
"""

BARE = (
    PAINT_PROBE
    + """
from PySide6.QtWidgets import QApplication
app = QApplication([])
window = QMainWindow()
window.show()
probe = PaintProbe(window, app.quit)
app.exec()
"""
)

# kscdesk's start, step by step as kscdesk.app.run_app takes it (log file, window, data folder
# opened after the first paint), with the probe on the window before the event loop runs.
KSCDESK = (
    PAINT_PROBE
    + f"""
import sys
from pathlib import Path
from kscdesk.app import create_application, start_main_window
from kscdesk.logging_setup import start_logging
folder = Path(sys.argv[1])
app = create_application()
start_logging(folder)
window = start_main_window(folder)

def wait_for_data():
    panel = window.plan_panel
    if panel is not None and panel.task_model.task_count() > 0:
        print({DATA!r}, flush=True)
        app.quit()
    else:
        QTimer.singleShot(1, wait_for_data)

probe = PaintProbe(window, wait_for_data)
app.exec()
if window.workspace is not None:
    window.workspace.close()
"""
)


def prepare_demo_folder(root: Path) -> Path:
    """Load the demo data once, in its own process, so the timed runs only read it."""
    folder = root / "data"
    code = (
        "import sys; from pathlib import Path\n"
        "from kscdesk.services.workspace import Workspace\n"
        "from kscdesk.services.demo import load_demo\n"
        "with Workspace.open(Path(sys.argv[1])) as ws: load_demo(ws)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(folder)], check=True)
    return folder


def time_marks(code: str, *args: str) -> dict[str, float]:
    """Seconds from starting the process until it prints each mark."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    marks: dict[str, float] = {}
    for line in process.stdout:
        marks[line.strip()] = time.perf_counter() - started
    process.wait()
    if SHOWN not in marks:
        raise SystemExit(f"the window was never shown (exit code {process.returncode})")
    return marks


def compile_bytecode() -> None:
    """Write kscdesk's .pyc files, as an installed app has them (PYTHONDONTWRITEBYTECODE or a
    fresh checkout would otherwise make every timed run compile the sources)."""
    package = Path(__file__).resolve().parents[1] / "kscdesk"
    compileall.compile_dir(str(package), quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    options = parser.parse_args()
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="kscdesk-startup-") as tmp:
        folder = prepare_demo_folder(Path(tmp))
        time_marks(BARE)  # warm the file cache for both
        time_marks(KSCDESK, str(folder))
        bare: list[float] = []
        shown: list[float] = []
        data: list[float] = []
        for _ in range(options.repeats):
            bare.append(time_marks(BARE)[SHOWN])
            marks = time_marks(KSCDESK, str(folder))
            shown.append(marks[SHOWN])
            data.append(marks[DATA])
    bare_ms, shown_ms, data_ms = (1000 * statistics.median(x) for x in (bare, shown, data))
    ratio = shown_ms / bare_ms
    print(f"bare QMainWindow, first paint:      median {bare_ms:.0f} ms over {len(bare)} runs")
    print(f"kscdesk main window, first paint:   median {shown_ms:.0f} ms over {len(shown)} runs")
    print(f"kscdesk, plan's tasks in the table: median {data_ms:.0f} ms (for information)")
    print(f"ratio to data shown: {data_ms / bare_ms:.2f} (for information)")
    print(f"ratio: {ratio:.2f} (target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
