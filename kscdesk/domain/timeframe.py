"""The timeframe cell of a plan task (thời gian thực hiện), read into dates and recurrences.

A cell may hold several phrases ("- Định kỳ 3 tháng/lần.\\n- Đột xuất theo thời điểm yêu
cầu."). Each phrase becomes a one-off checkpoint ("Quý I" → 31/03), a recurrence ("Thường
xuyên" → evidence every quarter), or an event-driven part with no fixed date ("Theo kế
hoạch"). Anything else is kept verbatim in `unknown_parts` and flagged, never guessed.

Matching is done on a tone-free, lower-case copy of the text with the same length as the
text, so line wraps ("Thường\\nxuyên"), capitals ("QUÝ I") and the typo "Đợt xuất" all match
while every recognised or unknown part can be cut from the original text.
"""

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date
from enum import StrEnum
from functools import lru_cache

from kscdesk.domain.period import Period, PeriodKind, periods_of_year
from kscdesk.domain.text import clean_text, nfc, search_key


class Recurrence(StrEnum):
    """How often a task expects progress and evidence, ordered from most to least frequent."""

    EVERY_QUARTER = "every_quarter"  # Thường xuyên, Định kỳ hằng quý, 3 tháng/lần, Hàng quý/năm
    AS_REGULATED = "as_regulated"  # Định kỳ theo quy định: quarterly per NĐ 09/2019
    SIX_MONTHS_AND_YEAR = "six_months_and_year"  # Định kỳ 06 tháng và cuối năm
    YEARLY = "yearly"  # Hằng năm

    @property
    def label(self) -> str:
        """Which reports expect evidence, for the officer."""
        return {
            "every_quarter": "minh chứng mỗi quý",
            "as_regulated": "minh chứng mỗi quý (theo NĐ 09/2019/NĐ-CP)",
            "six_months_and_year": "minh chứng 6 tháng và cả năm (quý II, quý IV)",
            "yearly": "minh chứng cả năm (quý IV)",
        }[self.value]

    def expects(self, period: Period) -> bool:
        """True when a report for this period should show progress on the task."""
        if self in (Recurrence.EVERY_QUARTER, Recurrence.AS_REGULATED):
            return True
        if self is Recurrence.SIX_MONTHS_AND_YEAR:
            return period.kind in (PeriodKind.SIX_MONTHS, PeriodKind.YEAR) or period.quarter in (
                2,
                4,
            )
        return period.kind is PeriodKind.YEAR or period.quarter == 4


_FREQUENCY = list(Recurrence)  # most frequent first: the union of two is the more frequent


@dataclass(frozen=True)
class Checkpoint:
    """A one-off due date and the phrase it was read from ("Quý I" → 31/03/2023)."""

    due: date
    label: str


@dataclass(frozen=True)
class Timeframe:
    """What a timeframe cell says: checkpoints, a recurrence, event-driven parts, leftovers."""

    text: str
    plan_year: int
    checkpoints: tuple[Checkpoint, ...] = ()
    recurrence: Recurrence | None = None
    recurrence_label: str = ""  # the phrase the recurrence was read from: "Thường xuyên"
    is_event_driven: bool = False
    unknown_parts: tuple[str, ...] = ()

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()

    @property
    def is_continuous(self) -> bool:
        """ "Thường xuyên": work that goes on all the time, so being in progress is its normal
        state, never late (a periodic task, "Định kỳ hằng quý", is late after its report day)."""
        return _fold(self.recurrence_label).startswith("thuong xuyen")

    @property
    def is_flagged(self) -> bool:
        """True when the officer should look at the cell: a part not understood, or nothing."""
        understood = bool(self.checkpoints) or self.recurrence is not None or self.is_event_driven
        return bool(self.unknown_parts) or not understood


# --- Folding: one key character per text character --------------------------------------


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "\n\r\v\f\u2028\u2029\x1c\x1d\x1e\x85":
        return "\n"
    if ch.isspace():
        return " "
    key = search_key(ch)
    return key if len(key) == 1 else "\ufffd"


def _fold(text: str) -> str:
    return "".join(_fold_char(ch) for ch in text)


# --- Patterns over the folded key -------------------------------------------------------

_W = r"\s+"  # words may be split by any run of white space, line wraps included


def _rx(pattern: str) -> re.Pattern[str]:
    """Compile a pattern written with single spaces between words, bounded as whole words."""
    return re.compile(r"(?<![a-z0-9])(?:" + pattern.replace(" ", _W) + r")(?![a-z0-9])")


