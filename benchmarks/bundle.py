"""The PyInstaller bundle: its size and start-up time against a bare PySide6 bundle.

Both are one-folder PyInstaller bundles built the same way (same PyInstaller, same Python,
--onedir, windowed). Start-up is the time from starting the executable until its main
window's first paint (kscdesk: its real start path with single instance, logging and the data
folder, told by KSCDESK_EXIT_AT_FIRST_PAINT to quit there), measured side by side, alternating.

    python benchmarks/bundle.py [--bundle dist/kscdesk] [--repeats N]

dist/kscdesk is built by installer/build_linux.sh (or installer/build.py on Windows) first.
Prints the sizes, the best and median times and `ratio: X (target ≤ 1.5)` (of the best runs);
exit code 1 when over the target.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.5
ROOT = Path(__file__).resolve().parents[1]
MARK = "kscdesk-first-paint"

BARE = f"""
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print({MARK!r}, flush=True)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication([])
window = QMainWindow()
probe = Probe(window)
window.installEventFilter(probe)
window.show()
app.exec()
"""


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_bare(work: Path) -> Path:
    script = work / "bare.py"
    script.write_text(BARE, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--onedir", "--windowed",
         "--log-level", "ERROR", "--name", "bare", "--workpath", str(work / "build"),
         "--distpath", str(work / "dist"), "--specpath", str(work), str(script)],
        check=True,
    )  # fmt: skip
    return work / "dist" / "bare"


def executable(folder: Path, name: str) -> Path:
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


def time_start(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == MARK:
            elapsed = time.perf_counter() - started
            process.wait(timeout=30)
            return elapsed
    process.wait()
    raise SystemExit(f"{command[0]} never painted its window (exit code {process.returncode})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "kscdesk")
    parser.add_argument("--repeats", type=int, default=9)
    options = parser.parse_args()
    bundle: Path = options.bundle
    if not executable(bundle, "kscdesk").is_file():
        raise SystemExit(f"No bundle at {bundle}: run installer/build_linux.sh first.")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "KSCDESK_EXIT_AT_FIRST_PAINT": "1",
    }
    with tempfile.TemporaryDirectory(prefix="kscdesk-bundle-") as tmp:
        work = Path(tmp)
        bare = build_bare(work)
        data = work / "data"
        subprocess.run(
            [str(executable(bundle, "kscdesk-cli")), "--data-dir", str(data), "demo"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        app_cmd = [str(executable(bundle, "kscdesk")), "--data-dir", str(data)]
        bare_cmd = [str(executable(bare, "bare"))]
        time_start(app_cmd, env)  # warm the file cache for both
        time_start(bare_cmd, env)
        app_times: list[float] = []
        bare_times: list[float] = []
        for _ in range(options.repeats):
            bare_times.append(time_start(bare_cmd, env))
            app_times.append(time_start(app_cmd, env))
        app_size, bare_size = folder_size(bundle), folder_size(bare)
    # The best of N runs is the verdict (as timeit advises: slower runs measure the machine's
    # other load, not the program); the medians are printed beside it.
    app_ms, bare_ms = (1000 * min(t) for t in (app_times, bare_times))
    app_med, bare_med = (1000 * statistics.median(t) for t in (app_times, bare_times))
    ratio = app_ms / bare_ms
    print(f"{'':34}{'kscdesk':>12}{'bare PySide6':>14}")
    print(f"{'bundle size (MB)':34}{app_size / 1e6:>12.1f}{bare_size / 1e6:>14.1f}")
    print(f"{'start to first paint, best (ms)':34}{app_ms:>12.0f}{bare_ms:>14.0f}")
    print(f"{'start to first paint, median (ms)':34}{app_med:>12.0f}{bare_med:>14.0f}")
    print(f"size ratio: {app_size / bare_size:.2f} (for information)")
    print(f"ratio: {ratio:.2f} (target ≤ {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
