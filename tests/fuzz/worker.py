"""Runs fuzz cases through ``kscdesk.cli.main`` in one process under a memory ceiling.

Started by ``harness.py`` as ``python worker.py SPEC.json FIRST``; prints one JSON line when a
case begins and one when it ends (exit code, seconds, peak memory, the problems found), so the
harness can kill it when a case passes the time ceiling and start over from the next case.
"""

import contextlib
import io
import json
import logging
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

try:
    import resource
except ImportError:  # Windows: no memory ceiling
    resource = None  # type: ignore[assignment]

UNEXPECTED = "không lường trước"
NEAR_CEILING = 0.75  # a case whose peak passes this share of the memory ceiling is a finding


class _Faults(logging.Handler):
    """Remembers records that carry a MemoryError or report an unforeseen error."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        kind = record.exc_info[0] if record.exc_info else None
        if kind is not None and issubclass(kind, MemoryError):
            self.found.append("MemoryError (memory ceiling reached)")
        elif record.name == "kscdesk.cli":
            self.found.append(f"unforeseen error: {kind.__name__ if kind else record.msg}")


def _counts(database: Path) -> dict[str, int]:
    if not database.exists():
        return {}
    with contextlib.closing(sqlite3.connect(database)) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _one_line_naming(text: str, name: str) -> str | None:
    """What is wrong with a refusal message: it must be one line naming the file."""
    if "\n" in text.strip("\n"):
        return f"refusal is not one line: {text[:300]!r}"
    if UNEXPECTED in text:
        return f"last resort reached: {text[:300]!r}"
    if f"“{name}”" not in text:  # corpus names are plain ASCII
        return f"refusal does not name the file: {text[:300]!r}"
    return None


def _package_problems(
    case: dict[str, Any],
    code: object,
    out: str,
    err: str,
    before: dict[str, int],
    after: dict[str, int],
) -> list[str]:
    """``package import FILE [--dry-run] --json``: exit 0 with the package accepted, or exit 1
    with its refusal (one line naming the file) in the JSON, or a "Lỗi: " line; nothing stored
    after a refusal or a dry run."""
    found = []
    name = Path(case["argv"][2]).name
    if "Traceback" in out + err:
        found.append("traceback on the screen")
    if code not in (0, 1):
        return [*found, f"exit code {code!r}: {err[-500:]!r}"]
    if code == 1 and not out.strip():
        if not err.startswith("Lỗi: "):
            found.append(f"refusal is not one line: {err[:300]!r}")
        elif problem := _one_line_naming(err, name):
            found.append(problem)
    else:
        try:
            result = json.loads(out)
            items = result["items"]
        except (ValueError, KeyError, TypeError):
            return [*found, f"exit {code} without a JSON result: {out[:300]!r} {err[:300]!r}"]
        if err.strip():
            found.append(f"stderr beside the JSON result: {err[:300]!r}")
        refused = [item for item in items if item["outcome"] == "refused"]
        if (code == 0) == bool(refused) or len(items) != 1:
            found.append(f"exit {code} does not match the outcome: {out[:300]!r}")
        for item in refused:
            if problem := _one_line_naming(item["message"], name):
                found.append(problem)
    if (code != 0 or "--dry-run" in case["argv"]) and after != before:
        found.append("something was stored after a refusal or a dry run")
    return found


def _problems(
    case: dict[str, Any],
    code: object,
    out: str,
    err: str,
    before: dict[str, int],
    after: dict[str, int],
) -> list[str]:
    found = []
    if "Traceback" in out + err:
        found.append("traceback on the screen")
    if code == 0:
        try:
            plan = json.loads(out)
        except ValueError:
            found.append("exit 0 without a JSON plan")
        else:
            if not isinstance(plan, dict) or not plan.get("tasks"):
                found.append("exit 0 with no tasks")
        if after.get("plans", 0) != before.get("plans", 0) + 1:
            found.append("exit 0 but no plan stored")
    elif code == 1:
        lines = err.strip("\n").split("\n")
        if len(lines) != 1 or not lines[0].startswith("Lỗi: "):
            found.append(f"refusal is not one line: {err[:300]!r}")
        elif UNEXPECTED in err:
            found.append(f"last resort reached: {err[:300]!r}")
        elif f"“{Path(case['argv'][2]).name}”" not in err:  # corpus names are plain ASCII
            found.append(f"refusal does not name the file: {err[:300]!r}")
        if after != before:
            found.append("something was stored after a refusal")
    else:
        found.append(f"exit code {code!r}: {err[-500:]!r}")
    return found


def _data_folder(base: str, setup: str, cli: Any) -> str:
    """The data folder of ``setup``, created: "plan" a fresh one, "commune" a commune whose
    parent is the district that sends the plan packages, "district" that district, which the
    report packages are sent to (``helpers.exchange_setup``)."""
    folder = base if setup == "plan" else f"{base}-{setup}"
    with contextlib.redirect_stdout(io.StringIO()):
        cli(["plan", "list", "--data-dir", folder])  # creates the database
    if setup in ("commune", "district"):
        from kscdesk.domain.model import Level
        from kscdesk.services.offices import OfficeSpec, set_office
        from kscdesk.services.workspace import Workspace

        district = OfficeSpec("UBND huyện Sơn Tịnh", Level.DISTRICT, "212")
        with Workspace.open(Path(folder)) as ws:
            if setup == "commune":
                set_office(ws, OfficeSpec("UBND xã Tịnh Hà", Level.COMMUNE, "21001"), district)
            else:
                set_office(ws, district, OfficeSpec("UBND tỉnh Quảng Ngãi", Level.PROVINCE))
    return folder


def main() -> None:
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    first = int(sys.argv[2])
    if resource is not None:
        limit = int(spec["memory_bytes"])
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import docx  # noqa: F401  # imported before the first case is timed
    import openpyxl  # noqa: F401
    import pdfplumber  # noqa: F401
    import xlrd  # noqa: F401

    from kscdesk.cli import main as cli

    faults = _Faults()
    logging.getLogger().addHandler(faults)
    real_out = sys.stdout
    folders: dict[str, str] = {}
    for index in range(first, len(spec["cases"])):
        case = spec["cases"][index]
        setup = case.get("setup", "plan")
        if setup not in folders:
            folders[setup] = _data_folder(spec["data_dir"], setup, cli)
        data_dir = folders[setup]
        database = Path(data_dir) / "kscdesk.sqlite3"
        print(json.dumps({"begin": index}), file=real_out, flush=True)
        faults.found.clear()
        before = _counts(database)
        out, err = io.StringIO(), io.StringIO()
        started = time.perf_counter()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code: object = cli([*case["argv"], "--data-dir", data_dir])
            except SystemExit as exit_:
                code = exit_.code
            except BaseException as exc:  # what the CLI let through: the worst finding
                code = f"raised {type(exc).__name__}: {exc}"[:300]
        seconds = time.perf_counter() - started
        check = _problems if setup == "plan" else _package_problems
        problems = faults.found + check(
            case, code, out.getvalue(), err.getvalue(), before, _counts(database)
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024 if resource else 0
        near = int(spec["memory_bytes"]) * NEAR_CEILING // 1024**2
        if peak > near:
            # A reader that catches MemoryError refuses the file "cleanly": the peak shows it.
            problems.append(f"memory reached {peak} MB, near the ceiling")
        result = {
            "end": index,
            "code": str(code),
            "seconds": seconds,
            "peak_mb": peak,
            "problems": problems,
        }
        print(json.dumps(result), file=real_out, flush=True)
        if peak > near:  # the peak never goes down: a fresh worker takes the next case
            print(json.dumps({"restart": index + 1}), file=real_out, flush=True)
            return


if __name__ == "__main__":
    main()
