"""Schema versions: a numbered list of migrations, tracked in ``PRAGMA user_version``.

Migration N brings a database from version N-1 to N. Each runs inside ``db.atomic()`` and sets
``user_version`` in the same transaction, so a failed migration leaves the file as it was.
A migration that rebuilds a table must switch ``foreign_keys`` off outside the transaction first.
"""

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from kscdesk.store.compact_exchange import compact_exchange
from kscdesk.store.errors import DatabaseFromNewerVersion, DatabaseUnreadable
from kscdesk.store.schema_exchange import add_exchange, index_office_codes, name_files_by_digest

Migration = Callable[[Database], None]

_SCHEMA_1 = """
CREATE TABLE offices (
    uid TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    level TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    parent_uid TEXT  -- no foreign key: a parent office may be known only by its uid
) STRICT;
CREATE INDEX offices_parent ON offices (parent_uid);

CREATE TABLE units (
    uid TEXT PRIMARY KEY,
    office_uid TEXT NOT NULL REFERENCES offices (uid) ON DELETE CASCADE,
    name TEXT NOT NULL,
    is_kstt_lead INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX units_office ON units (office_uid);

CREATE TABLE plans (
    uid TEXT PRIMARY KEY,
    issuer TEXT NOT NULL,
    level TEXT NOT NULL,
    year INTEGER NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    decision_number TEXT,  -- NULL when the plan has no decision
    decision_date TEXT,  -- ISO date
    source_name TEXT NOT NULL DEFAULT '',
    source_sha256 TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    derived_from_uid TEXT REFERENCES plans (uid) ON DELETE SET NULL,
    office_uid TEXT REFERENCES offices (uid) ON DELETE SET NULL,
    columns TEXT NOT NULL DEFAULT '[]',  -- JSON list of the source table's column headers
    submission_day INTEGER NOT NULL DEFAULT 17,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX plans_derived_from ON plans (derived_from_uid);
CREATE INDEX plans_office ON plans (office_uid);

CREATE TABLE sections (
    uid TEXT PRIMARY KEY,
    plan_uid TEXT NOT NULL REFERENCES plans (uid) ON DELETE CASCADE,
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    parent_code TEXT,
    position INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX sections_plan ON sections (plan_uid, position);

CREATE TABLE tasks (
    uid TEXT PRIMARY KEY,
    plan_uid TEXT NOT NULL REFERENCES plans (uid) ON DELETE CASCADE,
    section_code TEXT NOT NULL,
    number TEXT NOT NULL,
    sub TEXT,
    content TEXT NOT NULL,
    output TEXT NOT NULL DEFAULT '',
    lead TEXT NOT NULL DEFAULT '',
    coordinating TEXT NOT NULL DEFAULT '',
    timeframe TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    -- no foreign key: the parent row may live in a plan that was since deleted
    parent_task_uid TEXT,
    is_local INTEGER NOT NULL DEFAULT 0,
    not_applicable INTEGER NOT NULL DEFAULT 0,
    not_applicable_reason TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT ''  -- search_key() of content, output, lead, coordinating
) STRICT;
CREATE INDEX tasks_plan ON tasks (plan_uid, position);
CREATE INDEX tasks_plan_section ON tasks (plan_uid, section_code, position);
CREATE INDEX tasks_parent ON tasks (parent_task_uid);

CREATE TABLE progress (
    uid TEXT PRIMARY KEY,
    task_uid TEXT NOT NULL REFERENCES tasks (uid) ON DELETE CASCADE,
    period_key TEXT NOT NULL,
    status TEXT NOT NULL,
    completed_on TEXT,  -- ISO date
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    UNIQUE (task_uid, period_key)
) STRICT;
CREATE INDEX progress_period ON progress (period_key);

CREATE TABLE evidence (
    uid TEXT PRIMARY KEY,
    doc_type TEXT NOT NULL,
    number_symbol TEXT NOT NULL,
    issued_on TEXT,  -- ISO date
    issuer TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE evidence_tasks (
    evidence_uid TEXT NOT NULL REFERENCES evidence (uid) ON DELETE CASCADE,
    task_uid TEXT NOT NULL REFERENCES tasks (uid) ON DELETE CASCADE,
    PRIMARY KEY (evidence_uid, task_uid)
) STRICT;
CREATE INDEX evidence_tasks_task ON evidence_tasks (task_uid);

CREATE TABLE attachments (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL
) STRICT;

CREATE TABLE evidence_attachments (
    evidence_uid TEXT NOT NULL REFERENCES evidence (uid) ON DELETE CASCADE,
    sha256 TEXT NOT NULL REFERENCES attachments (sha256),
    file_name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (evidence_uid, sha256)
) STRICT;
CREATE INDEX evidence_attachments_sha256 ON evidence_attachments (sha256);

CREATE TABLE indicators (
    uid TEXT PRIMARY KEY,
    plan_uid TEXT NOT NULL REFERENCES plans (uid) ON DELETE CASCADE,
    number TEXT NOT NULL,
    name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '%',
    target_text TEXT NOT NULL DEFAULT '',
    lead TEXT NOT NULL DEFAULT '',
    coordinating TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX indicators_plan ON indicators (plan_uid, position);

CREATE TABLE indicator_values (
    uid TEXT PRIMARY KEY,
    indicator_uid TEXT NOT NULL REFERENCES indicators (uid) ON DELETE CASCADE,
    period_key TEXT NOT NULL,
    numerator INTEGER NOT NULL,
    denominator INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    UNIQUE (indicator_uid, period_key)
) STRICT;

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
"""


