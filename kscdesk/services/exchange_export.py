"""Writing packages: a commune's report data for a period, a parent's plan for its communes,
and the parent's receipt (accepted, or returned with comments per task)."""

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kscdesk import __version__
from kscdesk.domain.exchange import (
    OfficeRef,
    PackageKind,
    ReceiptData,
    ReceiptDecision,
    ReportAttachment,
    ReportData,
    ReportEvidence,
    ReportIndicator,
    ReportTask,
    TaskComment,
    parse_task_comments,
)
from kscdesk.domain.model import Attachment, Evidence, Level, Office, PlanKind
from kscdesk.domain.period import InvalidPeriod, Period, parse_period_key
from kscdesk.domain.text import search_key
from kscdesk.formats.package.manifest import Manifest
from kscdesk.formats.package.plan_data import plan_to_package_json
from kscdesk.formats.package.report_json import receipt_to_json, report_to_json
from kscdesk.formats.package.writer import PACKAGE_SUFFIX, write_package
from kscdesk.services.errors import ServiceError
from kscdesk.services.exchange_keys import find_office, next_sequence, office_ref, signing_key
from kscdesk.services.exchange_reports import received_tasks
from kscdesk.services.offices import get_profile
from kscdesk.services.plans import find_plan_uid
from kscdesk.services.workspace import Workspace
from kscdesk.store import exchange, indicators, offices, plans, progress, receipts
from kscdesk.store.clock import now_iso

EMAIL_LIMIT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    package_id: str

    @property
    def too_big_for_email(self) -> bool:
        return self.size > EMAIL_LIMIT_BYTES

    @property
    def size_text(self) -> str:
        return size_text(self.size)


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{round(size / 1024) if size == 0 else max(1, round(size / 1024))} KB"


def period_of(key: str) -> str:
    try:
        return parse_period_key(key).key
    except InvalidPeriod as exc:
        raise ServiceError(str(exc)) from exc


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", search_key(text)).strip("-")[:40] or "don-vi"


def _home(ws: Workspace, levels: tuple[Level, ...], what: str) -> tuple[Office, Office | None]:
    profile = get_profile(ws)
    if profile.office is None:
        raise ServiceError("Chưa đặt đơn vị của thư mục dữ liệu (kscdesk office set).")
    if profile.office.level not in levels:
        raise ServiceError(f"“{profile.office.name}” ({profile.office.level.label}) không {what}.")
    return profile.office, profile.parent


def own_plan_uid(ws: Workspace, year: int) -> str:
    """The newest own plan of the year: what the commune reports on."""
    found = [s for s in plans.list_plans(ws.db) if s.kind is PlanKind.OWN and s.year == year]
    if not found:
        raise ServiceError(f"Chưa có kế hoạch của đơn vị cho năm {year}: hãy lập kế hoạch trước.")
    return max(found, key=lambda s: s.created_at).uid


def _period_evidence(ws: Workspace, plan_uid: str, period: Period) -> list[Evidence]:
    """The plan's records dated inside the period (and the undated ones), each once."""
    seen: dict[str, Evidence] = {}
    for items in progress.list_evidence_for_plan(ws.db, plan_uid).values():
        for e in items:
            if e.issued_on is None or period.contains(e.issued_on):
                seen.setdefault(e.uid, e)
    return list(seen.values())


def _exchanged(
    ws: Workspace,
    attachments: tuple[Attachment, ...],
    files: dict[str, Path],
    hashed: dict[str, str],
) -> tuple[ReportAttachment, ...]:
    """Attachments as packages name them: by the SHA-256 of their content (the store names
    them by BLAKE3). Each file is hashed once per package; a file no longer in the store is
    left out. ``files`` gathers SHA-256 → stored path, ``hashed`` digest → SHA-256."""
    result = []
    for a in attachments:
        sha256 = hashed.get(a.digest)
        if sha256 is None:
            path = ws.attachments.located(a.digest)
            if path is None:
                continue
            sha256 = hashed[a.digest] = ws.attachments.sha256_of(path)
            files[sha256] = path
        result.append(ReportAttachment(sha256, a.file_name, a.size))
    return tuple(result)


