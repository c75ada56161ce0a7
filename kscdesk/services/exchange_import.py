"""Importing packages: plans and receipts at a commune, reports at the parent. One backup before
the batch, each package its own transaction; a dry run checks everything and stores nothing."""

import logging
import os
import tempfile
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from kscdesk.domain.exchange import (
    OfficeRef,
    PackageKind,
    office_key,
    report_summary,
    same_office,
)
from kscdesk.domain.model import Level, Office, PlanKind
from kscdesk.domain.work import CancelToken, ProgressCallback
from kscdesk.formats.package.errors import BadPackage
from kscdesk.formats.package.plan_data import InvalidPlanData, plan_from_package_json
from kscdesk.formats.package.reader import Package, extract_attachment, read_package
from kscdesk.formats.package.report_json import InvalidData, receipt_from_json, report_from_json
from kscdesk.formats.package.writer import PACKAGE_SUFFIX
from kscdesk.services.errors import ServiceError
from kscdesk.services.exchange_keys import (
    KeyChanged,
    check_known_key,
    find_office,
    office_ref,
)
from kscdesk.services.offices import OfficeProfile, get_profile
from kscdesk.services.workspace import Workspace
from kscdesk.store import exchange, offices, plans, receipts
from kscdesk.store.backup import backup_database
from kscdesk.store.clock import now_iso
from kscdesk.store.errors import RecordNotFound

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    ALREADY = "already"  # the identical package again: accepted silently
    SUPERSEDES = "supersedes"  # accepted, replacing an older package of the same period
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return {
            "accepted": "Đã nhận",
            "already": "Đã nhận trước đây (giống hệt)",
            "supersedes": "Đã nhận, thay bản gửi trước",
            "refused": "Từ chối",
        }[self.value]


@dataclass(frozen=True)
class ImportItem:
    file: Path
    outcome: Outcome
    message: str
    kind: str = ""
    sender: str = ""
    period: str = ""
    sequence: int = 0
    reason: str = ""  # for a refusal the officer may override: "key_changed" or "older"

    @property
    def accepted(self) -> bool:
        return self.outcome is not Outcome.REFUSED


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    accept_new_key: bool = False  # the officer compared fingerprints and accepts a changed key
    allow_older: bool = False  # re-import on purpose a package older than one already imported


class OlderPackage(ServiceError):
    """A package older than one already received from the same sender for the same period."""


class _DryRun(Exception):
    """Raised at the end of a dry run to roll everything back."""


def package_files(source: Path) -> list[Path]:
    """The file itself, or the .kscx files of a folder (not its subfolders), sorted by name
    (as the file system compares names: ignoring case on Windows)."""
    if source.is_dir():
        with os.scandir(source) as entries:  # the kind of each entry comes with the listing
            names = [
                e.name
                for e in entries
                if os.path.splitext(e.name)[1].lower() == PACKAGE_SUFFIX and e.is_file()
            ]
        return [source / name for name in sorted(names, key=os.path.normcase)]
    if not source.exists():
        raise ServiceError(f"Không tìm thấy “{source}”.")
    return [source]


