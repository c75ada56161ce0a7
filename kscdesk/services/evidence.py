"""Use cases on evidence (minh chứng): add, edit, delete with undo, attach files, check.

Every change is one transaction and is written to the change journal with the officer's name.
Files are copied into the attachment store before the transaction (they are named by content,
so a copy left by a failed save is harmless and is removed when the trash is emptied).
"""

import os
import shutil
import stat
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from kscdesk.domain.documents import (
    DocumentFacts,
    format_date,
    parse_citation,
    parse_document_date,
    parse_document_number,
)
from kscdesk.domain.evidence_checks import EvidenceWarning, check_evidence
from kscdesk.domain.model import Attachment, Evidence, EvidenceType
from kscdesk.domain.period import parse_period_key
from kscdesk.domain.text import clean_text
from kscdesk.domain.work import CancelToken, ProgressCallback, no_progress
from kscdesk.formats.letterhead import LETTERHEAD_SUFFIXES, read_letterhead_file
from kscdesk.services.errors import ServiceError
from kscdesk.services.offices import get_officer_name
from kscdesk.services.workspace import Workspace
from kscdesk.store import evidence as evidence_store
from kscdesk.store import plans, progress
from kscdesk.store.errors import AttachmentUnreadable
from kscdesk.store.history import HistoryEntry, record_change

ENTITY = "evidence"
OPENED_DIR = "opened"
OPENED_KEEP_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True)
class EvidenceDraft:
    """An evidence record as typed (dialog or command line); text is checked by build_evidence.

    Fields left empty are filled from the citation, when one is given.
    """

    task_uids: tuple[str, ...]
    kind: EvidenceType | None = None
    number: str = ""
    date_text: str = ""
    issuer: str = ""
    summary: str = ""
    citation: str = ""
    attachments: tuple[Attachment, ...] = ()
    uid: str | None = None  # set when editing a stored record


@dataclass(frozen=True)
class StoredFile:
    """A file copied into the store, with what its letterhead says (None: nothing read)."""

    attachment: Attachment
    facts: DocumentFacts | None = None


@dataclass
class Change:
    """What a use case changed, for views to refresh."""

    evidence: Evidence
    task_uids: set[str] = field(default_factory=set)


def build_evidence(ws: Workspace, draft: EvidenceDraft) -> Evidence:
    """Check a draft and make the record; ServiceError/DomainError naming what is wrong."""
    facts = parse_citation(draft.citation) if clean_text(draft.citation) else DocumentFacts()
    number_text = clean_text(draft.number) or facts.number
    number = parse_document_number(number_text) if number_text else None
    kind = draft.kind or facts.kind or (number.kind if number else None)
    if kind is None:
        raise ServiceError("Chưa chọn loại văn bản của minh chứng.")
    named = number.kind if number is not None and number.type_code else EvidenceType.OTHER
    if number is not None and named is not EvidenceType.OTHER and named is not kind:
        raise ServiceError(
            f"Số ký hiệu “{number.text}” là của {number.kind.label}, không phải {kind.label}."
        )
    issued_on: date | None = facts.issued_on
    if clean_text(draft.date_text):
        issued_on = parse_document_date(draft.date_text)
    if not draft.task_uids:
        raise ServiceError("Minh chứng phải gắn với ít nhất một nhiệm vụ.")
    for task_uid in draft.task_uids:
        plans.load_task(ws.db, task_uid)
    return Evidence(
        doc_type=kind,
        number_symbol=number.text if number else "",
        issued_on=issued_on,
        issuer=clean_text(draft.issuer) or facts.issuer,
        summary=clean_text(draft.summary) or facts.summary,
        task_uids=tuple(dict.fromkeys(draft.task_uids)),
        attachments=_unique(draft.attachments),
        **({"uid": draft.uid} if draft.uid else {}),
    )


def _unique(attachments: Sequence[Attachment]) -> tuple[Attachment, ...]:
    seen: dict[str, Attachment] = {}
    for item in attachments:
        seen.setdefault(item.digest, item)
    return tuple(seen.values())


def check_files(paths: Sequence[Path]) -> None:
    """ServiceError naming the first file that is missing or not a file."""
    for path in paths:
        if not path.is_file():
            raise ServiceError(f"Không tìm thấy tệp “{path}”.")


