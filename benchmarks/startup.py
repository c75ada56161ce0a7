"""Start-up time of kscdesk's main window relative to a bare PySide6 QMainWindow.

Both are measured side by side in one run, alternating, in fresh subprocesses: the time from
starting the process until the window has been shown and the event loop has run once. The
kscdesk run opens a demo data folder prepared beforehand (so no first-start question).

    python benchmarks/startup.py [--repeats N]

Prints the medians and their ratio (target: at most 1.5).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MARK = "KSCDESK-SHOWN"

BARE = f"""
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: (print({MARK!r}, flush=True), app.quit()))
app.exec()
"""

KSCDESK = f"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from kscdesk.app import create_application, open_main_window
from kscdesk.services.workspace import Workspace
app = create_application()
workspace = Workspace.open(Path(sys.argv[1]))
window = open_main_window(workspace)
QTimer.singleShot(0, lambda: (print({MARK!r}, flush=True), app.quit()))
app.exec()
workspace.close()
"""


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


def time_until_shown(code: str, *args: str) -> float:
    """Seconds from starting the process until it prints the mark."""
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
    for line in process.stdout:
        if line.strip() == MARK:
            elapsed = time.perf_counter() - started
            break
    else:
        process.wait()
        raise SystemExit(f"the window was never shown (exit code {process.returncode})")
    process.wait()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kscdesk-startup-") as tmp:
        folder = prepare_demo_folder(Path(tmp))
        time_until_shown(BARE)  # warm the file cache for both
        time_until_shown(KSCDESK, str(folder))
        bare: list[float] = []
        app: list[float] = []
        for _ in range(options.repeats):
            bare.append(time_until_shown(BARE))
            app.append(time_until_shown(KSCDESK, str(folder)))
    bare_median = statistics.median(bare)
    app_median = statistics.median(app)
    ratio = app_median / bare_median
    print(f"bare QMainWindow: median {bare_median * 1000:.0f} ms over {len(bare)} runs")
    print(f"kscdesk main window: median {app_median * 1000:.0f} ms over {len(app)} runs")
    print(f"ratio: {ratio:.2f} (target <= 1.5)")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
