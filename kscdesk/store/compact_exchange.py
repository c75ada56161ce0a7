"""Schema version 9 (kscdesk.store.migrations), exchange records made compact for a parent that
takes hundreds of reports at once:

- a commune's consolidated rows for a period are one record holding them as JSON, in place of
  one record a task and one an indicator: an import writes one record a report, and a
  consolidation reads one a commune. A task's row keeps its parent task, number, status and
  whether it applies; its uid and text are read from the package's data when needed;
- a received package's data JSON may be kept as it was compressed in the package (raw DEFLATE,
  ``data_deflated``; ``data`` is then empty), a seventh of the room and of the writing.
"""

import json
from typing import Any

from sqlite_utils import Database

_SCHEMA = """
CREATE TABLE consolidated_reports (
    office_uid TEXT NOT NULL,
    period_key TEXT NOT NULL,
    package_id TEXT NOT NULL REFERENCES packages (package_id) ON DELETE CASCADE,
    -- JSON [[parent task uid, number, status, not applicable], …] (the tasks' uids and texts
    -- are in the package's data)
    tasks TEXT NOT NULL,
    -- JSON [[number, name, unit, numerator, denominator], …]
    indicators TEXT NOT NULL,
    PRIMARY KEY (period_key, office_uid)
) STRICT;
CREATE INDEX consolidated_reports_package ON consolidated_reports (package_id);
ALTER TABLE packages ADD COLUMN data_deflated BLOB;
"""


def compact_exchange(db: Database) -> None:
    """Create ``consolidated_reports``, move the rows of the two old tables into it (in their
    order) and drop those; add ``packages.data_deflated``."""
    db.executescript(_SCHEMA)
    reports: dict[tuple[str, str], tuple[str, list[Any], list[Any]]] = {}
    for office, period, package, *task in db.execute(
        "SELECT office_uid, period_key, package_id, parent_task_uid, number, status, "
        "not_applicable FROM consolidated_tasks ORDER BY position, rowid"
    ):
        task[3] = bool(task[3])
        reports.setdefault((office, period), (package, [], []))[1].append(task)
    for office, period, package, *indicator in db.execute(
        "SELECT office_uid, period_key, package_id, number, name, unit, numerator, denominator "
        "FROM consolidated_indicators ORDER BY position, rowid"
    ):
        reports.setdefault((office, period), (package, [], []))[2].append(indicator)
    db.conn.executemany(
        "INSERT INTO consolidated_reports (office_uid, period_key, package_id, tasks, indicators) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (office, period, package, _json(tasks), _json(indicators))
            for (office, period), (package, tasks, indicators) in reports.items()
        ],
    )
    db.execute("DROP TABLE consolidated_tasks")
    db.execute("DROP TABLE consolidated_indicators")


def _json(rows: list[Any]) -> str:
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
