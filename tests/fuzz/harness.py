"""Runs a fuzz corpus in a few worker processes, each under a memory ceiling, each case under a
time ceiling, and collects what broke the promise: a plan (exit 0) or one Vietnamese line
(exit 1), no traceback, nothing stored after a refusal."""

import json
import queue
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from fuzz.corpus import Case

WORKER = Path(__file__).with_name("worker.py")
TIME_CEILING = 20.0  # seconds a case may take (quadratic cases took 18-60 s and more)
MEMORY_CEILING = 1024**3  # address space of a worker (the bad cases passed 4 GB)


@dataclass
class Report:
    cases: int = 0
    violations: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    slowest: list[tuple[float, str]] = field(default_factory=list)
    peak_mb: int = 0
    exit_codes: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        codes = ", ".join(f"exit {c}: {n}" for c, n in sorted(self.exit_codes.items()))
        slow = ", ".join(f"{name} {s:.1f}s" for s, name in sorted(self.slowest, reverse=True)[:3])
        return (
            f"fuzz corpus: {self.cases} cases, {len(self.violations)} violations in "
            f"{self.seconds:.0f} s ({codes}); peak memory {self.peak_mb} MB; slowest: {slow}"
        )


def _run_share(cases: list[Case], folder: Path, report: Report, lock: threading.Lock) -> None:
    data_dir = folder / "data"
    spec = folder / "spec.json"
    folder.mkdir(parents=True, exist_ok=True)
    spec.write_text(
        json.dumps(
            {
                "cases": [{"name": c.name, "argv": c.argv, "setup": c.setup} for c in cases],
                "data_dir": str(data_dir),
                "memory_bytes": MEMORY_CEILING,
            }
        ),
        encoding="utf-8",
    )
    first = 0
    while first < len(cases):
        first = _run_worker(cases, spec, first, folder, report, lock)


def _run_worker(
    cases: list[Case], spec: Path, first: int, folder: Path, report: Report, lock: threading.Lock
) -> int:
    """Run cases from ``first`` until the worker ends; the index to start again from."""
    with (folder / "worker-stderr.txt").open("ab") as errors:
        process = subprocess.Popen(
            [sys.executable, str(WORKER), str(spec), str(first)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            encoding="utf-8",
        )
    lines: queue.Queue[str | None] = queue.Queue()
    pump = threading.Thread(target=_pump, args=(process, lines), daemon=True)
    pump.start()
    current = first
    started_case = False
    try:
        while True:
            try:
                line = lines.get(timeout=TIME_CEILING + (30 if not started_case else 0))
            except queue.Empty:
                with lock:
                    report.violations.append((cases[current].name, f"over {TIME_CEILING:.0f} s"))
                    report.cases += 1
                return current + 1
            if line is None:  # the worker died in the middle of a case
                if started_case:
                    with lock:
                        report.cases += 1
                        report.violations.append(
                            (cases[current].name, f"worker died (exit {process.wait()})")
                        )
                    return current + 1
                return len(cases)
            message = json.loads(line)
            if "restart" in message:  # the worker left after a case near the memory ceiling
                return int(message["restart"])
            if "begin" in message:
                current, started_case = message["begin"], True
                continue
            started_case = False
            _record(cases[message["end"]], message, report, lock)
            current = message["end"] + 1
    finally:
        process.kill()
        process.wait()
        pump.join()
        if process.stdout is not None:
            process.stdout.close()


def _pump(process: subprocess.Popen[str], lines: "queue.Queue[str | None]") -> None:
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip():
            lines.put(line)
    lines.put(None)


def _record(case: Case, message: dict[str, object], report: Report, lock: threading.Lock) -> None:
    seconds = float(message["seconds"])  # type: ignore[arg-type]
    with lock:
        report.cases += 1
        code = str(message["code"])
        report.exit_codes[code] = report.exit_codes.get(code, 0) + 1
        report.peak_mb = max(report.peak_mb, int(message["peak_mb"]))  # type: ignore[call-overload]
        report.slowest.append((seconds, case.name))
        report.slowest = sorted(report.slowest, reverse=True)[:5]
        for problem in message["problems"]:  # type: ignore[attr-defined]
            report.violations.append((case.name, problem))
        if seconds > TIME_CEILING:
            report.violations.append((case.name, f"{seconds:.1f} s, over {TIME_CEILING:.0f} s"))


def run_corpus(cases: list[Case], folder: Path, workers: int = 2) -> Report:
    """Run every case; cases are dealt to ``workers`` processes running side by side."""
    report = Report()
    lock = threading.Lock()
    started = time.perf_counter()
    threads = [
        threading.Thread(
            target=_run_share, args=(cases[n::workers], folder / f"worker-{n}", report, lock)
        )
        for n in range(workers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    report.seconds = time.perf_counter() - started
    return report


SUMMARIES: list[str] = []  # one line per fuzz run, printed at the end of the test session
