"""A finding of the plan checks: where it is, the words concerned, why, and a suggestion."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One thing to look at in a plan, as the checks list and ``plan check`` print it."""

    kind: str  # leftover | year | missing_lead | missing_timeframe | timeframe | numbering
    # | section | spelling
    task: str  # the task's number as printed ("1a"), a section code, or "" for the plan
    field: str  # content | output | lead | coordinating | timeframe | number | title | section
    # | document
    text: str
    message: str
    suggestion: str = ""
    task_uid: str | None = None
    start: int = 0  # where ``text`` starts in the field
