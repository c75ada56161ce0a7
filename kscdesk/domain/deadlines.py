"""A task's deadlines made concrete: fixed dates, relative deadlines, monthly or quarterly days.

The timeframe interpreter (``kscdesk.domain.timeframe``) reads a cell into checkpoints,
recurrences and event-driven parts. This module adds what needs more than the cell:

- a relative deadline ("Chậm nhất là 03 ngày làm việc kể từ ngày quyết định công bố", "Hoàn
  thành trước 10 ngày …") becomes a date once the officer records the date of the event it
  counts from; working days skip weekends, public holidays and the officer's days off;
- a day in a recurrence ("trước ngày 10 hằng tháng", "chậm nhất là ngày 17 của tháng cuối quý")
  gives one date per month, or per quarter.

A date inside a citation ("theo Kế hoạch số 7384/KH-UBND ngày 30/10/2023") is never a deadline:
the interpreter reads such a part as event-driven, and nothing here reads dates of its own.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from kscdesk.domain.period import DEFAULT_SUBMISSION_DAY, Period
from kscdesk.domain.text import search_key
from kscdesk.domain.timeframe import Timeframe, parse_timeframe
from kscdesk.domain.workdays import WorkCalendar

_WORKING = r"(?P<working> lam viec)?"
_DAYS = r"(?P<days>[0-9]{1,3}) ngay" + _WORKING

# Relative phrases, most specific first, matched on the tone-free text (search_key).
_AFTER = [
    re.compile(r"cham nhat (?:la )?(?:sau )?" + _DAYS),
    re.compile(r"(?:trong (?:thoi han |vong )?)?" + _DAYS + r" (?:ke tu|tinh tu|sau)"),
]
_BEFORE = re.compile(r"(?:hoan thanh )?truoc " + _DAYS)
_IMMEDIATE = re.compile(r"ngay sau khi")
_OPEN = re.compile(r"sau khi|dot xuat|khi co yeu cau|theo yeu cau|khi phat sinh")

_MONTHLY = re.compile(r"ngay (?P<day>[0-9]{1,2}) (?:cua )?(?:hang|moi) thang")
_QUARTERLY = re.compile(r"ngay (?P<day>[0-9]{1,2}) (?:cua )?thang cuoi (?:cua )?(?:moi )?quy")


@dataclass(frozen=True)
class RelativeDeadline:
    """A deadline counted from an event the plan cannot date: the officer records the event.

    ``days`` is None when the phrase sets no count ("Sau khi có …", "Đột xuất"): the task is
    then expected from the event on, with no fixed date.
    """

    days: int | None
    working_days: bool = False
    before: bool = False  # "trước 10 ngày …": counted back from the event

    def due(self, event_on: date, work: WorkCalendar) -> date | None:
        """The deadline for an event on ``event_on``, or None when the phrase sets none."""
        if self.days is None:
            return None
        count = -self.days if self.before else self.days
        if self.working_days:
            return work.shift(event_on, count)
        return event_on + timedelta(days=count)

    @property
    def label(self) -> str:
        if self.days is None:
            return "theo sự kiện, không có hạn cố định"
        unit = "ngày làm việc" if self.working_days else "ngày"
        return f"{self.days:02d} {unit} {'trước' if self.before else 'sau'} sự kiện"


def relative_deadline(text: str) -> RelativeDeadline | None:
    """The relative deadline a timeframe cell states, or None when it states none."""
    key = " ".join(search_key(text).split())
    for pattern in _AFTER:
        match = pattern.search(key)
        if match:
            return RelativeDeadline(int(match["days"]), working_days=bool(match["working"]))
    match = _BEFORE.search(key)
    if match:
        return RelativeDeadline(int(match["days"]), bool(match["working"]), before=True)
    if _IMMEDIATE.search(key):
        return RelativeDeadline(1, working_days=True)
    if _OPEN.search(key):
        return RelativeDeadline(None)
    return None


@dataclass(frozen=True)
class RecurringDay:
    """The day a recurrence falls due: each month ("hằng tháng") or each quarter's last month."""

    day: int
    monthly: bool

    def dues_in(self, period: Period) -> list[date]:
        """The due dates inside the months the period names."""
        months = range(period.first_month, period.last_month + 1)
        if not self.monthly:
            months = range(period.first_month + 2, period.last_month + 1, 3)
        result = []
        for month in months:
            last = calendar.monthrange(period.year, month)[1]
            result.append(date(period.year, month, min(self.day, last)))
        return result


def recurring_day(text: str) -> RecurringDay | None:
    """ "trước ngày 10 hằng tháng" → day 10 monthly; "ngày 17 của tháng cuối quý" → quarterly."""
    key = " ".join(search_key(text).split())
    for pattern, monthly in ((_MONTHLY, True), (_QUARTERLY, False)):
        match = pattern.search(key)
        if match and 1 <= int(match["day"]) <= 31:
            return RecurringDay(int(match["day"]), monthly)
    return None


@dataclass(frozen=True)
class Deadlines:
    """Everything dated about a task: read from its timeframe cell and the event it counts from."""

    timeframe: Timeframe
    fixed: tuple[date, ...] = ()  # one-off due dates: checkpoints and a resolved relative one
    relative: RelativeDeadline | None = None
    recurring_day: RecurringDay | None = None
    event_on: date | None = None  # the date of the event a relative deadline counts from
    submission_day: int = DEFAULT_SUBMISSION_DAY  # a recurring task without a day is due then

    @property
    def is_recurring(self) -> bool:
        return self.timeframe.recurrence is not None

    @property
    def waits_for_event(self) -> bool:
        """True when a relative deadline needs the event's date and none is recorded."""
        return self.counts_from_event and self.event_on is None

    @property
    def counts_from_event(self) -> bool:
        """True when a relative deadline counts days from an event ("03 ngày … kể từ …")."""
        return self.relative is not None and self.relative.days is not None


def task_deadlines(
    timeframe_text: str,
    plan_year: int,
    event_on: date | None = None,
    work: WorkCalendar | None = None,
    submission_day: int = DEFAULT_SUBMISSION_DAY,
) -> Deadlines:
    """Read a task's timeframe cell and make its deadlines dates (the one entry point here)."""
    timeframe = parse_timeframe(timeframe_text, plan_year)
    relative = relative_deadline(timeframe_text) if timeframe.is_event_driven else None
    fixed = [checkpoint.due for checkpoint in timeframe.checkpoints]
    if relative is not None and event_on is not None:
        due = relative.due(event_on, work or WorkCalendar())
        if due is not None and due not in fixed:
            fixed.append(due)
    day = recurring_day(timeframe_text) if timeframe.recurrence is not None else None
    return Deadlines(
        timeframe=timeframe,
        fixed=tuple(sorted(fixed)),
        relative=relative,
        recurring_day=day,
        event_on=event_on,
        submission_day=submission_day,
    )
