"""What travels between a commune and its parent office, and the rules of the parent's ledger.

A commune sends its report data for a period; the parent sends plans and receipts. Progress
statuses travel as the stored strings, so a newer or older status vocabulary passes through.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from kscdesk.domain.office_names import area_name
from kscdesk.domain.period import Period
from kscdesk.domain.text import search_key


class PackageKind(StrEnum):
    PLAN = "plan"
    REPORT = "report"
    RECEIPT = "receipt"

    @property
    def label(self) -> str:
        return {"plan": "kế hoạch", "report": "báo cáo", "receipt": "biên nhận"}[self.value]


@dataclass(frozen=True)
class OfficeRef:
    """An office as a package names it: official code (may be empty), name and level."""

    name: str
    code: str = ""
    level: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} (mã {self.code})" if self.code else self.name


def office_key(name: str, code: str = "") -> str:
    """How offices are matched: the official code when known, else the normalised name."""
    if code.strip():
        return "code:" + code.strip().upper()
    return "name:" + search_key(area_name(name)).strip()


def same_office(a: OfficeRef, b: OfficeRef) -> bool:
    """Codes decide when both sides have one; otherwise the normalised names."""
    if a.code.strip() and b.code.strip():
        return a.code.strip().upper() == b.code.strip().upper()
    return office_key(a.name) == office_key(b.name)


@dataclass(frozen=True)
class ReportTask:
    """One task of the commune's own plan and its progress in the period (status as stored)."""

    uid: str
    parent_task_uid: str | None
    section: str
    number: str
    sub: str | None
    content: str
    not_applicable: bool = False
    status: str | None = None  # None: nothing recorded for the period
    completed_on: date | None = None
    note: str = ""

    @property
    def label(self) -> str:
        return f"{self.number}{self.sub or ''}"


@dataclass(frozen=True)
class ReportAttachment:
    sha256: str
    file_name: str
    size: int


@dataclass(frozen=True)
class ReportEvidence:
    uid: str
    doc_type: str
    number_symbol: str
    issued_on: date | None
    issuer: str = ""
    summary: str = ""
    task_uids: tuple[str, ...] = ()
    attachments: tuple[ReportAttachment, ...] = ()


@dataclass(frozen=True)
class ReportIndicator:
    """Counts of one indicator for the period; rates are computed, never sent."""

    uid: str
    number: str
    name: str
    unit: str
    target: str
    numerator: int | None
    denominator: int | None
    note: str = ""


@dataclass(frozen=True)
class ReportData:
    """A commune's report data for one period ("kscdesk.report/1")."""

    period_key: str
    plan_uid: str
    plan_title: str
    plan_year: int
    parent_plan_uid: str | None
    tasks: tuple[ReportTask, ...] = ()
    evidence: tuple[ReportEvidence, ...] = ()
    indicators: tuple[ReportIndicator, ...] = ()
    report_text: str = ""


# What the parent keeps of a report for consolidation, one tuple a row, text in NFC:
# (parent task uid, label, status, not applicable) and (number, name, unit, numerator,
# denominator), in the order the commune sent them. The tasks' own uids and texts stay in the
# report's data, kept with the package: a consolidation needs them once, a receipt rarely.
TaskStatusRow = tuple[str | None, str, str | None, bool]
IndicatorCountRow = tuple[str, str, str, int | None, int | None]


@dataclass(frozen=True)
class ReportSummary:
    """The rows of a commune's report that the parent consolidates, and its period."""

    period_key: str
    tasks: list[TaskStatusRow]
    indicators: list[IndicatorCountRow]


def report_summary(report: ReportData) -> ReportSummary:
    return ReportSummary(
        report.period_key,
        [(t.parent_task_uid, t.label, t.status, t.not_applicable) for t in report.tasks],
        [(i.number, i.name, i.unit, i.numerator, i.denominator) for i in report.indicators],
    )


class ReceiptDecision(StrEnum):
    ACCEPTED = "accepted"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        return {"accepted": "Đã tiếp nhận", "returned": "Trả lại để chỉnh sửa"}[self.value]


@dataclass(frozen=True)
class TaskComment:
    """A parent's comment on one task of the commune's report."""

    task_uid: str
    number: str
    comment: str


@dataclass(frozen=True)
class ReceiptData:
    """The parent's answer to a commune's report ("kscdesk.receipt/1")."""

    period_key: str
    decision: ReceiptDecision
    about_package: str | None = None  # the report package answered
    comment: str = ""
    task_comments: tuple[TaskComment, ...] = field(default_factory=tuple)


class Standing(StrEnum):
    """Where a commune stands for a period in the parent's ledger."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_DUE = "not_due"

    @property
    def label(self) -> str:
        return {
            "on_time": "Đúng hạn",
            "late": "Trễ hạn",
            "missing": "Chưa nộp (quá hạn)",
            "not_due": "Chưa đến hạn",
        }[self.value]


def standing(period: Period, sent_on: date | None, today: date, submission_day: int) -> Standing:
    """On time when sent by the period's deadline (DOMAIN §3), late after it; missing once
    the deadline has passed with nothing received, not due before that."""
    deadline = period.deadline(submission_day)
    if sent_on is not None:
        return Standing.ON_TIME if sent_on <= deadline else Standing.LATE
    return Standing.MISSING if today > deadline else Standing.NOT_DUE


def parse_task_comments(text: str) -> tuple[str, dict[str, str]]:
    """Split a return text into a general comment and per-task comments.

    A line "3: thiếu minh chứng" (or "Nhiệm vụ 3: …", "3a - …") is a comment on task 3 (3a);
    other lines form the general comment.
    """
    general: list[str] = []
    per_task: dict[str, str] = {}
    for line in text.splitlines():
        match = _TASK_LINE.match(line.strip())
        if match:
            label = match.group(1).lower()
            per_task[label] = (per_task.get(label, "") + " " + match.group(2).strip()).strip()
        elif line.strip():
            general.append(line.strip())
    return "\n".join(general), per_task


_TASK_LINE = re.compile(r"^(?:nhiệm vụ|nhiem vu|nv)?\s*(\d+[a-zđ]?)\s*[:\-–]\s*(.+)$", re.I)
