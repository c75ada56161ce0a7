"""The "Hạn" cell of a task: the due dates the timeframe interpreter reads for the plan's year,
with a mark where part of the phrase is not understood."""

from dataclasses import dataclass

from kscdesk.domain.timeframe import describe, parse_timeframe

FLAG = "⚠"


@dataclass(frozen=True)
class DueCell:
    text: str
    tooltip: str
    is_flagged: bool


def due_cell(timeframe_text: str, plan_year: int) -> DueCell:
    """ "31/03/2025", "Hằng quý", "Theo sự kiện", each followed by ⚠ when a part is unread."""
    if not timeframe_text.strip():
        return DueCell(f"{FLAG} chưa có", "Chưa ghi thời gian thực hiện", True)
    timeframe = parse_timeframe(timeframe_text, plan_year)
    parts = [f"{c.due:%d/%m/%Y}" for c in timeframe.checkpoints]
    if timeframe.recurrence is not None:
        parts.append(timeframe.recurrence_label or "Định kỳ")
    if timeframe.is_event_driven and not parts:
        parts.append("Theo sự kiện")
    text = "\n".join(parts)
    if timeframe.is_flagged:
        text = f"{text} {FLAG}".strip()
    return DueCell(text, describe(timeframe), timeframe.is_flagged)
