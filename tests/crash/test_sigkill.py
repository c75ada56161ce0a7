"""Crash safety: a kscdesk process killed with SIGKILL at random moments loses nothing committed.

Runs ``driver.py`` (edits and imports, one transaction each) in a subprocess, kills it at a
random moment, and checks the data folder as the next start would: the database opens, passes
the full integrity check, and holds every change the driver reported committed. 100 rounds on
the same folder (KSCDESK_CRASH_RUNS to change), so each round also recovers the last one's kill.
"""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kscdesk import paths
from kscdesk.services.workspace import Workspace
from kscdesk.store.plans import list_plans
from kscdesk.store.settings import get_setting

DRIVER = Path(__file__).with_name("driver.py")
ROUNDS = int(os.environ.get("KSCDESK_CRASH_RUNS", "100"))

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def run_and_kill(folder: Path, seed: int, delay: float) -> list[str]:
    """Start the driver, let it work ``delay`` seconds after it is ready, kill it; its lines."""
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), str(folder), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    if first != "ready\n":
        process.kill()
        raise AssertionError(f"driver did not start: {first!r} {process.communicate()[1]}")
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate()
    assert process.returncode == -signal.SIGKILL, err
    # Only whole lines count: a line cut by the kill was never fully reported.
    return [line for line in out.splitlines(keepends=True) if line.endswith("\n")]


def test_a_process_killed_at_random_moments_loses_no_committed_change(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    rng = random.Random(20251)
    settings: dict[str, str] = {}
    plan_uids: set[str] = set()
    for seed in range(ROUNDS):
        lines = run_and_kill(folder, seed, rng.uniform(0.0, 0.35))
        for line in lines:
            kind, _, rest = line.rstrip("\n").partition(" ")
            if kind == "setting":
                key, _, value = rest.partition(" ")
                settings[key] = value
            else:
                plan_uids.add(rest)
        with Workspace.open(folder) as ws:  # the next start: recovers the write-ahead log
            check = ws.db.execute("PRAGMA integrity_check").fetchall()
            assert check == [("ok",)], f"round {seed}: {check}"
            stored = {plan.uid for plan in list_plans(ws.db)}
            assert plan_uids <= stored, f"round {seed}: lost plans {plan_uids - stored}"
            for key, value in settings.items():
                assert get_setting(ws.db, key) == value, f"round {seed}: lost {key}"
        # Backups taken before imports are not under test here; keep the disk use small.
        for backup in paths.backups_dir(folder).glob("*"):
            backup.unlink()
    assert len(settings) > ROUNDS  # the driver really worked between kills
    assert plan_uids