def collect_report(
    ws: Workspace, period_key: str, files: dict[str, Path] | None = None
) -> ReportData:
    """The commune's report data for the period, from the store; ``files`` receives the
    attached files by SHA-256."""
    files = {} if files is None else files
    hashed: dict[str, str] = {}
    period = parse_period_key(period_key)
    plan_uid = own_plan_uid(ws, period.year)
    content = plans.load_plan_content(ws.db, plan_uid)
    recorded = progress.list_progress(ws.db, plan_uid, period.key)
    tasks = []
    for task in content.tasks:
        item = recorded.get(task.uid)
        status = getattr(item.status, "value", item.status) if item else None
        tasks.append(
            ReportTask(
                uid=task.uid,
                parent_task_uid=task.parent_task_uid,
                section=task.section_code,
                number=task.number,
                sub=task.sub,
                content=task.content,
                not_applicable=task.not_applicable,
                status=str(status) if status is not None else None,
                completed_on=item.completed_on if item else None,
                note=item.note if item else "",
            )
        )
    evidence = tuple(
        ReportEvidence(
            uid=e.uid,
            doc_type=e.doc_type.value,
            number_symbol=e.number_symbol,
            issued_on=e.issued_on,
            issuer=e.issuer,
            summary=e.summary,
            task_uids=e.task_uids,
            attachments=_exchanged(ws, e.attachments, files, hashed),
        )
        for e in _period_evidence(ws, plan_uid, period)
    )
    values = indicators.list_indicator_values(ws.db, plan_uid, period.key)
    report_indicators = tuple(
        ReportIndicator(
            uid=i.uid,
            number=i.number,
            name=i.name,
            unit=i.unit,
            target=i.target_text,
            numerator=values[i.uid].numerator if i.uid in values else None,
            denominator=values[i.uid].denominator if i.uid in values else None,
            note=values[i.uid].note if i.uid in values else "",
        )
        for i in content.indicators
    )
    return ReportData(
        period_key=period.key,
        plan_uid=plan_uid,
        plan_title=content.plan.title,
        plan_year=content.plan.year,
        parent_plan_uid=content.plan.derived_from_uid,
        tasks=tuple(tasks),
        evidence=evidence,
        indicators=report_indicators,
    )


def attachment_size(ws: Workspace, period_key: str) -> int:
    """Bytes the period's attachments add to a report package (shown before writing it)."""
    period = parse_period_key(period_of(period_key))
    evidence = _period_evidence(ws, own_plan_uid(ws, period.year), period)
    unique = {a.digest: a.size for e in evidence for a in e.attachments}
    return sum(unique.values())


def _manifest(
    kind: PackageKind,
    sender: Office,
    recipient: OfficeRef | None,
    period: str | None,
    sequence: int,
) -> Manifest:
    return Manifest(
        kind=kind,
        sender=office_ref(sender),
        sender_key="",
        recipient=recipient,
        period_key=period,
        created_at=datetime.now().astimezone().replace(microsecond=0),
        app_version=__version__,
        sequence=sequence,
        members={},
    )


def _record_out(ws: Workspace, manifest: Manifest, path: Path, office_uid: str | None) -> None:
    exchange.save_package(
        ws.db,
        exchange.PackageRecord(
            package_id=manifest.package_id,
            direction="out",
            kind=manifest.kind.value,
            sender_key="",
            sender_name=manifest.sender.name,
            office_uid=office_uid,
            period_key=manifest.period_key or "",
            sequence=manifest.sequence,
            content_hash="",
            created_at=manifest.created_at.isoformat(),
            received_at=now_iso(),
            file_name=path.name,
        ),
        "",
    )


def export_report(
    ws: Workspace, period_key: str, out_dir: Path, *, with_attachments: bool = True
) -> ExportResult:
    """Write the commune's report package for the period into ``out_dir``."""
    period = period_of(period_key)
    home, parent = _home(ws, (Level.COMMUNE,), "gửi báo cáo cho cấp trên (chỉ cấp xã gửi)")
    if parent is None:
        raise ServiceError("Chưa đặt cơ quan cấp trên nhận báo cáo (kscdesk office set --parent).")
    files: dict[str, Path] = {}
    report = collect_report(ws, period, files)
    key = signing_key(ws)
    sequence = next_sequence(ws)
    out = out_dir / f"baocao-{_slug(home.name)}-{period}-{sequence:03d}{PACKAGE_SUFFIX}"
    manifest = _manifest(PackageKind.REPORT, home, office_ref(parent), period, sequence)
    attached = files if with_attachments else None
    manifest = write_package(out, manifest, report_to_json(report), key, attached)
    _record_out(ws, manifest, out, parent.uid)
    return ExportResult(out, out.stat().st_size, manifest.package_id)


