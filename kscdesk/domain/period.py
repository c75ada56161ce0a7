"""Reporting periods (kỳ báo cáo) and their data cut-off windows under NĐ 09/2019/NĐ-CP.

A period's *window* is the span its figures cover: a quarter runs from the 15th of the month
before the quarter to the 14th of its last month (Q1 2025: 15/12/2024 → 14/3/2025); the
cumulative six-month, nine-month and year periods all start on 15/12 of the previous year.
Its *calendar span* is the plain months it names (Q1 = 1/1 → 31/3), which is what a plan's
deadlines ("Quý I" → 31/03) are compared with.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kscdesk.domain.errors import DomainError

MIN_YEAR = 1000
MAX_YEAR = 9999
WINDOW_START_DAY = 15  # the window opens on the 15th of the month before …
WINDOW_END_DAY = 14  # … and closes on the 14th of the period's last month
DEFAULT_SUBMISSION_DAY = 17  # communes report by day 17 of the last month (DOMAIN §3)

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class InvalidPeriod(DomainError):
    """A reporting period that cannot exist: a bad key, quarter or year."""


class InvalidSubmissionDay(DomainError):
    """A report submission day outside 1–31."""


class DateOutsidePeriods(DomainError):
    """A date no period of the asked kind covers (20/7 is in no six-month window)."""


class PeriodKind(StrEnum):
    """The four kinds of reporting period."""

    QUARTER = "quarter"
    SIX_MONTHS = "six_months"
    NINE_MONTHS = "nine_months"
    YEAR = "year"

    @property
    def label(self) -> str:
        return {
            "quarter": "Quý",
            "six_months": "6 tháng",
            "nine_months": "9 tháng",
            "year": "Năm",
        }[self.value]


_KEY_CODES = {
    PeriodKind.SIX_MONTHS: "H1",
    PeriodKind.NINE_MONTHS: "9M",
    PeriodKind.YEAR: "Y",
}
_LAST_MONTHS = {PeriodKind.SIX_MONTHS: 6, PeriodKind.NINE_MONTHS: 9, PeriodKind.YEAR: 12}
_KEY = re.compile(r"(\d{4})-(Q[1-4]|H1|9M|Y)")


def _format_window_date(d: date) -> str:
    # The report's window line writes the month without a leading zero: "14/3/2026".
    return f"{d.day:02d}/{d.month}/{d.year}"


@dataclass(frozen=True)
class Period:
    """One reporting period: Quý I năm 2025, 6 tháng đầu năm 2025, 9 tháng, cả năm."""

    kind: PeriodKind
    year: int
    quarter: int | None = None

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise InvalidPeriod(f"Năm {self.year} của kỳ báo cáo không hợp lệ.")
        if self.kind is PeriodKind.QUARTER:
            if self.quarter not in ROMAN:
                raise InvalidPeriod(f"Quý {self.quarter} không hợp lệ: quý phải từ 1 đến 4.")
        elif self.quarter is not None:
            raise InvalidPeriod(f"Kỳ {self.kind.label} không có số quý (nhận được {self.quarter}).")

    @property
    def key(self) -> str:
        """Stable key stored with progress and indicator values: "2025-Q1", "2025-H1"."""
        code = f"Q{self.quarter}" if self.kind is PeriodKind.QUARTER else _KEY_CODES[self.kind]
        return f"{self.year}-{code}"

    @property
    def last_month(self) -> int:
        """The calendar month the period ends in (3, 6, 9 or 12)."""
        if self.quarter is not None:
            return self.quarter * 3
        return _LAST_MONTHS[self.kind]

    @property
    def first_month(self) -> int:
        """The first calendar month the period names (1 for the cumulative periods)."""
        return self.last_month - 2 if self.quarter is not None else 1

    @property
    def start(self) -> date:
        """First day of the data window: the 15th of the month before the period."""
        if self.first_month == 1:
            return date(self.year - 1, 12, WINDOW_START_DAY)
        return date(self.year, self.first_month - 1, WINDOW_START_DAY)

    @property
    def end(self) -> date:
        """Last day of the data window: the 14th of the period's last month."""
        return date(self.year, self.last_month, WINDOW_END_DAY)

    @property
    def calendar_start(self) -> date:
        """First day of the months the period names: 1/1 for Q1, H1, 9M and the year."""
        return date(self.year, self.first_month, 1)

    @property
    def last_month_end(self) -> date:
        """Calendar end of the period: 31/3, 30/6, 30/9 or 31/12."""
        last_day = calendar.monthrange(self.year, self.last_month)[1]
        return date(self.year, self.last_month, last_day)

    @property
    def label(self) -> str:
        """As written in report titles: "Quý I năm 2025", "6 tháng đầu năm 2025"."""
        if self.quarter is not None:
            return f"Quý {ROMAN[self.quarter]} năm {self.year}"
        return {
            PeriodKind.SIX_MONTHS: f"6 tháng đầu năm {self.year}",
            PeriodKind.NINE_MONTHS: f"9 tháng năm {self.year}",
            PeriodKind.YEAR: f"Năm {self.year}",
        }[self.kind]

    @property
    def window_text(self) -> str:
        """The report's window line: "Số liệu tính từ ngày 15/12/2024 đến ngày 14/3/2025"."""
        start = _format_window_date(self.start)
        end = _format_window_date(self.end)
        return f"Số liệu tính từ ngày {start} đến ngày {end}"

    def deadline(self, submission_day: int = DEFAULT_SUBMISSION_DAY) -> date:
        """The report's due date: day N of the period's last month, clamped to its length."""
        if not 1 <= submission_day <= 31:
            raise InvalidSubmissionDay(
                f"Ngày nộp báo cáo {submission_day} không hợp lệ: phải từ 1 đến 31."
            )
        last_day = calendar.monthrange(self.year, self.last_month)[1]
        return date(self.year, self.last_month, min(submission_day, last_day))

    def contains(self, d: date) -> bool:
        """True when the date lies in the data window (both ends included)."""
        return self.start <= d <= self.end

    def calendar_contains(self, d: date) -> bool:
        """True when the date lies in the months the period names (1/1 → 31/3 for Q1)."""
        return self.calendar_start <= d <= self.last_month_end