def _create_schema(db: Database) -> None:
    """Version 1: every table of a plan's life, from import to reports."""
    db.executescript(_SCHEMA_1)


_SCHEMA_2 = """
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,  -- local time with offset, ISO 8601
    officer TEXT NOT NULL DEFAULT '',  -- the officer's name from settings at the time
    entity TEXT NOT NULL,  -- what changed: 'progress', 'evidence', 'task' …
    entity_uid TEXT NOT NULL,
    task_uid TEXT,  -- the task it concerns, for the per-task history (no foreign key: kept)
    field TEXT NOT NULL,
    old TEXT,  -- NULL when the record was created
    new TEXT  -- NULL when the record was deleted
) STRICT;
CREATE INDEX history_task ON history (task_uid, id);
CREATE INDEX history_entity ON history (entity_uid, id);
"""


def _add_history(db: Database) -> None:
    """Version 2: a journal of changes to progress and evidence (who, when, old → new)."""
    db.executescript(_SCHEMA_2)


_SCHEMA_PROGRESS_STANDING = """
ALTER TABLE progress ADD COLUMN override TEXT;  -- a Standing slug the officer set, or NULL
ALTER TABLE progress ADD COLUMN override_reason TEXT NOT NULL DEFAULT '';
CREATE TABLE task_events (
    task_uid TEXT PRIMARY KEY REFERENCES tasks (uid) ON DELETE CASCADE,
    event_on TEXT NOT NULL,  -- ISO date of the event a relative deadline counts from
    updated_at TEXT NOT NULL
) STRICT;
"""


def _add_progress_standing(db: Database) -> None:
    """Progress vocabulary (issue 7): overridden standings with a reason; event dates per task.

    The recorded statuses of earlier versions (not_started, in_progress, done) keep their
    slugs and meaning in the new vocabulary, which only adds not_occurred: no row changes.
    """
    db.executescript(_SCHEMA_PROGRESS_STANDING)


_SCHEMA_EVIDENCE_TRASH = """
CREATE TABLE evidence_trash (
    uid TEXT PRIMARY KEY,  -- the deleted evidence record's uid, restored as it was
    deleted_at TEXT NOT NULL,
    record TEXT NOT NULL  -- JSON: the record with its task links and attachments
) STRICT;
"""


def _add_evidence_trash(db: Database) -> None:
    """Deleted evidence kept for undo; its files stay until the trash is emptied."""
    db.executescript(_SCHEMA_EVIDENCE_TRASH)


