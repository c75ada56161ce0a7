"""The records of a plan's life: offices, plans, sections, tasks, progress, evidence, indicators.

Every record that travels in exchange packages carries a stable UUID (``uid``) made once, when
the record is first created, and kept through export, import and consolidation.
"""

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


def new_uid() -> str:
    """A fresh, stable identifier for a record that may travel between offices."""
    return str(uuid.uuid4())


class Level(StrEnum):
    """Administrative level of an office (two levels only since 1 July 2025)."""

    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"

    @property
    def label(self) -> str:
        return {"province": "Cấp tỉnh", "district": "Cấp huyện", "commune": "Cấp xã"}[self.value]


class PlanKind(StrEnum):
    """A parent plan is imported as issued; an own plan is the office's tailored copy."""

    PARENT = "parent"
    OWN = "own"

    @property
    def label(self) -> str:
        return {"parent": "Kế hoạch cấp trên", "own": "Kế hoạch của đơn vị"}[self.value]


@dataclass(frozen=True)
class Office:
    """A People's Committee office: a commune, a district or a province."""

    name: str
    level: Level
    code: str = ""  # official code (QĐ 19/2025/QĐ-TTg); empty when not known
    parent_uid: str | None = None
    uid: str = field(default_factory=new_uid)


@dataclass(frozen=True)
class Unit:
    """One of an office's own units (Văn phòng – Thống kê, Bộ phận Một cửa …)."""

    office_uid: str
    name: str
    is_kstt_lead: bool = False
    uid: str = field(default_factory=new_uid)


@dataclass(frozen=True)
class Decision:
    """The decision a plan is annexed to: "Quyết định số 35/QĐ-UBND ngày 14/02/2025"."""

    number: str
    date: date | None


@dataclass(frozen=True)
class Plan:
    """A KSTT plan: the header facts; sections, tasks and indicators are separate records."""

    issuer: str
    year: int
    title: str
    level: Level = Level.DISTRICT
    kind: PlanKind = PlanKind.PARENT
    decision: Decision | None = None
    source_name: str = ""
    source_sha256: str = ""
    version: int = 1
    derived_from_uid: str | None = None
    office_uid: str | None = None
    columns: tuple[str, ...] = ()
    submission_day: int = 17  # day of the period's last month the report is due (DOMAIN §3)
    uid: str = field(default_factory=new_uid)
    version_of: str | None = None  # a re-issued parent plan: the uid of its first version


@dataclass(frozen=True)
class Section:
    """A section row of the plan table: code I, XIII, A, Đ; letter sections may hold Roman ones."""

    code: str
    title: str
    parent_code: str | None = None
    position: int = 0
    uid: str = field(default_factory=new_uid)


@dataclass(frozen=True)
class Task:
    """A task row (or a sub-item a), b) of a task) of the plan table."""

    section_code: str
    number: str
    content: str
    sub: str | None = None
    output: str = ""
    lead: str = ""
    coordinating: str = ""
    timeframe: str = ""
    position: int = 0
    parent_task_uid: str | None = None  # the parent plan's row this row was copied from
    is_local: bool = False  # added by the office, not in the parent plan
    not_applicable: bool = False
    not_applicable_reason: str = ""
    uid: str = field(default_factory=new_uid)

    @property
    def label(self) -> str:
        """The number as printed: "1", "1a"."""
        return f"{self.number}{self.sub or ''}"


