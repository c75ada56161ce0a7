"""Schema version 9: consolidated rows of a commune's report in one record, and a package's
data kept as compressed in the package."""

import zlib

from sqlite_utils import Database

from kscdesk.domain.exchange import ReportSummary
from kscdesk.store import exchange
from kscdesk.store.compact_exchange import compact_exchange
from kscdesk.store.migrations import MIGRATIONS

RECORD = exchange.PackageRecord(
    "pk1", "in", "report", "code:21001", "Xã A", "o1", "2025-Q1", 1, "h", "2025-03-10T00:00:00"
)


def _version_before() -> Database:
    """A database with every migration before the compact exchange records."""
    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    for migration in MIGRATIONS[: MIGRATIONS.index(compact_exchange)]:
        migration(db)
    return db


def test_consolidated_rows_of_an_older_file_move_into_one_record_each_in_order() -> None:
    db = _version_before()
    db.execute(
        "INSERT INTO packages (package_id, direction, kind, sender_key, sender_name, office_uid, "
        "period_key, sequence, content_hash, created_at, received_at) "
        "VALUES ('pk1', 'in', 'report', 'k', 'Xã A', 'o1', '2025-Q1', 1, 'h', 'c', 'r')"
    )
    for position, (task, na) in [(1, ("t2", 1)), (0, ("t1", 0))]:
        db.execute(
            "INSERT INTO consolidated_tasks (office_uid, period_key, package_id, task_uid, "
            "parent_task_uid, number, content, status, not_applicable, position) "
            "VALUES ('o1', '2025-Q1', 'pk1', ?, 'p' || ?, ?, 'Nội dung', 'done', ?, ?)",
            [task, task, str(position + 1), na, position],
        )
    db.execute(
        "INSERT INTO consolidated_indicators (office_uid, period_key, package_id, number, name, "
        "unit, numerator, denominator, position) "
        "VALUES ('o1', '2025-Q1', 'pk1', '1', 'Tỷ lệ', '%', 8, 10, 0)"
    )
    compact_exchange(db)
    [report] = exchange.consolidated_reports(db, "2025-Q1")
    assert (report.office_uid, report.package_id) == ("o1", "pk1")
    assert [(s.parent_task_uid, s.number, s.not_applicable) for s in report.statuses] == [
        ("pt1", "1", False),
        ("pt2", "2", True),
    ]
    [indicator] = report.indicators
    assert (indicator.name, indicator.numerator, indicator.denominator) == ("Tỷ lệ", 8, 10)
    assert "consolidated_tasks" not in db.table_names()


def test_a_newer_report_of_a_commune_replaces_its_rows_for_the_period() -> None:
    db = _version_before()
    compact_exchange(db)
    for n, status in enumerate(["in_progress", "done"]):
        record = exchange.PackageRecord(**{**RECORD.__dict__, "package_id": f"pk{n}"})
        exchange.save_package(db, record, "{}")
        summary = ReportSummary("2025-Q1", [("p1", "1", status, False)], [])
        exchange.replace_consolidated(db, "o1", record.package_id, summary)
    [report] = exchange.consolidated_reports(db, "2025-Q1")
    assert [s.status for s in report.statuses] == ["done"]
    assert report.package_id == "pk1"


def test_a_packages_data_kept_compressed_reads_back_as_sent() -> None:
    db = _version_before()
    compact_exchange(db)
    text = '{"period": "2025-Q1", "note": "Đã thực hiện"}'
    packer = zlib.compressobj(wbits=-15)
    deflated = packer.compress(text.encode()) + packer.flush()
    exchange.save_package(db, RECORD, b"", deflated=deflated)
    assert exchange.package_data(db, "pk1") == text
    other = exchange.PackageRecord(**{**RECORD.__dict__, "package_id": "pk2"})
    exchange.save_package(db, other, text.encode())
    assert exchange.package_data(db, "pk2") == text