_SCHEMA_TAILORING = """
ALTER TABLE plans ADD COLUMN version_of TEXT;  -- uid of the first version of a re-issued plan
CREATE INDEX plans_version_of ON plans (version_of);

CREATE TABLE wording_rules (
    office_uid TEXT NOT NULL REFERENCES offices (uid) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    find TEXT NOT NULL,
    replacement TEXT NOT NULL DEFAULT '',
    fields TEXT NOT NULL DEFAULT '[]',  -- JSON list of task fields the rule applies to
    PRIMARY KEY (office_uid, position)
) STRICT;

CREATE TABLE plan_edits (
    id INTEGER PRIMARY KEY,
    plan_uid TEXT NOT NULL REFERENCES plans (uid) ON DELETE CASCADE,
    at TEXT NOT NULL,
    label TEXT NOT NULL,  -- what the officer did, as the Edit menu names it
    before TEXT NOT NULL,  -- JSON: {"tasks": {uid: row|null}, "sections": {uid: row|null}}
    after TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX plan_edits_plan ON plan_edits (plan_uid, id);
"""


def _add_tailoring(db: Database) -> None:
    """Tailoring: versions of re-issued parent plans, wording rules per office, an edit journal
    of own plans that undo and redo read (also after a restart)."""
    db.executescript(_SCHEMA_TAILORING)


_SCHEMA_REPORTS = """
CREATE TABLE report_texts (
    plan_uid TEXT NOT NULL REFERENCES plans (uid) ON DELETE CASCADE,
    period_key TEXT NOT NULL,
    part TEXT NOT NULL,  -- a key of kscdesk.domain.report_draft.PARTS
    draft TEXT NOT NULL,  -- the drafted text the officer edited from
    text TEXT NOT NULL,  -- the officer's text
    updated_at TEXT NOT NULL,
    PRIMARY KEY (plan_uid, period_key, part)
) STRICT;

CREATE TABLE report_builds (
    uid TEXT PRIMARY KEY,
    plan_uid TEXT NOT NULL REFERENCES plans (uid) ON DELETE CASCADE,
    period_key TEXT NOT NULL,
    built_at TEXT NOT NULL,
    docx_path TEXT NOT NULL,
    xlsx_path TEXT NOT NULL
) STRICT;
CREATE INDEX report_builds_plan ON report_builds (plan_uid, period_key, built_at);
"""


def _add_reports(db: Database) -> None:
    """Version 3: the officer's report texts per period and the list of reports built."""
    db.executescript(_SCHEMA_REPORTS)


MIGRATIONS: tuple[Migration, ...] = (
    _create_schema,
    _add_history,
    _add_progress_standing,
    _add_evidence_trash,
    _add_tailoring,
    _add_reports,
    add_exchange,
    name_files_by_digest,
    compact_exchange,
    index_office_codes,
)
"""Migration number N (1-based) is ``MIGRATIONS[N - 1]``; append, never edit or reorder."""

LATEST_VERSION = len(MIGRATIONS)


def schema_version(db: Database) -> int:
    """The schema version recorded in the database (0 for a new, empty file)."""
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def apply_migrations(db: Database) -> list[int]:
    """Bring the database to ``LATEST_VERSION``; return the version numbers applied."""
    current = schema_version(db)
    if current > LATEST_VERSION:
        raise DatabaseFromNewerVersion(None, current, LATEST_VERSION)
    applied: list[int] = []
    for number in range(current + 1, LATEST_VERSION + 1):
        with db.atomic():
            MIGRATIONS[number - 1](db)
            # PRAGMA takes no parameters; number is an int we computed.
            db.execute(f"PRAGMA user_version = {int(number)}")
        applied.append(number)
    return applied


def probe_schema_version(path: Path) -> int:
    """Read a database file's schema version without writing to it (read-only connection).

    Raises DatabaseUnreadable when the file is not an SQLite database or is damaged.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise DatabaseUnreadable(path, str(error)) from error
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        # Reading the schema catches a damaged first page that user_version alone may not.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise DatabaseUnreadable(path, str(error)) from error
    finally:
        conn.close()
    return version