class ProgressStatus(StrEnum):
    """What the officer records for a task and period; the standing is derived from it."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_OCCURRED = "not_occurred"  # Không phát sinh: nothing to do in the period

    @property
    def label(self) -> str:
        return {
            "not_started": "Chưa thực hiện",
            "in_progress": "Đang thực hiện",
            "done": "Đã hoàn thành",
            "not_occurred": "Không phát sinh",
        }[self.value]


class Standing(StrEnum):
    """Where a task stands in a period, in the reporting systems' vocabulary.

    Derived from the recorded status, the due dates and the completion date
    (``kscdesk.domain.standing.standing_of``), or set by the officer with a reason.
    """

    NOT_STARTED = "not_started"
    IN_PROGRESS_ON_TIME = "in_progress_on_time"
    IN_PROGRESS_OVERDUE = "in_progress_overdue"
    DONE_EARLY = "done_early"
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    NOT_OCCURRED = "not_occurred"

    @property
    def label(self) -> str:
        return {
            "not_started": "Chưa thực hiện",
            "in_progress_on_time": "Đang thực hiện – trong hạn",
            "in_progress_overdue": "Đang thực hiện – quá hạn",
            "done_early": "Hoàn thành – trước hạn",
            "done_on_time": "Hoàn thành – đúng hạn",
            "done_late": "Hoàn thành – quá hạn",
            "not_occurred": "Không phát sinh",
        }[self.value]

    @property
    def status(self) -> ProgressStatus:
        """The recorded state this standing belongs to."""
        if self.value.startswith("done"):
            return ProgressStatus.DONE
        if self.value.startswith("in_progress"):
            return ProgressStatus.IN_PROGRESS
        return ProgressStatus(self.value)

    @property
    def is_done(self) -> bool:
        return self.status is ProgressStatus.DONE

    @property
    def is_late(self) -> bool:
        return self in (Standing.IN_PROGRESS_OVERDUE, Standing.DONE_LATE)


@dataclass(frozen=True)
class Progress:
    """Where a task stands in one reporting period (period key such as "2025-Q1").

    ``override`` replaces the derived standing when the officer knows better; ``override_reason``
    says why (required with an override).
    """

    task_uid: str
    period_key: str
    status: ProgressStatus = ProgressStatus.NOT_STARTED
    completed_on: date | None = None
    note: str = ""
    uid: str = field(default_factory=new_uid)
    override: Standing | None = None
    override_reason: str = ""


class EvidenceType(StrEnum):
    """Document types cited as evidence (DOMAIN §6); a công văn has no type code."""

    DECISION = "QĐ"
    PLAN = "KH"
    REPORT = "BC"
    NOTICE = "TB"
    DIRECTIVE = "CT"
    SUBMISSION = "TTr"
    OFFICIAL_LETTER = "CV"
    OTHER = "KHAC"

    @property
    def label(self) -> str:
        return {
            "QĐ": "Quyết định",
            "KH": "Kế hoạch",
            "BC": "Báo cáo",
            "TB": "Thông báo",
            "CT": "Chỉ thị",
            "TTr": "Tờ trình",
            "CV": "Công văn",
            "KHAC": "Khác",
        }[self.value]


@dataclass(frozen=True)
class Attachment:
    """A file kept in the content-addressed attachment store, named by its digest (BLAKE3)."""

    digest: str
    file_name: str
    size: int


@dataclass(frozen=True)
class Evidence:
    """A document that proves work was done; one document may serve several tasks."""

    doc_type: EvidenceType
    number_symbol: str
    issued_on: date | None
    issuer: str = ""
    summary: str = ""
    task_uids: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    uid: str = field(default_factory=new_uid)

    @property
    def citation(self) -> str:
        """Short citation: "Kế hoạch số 56/KH-UBND ngày 29/12/2021"."""
        text = f"{self.doc_type.label} số {self.number_symbol}"
        if self.issued_on:
            text += f" ngày {self.issued_on:%d/%m/%Y}"
        return text


@dataclass(frozen=True)
class Indicator:
    """A row of the plan's indicator appendix (Phụ lục chỉ tiêu)."""

    number: str
    name: str
    unit: str = "%"
    target_text: str = ""  # as printed: "Tối thiểu 80", "100"
    lead: str = ""
    coordinating: str = ""
    position: int = 0
    uid: str = field(default_factory=new_uid)


class Comparator(StrEnum):
    AT_LEAST = ">="
    EXACTLY = "="


@dataclass(frozen=True)
class Target:
    """A target read from its text: "Tối thiểu 80" is (>=, 80); "100" is (=, 100)."""

    comparator: Comparator
    value: Decimal


@dataclass(frozen=True)
class IndicatorValue:
    """Counts for one indicator and period; the rate is always computed, never stored."""

    indicator_uid: str
    period_key: str
    numerator: int
    denominator: int
    note: str = ""
    uid: str = field(default_factory=new_uid)

    @property
    def rate(self) -> Decimal | None:
        """Percentage, or None when the denominator is 0 (shown as "N/A")."""
        if self.denominator == 0:
            return None
        return Decimal(self.numerator) * 100 / Decimal(self.denominator)


@dataclass(frozen=True)
class ImportWarning:
    """Something an import noticed and the officer should check, with where it came from."""

    message: str
    table: int | None = None  # 1-based table (or sheet) number in the source file
    row: int | None = None  # 1-based row number inside that table
    task_position: int | None = None  # position of the task it concerns, when it concerns one

    def __str__(self) -> str:
        where = []
        if self.table is not None:
            where.append(f"Bảng {self.table}")
        if self.row is not None:
            where.append(f"dòng {self.row}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass
class PlanContent:
    """A whole plan as one aggregate: what an import produces and a package carries."""

    plan: Plan
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    read_from_prose: bool = False  # imported from a plan written as text, not as a table
