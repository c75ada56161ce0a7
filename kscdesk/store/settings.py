"""Key–value settings kept in the database (home office, per-office preferences)."""

from sqlite_utils import Database

from kscdesk.domain.text import nfc


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    """The stored value for ``key``, or ``default`` when it was never set."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row is not None else default


def set_setting(db: Database, key: str, value: str) -> None:
    """Store ``value`` under ``key``, replacing any earlier value."""
    with db.atomic():
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, nfc(value)],
        )


def delete_setting(db: Database, key: str) -> None:
    """Forget ``key``; nothing happens when it was never set."""
    with db.atomic():
        db.execute("DELETE FROM settings WHERE key = ?", [key])