def publish_plan(ws: Workspace, plan_ref: str, out_dir: Path) -> ExportResult:
    """Write a plan package of this (district or province) office for all its communes."""
    home, _ = _home(ws, (Level.DISTRICT, Level.PROVINCE), "phát hành kế hoạch cho cấp xã")
    content = plans.load_plan_content(ws.db, find_plan_uid(ws, plan_ref))
    key = signing_key(ws)
    sequence = next_sequence(ws)
    out = out_dir / f"kehoach-{_slug(home.name)}-{content.plan.year}-{sequence:03d}{PACKAGE_SUFFIX}"
    manifest = _manifest(PackageKind.PLAN, home, None, None, sequence)
    manifest = write_package(out, manifest, plan_to_package_json(content), key)
    _record_out(ws, manifest, out, None)
    return ExportResult(out, out.stat().st_size, manifest.package_id)


def find_commune(ws: Workspace, text: str, parent_uid: str) -> Office:
    """A commune under this office by its code, its name, or a part of its name that is unique."""
    found = find_office(ws, OfficeRef(text, text), parent_uid) or find_office(
        ws, OfficeRef(text), parent_uid
    )
    if found is not None:
        return found
    key = search_key(text).strip()
    matches = [
        o
        for o in offices.list_offices(ws.db)
        if o.parent_uid == parent_uid and key and key in search_key(o.name)
    ]
    if len(matches) == 1:
        return matches[0]
    if matches:
        names = ", ".join(o.name for o in matches)
        raise ServiceError(f"“{text}” khớp với nhiều đơn vị: {names}. Hãy ghi rõ hơn.")
    raise ServiceError(f"Không tìm thấy xã, phường “{text}” trong các đơn vị đã gửi báo cáo.")


def write_receipt(
    ws: Workspace, office: str, period_key: str, out_dir: Path, *, return_text: str | None = None
) -> ExportResult:
    """Answer a commune's report: accepted (``return_text`` None) or returned with comments.

    Lines of ``return_text`` such as "3: thiếu minh chứng" are comments on task 3.
    """
    period = period_of(period_key)
    home, _ = _home(ws, (Level.DISTRICT, Level.PROVINCE), "nhận báo cáo của cấp xã")
    commune = find_commune(ws, office, home.uid)
    current = [
        p
        for p in exchange.report_packages(ws.db, period)
        if p.office_uid == commune.uid and p.status == "current"
    ]
    if not current:
        raise ServiceError(f"Chưa nhận báo cáo kỳ {period} của “{commune.name}”.")
    comments: list[TaskComment] = []
    general = ""
    if return_text is not None:
        general, per_task = parse_task_comments(return_text)
        tasks = {
            t.label.lower(): t
            for report in exchange.consolidated_reports(ws.db, period, commune.uid)
            for t in received_tasks(ws, report.package_id)
        }
        unknown = [label for label in per_task if label not in tasks]
        if unknown:
            raise ServiceError(
                f"Báo cáo của “{commune.name}” không có nhiệm vụ số {', '.join(unknown)}."
            )
        comments = [TaskComment(tasks[k].uid, tasks[k].label, v) for k, v in per_task.items()]
        if not general and not comments:
            raise ServiceError("Hãy ghi ý kiến khi trả lại báo cáo để chỉnh sửa.")
    decision = ReceiptDecision.ACCEPTED if return_text is None else ReceiptDecision.RETURNED
    receipt = ReceiptData(period, decision, current[-1].package_id, general, tuple(comments))
    key = signing_key(ws)
    sequence = next_sequence(ws)
    out = out_dir / f"biennhan-{_slug(commune.name)}-{period}-{sequence:03d}{PACKAGE_SUFFIX}"
    manifest = _manifest(PackageKind.RECEIPT, home, office_ref(commune), period, sequence)
    manifest = write_package(out, manifest, receipt_to_json(receipt), key)
    with ws.db.atomic():
        _record_out(ws, manifest, out, commune.uid)
        receipts.save_receipt(
            ws.db,
            manifest.package_id,
            "out",
            commune.uid,
            period,
            decision.value,
            general,
            receipt.about_package,
            [(c.task_uid, c.number, c.comment) for c in comments],
        )
    return ExportResult(out, out.stat().st_size, manifest.package_id)
