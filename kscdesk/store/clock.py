"""Timestamps the store writes: local time with its UTC offset, ISO 8601, to the second."""

from datetime import date, datetime


def now_iso() -> str:
    """The current local time as ISO text: "2025-03-14T10:15:02+07:00"."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def date_to_iso(value: date | None) -> str | None:
    """A date as stored ("2025-03-14"), or None."""
    return value.isoformat() if value is not None else None


def date_from_iso(text: str | None) -> date | None:
    """A stored ISO date back as a date, or None."""
    return date.fromisoformat(text) if text else None
