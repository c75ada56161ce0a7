"""Timestamps the store writes: local time with its UTC offset, ISO 8601, to the second."""

import time
from datetime import date, datetime

# The text of the last second asked for: an import stamps thousands of records a second, and
# the local offset (astimezone) costs more than the rest of the stamp.
_last_second: list[tuple[int, str]] = [(-1, "")]


def now_iso() -> str:
    """The current local time as ISO text: "2025-03-14T10:15:02+07:00"."""
    second = int(time.time())
    cached = _last_second[0]
    if cached[0] == second:
        return cached[1]
    text = datetime.fromtimestamp(second).astimezone().isoformat(timespec="seconds")
    _last_second[0] = (second, text)
    return text


def date_to_iso(value: date | None) -> str | None:
    """A date as stored ("2025-03-14"), or None."""
    return value.isoformat() if value is not None else None


def date_from_iso(text: str | None) -> date | None:
    """A stored ISO date back as a date, or None."""
    return date.fromisoformat(text) if text else None
