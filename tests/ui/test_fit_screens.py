"""Every page and dialog fits the officer's screen, at 125 % and 150 % scaling (issue 11).

1366×768 at 125 % leaves about 1093×614 logical pixels; 1920×1080 at 150 % leaves 1280×720.
Scaling can only be set before a QApplication exists, so each screen runs in a fresh process
on an offscreen screen of that size; the walk itself is tests/helpers/fit_check_run.py.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HELPER = Path(__file__).resolve().parents[1] / "helpers" / "fit_check_run.py"


def run_on_screen(tmp_path: Path, width: int, height: int, scale: float) -> dict[str, object]:
    config = tmp_path / "screens.json"
    physical = {"width": round(width * scale), "height": round(height * scale)}
    screen = {"name": "officer", "x": 0, "y": 0, **physical, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": str(scale),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # no remembered layout: a first start
    }
    done = subprocess.run(
        [sys.executable, str(HELPER)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(1093, 614, 1.25), (1280, 720, 1.5)],
    ids=["1366x768-at-125", "1920x1080-at-150"],
)
def test_every_page_and_dialog_fits_the_screen(
    tmp_path: Path, width: int, height: int, scale: float
) -> None:
    report = run_on_screen(tmp_path, width, height, scale)
    assert report.pop("screen") == [width, height]
    window = report.pop("window")
    assert isinstance(window, list) and window[0] <= width and window[1] <= height
    problems = {name: found for name, found in report.items() if found}
    assert problems == {}