_NUM = r"(?:iv|iii|ii|i|[1-4])"
_YEAR_OPT = r"(?:(?:\s*/\s*| nam )([0-9]{4}))?"  # "/2024" or " năm 2024"
_LAN = r"(?:\s*/\s*|\s+(?:mot|1)\s+)lan"  # "/lần", " một lần"
_SIX = r"(?:0?6|sau)"

_RECURRENCES: list[tuple[re.Pattern[str], Recurrence]] = [
    (_rx(r"dinh ky theo (?:quy dinh|che do bao cao)"), Recurrence.AS_REGULATED),
    (_rx(r"thuong xuyen(?: theo thoi gian thuc| lien tuc)?"), Recurrence.EVERY_QUARTER),
    (_rx(r"(?:dinh ky )?(?:hang|moi) quy(?:\s*/\s*(?:nam|lan))?"), Recurrence.EVERY_QUARTER),
    (_rx(r"(?:dinh ky )?(?:0?3 thang|quy)" + _LAN), Recurrence.EVERY_QUARTER),
    (_rx(r"dinh ky (?:0?3 thang|quy)"), Recurrence.EVERY_QUARTER),
    (
        _rx(
            r"(?:(?:truoc|cham nhat(?: la)?|vao|han) )?ngay [0-9]{1,2} (?:cua )?(?:hang|moi) thang"
        ),
        Recurrence.EVERY_QUARTER,
    ),
    (_rx(r"(?:dinh ky )?(?:hang|moi) thang"), Recurrence.EVERY_QUARTER),
    (
        _rx(
            r"(?:cham nhat (?:la )?)?(?:truoc |vao )?ngay [0-9]{1,2} (?:cua )?thang cuoi"
            r" (?:cua )?(?:moi )?quy"
        ),
        Recurrence.EVERY_QUARTER,
    ),
    (
        _rx(
            rf"(?:dinh ky {_SIX} thang|(?:hang|moi) {_SIX} thang|{_SIX} thang{_LAN})"
            r"(?:\s*(?:,|va)\s*(?:ca |cuoi |hang )?nam)?"
        ),
        Recurrence.SIX_MONTHS_AND_YEAR,
    ),
    (
        _rx(rf"{_SIX} thang\s*(?:,|va)\s*(?:ca |cuoi )?nam(?!\s*[0-9])"),
        Recurrence.SIX_MONTHS_AND_YEAR,
    ),
    (
        _rx(r"(?:dinh ky )?(?:hang|moi) nam|(?:(?:mot|1) )?nam\s*/\s*lan"),
        Recurrence.YEARLY,
    ),
]

# Event-driven phrases: their part runs on to the end of the part (or to the next phrase).
_EVENTS = [
    _rx(
        r"theo (?:ke hoach|lo trinh|nghi quyet|nghi dinh|quyet dinh|cong van|chi thi|thong bao"
        r"|de an|huong dan|chi dao|van ban|yeu cau|tien do|thoi diem)"
    ),
    _rx(r"(?:ngay )?sau khi"),
    _rx(r"dot xuat"),  # Đột xuất, and the typo Đợt xuất
    _rx(r"cham nhat (?:la )?(?:sau )?[0-9]+ ngay"),
    _rx(r"(?:hoan thanh )?truoc [0-9]+ ngay"),
    _rx(r"(?:trong (?:thoi han |vong )?)?[0-9]+ ngay(?: lam viec)? (?:ke tu|tinh tu)"),
    _rx(r"(?:khi|neu) (?:co )?(?:yeu cau|phat sinh)"),
]

# Words that carry no timing of their own once the phrases around them are read.
_FILLER = _rx(r"trong|cuoi|hoan thanh|thuc hien|va|hoac|thoi gian(?: thuc hien)?|thoi han|du kien")
_PUNCTUATION = re.compile(r"[\s\-–•+*.,;:()/\[\]\"'“”‘’!?…]+")
_STRIP = " \t\n-–•+*.,;:"

# Bullets start a new part: a dash at the start, after a line break or after . ; : — never
# the dash of "Quý I - IV". A semicolon also ends a part.
_SEPARATOR = re.compile(r"(?:^|(?<=[\n.;:]))\s*[-–•+*]\s+|;")


def _due(year: int, month: int, day: int | None = None) -> date | None:
    """The date, or the month's last day when day is None; None when it cannot exist."""
    if not (MINYEAR <= year <= MAXYEAR and 1 <= month <= 12):
        return None
    last = calendar.monthrange(year, month)[1]
    if day is None:
        day = last
    return date(year, month, day) if 1 <= day <= last else None


