"""What a period report is drafted from: plain records, independent of how progress is stored.

Each task comes with its *standing* (a slug of the progress vocabulary: not_started,
in_progress_on_time, in_progress_overdue, done_early, done_on_time, done_late, not_occurred),
its completion date, note, due dates and evidence. Services build these from the store.
"""

from dataclasses import dataclass
from datetime import date

from kscdesk.domain.period import Period

DONE_STANDINGS = frozenset({"done_early", "done_on_time", "done_late"})
IN_PROGRESS_STANDINGS = frozenset({"in_progress_on_time", "in_progress_overdue"})
NOT_STARTED = "not_started"
NOT_OCCURRED = "not_occurred"
OVERDUE = "in_progress_overdue"
STANDINGS = frozenset({*DONE_STANDINGS, *IN_PROGRESS_STANDINGS, NOT_STARTED, NOT_OCCURRED})


@dataclass(frozen=True)
class EvidenceRef:
    """An evidence document as a report cites it (DOMAIN §6)."""

    uid: str
    type_label: str  # "Kế hoạch", "Công văn"
    number_symbol: str  # "18/KH-UBND"
    issued_on: date | None = None
    issuer: str = ""
    summary: str = ""

    @property
    def short_citation(self) -> str:
        """Later citations: "Kế hoạch số 18/KH-UBND"."""
        return f"{self.type_label} số {self.number_symbol}"

    @property
    def full_citation(self) -> str:
        """First citation: "Kế hoạch số 18/KH-UBND ngày 20/02/2023 của UBND phường … về …"."""
        text = self.short_citation
        if self.issued_on is not None:
            text += f" ngày {self.issued_on:%d/%m/%Y}"
        if self.issuer:
            text += f" của {self.issuer}"
        summary = self.summary.strip().rstrip(".")
        words = self.type_label.split()
        if summary.split()[: len(words)] == words or summary.lower().split()[: len(words)] == [
            w.lower() for w in words
        ]:
            summary = " ".join(summary.split()[len(words) :])  # "Kế hoạch … về kế hoạch …"
        if summary:
            text += f" về {summary[:1].lower()}{summary[1:]}"
        return text


@dataclass(frozen=True)
class ReportTask:
    """One task of the plan as the report sees it in the period."""

    uid: str
    number: str  # as printed: "1", "1a"
    section_code: str
    content: str
    standing: str  # a slug of STANDINGS
    completed_on: date | None = None
    note: str = ""
    due_dates: tuple[date, ...] = ()
    evidence: tuple[EvidenceRef, ...] = ()
    due_next_period: bool = False  # the next period expects progress on it
    timeframe: str = ""
    in_period: bool = True  # False: listed only among the next period's tasks
    recurring: bool = False  # "Thường xuyên", "Định kỳ …": expected every period of its kind

    def is_done(self) -> bool:
        return self.standing in DONE_STANDINGS

    def is_overdue(self, as_of: date) -> bool:
        """Past a due date and not done: in progress overdue, or not started past its date."""
        if self.standing == OVERDUE:
            return True
        return self.standing == NOT_STARTED and any(due < as_of for due in self.due_dates)


@dataclass(frozen=True)
class ReportIndicator:
    """An indicator's line in the report: target and the period's counts."""

    number: str
    name: str
    unit: str
    target_text: str  # "≥ 80%"
    numerator: int | None  # None: no counts entered for the period
    denominator: int | None
    met: bool | None


@dataclass(frozen=True)
class ReportInput:
    """Everything a period report is drafted from."""

    office_name: str  # "UBND phường Trần Phú"
    parent_office_name: str  # "UBND thành phố Quảng Ngãi"
    period: Period
    plan_title: str
    plan_citation: str  # "Kế hoạch số 18/KH-UBND ngày 20/02/2023 của UBND phường Trần Phú"
    sections: tuple[tuple[str, str], ...]  # (code, title) in plan order
    tasks: tuple[ReportTask, ...]
    indicators: tuple[ReportIndicator, ...] = ()
    next_period_label: str = ""  # "quý II năm 2023"


STANDING_LABELS = {
    "not_started": "Chưa thực hiện",
    "in_progress_on_time": "Đang thực hiện",
    "in_progress_overdue": "Đang thực hiện, quá hạn",
    "done_early": "Hoàn thành trước hạn",
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "not_occurred": "Không phát sinh",
}


@dataclass(frozen=True)
class Letterhead:
    """Who issues and signs the report, as the header and closing tables print it."""

    agency_lines: tuple[str, ...]  # ("ỦY BAN NHÂN DÂN", "PHƯỜNG TRẦN PHÚ")
    place: str  # "Trần Phú"
    recipients: tuple[str, ...]  # "- UBND thành phố Quảng Ngãi;" … "- Lưu: VT."
    parent_agency: tuple[str, ...] = ()
    signer_authority: str = "TM. ỦY BAN NHÂN DÂN"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""
