"""Import and consolidation at the parent office: N communes' packages (60 tasks, 4 periods,
10 indicators, 100 evidence records each), for N = 30 and N = 300.

Each consolidation writes the workbook and the office's summary report (.docx), as the
command and the window do. Prints two verdicts: the N = 300 run against the N = 30 run (target
≤ 11: near-linear), and the N = 300 run against a floor that only unzips, checks the member
hashes and parses the JSON of the same files (target ≤ 2). Times are the process's CPU time
(the machine may be shared), the better of two runs each.
Usage: python benchmarks/consolidate.py [--small 30] [--large 300]
"""

import argparse
import hashlib
import json
import sys
import tempfile
import time
import uuid
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from kscdesk.domain.exchange import OfficeRef, PackageKind
from kscdesk.domain.model import Indicator, Level, Plan, PlanContent, PlanKind, Section, Task
from kscdesk.formats.package.manifest import Manifest
from kscdesk.formats.package.signing import generate_key
from kscdesk.formats.package.writer import write_package
from kscdesk.services.consolidation import consolidate
from kscdesk.services.exchange_import import import_packages
from kscdesk.services.offices import OfficeSpec, set_office
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans

TASKS, PERIODS, INDICATORS, EVIDENCE = 60, 4, 10, 100
DISTRICT = OfficeRef("UBND huyện Sơn Tịnh", "212", "district")
STATUSES = ["not_started", "in_progress", "done", "done_late"]


def district_plan() -> PlanContent:
    sections = [Section(code, f"Nhóm {code}", position=n) for n, code in enumerate("ABC", 1)]
    tasks = [
        Task("ABC"[n % 3], str(n + 1), f"Rà soát thủ tục hành chính lĩnh vực {n + 1}", position=n)
        for n in range(TASKS)
    ]
    indicators = [
        Indicator(str(n + 1), f"Chỉ tiêu số {n + 1}", position=n) for n in range(INDICATORS)
    ]
    plan = Plan(DISTRICT.name, 2025, "Kế hoạch KSTT năm 2025", Level.DISTRICT, PlanKind.OWN)
    return PlanContent(plan, sections, tasks, indicators)


def report(parent: PlanContent, commune: int, period: str) -> dict[str, Any]:
    tasks = [
        {
            "uid": f"{commune}-{t.uid}",
            "parent_task_uid": t.uid,
            "section": t.section_code,
            "number": t.number,
            "sub": None,
            "content": t.content,
            "not_applicable": False,
            "status": STATUSES[(commune + n) % 4],
            "completed_on": "2025-02-01",
            "note": "Đã thực hiện theo kế hoạch",
        }
        for n, t in enumerate(parent.tasks)
    ]
    evidence = [
        {
            "uid": str(uuid.uuid4()),
            "doc_type": "KH",
            "number_symbol": f"{n}/KH-UBND",
            "issued_on": "2025-01-10",
            "issuer": f"UBND xã số {commune}",
            "summary": "Kế hoạch triển khai công tác kiểm soát thủ tục hành chính",
            "task_uids": [tasks[n % TASKS]["uid"]],
            "attachments": [],
        }
        for n in range(EVIDENCE)
    ]
    indicators = [
        {
            "uid": f"{commune}-{i.uid}",
            "number": i.number,
            "name": i.name,
            "unit": "%",
            "target": "Tối thiểu 80",
            "numerator": commune + n,
            "denominator": 100 + n,
            "note": "",
        }
        for n, i in enumerate(parent.indicators)
    ]
    return {
        "schema": "kscdesk.report/1",
        "period": period,
        "plan": {"uid": f"plan-{commune}", "title": "KH", "year": 2025, "parent_plan_uid": None},
        "tasks": tasks,
        "evidence": evidence,
        "indicators": indicators,
        "report_text": "",
    }


def make_packages(folder: Path, parent: PlanContent, communes: int) -> None:
    folder.mkdir()
    for commune in range(communes):
        key = generate_key()
        sender = OfficeRef(f"UBND xã số {commune}", f"9{commune:04d}", "commune")
        for quarter in range(1, PERIODS + 1):
            period = f"2025-Q{quarter}"
            manifest = Manifest(
                PackageKind.REPORT,
                sender,
                "",
                DISTRICT,
                period,
                datetime(2025, 3 * quarter, 10).astimezone(),
                "bench",
                quarter,
                {},
            )
            out = folder / f"{commune:04d}-{period}.kscx"
            write_package(out, manifest, report(parent, commune, period), key)


def floor(folder: Path) -> float:
    """Only unzip, check the member hashes against the manifest, parse the JSON."""
    start = time.process_time()
    for path in sorted(folder.glob("*.kscx")):
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            json.loads(archive.read("signature.json"))
            for name, digest in manifest["members"].items():
                payload = archive.read(name)
                assert hashlib.sha256(payload).hexdigest() == digest
            json.loads(payload)
    return time.process_time() - start


def kscdesk_run(folder: Path, data: Path, parent: PlanContent) -> tuple[float, float]:
    """CPU seconds of the import of every package, and of the consolidation of the 4 periods."""
    with Workspace.open(data) as ws:
        set_office(ws, OfficeSpec(DISTRICT.name, Level.DISTRICT, DISTRICT.code))
        plans.save_plan_content(ws.db, parent)
        start = time.process_time()
        items = import_packages(ws, folder)
        assert all(item.accepted for item in items), items[0].message
        imported = time.process_time()
        for quarter in range(1, PERIODS + 1):
            consolidate(ws, f"2025-Q{quarter}", data / "out")
        return imported - start, time.process_time() - imported


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", type=int, default=30)
    parser.add_argument("--large", type=int, default=300)
    args = parser.parse_args()
    parent = district_plan()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        times = {}
        for n in (args.small, args.large):
            make_packages(root / f"in{n}", parent, n)
            floor(root / f"in{n}")  # warm the file cache for both measurements
            times[n] = min(
                (kscdesk_run(root / f"in{n}", root / f"data{n}-{run}", parent) for run in (1, 2)),
                key=sum,
            )
        floor_large = min(floor(root / f"in{args.large}") for _ in (1, 2))
    small, large = sum(times[args.small]), sum(times[args.large])
    imported, consolidated = times[args.large]
    print(f"N = {args.large}: import {imported:.2f} s, consolidation {consolidated:.2f} s CPU")
    print(f"packages: {args.small * PERIODS} and {args.large * PERIODS}")
    print(f"import + consolidation (4 periods), N = {args.small}: {small:.2f} s CPU")
    print(f"import + consolidation (4 periods), N = {args.large}: {large:.2f} s CPU")
    print(f"floor (unzip, hashes, JSON), N = {args.large}: {floor_large:.2f} s CPU")
    scaling, overhead = large / small, large / floor_large
    print(f"ratio: {scaling:.2f} (target ≤ 11)")
    print(f"ratio: {overhead:.2f} (target ≤ 2)")
    return 0 if scaling <= 11 and overhead <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
