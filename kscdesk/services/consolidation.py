"""The parent's ledger (communes × periods: on time, late, missing) and the consolidated
workbook of task statuses and indicator counts for a period."""

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from kscdesk.domain.consolidation import (
    Consolidation,
    LedgerRow,
    StatusKind,
    TaskRow,
    format_rate,
    status_kind,
    status_label,
    total_indicators,
)
from kscdesk.domain.exchange import ReportTask, standing
from kscdesk.domain.model import Level, Office
from kscdesk.domain.period import DEFAULT_SUBMISSION_DAY, Period, parse_period_key
from kscdesk.domain.text import sort_key
from kscdesk.formats.atomic_write import OutputFileError
from kscdesk.formats.consolidated_xlsx import write_consolidated_xlsx
from kscdesk.formats.docx_summary_writer import write_summary_docx
from kscdesk.services.errors import ServiceError
from kscdesk.services.exchange_export import period_of
from kscdesk.services.exchange_reports import received_tasks
from kscdesk.services.offices import get_profile
from kscdesk.services.reports import office_letterhead
from kscdesk.services.workspace import Workspace
from kscdesk.store import exchange, plans, receipts


def _parent_office(ws: Workspace) -> Office:
    office = get_profile(ws).office
    if office is None or office.level is Level.COMMUNE:
        raise ServiceError("Tổng hợp chỉ làm ở cấp trên (huyện hoặc tỉnh): kscdesk office set.")
    return office


def communes(ws: Workspace, parent_uid: str) -> list[Office]:
    """The communes under this office (those known, and those that sent packages), in
    Vietnamese alphabetical order of name."""
    return sorted(exchange.offices_below(ws.db, parent_uid), key=lambda o: _name_order(o.name))


_name_order = lru_cache(maxsize=8192)(sort_key)  # the same names, period after period


def submission_day(ws: Workspace, year: int) -> int:
    """Day of the month reports are due, from the office's plan of the year (default 17)."""
    days = [
        plans.load_plan(ws.db, s.uid).submission_day
        for s in plans.list_plans(ws.db)
        if s.year == year
    ]
    return days[0] if days else DEFAULT_SUBMISSION_DAY


def ledger_rows(ws: Workspace, parent_uid: str, period: Period, today: date) -> list[LedgerRow]:
    day = submission_day(ws, period.year)
    received: dict[str | None, list[exchange.PackageRecord]] = {}
    for package in exchange.report_packages(ws.db, period.key):  # oldest first
        received.setdefault(package.office_uid, []).append(package)
    decisions = receipts.receipt_decisions(ws.db, period.key)
    rows = []
    for office in communes(ws, parent_uid):
        mine = received.get(office.uid, [])
        current = next((p for p in mine if p.status == "current"), None)
        sent = datetime.fromisoformat(mine[0].created_at) if mine else None  # the first
        rows.append(
            LedgerRow(
                office_uid=office.uid,
                name=office.name,
                code=office.code,
                standing=standing(period, sent.date() if sent else None, today, day),
                sent_at=f"{sent:%d/%m/%Y %H:%M}" if sent else None,
                package_id=current.package_id if current else None,
                sequence=current.sequence if current else None,
                versions=len(mine),
                receipt=decisions.get(office.uid),
            )
        )
    return rows


def build_consolidation(ws: Workspace, period_key: str, today: date | None = None) -> Consolidation:
    office = _parent_office(ws)
    parent = get_profile(ws).parent
    period = parse_period_key(period_of(period_key))
    ledger = ledger_rows(ws, office.uid, period, today or date.today())
    column = {row.office_uid: n for n, row in enumerate(ledger)}
    names = {row.office_uid: row.name for row in ledger}
    reports = [
        r for r in exchange.consolidated_reports(ws.db, period.key) if r.office_uid in column
    ]
    task_rows: dict[str, _TaskEntry] = {}
    not_applicable = (status_label(None, True), status_kind(None, True))
    shown_for: dict[str | None, tuple[str, StatusKind]] = {}  # status → its label and kind
    entries: list[_TaskEntry] = []
    last_keys: list[str] | None = None
    for report in reports:  # by office uid, each commune's tasks in its order
        at = column[report.office_uid]
        keys = [task.parent_task_uid or f"#{task.number}" for task in report.statuses]
        if keys != last_keys:  # communes of one plan send the same tasks: looked up once
            entries = _entries(ws, report, keys, task_rows, len(ledger))
            last_keys = keys
        for entry, task in zip(entries, report.statuses, strict=True):
            if task.not_applicable:
                entry.cells[at] = not_applicable
                continue
            shown = shown_for.get(task.status)
            if shown is None:
                status = task.status
                shown = shown_for[status] = (status_label(status), status_kind(status))
            entry.cells[at] = shown
    sections = exchange.task_sections(ws.db, [e.parent for e in task_rows.values() if e.parent])
    reports.sort(key=lambda r: column[r.office_uid])
    indicators = total_indicators(
        (names[r.office_uid], i.number, i.name, i.unit, i.numerator, i.denominator)
        for r in reports
        for i in r.indicators
    )
    return Consolidation(
        period_key=period.key,
        period_label=period.label,
        deadline=period.deadline(submission_day(ws, period.year)),
        office_name=office.name,
        ledger=tuple(ledger),
        tasks=tuple(e.row(sections) for e in task_rows.values()),
        indicators=tuple(indicators),
        window_text=period.window_text,
        parent_office_name=parent.name if parent is not None else "",
    )


