"""Evidence beyond save and load: the trash that makes deletion undoable, search, file references.

Saving, loading and listing evidence per task live in ``kscdesk.store.progress``. A deleted record
goes to ``evidence_trash`` as JSON and can be restored as it was; its files stay in the
attachment store until the trash is emptied and no other record uses them.
"""

import json
from typing import Any

from sqlite_utils import Database

from kscdesk.domain.model import Attachment, Evidence, EvidenceType
from kscdesk.domain.text import matches
from kscdesk.store import progress
from kscdesk.store.clock import date_from_iso, date_to_iso, now_iso
from kscdesk.store.errors import RecordNotFound


def evidence_to_json(evidence: Evidence) -> dict[str, Any]:
    return {
        "uid": evidence.uid,
        "doc_type": evidence.doc_type.value,
        "number_symbol": evidence.number_symbol,
        "issued_on": date_to_iso(evidence.issued_on),
        "issuer": evidence.issuer,
        "summary": evidence.summary,
        "task_uids": list(evidence.task_uids),
        "attachments": [
            {"digest": item.digest, "file_name": item.file_name, "size": item.size}
            for item in evidence.attachments
        ],
    }


def evidence_from_json(data: dict[str, Any]) -> Evidence:
    return Evidence(
        doc_type=EvidenceType(data["doc_type"]),
        number_symbol=data["number_symbol"],
        issued_on=date_from_iso(data["issued_on"]),
        issuer=data["issuer"],
        summary=data["summary"],
        task_uids=tuple(data["task_uids"]),
        attachments=tuple(
            Attachment(item.get("digest") or item["sha256"], item["file_name"], item["size"])
            for item in data["attachments"]
        ),
        uid=data["uid"],
    )


def move_to_trash(db: Database, evidence_uid: str) -> Evidence:
    """Delete a record, keeping it in the trash; returns it. RecordNotFound when absent."""
    with db.atomic():
        evidence = progress.load_evidence(db, evidence_uid)
        db.execute(
            "INSERT OR REPLACE INTO evidence_trash (uid, deleted_at, record) VALUES (?, ?, ?)",
            [evidence.uid, now_iso(), json.dumps(evidence_to_json(evidence), ensure_ascii=False)],
        )
        progress.delete_evidence(db, evidence_uid)
    return evidence


def load_from_trash(db: Database, evidence_uid: str) -> Evidence:
    row = db.execute("SELECT record FROM evidence_trash WHERE uid = ?", [evidence_uid]).fetchone()
    if row is None:
        raise RecordNotFound("minh chứng đã xóa", evidence_uid)
    return evidence_from_json(json.loads(row[0]))


def restore_from_trash(db: Database, evidence_uid: str) -> Evidence:
    """Put a deleted record back as it was (links to tasks deleted since are dropped)."""
    with db.atomic():
        evidence = load_from_trash(db, evidence_uid)
        alive = {
            row[0]
            for row in db.execute(
                "SELECT uid FROM tasks WHERE uid IN (SELECT value FROM json_each(?))",
                [json.dumps(list(evidence.task_uids))],
            ).fetchall()
        }
        evidence = Evidence(
            doc_type=evidence.doc_type,
            number_symbol=evidence.number_symbol,
            issued_on=evidence.issued_on,
            issuer=evidence.issuer,
            summary=evidence.summary,
            task_uids=tuple(uid for uid in evidence.task_uids if uid in alive),
            attachments=evidence.attachments,
            uid=evidence.uid,
        )
        progress.save_evidence(db, evidence)
        db.execute("DELETE FROM evidence_trash WHERE uid = ?", [evidence_uid])
    return evidence


def list_trash(db: Database) -> list[Evidence]:
    """Deleted records, most recently deleted first."""
    rows = db.execute("SELECT record FROM evidence_trash ORDER BY deleted_at DESC, rowid DESC")
    return [evidence_from_json(json.loads(row[0])) for row in rows.fetchall()]


def used_hashes(db: Database) -> set[str]:
    """SHA-256 of every file a record uses, live or in the trash."""
    live = {row[0] for row in db.execute("SELECT digest FROM evidence_attachments").fetchall()}
    for evidence in list_trash(db):
        live.update(item.digest for item in evidence.attachments)
    return live


def empty_trash(db: Database) -> list[str]:
    """Forget the deleted records; return the SHA-256 of files no record uses any more.

    The caller removes those files from the attachment store after the transaction commits.
    """
    with db.atomic():
        trashed = {item.digest for evidence in list_trash(db) for item in evidence.attachments}
        db.execute("DELETE FROM evidence_trash")
        live = used_hashes(db)
        unused = sorted(trashed - live)
        if unused:
            db.execute(
                "DELETE FROM attachments WHERE digest IN (SELECT value FROM json_each(?))",
                [json.dumps(unused)],
            )
    return unused


def list_all_evidence(db: Database) -> list[Evidence]:
    """Every stored record, dated ones first by date."""
    rows = list(db.query(f"SELECT e.* FROM evidence e {progress._EVIDENCE_ORDER}"))
    return progress._evidence_from_rows(db, rows)


def evidence_search_text(evidence: Evidence) -> str:
    names = " ".join(item.file_name for item in evidence.attachments)
    return " ".join(
        [
            evidence.doc_type.label,
            evidence.number_symbol,
            evidence.issuer,
            evidence.summary,
            names,
        ]
    )


def search_evidence(db: Database, query: str) -> list[Evidence]:
    """Records whose kind, number, issuer, summary or file names hold every word of the query,
    ignoring tones and case ("ke hoach 56" finds "Kế hoạch số 56/KH-UBND")."""
    return [item for item in list_all_evidence(db) if matches(query, evidence_search_text(item))]