def quarter_period(year: int, number: int) -> Period:
    """Shorthand for a quarter period."""
    return Period(PeriodKind.QUARTER, year, number)


def parse_period_key(key: str) -> Period:
    """Read a key written by `Period.key` ("2025-Q1", "2025-H1", "2025-9M", "2025-Y")."""
    match = _KEY.fullmatch(key.strip().upper())
    if match is None:
        raise InvalidPeriod(
            f'Mã kỳ báo cáo "{key}" không hợp lệ '
            "(đúng dạng: 2025-Q1 … 2025-Q4, 2025-H1, 2025-9M, 2025-Y)."
        )
    year = int(match.group(1))
    code = match.group(2)
    if code.startswith("Q"):
        return Period(PeriodKind.QUARTER, year, int(code[1]))
    kind = next(k for k, c in _KEY_CODES.items() if c == code)
    return Period(kind, year)


def periods_of_year(year: int) -> list[Period]:
    """Every period of a year in the order its reports fall due: Q1, Q2, H1, Q3, 9M, Q4, Y."""
    return [
        quarter_period(year, 1),
        quarter_period(year, 2),
        Period(PeriodKind.SIX_MONTHS, year),
        quarter_period(year, 3),
        Period(PeriodKind.NINE_MONTHS, year),
        quarter_period(year, 4),
        Period(PeriodKind.YEAR, year),
    ]


def period_for_date(d: date, kind: PeriodKind = PeriodKind.QUARTER) -> Period:
    """The period of that kind whose data window holds the date (20/12/2024 → Q1 2025).

    Raises DateOutsidePeriods for a cumulative kind whose window misses the date
    (a date in July is in no six-month window).
    """
    month = d.month + (1 if d.day >= WINDOW_START_DAY else 0)
    year = d.year
    if month == 13:
        month, year = 1, year + 1
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateOutsidePeriods(f"Ngày {d:%d/%m/%Y} nằm ngoài các năm báo cáo được hỗ trợ.")
    if kind is PeriodKind.QUARTER:
        return quarter_period(year, (month - 1) // 3 + 1)
    period = Period(kind, year)
    if not period.contains(d):
        raise DateOutsidePeriods(
            f"Ngày {d:%d/%m/%Y} không thuộc kỳ báo cáo {kind.label.lower()} nào "
            f"({period.window_text.lower()})."
        )
    return period


def current_reporting_period(today: date, submission_day: int = DEFAULT_SUBMISSION_DAY) -> Period:
    """The quarter an officer reports on today.

    That is the quarter whose window holds today, except between a window's close (the 14th)
    and its report's deadline: then the quarter just closed is still the one being reported.
    """
    current = period_for_date(today, PeriodKind.QUARTER)
    if today.month % 3 == 0:
        closed = quarter_period(today.year, today.month // 3)
        if closed.end < today <= closed.deadline(submission_day):
            return closed
    return current