_ROMAN_VALUES = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER_TOKEN = re.compile(r"(?<![a-z0-9])(iv|iii|ii|i|[1-4])(?![a-z0-9])|([-–]|den)")


def _quarters(group: str) -> list[int]:
    """ "i, ii" → [1, 2]; "i - iii" and "i den iii" → [1, 2, 3]."""
    numbers: list[int] = []
    is_range = False
    for match in _QUARTER_TOKEN.finditer(group):
        if match.group(2):
            is_range = bool(numbers)
            continue
        value = _ROMAN_VALUES[match.group(1)]
        if is_range:
            numbers.extend(range(numbers[-1] + 1, value))
            is_range = False
        numbers.append(value)
    return numbers


def _year(match: re.Match[str], index: int, plan_year: int) -> int:
    found = match.group(index)
    return int(found) if found else plan_year


_Reader = Callable[[re.Match[str], int], list[date | None]]


def _read_quarters(match: re.Match[str], plan_year: int) -> list[date | None]:
    year = _year(match, 2, plan_year)
    return [_due(year, number * 3) for number in _quarters(match.group(1))]


def _read_month(match: re.Match[str], plan_year: int) -> list[date | None]:
    return [_due(_year(match, 2, plan_year), int(match.group(1)))]


def _read_day(match: re.Match[str], plan_year: int) -> list[date | None]:
    return [_due(_year(match, 3, plan_year), int(match.group(2)), int(match.group(1)))]


def _month_end(month: int) -> _Reader:
    def read(match: re.Match[str], plan_year: int) -> list[date | None]:
        return [_due(_year(match, 1, plan_year), month)]

    return read


_DATE_PREFIX = r"(?:(?:hoan thanh )?(?:truoc|den|cham nhat(?: la)?|han(?: chot)?|vao) )?"
_CHECKPOINTS: list[tuple[re.Pattern[str], _Reader]] = [
    (
        _rx(_DATE_PREFIX + r"ngay ([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})(?:\s*[/.-]\s*([0-9]{4}))?"),
        _read_day,
    ),
    (_rx(_DATE_PREFIX + r"ngay ([0-9]{1,2}) thang ([0-9]{1,2})(?: nam ([0-9]{4}))?"), _read_day),
    (
        _rx(
            rf"(?:tu )?quy ({_NUM}(?:(?:\s*[,\-–]\s*|\s+(?:va|den)\s+)(?:quy )?{_NUM})*)"
            + _YEAR_OPT
        ),
        _read_quarters,
    ),
    (_rx(rf"{_SIX} thang dau nam(?: ([0-9]{{4}}))?"), _month_end(6)),
    (_rx(r"(?:0?9|chin) thang(?: dau)? nam(?: ([0-9]{4}))?"), _month_end(9)),
    (_rx(rf"{_SIX} thang cuoi nam(?: ([0-9]{{4}}))?"), _month_end(12)),
    (_rx(r"thang ([0-9]{1,2})" + _YEAR_OPT), _read_month),
    (_rx(r"(?:cuoi|trong) nam(?: ([0-9]{4}))?"), _month_end(12)),
    (_rx(r"nam ([0-9]{4})"), _month_end(12)),
    (_rx(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})"), _read_day),
]


# --- Reading a cell ---------------------------------------------------------------------