def import_packages(
    ws: Workspace,
    source: Path,
    options: ImportOptions = ImportOptions(),
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> list[ImportItem]:
    """Import one package or every package of a folder; each item says what happened."""
    files = package_files(source)
    if not files:
        raise ServiceError(f"Thư mục “{source.name}” không có gói trao đổi (.kscx) nào.")
    if not options.dry_run:
        backup_database(ws.db, ws.backups_dir, "truoc nhan goi trao doi")
    items: list[ImportItem] = []
    home = get_profile(ws)
    senders: _Senders = {}
    try:
        with exchange.roomy_cache(ws.db), ws.db.atomic():
            for done, path in enumerate(files):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                if progress is not None:
                    progress(done, len(files), path.name)
                items.append(_import_one(ws, path, options, home, senders))
            if options.dry_run:
                raise _DryRun
    except _DryRun:
        pass
    if progress is not None:
        progress(len(files), len(files), "")
    return items


# Senders whose key and office this batch has already settled, committed: office key → (public
# key, office). A later package signed by the same key needs no look-up, and nothing can change
# them meanwhile (the batch holds the write transaction).
_Senders = dict[str, tuple[str, Office]]


def _import_one(
    ws: Workspace, path: Path, options: ImportOptions, home: OfficeProfile, senders: _Senders
) -> ImportItem:
    try:
        package = read_package(path)
    except BadPackage as error:
        return ImportItem(path, Outcome.REFUSED, error.message)
    manifest = package.manifest
    learned: _Senders = {}
    reason = ""
    try:
        with exchange.savepoint(ws.db):  # each package all or nothing
            outcome, message = _apply(ws, package, options, home, senders, learned)
    except ServiceError as error:
        reason = {KeyChanged: "key_changed", OlderPackage: "older"}.get(type(error), "")
        outcome, message = Outcome.REFUSED, f"Tệp “{path.name}”: {error}"
    else:
        senders.update(learned)
    return ImportItem(
        path,
        outcome,
        message,
        manifest.kind.value,
        manifest.sender.label,
        manifest.period_key or "",
        manifest.sequence,
        reason,
    )


def _apply(  # noqa: PLR0913 - the package, the batch's settings and what it knows
    ws: Workspace,
    package: Package,
    options: ImportOptions,
    home: OfficeProfile,
    senders: _Senders,
    learned: _Senders,
) -> tuple[Outcome, str]:
    manifest = package.manifest
    skey = office_key(manifest.sender.name, manifest.sender.code)
    period = manifest.period_key or ""
    recorded, highest = exchange.package_standing(
        ws.db, manifest.package_id, skey, manifest.kind.value, period
    )
    if recorded is not None and recorded[0] == "out":
        raise ServiceError("đây là gói do chính đơn vị này tạo và gửi đi, không nhập lại.")
    if recorded is not None:
        if recorded[1] == package.content_hash:
            return Outcome.ALREADY, "Gói này đã được nhận trước đây."
        raise ServiceError("một gói khác cùng mã gói đã được nhận trước đây, nội dung khác nhau.")
    if home.office is None:
        raise ServiceError("chưa đặt đơn vị của thư mục dữ liệu (kscdesk office set).")
    _check_recipient(package, home.office, home.parent)
    settled = senders.get(skey)
    if settled is not None and settled[0] == manifest.sender_key and not options.accept_new_key:
        sender_office = settled[1]
    else:
        sender_office = _settle_sender(ws, skey, package, home.office, options, learned)
    if highest is not None and manifest.sequence <= highest and not options.allow_older:
        raise OlderPackage(
            f"gói cũ hơn gói đã nhận của “{manifest.sender.name}” (số thứ tự {manifest.sequence}, "
            f"đã nhận số {highest}). Muốn nhập lại có chủ ý: dùng --allow-older."
        )
    record = exchange.PackageRecord(
        package_id=manifest.package_id,
        direction="in",
        kind=manifest.kind.value,
        sender_key=skey,
        sender_name=manifest.sender.name,
        office_uid=sender_office.uid,
        period_key=period,
        sequence=manifest.sequence,
        content_hash=package.content_hash,
        created_at=manifest.created_at.isoformat(),
        received_at=now_iso(),
        file_name=package.path.name,
    )
    if manifest.kind is PackageKind.REPORT:
        return _apply_report(ws, package, record, sender_office, options, highest is not None)
    # A plan or a receipt is kept in its own tables, not as data JSON.
    exchange.save_package(ws.db, record, "", supersede=highest is not None)
    if manifest.kind is PackageKind.PLAN:
        return _apply_plan(ws, package)
    return _apply_receipt(ws, package, record)


def _settle_sender(  # noqa: PLR0913 - the package and where its sender may be found
    ws: Workspace,
    skey: str,
    package: Package,
    home: Office,
    options: ImportOptions,
    learned: _Senders,
) -> Office:
    """The sender's stored office (added when first seen) and its key checked (trusted on first
    use); remembered for the batch when a later package would settle it the same way."""
    manifest = package.manifest
    trusted = exchange.get_trusted_key(ws.db, skey)
    office = (
        offices.load_office(ws.db, trusted.office_uid) if trusted and trusted.office_uid else None
    )
    if office is None:
        office = _new_sender_office(ws, manifest.kind, manifest.sender, home)
    check_known_key(
        ws, trusted, manifest.sender, manifest.sender_key, office.uid, options.accept_new_key
    )
    if trusted is None or options.accept_new_key or trusted.office_uid == office.uid:
        learned[skey] = (manifest.sender_key, office)  # the trusted key now names this office
    return office


def _check_recipient(package: Package, home: Office, parent: Office | None) -> None:
    manifest = package.manifest
    if manifest.kind is PackageKind.REPORT and home.level is Level.COMMUNE:
        raise ServiceError("đây là báo cáo của cấp xã; thư mục dữ liệu này là của cấp xã.")
    if manifest.kind is not PackageKind.REPORT and home.level is not Level.COMMUNE:
        raise ServiceError(f"gói {manifest.kind.label} gửi cho cấp xã, không nhập ở cấp trên.")
    if manifest.recipient is not None:
        if not same_office(manifest.recipient, office_ref(home)):
            raise ServiceError(
                f"gói gửi cho “{manifest.recipient.label}”, không phải “{home.name}”."
            )
    elif parent is not None and not same_office(manifest.sender, office_ref(parent)):
        raise ServiceError(
            f"kế hoạch do “{manifest.sender.label}” phát hành, không phải cơ quan cấp trên "
            f"“{parent.name}”."
        )


def _new_sender_office(ws: Workspace, kind: PackageKind, sender: OfficeRef, home: Office) -> Office:
    """The stored office of a sender no trusted key names yet; a commune first seen is added
    under this office."""
    if kind is PackageKind.REPORT:
        found = find_office(ws, sender, home.uid)
        if found is None:
            found = Office(
                name=sender.name, level=Level.COMMUNE, code=sender.code, parent_uid=home.uid
            )
            offices.save_office(ws.db, found)
        return found
    found = find_office(ws, sender, None)
    if found is None:
        level = (
            Level(sender.level) if sender.level in {lv.value for lv in Level} else Level.PROVINCE
        )
        found = Office(name=sender.name, level=level, code=sender.code)
        offices.save_office(ws.db, found)
    return found


def _apply_report(  # noqa: PLR0913 - one package's pieces
    ws: Workspace,
    package: Package,
    record: exchange.PackageRecord,
    sender: Office,
    options: ImportOptions,
    had_earlier: bool,
) -> tuple[Outcome, str]:
    summary = package.summary  # read by the fast route, already checked
    if summary is None:
        try:
            summary = report_summary(report_from_json(package.data, build_evidence=False))
        except InvalidData as error:
            raise ServiceError(f"dữ liệu báo cáo không hợp lệ: {error}.") from error
    if summary.period_key != record.period_key:
        raise ServiceError("kỳ báo cáo trong dữ liệu khác kỳ ghi trên gói.")
    exchange.save_package(
        ws.db, record, package.payload, deflated=package.deflated, supersede=had_earlier
    )
    exchange.replace_consolidated(ws.db, sender.uid, record.package_id, summary)
    if not options.dry_run:
        _store_attachments(ws, package)
    if had_earlier:
        return (
            Outcome.SUPERSEDES,
            f"Báo cáo {record.period_key} của “{sender.name}” thay bản trước.",
        )
    return Outcome.ACCEPTED, f"Đã nhận báo cáo {record.period_key} của “{sender.name}”."


def _store_attachments(ws: Workspace, package: Package) -> None:
    """Add the package's files to the store (named by SHA-256 in the package, by BLAKE3 here);
    the same content already stored is kept once."""
    names = package.attachment_hashes
    if not names:
        return
    digests = []
    with tempfile.TemporaryDirectory(prefix="kscdesk-import-") as folder:
        for sha256 in names:
            target = Path(folder) / sha256
            extract_attachment(package, sha256, target)
            digests.append(ws.attachments.add_file(target).digest)
            target.unlink()
    ws.attachments.make_durable(digests)


def _apply_plan(ws: Workspace, package: Package) -> tuple[Outcome, str]:
    try:
        content = plan_from_package_json(package.data, package.path)
    except InvalidPlanData as error:
        raise ServiceError(f"dữ liệu kế hoạch không hợp lệ: {error}.") from error
    try:
        plans.load_plan(ws.db, content.plan.uid)
    except RecordNotFound:
        pass  # the plan is new here, as expected
    else:
        raise ServiceError("kế hoạch này đã được nhập từ một gói khác.")
    content.plan = replace(
        content.plan,
        kind=PlanKind.PARENT,
        source_name=package.path.name,
        source_sha256=package.content_hash,
    )
    plans.save_plan_content(ws.db, content)
    return (
        Outcome.ACCEPTED,
        f"Đã nhập kế hoạch “{content.plan.title}” ({len(content.tasks)} nhiệm vụ).",
    )


def _apply_receipt(
    ws: Workspace, package: Package, record: exchange.PackageRecord
) -> tuple[Outcome, str]:
    try:
        receipt = receipt_from_json(package.data)
    except InvalidData as error:
        raise ServiceError(f"dữ liệu biên nhận không hợp lệ: {error}.") from error
    receipts.save_receipt(
        ws.db,
        record.package_id,
        "in",
        None,
        receipt.period_key,
        receipt.decision.value,
        receipt.comment,
        receipt.about_package,
        [(c.task_uid, c.number, c.comment) for c in receipt.task_comments],
    )
    return Outcome.ACCEPTED, f"{receipt.decision.label}: báo cáo kỳ {receipt.period_key}."
