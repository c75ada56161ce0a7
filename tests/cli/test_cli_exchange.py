"""End to end through the CLI: a district publishes its plan, three communes import it, derive,
record and send; the district imports (twice, tampered, superseded), consolidates and returns
one report, whose commune then sees the comments on its task."""

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from helpers.exchange_setup import derive_and_record, make_commune, make_district
from helpers.packages import rewrite

from kscdesk.cli import main
from kscdesk.domain.model import PlanKind, ProgressStatus
from kscdesk.services.workspace import Workspace
from kscdesk.store import exchange, plans, receipts

S = ProgressStatus
PERIOD = "2025-Q1"
COMMUNES = {
    "a": ("UBND xã Tịnh Hà", "21001", [(80, 100), (40, 50)], [S.DONE, S.IN_PROGRESS]),
    "b": ("UBND xã Tịnh Sơn", "", [(10, 20), (0, 0)], [S.DONE, S.DONE, S.NOT_STARTED]),
    "c": ("UBND xã Tịnh Bình", "21003", [(5, 10), (3, 4)], [S.IN_PROGRESS]),
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _count_packages(folder: Path) -> int:
    with Workspace.open(folder) as ws:
        return len(exchange.list_packages(ws.db))


def test_a_district_and_three_communes_exchange_plans_reports_and_a_receipt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    district = tmp_path / "district"
    plan_uid = make_district(district)
    outbox = tmp_path / "outbox"
    code, out, _ = run(
        capsys,
        "package",
        "export",
        "--plan",
        plan_uid[:8],
        "--out",
        str(outbox),
        "--data-dir",
        str(district),
    )
    assert code == 0
    plan_file = Path(out.strip())
    assert plan_file.is_file() and plan_file.suffix == ".kscx"

    scan = tmp_path / "bien-ban.pdf"
    scan.write_bytes(b"%PDF-1.4 minh chung")
    sent: dict[str, Path] = {}
    for key, (name, code_, counts, statuses) in COMMUNES.items():
        folder = tmp_path / key
        make_commune(folder, name, code_)
        assert run(capsys, "package", "import", str(plan_file), "--data-dir", str(folder))[0] == 0
        derive_and_record(folder, PERIOD, counts, statuses, scan if key == "a" else None)
        code, out, _ = run(
            capsys,
            "package",
            "export",
            "--period",
            PERIOD,
            "--out",
            str(tmp_path / f"sent-{key}"),
            "--data-dir",
            str(folder),
        )
        assert code == 0
        sent[key] = Path(out.strip())

    # The parent imports all three from a folder (a USB stick), after a dry run.
    usb = tmp_path / "usb"
    usb.mkdir()
    for path in sent.values():
        shutil.copy(path, usb)
    code, out, _ = run(
        capsys, "package", "import", str(usb), "--dry-run", "--json", "--data-dir", str(district)
    )
    assert code == 0 and json.loads(out)["accepted"] == 3
    assert _count_packages(district) == 1  # only the plan written there: nothing stored
    assert run(capsys, "package", "import", str(usb), "--data-dir", str(district))[0] == 0
    assert (district / "backups").is_dir()

    # The same package again is accepted silently.
    code, out, _ = run(
        capsys, "package", "import", str(sent["a"]), "--json", "--data-dir", str(district)
    )
    assert code == 0 and json.loads(out)["items"][0]["outcome"] == "already"

    # A tampered copy is refused with the reason, and changes nothing.
    tampered = rewrite(
        sent["b"],
        tmp_path / "tampered.kscx",
        lambda n, d: d.replace(b'"numerator":10', b'"numerator":19') if n == "data.json" else d,
    )
    before = _count_packages(district)
    code, _, err = run(capsys, "package", "import", str(tampered), "--data-dir", str(district))
    assert code == 1 and "tampered.kscx" in err and "data.json" in err
    assert _count_packages(district) == before

    # Commune c corrects its counts and sends twice more: the newest package supersedes the
    # older ones, which stay in history; an older one arriving late is refused unless the
    # officer re-imports it on purpose.
    derive_and_record(tmp_path / "c", PERIOD, [(7, 10), (4, 4)], [S.DONE])
    second, third = (
        Path(
            run(
                capsys,
                "package",
                "export",
                "--period",
                PERIOD,
                "--out",
                str(tmp_path / f"sent-c{n}"),
                "--data-dir",
                str(tmp_path / "c"),
            )[1].strip()
        )
        for n in (2, 3)
    )
    code, out, _ = run(
        capsys, "package", "import", str(third), "--json", "--data-dir", str(district)
    )
    assert code == 0 and json.loads(out)["items"][0]["outcome"] == "supersedes"
    code, _, err = run(capsys, "package", "import", str(second), "--data-dir", str(district))
    assert code == 1 and "cũ hơn" in err and second.name in err
    code, _, _ = run(
        capsys, "package", "import", str(second), "--allow-older", "--data-dir", str(district)
    )
    assert code == 0
    with Workspace.open(district) as ws:
        statuses = {
            p.sequence: p.status
            for p in exchange.report_packages(ws.db, PERIOD)
            if p.sender_name == COMMUNES["c"][0]
        }
    assert statuses == {1: "superseded", 3: "superseded", 2: "current"}

    # Consolidation: totals are the sums of the communes' current counts.
    code, out, _ = run(
        capsys,
        "consolidate",
        "--period",
        PERIOD,
        "--out",
        str(tmp_path / "th"),
        "--json",
        "--data-dir",
        str(district),
    )
    assert code == 0
    result = json.loads(out)
    assert {row["office"] for row in result["ledger"]} == {n for n, *_ in COMMUNES.values()}
    assert all(row["standing"] in ("on_time", "late") for row in result["ledger"])
    online = result["indicators"][0]
    assert (online["numerator"], online["denominator"]) == (80 + 10 + 7, 100 + 20 + 10)
    payment = result["indicators"][1]
    assert (payment["numerator"], payment["denominator"]) == (40 + 0 + 4, 50 + 0 + 4)
    xlsx, docx = (Path(name) for name in result["files"])
    with zipfile.ZipFile(xlsx) as book:
        assert "xl/worksheets/sheet3.xml" in book.namelist()
    with zipfile.ZipFile(docx) as document:
        assert "97/130" in document.read("word/document.xml").decode()

    # The district returns commune a's report with a comment on task 1.
    code, out, _ = run(
        capsys,
        "package",
        "receipt",
        "--office",
        "Tịnh Hà",
        "--period",
        PERIOD,
        "--return",
        "Bổ sung số liệu.\n1: thiếu minh chứng ban hành kế hoạch",
        "--out",
        str(tmp_path / "receipts"),
        "--data-dir",
        str(district),
    )
    assert code == 0
    receipt = Path(out.strip())
    assert run(capsys, "package", "import", str(receipt), "--data-dir", str(tmp_path / "a"))[0] == 0
    with Workspace.open(tmp_path / "a") as ws:
        own = next(s for s in plans.list_plans(ws.db) if s.kind is PlanKind.OWN)
        first_task = plans.load_plan_content(ws.db, own.uid).tasks[0]
        comments = receipts.list_task_comments(ws.db, first_task.uid)
    assert [c.comment for c in comments] == ["thiếu minh chứng ban hành kế hoạch"]
    assert comments[0].decision == "returned"
