"""Use case: import a parent plan from a .docx, .xlsx or plan package, in one transaction."""

import hashlib
import logging
from dataclasses import dataclass, replace
from pathlib import Path

from kscdesk.domain.model import Plan, PlanContent, PlanKind
from kscdesk.domain.work import CancelToken, ProgressCallback
from kscdesk.formats.errors import display_name
from kscdesk.formats.plan_reader import read_plan
from kscdesk.services.errors import PlanAlreadyImported
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    content: PlanContent
    plan_uid: str | None  # None after a dry run: nothing was stored


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def parse_plan_file(
    path: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> PlanContent:
    """Read a plan file into a PlanContent stamped with its source name and SHA-256."""
    content = read_plan(path, progress=progress, cancel=cancel)
    content.plan = replace(
        content.plan,
        kind=PlanKind.PARENT,
        source_name=display_name(path),  # stored and printed: one printable line
        source_sha256=file_sha256(path),
    )
    return content


def import_plan_file(
    ws: Workspace,
    path: Path,
    *,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> ImportResult:
    """Parse the file and, unless dry_run, store it as a parent plan (all or nothing)."""
    content = parse_plan_file(path, progress=progress, cancel=cancel)
    if dry_run:
        return ImportResult(content=content, plan_uid=None)
    if cancel is not None:
        cancel.raise_if_cancelled()
    return ImportResult(content=content, plan_uid=store_parsed_plan(ws, content))


def _as_next_version(ws: Workspace, plan: Plan) -> Plan:
    """A re-issued parent plan (same issuer and year, another file) is the next version."""
    earlier = plans.find_parent_versions(ws.db, plan.issuer, plan.year)
    if not earlier:
        return plan
    first = earlier[0]
    return replace(
        plan,
        version=max(p.version for p in earlier) + 1,
        version_of=first.version_of or first.uid,
    )


def store_parsed_plan(ws: Workspace, content: PlanContent) -> str:
    """Store a plan parsed (and previewed) earlier; a file already imported is refused."""
    existing = plans.find_plan_by_source(ws.db, content.plan.source_sha256, PlanKind.PARENT)
    if content.plan.source_sha256 and existing is not None:
        raise PlanAlreadyImported(content.plan.source_name, existing.title)
    if not ws.is_empty():  # a verified snapshot before every import (nothing to save before one)
        from kscdesk.services.backups import backup_before

        backup_before(ws, "nhap")
    with ws.db.atomic():
        content.plan = _as_next_version(ws, content.plan)
        plan_uid = plans.save_plan_content(ws.db, content)
    log.info(
        "imported plan %s from %s (%d tasks)",
        plan_uid,
        content.plan.source_name,
        len(content.tasks),
    )
    return plan_uid
