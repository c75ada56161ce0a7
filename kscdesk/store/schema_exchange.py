"""Schema versions 7, 8 and 10 (kscdesk.store.migrations): the exchange between offices,
attachments named by a digest, and office codes indexed for matching senders."""

from sqlite_utils import Database

_SCHEMA_EXCHANGE = """
CREATE TABLE trusted_keys (
    office_key TEXT PRIMARY KEY,  -- "code:…" or "name:…" (kscdesk.domain.exchange.office_key)
    office_uid TEXT,  -- the office record it belongs to (no foreign key: kept if it goes)
    name TEXT NOT NULL,
    public_key TEXT NOT NULL,  -- base64 Ed25519 public key, trusted on first use
    fingerprint TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    pending_public_key TEXT,  -- a changed key seen on import, until the officer accepts it
    pending_fingerprint TEXT
) STRICT;

CREATE TABLE packages (
    package_id TEXT PRIMARY KEY,
    direction TEXT NOT NULL,  -- 'in' received, 'out' written here
    kind TEXT NOT NULL,  -- plan | report | receipt
    sender_key TEXT NOT NULL,
    sender_name TEXT NOT NULL,
    office_uid TEXT,  -- the other office: sender of 'in', recipient of 'out' (when one)
    period_key TEXT NOT NULL DEFAULT '',  -- '' for plans
    sequence INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,  -- when the sender wrote it
    received_at TEXT NOT NULL,  -- when it was imported (or written, for 'out')
    status TEXT NOT NULL DEFAULT 'current',  -- current | superseded
    file_name TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT ''  -- the data JSON as received, kept as history
) STRICT;
CREATE INDEX packages_sender ON packages (sender_key, kind, period_key, sequence);
CREATE INDEX packages_office_period ON packages (office_uid, period_key);

CREATE TABLE consolidated_tasks (
    office_uid TEXT NOT NULL,
    period_key TEXT NOT NULL,
    package_id TEXT NOT NULL REFERENCES packages (package_id) ON DELETE CASCADE,
    task_uid TEXT NOT NULL,  -- the commune's task
    parent_task_uid TEXT,  -- the parent plan's row it was derived from
    number TEXT NOT NULL,
    content TEXT NOT NULL DEFAULT '',
    status TEXT,  -- as the commune stored it (either status vocabulary)
    not_applicable INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX consolidated_tasks_period ON consolidated_tasks (period_key, office_uid);

CREATE TABLE consolidated_indicators (
    office_uid TEXT NOT NULL,
    period_key TEXT NOT NULL,
    package_id TEXT NOT NULL REFERENCES packages (package_id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    name TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    numerator INTEGER,
    denominator INTEGER,
    position INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX consolidated_indicators_period ON consolidated_indicators (period_key, office_uid);

CREATE TABLE receipts (
    package_id TEXT PRIMARY KEY,
    direction TEXT NOT NULL,  -- 'in' (commune) or 'out' (parent)
    office_uid TEXT,  -- the commune the receipt answers
    period_key TEXT NOT NULL,
    decision TEXT NOT NULL,  -- accepted | returned
    comment TEXT NOT NULL DEFAULT '',
    about_package TEXT,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE receipt_comments (
    package_id TEXT NOT NULL REFERENCES receipts (package_id) ON DELETE CASCADE,
    task_uid TEXT NOT NULL,  -- the commune's task (no foreign key: the task may be gone)
    number TEXT NOT NULL DEFAULT '',
    comment TEXT NOT NULL
) STRICT;
CREATE INDEX receipt_comments_task ON receipt_comments (task_uid);
"""


def add_exchange(db: Database) -> None:
    """Exchange packages: trusted keys, received and written packages, consolidated data per
    commune and period, receipts with comments per task."""
    db.executescript(_SCHEMA_EXCHANGE)


def name_files_by_digest(db: Database) -> None:
    """Attachments are named by a digest (BLAKE3 for new files); the SHA-256 names of files
    stored before stay valid digests."""
    db.executescript(
        """
        ALTER TABLE attachments RENAME COLUMN sha256 TO digest;
        ALTER TABLE evidence_attachments RENAME COLUMN sha256 TO digest;
        DROP INDEX evidence_attachments_sha256;
        CREATE INDEX evidence_attachments_digest ON evidence_attachments (digest);
        """
    )


def index_office_codes(db: Database) -> None:
    """Matching a sender under an office looks offices up by their code as compared (trimmed,
    upper case): indexed, so a batch of new communes does not scan the offices for each."""
    db.execute("CREATE INDEX offices_parent_code ON offices (parent_uid, upper(trim(code)))")