class _Reading:
    """The state of one parse: the folded key, what is consumed, what was found where."""

    def __init__(self, text: str, plan_year: int) -> None:
        self.text = text
        self.key = _fold(text)
        self.plan_year = plan_year
        self.consumed = [False] * len(text)
        self.checkpoints: list[tuple[int, Checkpoint]] = []
        self.recurrences: list[tuple[int, Recurrence, str]] = []
        self.unknown: list[tuple[int, str]] = []
        self.is_event_driven = False

    def label(self, start: int, end: int) -> str:
        return clean_text(self.text[start:end]).strip(_STRIP)

    def is_free(self, start: int, end: int) -> bool:
        return not any(self.consumed[start:end])

    def consume(self, start: int, end: int) -> None:
        self.consumed[start:end] = [True] * (end - start)

    def parts(self) -> list[tuple[int, int]]:
        bounds = [0]
        for match in _SEPARATOR.finditer(self.key):
            bounds.extend((match.start(), match.end()))
        bounds.append(len(self.key))
        return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]

    def read_part(self, start: int, end: int) -> None:
        for pattern, recurrence in _RECURRENCES:
            for match in pattern.finditer(self.key, start, end):
                if self.is_free(*match.span()):
                    self.consume(*match.span())
                    self.recurrences.append((match.start(), recurrence, self.label(*match.span())))
        for pattern in _EVENTS:
            for match in pattern.finditer(self.key, start, end):
                if self.is_free(*match.span()):
                    stop = next((i for i in range(match.end(), end) if self.consumed[i]), end)
                    self.consume(match.start(), stop)
                    self.is_event_driven = True
        for pattern, reader in _CHECKPOINTS:
            for match in pattern.finditer(self.key, start, end):
                if not self.is_free(*match.span()):
                    continue
                dues = reader(match, self.plan_year)
                if dues and all(due is not None for due in dues):
                    self.consume(*match.span())
                    label = self.label(*match.span())
                    self.checkpoints.extend(
                        (match.start(), Checkpoint(due, label)) for due in dues if due
                    )
        self.read_leftovers(start, end)

    def read_leftovers(self, start: int, end: int) -> None:
        run_start: int | None = None
        for i in range(start, end + 1):
            free = i < end and not self.consumed[i]
            if free and run_start is None:
                run_start = i
            elif not free and run_start is not None:
                run = self.key[run_start:i]
                if _PUNCTUATION.sub("", _FILLER.sub(" ", run)):
                    self.unknown.append((run_start, self.label(run_start, i)))
                run_start = None

    def result(self) -> Timeframe:
        for start, end in self.parts():
            self.read_part(start, end)
        checkpoints: list[Checkpoint] = []
        for _, checkpoint in sorted(self.checkpoints, key=lambda found: found[0]):
            if all(checkpoint.due != seen.due for seen in checkpoints):
                checkpoints.append(checkpoint)
        recurrence: Recurrence | None = None
        recurrence_label = ""
        for _, found, label in sorted(self.recurrences, key=lambda found: found[0]):
            if recurrence is None or _FREQUENCY.index(found) < _FREQUENCY.index(recurrence):
                recurrence, recurrence_label = found, label
        unknown = [label for _, label in sorted(self.unknown) if label]
        understood = checkpoints or recurrence is not None or self.is_event_driven
        if not understood and not unknown and self.text.strip():
            unknown = [clean_text(self.text)]
        return Timeframe(
            text=self.text,
            plan_year=self.plan_year,
            checkpoints=tuple(checkpoints),
            recurrence=recurrence,
            recurrence_label=recurrence_label,
            is_event_driven=self.is_event_driven,
            unknown_parts=tuple(unknown),
        )


def parse_timeframe(text: str, plan_year: int) -> Timeframe:
    """Read a timeframe cell; years left out ("Quý I", "Trước ngày 15/3") are the plan's."""
    return _Reading(nfc(text), plan_year).result()


def expected_in(timeframe: Timeframe, period: Period) -> bool:
    """Whether a report for the period should show progress or evidence on the task.

    A checkpoint counts when its date falls in the months the period names (so a "Quý I" task
    is expected in Q1, H1, 9M and the year); a recurrence counts in its plan year's periods;
    event-driven parts never set an expectation of their own.
    """
    if any(period.calendar_contains(checkpoint.due) for checkpoint in timeframe.checkpoints):
        return True
    if timeframe.recurrence is not None and period.year == timeframe.plan_year:
        return timeframe.recurrence.expects(period)
    return False


def expected_periods(timeframe: Timeframe, year: int | None = None) -> list[Period]:
    """The periods of a year (the plan's by default) that expect evidence for the task."""
    return [
        period
        for period in periods_of_year(timeframe.plan_year if year is None else year)
        if expected_in(timeframe, period)
    ]


def describe(timeframe: Timeframe) -> str:
    """A short Vietnamese summary for the UI: "Hạn 31/03/2023", "Thường xuyên – minh chứng…"."""
    if timeframe.is_blank:
        return "Chưa ghi thời gian thực hiện"
    parts: list[str] = []
    if timeframe.checkpoints:
        parts.append("hạn " + ", ".join(f"{c.due:%d/%m/%Y}" for c in timeframe.checkpoints))
    if timeframe.recurrence is not None:
        parts.append(f"{timeframe.recurrence_label} – {timeframe.recurrence.label}")
    if timeframe.is_event_driven:
        parts.append(
            "theo sự kiện, không có hạn cố định"
            if not parts
            else "có việc theo sự kiện, không có hạn cố định"
        )
    if timeframe.unknown_parts:
        parts.append("chưa hiểu: " + ", ".join(f"“{part}”" for part in timeframe.unknown_parts))
    summary = "; ".join(parts)
    return summary[:1].upper() + summary[1:]