def store_files(
    ws: Workspace,
    paths: Sequence[Path],
    progress_cb: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> list[StoredFile]:
    """Copy files into the attachment store (hash while copying) and read their letterheads.

    Runs on a worker thread from the window. The same content is stored once.
    """
    token = token or CancelToken()
    check_files(paths)
    total = sum(path.stat().st_size for path in paths) or 1
    before = 0
    result: list[StoredFile] = []
    for path in paths:
        what = f"Đang sao chép {path.name}"
        progress_cb(before, total, what)

        def report(done: int, _size: int, base: int = before, label: str = what) -> None:
            progress_cb(base + done, total, label)

        try:
            attachment = ws.attachments.add_file(
                path, report, lambda: token.is_cancelled if token else False
            )
        except AttachmentUnreadable as error:
            raise ServiceError(str(error)) from error
        before += attachment.size
        facts = read_letterhead_file(path) if path.suffix.lower() in LETTERHEAD_SUFFIXES else None
        result.append(StoredFile(attachment, facts))
    progress_cb(total, total, "Đã sao chép xong")
    return result


def _fields(ws: Workspace, evidence: Evidence | None) -> dict[str, str | None]:
    if evidence is None:
        return {}
    tasks = plans.load_tasks(ws.db, evidence.task_uids)
    return {
        "doc_type": evidence.doc_type.label,
        "number_symbol": evidence.number_symbol,
        "issued_on": format_date(evidence.issued_on),
        "issuer": evidence.issuer,
        "summary": evidence.summary,
        "files": "; ".join(item.file_name for item in evidence.attachments),
        "tasks": ", ".join(f"{t.section_code}.{t.label}" for t in tasks.values()),
    }


def _journal(ws: Workspace, old: Evidence | None, new: Evidence | None) -> None:
    """One journal entry per changed field and per task the record concerns."""
    record = new or old
    assert record is not None
    before, after = _fields(ws, old), _fields(ws, new)
    officer = get_officer_name(ws)
    tasks = set(old.task_uids if old else ()) | set(new.task_uids if new else ())
    for name in after or before:
        old_value, new_value = before.get(name), after.get(name)
        if old is not None and new is not None and old_value == new_value:
            continue
        task_list: list[str | None] = [*sorted(tasks)] or [None]
        for task_uid in task_list:
            record_change(
                ws.db,
                HistoryEntry(
                    at="",
                    officer=officer,
                    entity=ENTITY,
                    entity_uid=record.uid,
                    task_uid=task_uid,
                    field=name,
                    old=old_value if old is not None else None,
                    new=new_value if new is not None else None,
                ),
            )


def save_evidence(ws: Workspace, draft: EvidenceDraft) -> Change:
    """Create or update a record from a draft whose files are already in the store."""
    evidence = build_evidence(ws, draft)
    missing = set(ws.attachments.make_durable(item.digest for item in evidence.attachments))
    for item in evidence.attachments:
        if item.digest in missing:
            raise ServiceError(f"Tệp đính kèm “{item.file_name}” không còn trong kho dữ liệu.")
    with ws.db.atomic():
        old = None
        if draft.uid is not None:
            old = progress.load_evidence(ws.db, draft.uid)
        progress.save_evidence(ws.db, evidence)
        _journal(ws, old, evidence)
    touched = set(evidence.task_uids) | set(old.task_uids if old else ())
    return Change(evidence, touched)


def add_evidence(
    ws: Workspace,
    draft: EvidenceDraft,
    files: Sequence[Path] = (),
    progress_cb: ProgressCallback = no_progress,
    token: CancelToken | None = None,
) -> Change:
    """Check the draft, copy the files in, store the record: the command line's one call."""
    build_evidence(ws, draft)  # refuse bad input before copying anything
    check_files(files)
    stored = store_files(ws, files, progress_cb, token)
    attachments = (*draft.attachments, *(item.attachment for item in stored))
    return save_evidence(ws, replace(draft, attachments=attachments))


def link_to_task(ws: Workspace, evidence_uid: str, task_uid: str) -> Change:
    """Let an existing record serve one more task (the same document, not a copy)."""
    evidence = progress.load_evidence(ws.db, evidence_uid)
    if task_uid in evidence.task_uids:
        return Change(evidence, set())
    draft = EvidenceDraft(
        task_uids=(*evidence.task_uids, task_uid),
        kind=evidence.doc_type,
        number=evidence.number_symbol,
        date_text=format_date(evidence.issued_on),
        issuer=evidence.issuer,
        summary=evidence.summary,
        attachments=evidence.attachments,
        uid=evidence.uid,
    )
    return save_evidence(ws, draft)


def delete_evidence(ws: Workspace, evidence_uid: str) -> Change:
    """Delete a record into the trash (undo_delete brings it back); its files stay."""
    with ws.db.atomic():
        evidence = evidence_store.move_to_trash(ws.db, evidence_uid)
        _journal(ws, evidence, None)
    return Change(evidence, set(evidence.task_uids))


def undo_delete(ws: Workspace, evidence_uid: str) -> Change:
    """Restore a deleted record as it was."""
    with ws.db.atomic():
        evidence = evidence_store.restore_from_trash(ws.db, evidence_uid)
        _journal(ws, None, evidence)
    return Change(evidence, set(evidence.task_uids))


def empty_trash(ws: Workspace) -> list[str]:
    """Forget deleted records for good; remove the files that no other record uses."""
    unused = evidence_store.empty_trash(ws.db)
    for digest in unused:
        ws.attachments.remove(digest)
    return unused


def evidence_for_task(ws: Workspace, task_uid: str) -> list[Evidence]:
    plans.load_task(ws.db, task_uid)
    return progress.list_evidence_for_task(ws.db, task_uid)


def search_evidence(ws: Workspace, query: str) -> list[Evidence]:
    """Records matching every word of the query, without diacritics ("ke hoach 56")."""
    return evidence_store.search_evidence(ws.db, clean_text(query))


def warnings_for_task(
    ws: Workspace, task_uid: str, period_key: str | None
) -> list[EvidenceWarning]:
    """What is missing or does not fit in the task's evidence (for one period when given)."""
    task = plans.load_task(ws.db, task_uid)
    period = parse_period_key(period_key) if period_key else None
    is_done = False
    if period is not None:
        plan_uid = plans.plan_uid_of_task(ws.db, task_uid)
        stored = progress.list_progress(ws.db, plan_uid, period.key).get(task_uid)
        # Status values for done start with "done" (done, done_on_time, done_late …).
        is_done = stored is not None and stored.status.value.startswith("done")
    evidence = progress.list_evidence_for_task(ws.db, task_uid)
    return check_evidence(task.output, evidence, period, is_done=is_done)


def file_to_open(ws: Workspace, attachment: Attachment) -> Path:
    """A read-only copy of a stored file under its original name, for the default program.

    The store names files by content, without an extension, so the program is chosen from
    this copy's name. Copies live in ``<data>/opened/``; those older than a week are removed
    (a copy still open elsewhere is left alone).
    """
    stored = ws.attachments.located(attachment.digest)
    if stored is None:
        raise ServiceError(
            f"Tệp “{attachment.file_name}” không còn trong thư mục dữ liệu ({ws.attachments.root})."
        )
    opened = ws.folder / OPENED_DIR
    _prune_opened(opened)
    name = Path(attachment.file_name).name or attachment.digest
    target = opened / attachment.digest[:12] / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_file() or target.stat().st_size != attachment.size:
        temp = target.with_name(f".{name}.tmp")
        shutil.copyfile(stored, temp)
        os.chmod(temp, stat.S_IREAD)  # a view of the evidence: edits are saved elsewhere
        if target.exists():
            os.chmod(target, stat.S_IREAD | stat.S_IWRITE)  # Windows refuses to replace it
        temp.replace(target)
    return target


def _prune_opened(opened: Path) -> None:
    if not opened.is_dir():
        return
    cutoff = time.time() - OPENED_KEEP_SECONDS
    for folder in opened.iterdir():
        try:
            if folder.stat().st_mtime >= cutoff:
                continue
            for path in folder.iterdir():
                os.chmod(path, stat.S_IREAD | stat.S_IWRITE)
                path.unlink()
            folder.rmdir()
        except OSError:
            continue  # open in another program, or already gone
