"""Working days (ngày làm việc): weekdays that are neither a public holiday nor a day off.

Public holidays come from the maintained ``holidays`` package (Vietnam: Tết Nguyên đán, Giỗ Tổ
Hùng Vương, 30/4, 1/5, 2/9, the substitute days off and the Saturdays the government makes working
days when it swaps them). The officer may add days off of their own (a setting).
"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase

_LIMIT = 3660  # a count of working days that needs ten years of days is a mistake


class WorkCalendar:
    """Which days are working days, for "03 ngày làm việc" deadlines."""

    def __init__(self, days_off: Iterable[date] = ()) -> None:
        self.days_off = frozenset(days_off)
        self._loaded: HolidayBase | None = None

    @property
    def _public(self) -> "HolidayBase":
        # Loaded on first use: most task lists never count working days.
        if self._loaded is None:
            import holidays

            self._loaded = holidays.country_holidays("VN")
        return self._loaded

    def holiday_name(self, day: date) -> str | None:
        """The public holiday on that day, or None."""
        name = self._public.get(day)
        return str(name) if name is not None else None

    def is_working_day(self, day: date) -> bool:
        """A working day: a weekday (or a Saturday made a working day) not off for anyone."""
        if day in self.days_off:
            return False
        return bool(self._public.is_working_day(day))

    def shift(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start`` (before it when count < 0).

        The start day itself is not counted: 3 working days from Friday 24/01/2025 (before
        Tết) is Wednesday 05/02/2025. With count 0, the start day itself.
        """
        step = timedelta(days=1 if count >= 0 else -1)
        remaining = abs(count)
        day = start
        for _ in range(_LIMIT * 2):
            if remaining == 0:
                return day
            day += step
            if self.is_working_day(day):
                remaining -= 1
        raise ValueError(f"{count} working days from {start} is out of range")

    def next_working_day(self, day: date) -> date:
        """The day itself when it is a working day, else the first working day after it."""
        return day if self.is_working_day(day) else self.shift(day, 1)