def _entries(
    ws: Workspace,
    report: exchange.ReportRows,
    keys: list[str],
    task_rows: dict[str, "_TaskEntry"],
    width: int,
) -> list["_TaskEntry"]:
    """The row of each of the report's tasks (by ``keys``), a task seen first here added."""
    entries = []
    sent: tuple[ReportTask, ...] | None = None  # read only for a task seen first here
    for n, (key, task) in enumerate(zip(keys, report.statuses, strict=True)):
        entry = task_rows.get(key)
        if entry is None:
            sent = received_tasks(ws, report.package_id) if sent is None else sent
            content = sent[n].content if n < len(sent) else ""
            entry = task_rows[key] = _TaskEntry(task.parent_task_uid, task.number, content, width)
        entries.append(entry)
    return entries


class _TaskEntry:
    """A task's statuses being collected: (label, kind), one slot per commune of the ledger."""

    def __init__(self, parent: str | None, number: str, content: str, width: int) -> None:
        self.parent, self.number, self.content = parent, number, content
        self.cells = [(status_label(None), status_kind(None))] * width

    def row(self, sections: dict[str, tuple[str, str]]) -> TaskRow:
        code, title = sections.get(self.parent or "", ("", ""))
        labels, kinds = zip(*self.cells, strict=True) if self.cells else ((), ())
        return TaskRow(self.number, self.content, labels, code, title, kinds)


@dataclass(frozen=True)
class ConsolidationResult:
    view: Consolidation
    files: list[Path]


def consolidate(
    ws: Workspace, period_key: str, out_dir: Path, today: date | None = None
) -> ConsolidationResult:
    """Build the consolidation of the period; write the workbook and the office's own summary
    report (.docx, NĐ 30 layout) into ``out_dir``."""
    view = build_consolidation(ws, period_key, today)
    letterhead = office_letterhead(
        view.office_name, view.parent_office_name, ("Các đơn vị cấp xã trên địa bàn",)
    )
    xlsx = out_dir / f"tonghop-{view.period_key}.xlsx"
    docx = out_dir / f"Bao-cao-tong-hop-KSTTHC-{view.period_key}.docx"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        write_consolidated_xlsx(view, xlsx)
        write_summary_docx(view, letterhead, docx)
    except OutputFileError as error:
        raise ServiceError(str(error)) from error
    except OSError as error:
        raise ServiceError(f"Không ghi được vào thư mục “{out_dir}”: {error.strerror}.") from error
    return ConsolidationResult(view, [xlsx, docx])


def consolidation_json(result: ConsolidationResult) -> dict[str, Any]:
    view = result.view
    return {
        "period": view.period_key,
        "deadline": view.deadline.isoformat(),
        "ledger": [
            {
                "office": r.name,
                "code": r.code,
                "standing": r.standing.value,
                "label": r.standing.label,
                "sent_at": r.sent_at,
                "package_id": r.package_id,
                "sequence": r.sequence,
                "versions": r.versions,
                "receipt": r.receipt,
            }
            for r in view.ledger
        ],
        "indicators": [
            {
                "number": t.number,
                "name": t.name,
                "unit": t.unit,
                "numerator": t.numerator,
                "denominator": t.denominator,
                "rate": format_rate(t.rate),
                "communes": [
                    {"office": c.office, "numerator": c.numerator, "denominator": c.denominator}
                    for c in t.counts
                ],
            }
            for t in view.indicators
        ],
        "files": [str(path) for path in result.files],
    }


@dataclass(frozen=True)
class LedgerMatrix:
    """Communes × the quarters of a year, for the ledger view."""

    periods: list[Period]
    offices: list[Office]
    cells: dict[tuple[str, str], LedgerRow]  # (office uid, period key) → its ledger row


def ledger_matrix(ws: Workspace, year: int, today: date | None = None) -> LedgerMatrix:
    office = _parent_office(ws)
    periods = [parse_period_key(f"{year}-Q{n}") for n in range(1, 5)]
    cells = {}
    for period in periods:
        for row in ledger_rows(ws, office.uid, period, today or date.today()):
            cells[(row.office_uid, period.key)] = row
    return LedgerMatrix(periods, communes(ws, office.uid), cells)
