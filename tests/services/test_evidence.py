"""Evidence use cases: add with files, one file stored once, journal, delete and undo, checks."""

import os
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import blake3
import pytest
from helpers.evidence_plan import save_ward_plan

from kscdesk.domain.documents import InvalidDocumentNumber
from kscdesk.domain.errors import InvalidDate
from kscdesk.domain.evidence_checks import EvidenceProblem
from kscdesk.domain.model import EvidenceType, Progress, ProgressStatus
from kscdesk.services import evidence as service
from kscdesk.services.errors import ServiceError
from kscdesk.services.evidence import EvidenceDraft
from kscdesk.services.offices import set_officer_name
from kscdesk.services.task_lookup import AmbiguousTaskReference, TaskNotFound, find_task
from kscdesk.services.workspace import Workspace
from kscdesk.store import history, progress

CITATION = "Kế hoạch số 56/KH-UBND ngày 09/3/2025 của UBND phường về rà soát TTHC năm 2025"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data")
    yield workspace
    workspace.close()


@pytest.fixture
def tasks(ws: Workspace) -> dict[str, str]:
    return save_ward_plan(ws)


def write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def count(ws: Workspace, table: str) -> int:
    return int(ws.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def stored_files(ws: Workspace) -> list[Path]:
    root = ws.attachments.root
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_citation_fills_the_record_and_one_record_serves_two_tasks(
    ws: Workspace, tasks: dict[str, str]
) -> None:
    draft = EvidenceDraft(task_uids=(tasks["1a"], tasks["2"]), citation=CITATION)
    evidence = service.add_evidence(ws, draft).evidence
    assert (evidence.doc_type, evidence.number_symbol, evidence.issuer) == (
        EvidenceType.PLAN,
        "56/KH-UBND",
        "UBND phường",
    )
    assert evidence.summary == "Rà soát TTHC năm 2025"
    for label in ("1a", "2"):
        assert [e.uid for e in service.evidence_for_task(ws, tasks[label])] == [evidence.uid]


def test_typed_fields_override_the_citation(ws: Workspace, tasks: dict[str, str]) -> None:
    draft = EvidenceDraft(
        task_uids=(tasks["1a"],), citation=CITATION, date_text="10/03/2025", issuer="Văn phòng"
    )
    evidence = service.add_evidence(ws, draft).evidence
    assert (evidence.issued_on.isoformat() if evidence.issued_on else None, evidence.issuer) == (
        "2025-03-10",
        "Văn phòng",
    )


def test_the_same_file_attached_to_two_records_is_stored_once_under_its_names(
    ws: Workspace, tasks: dict[str, str], tmp_path: Path
) -> None:
    content = b"%PDF-1.4 Ke hoach 56" * 1000
    first = write(tmp_path / "Kế hoạch 56.pdf", content)
    second = write(tmp_path / "kh56-bản sao.pdf", content)
    a = service.add_evidence(ws, EvidenceDraft((tasks["1a"],), number="56/KH-UBND"), [first])
    b = service.add_evidence(ws, EvidenceDraft((tasks["2"],), number="57/KH-UBND"), [second])
    assert a.evidence.attachments[0].digest == blake3.blake3(content).hexdigest()
    assert a.evidence.attachments[0].digest == b.evidence.attachments[0].digest
    assert [f.file_name for f in b.evidence.attachments] == ["kh56-bản sao.pdf"]
    assert len(stored_files(ws)) == 1
    opened = service.file_to_open(ws, a.evidence.attachments[0])
    assert opened.name == "Kế hoạch 56.pdf"
    assert opened.read_bytes() == content


@pytest.mark.parametrize(
    ("draft_fields", "error", "message"),
    [
        ({"number": "35QĐ"}, InvalidDocumentNumber, "35QĐ"),
        ({"number": "35/QĐ-UBND", "date_text": "32/01/2025"}, InvalidDate, "32/01/2025"),
        ({"number": "35/QĐ-UBND", "kind": EvidenceType.PLAN}, ServiceError, "Quyết định"),
        ({}, ServiceError, "loại văn bản"),
    ],
)
def test_bad_input_is_refused_by_name_and_nothing_is_stored(
    ws: Workspace,
    tasks: dict[str, str],
    tmp_path: Path,
    draft_fields: dict[str, object],
    error: type[Exception],
    message: str,
) -> None:
    file = write(tmp_path / "a.pdf", b"x")
    draft = EvidenceDraft(task_uids=(tasks["1a"],), **draft_fields)  # type: ignore[arg-type]
    with pytest.raises(error, match=message):
        service.add_evidence(ws, draft, [file])
    assert count(ws, "evidence") == 0
    assert stored_files(ws) == []


def test_a_missing_file_is_named_and_nothing_is_stored(
    ws: Workspace, tasks: dict[str, str], tmp_path: Path
) -> None:
    present = write(tmp_path / "có.pdf", b"x")
    with pytest.raises(ServiceError, match=r"không-có\.pdf"):
        service.add_evidence(
            ws,
            EvidenceDraft((tasks["1a"],), number="1/KH-UBND"),
            [present, tmp_path / "không-có.pdf"],
        )
    assert count(ws, "evidence") == 0
    assert stored_files(ws) == []


def test_every_change_is_journaled_with_the_officer_name(
    ws: Workspace, tasks: dict[str, str]
) -> None:
    set_officer_name(ws, "Nguyễn Thị Lan")
    change = service.add_evidence(ws, EvidenceDraft((tasks["1a"],), citation=CITATION))
    uid = change.evidence.uid
    service.save_evidence(
        ws, EvidenceDraft((tasks["1a"],), citation=CITATION, summary="Rà soát lần 2", uid=uid)
    )
    service.delete_evidence(ws, uid)
    entries = history.list_for_entity(ws.db, uid)
    assert {e.officer for e in entries} == {"Nguyễn Thị Lan"}
    summary = [(e.old, e.new) for e in entries if e.field == "summary"]
    assert summary == [
        (None, "Rà soát TTHC năm 2025"),
        ("Rà soát TTHC năm 2025", "Rà soát lần 2"),
        ("Rà soát lần 2", None),
    ]
    assert {e.task_uid for e in history.list_for_task(ws.db, tasks["1a"])} == {tasks["1a"]}


def test_a_deletion_is_undone_with_its_links_and_files(
    ws: Workspace, tasks: dict[str, str], tmp_path: Path
) -> None:
    file = write(tmp_path / "kh.docx", b"docx bytes")
    draft = EvidenceDraft((tasks["1a"], tasks["2"]), citation=CITATION)
    original = service.add_evidence(ws, draft, [file]).evidence
    service.delete_evidence(ws, original.uid)
    assert service.evidence_for_task(ws, tasks["1a"]) == []
    assert len(stored_files(ws)) == 1  # the file stays for undo
    service.undo_delete(ws, original.uid)
    assert progress.load_evidence(ws.db, original.uid) == original


def test_emptying_the_trash_never_removes_a_file_another_record_uses(
    ws: Workspace, tasks: dict[str, str], tmp_path: Path
) -> None:
    shared = write(tmp_path / "chung.pdf", b"shared")
    own = write(tmp_path / "riêng.pdf", b"own only")
    gone = service.add_evidence(
        ws, EvidenceDraft((tasks["1a"],), number="1/BC-UBND"), [shared, own]
    )
    kept = service.add_evidence(ws, EvidenceDraft((tasks["2"],), number="2/BC-UBND"), [shared])
    service.delete_evidence(ws, gone.evidence.uid)
    removed = service.empty_trash(ws)
    own_sha = gone.evidence.attachments[1].digest
    assert removed == [own_sha]
    assert not ws.attachments.has(own_sha)
    assert ws.attachments.has(kept.evidence.attachments[0].digest)


def test_search_finds_evidence_without_diacritics(ws: Workspace, tasks: dict[str, str]) -> None:
    service.add_evidence(ws, EvidenceDraft((tasks["1a"],), citation=CITATION))
    service.add_evidence(ws, EvidenceDraft((tasks["2"],), number="12/BC-UBND", summary="Đánh giá"))
    assert [e.number_symbol for e in service.search_evidence(ws, "ra soat 56")] == ["56/KH-UBND"]
    assert [e.number_symbol for e in service.search_evidence(ws, "danh gia")] == ["12/BC-UBND"]
    assert [e.number_symbol for e in service.search_evidence(ws, "bao cao")] == ["12/BC-UBND"]


def test_warnings_for_a_done_task_follow_its_progress_and_period(
    ws: Workspace, tasks: dict[str, str]
) -> None:
    task = tasks["1a"]  # expects a Kế hoạch
    progress.save_progress(ws.db, Progress(task, "2025-Q1", ProgressStatus.DONE))
    problems = [w.problem for w in service.warnings_for_task(ws, task, "2025-Q1")]
    assert problems == [EvidenceProblem.DONE_WITHOUT_EVIDENCE]
    service.add_evidence(ws, EvidenceDraft((task,), number="5/BC-UBND", date_text="20/03/2025"))
    problems = [w.problem for w in service.warnings_for_task(ws, task, "2025-Q1")]
    assert problems == [EvidenceProblem.KIND_MISMATCH, EvidenceProblem.OUTSIDE_PERIOD]


def test_attachments_and_history_survive_closing_and_reopening(tmp_path: Path) -> None:
    file = write(tmp_path / "bc.pdf", b"report")
    with Workspace.open(tmp_path / "data") as ws:
        tasks = save_ward_plan(ws)
        draft = EvidenceDraft((tasks["2"],), number="3/BC-UBND")
        uid = service.add_evidence(ws, draft, [file]).evidence.uid
        service.delete_evidence(ws, uid)
    with Workspace.open(tmp_path / "data") as again:
        service.undo_delete(again, uid)  # the trash survives too
        [evidence] = service.evidence_for_task(again, tasks["2"])
        assert evidence.uid == uid
        assert service.file_to_open(again, evidence.attachments[0]).read_bytes() == b"report"
        fields = [(e.field, e.new) for e in history.list_for_entity(again.db, uid)]
        assert ("number_symbol", "3/BC-UBND") in fields
        assert ("number_symbol", None) in fields


@pytest.mark.parametrize(
    ("ref", "label"), [("1a", "1a"), ("1A", "1a"), ("II.3", "II.3"), ("2", "2"), ("I.2", "2")]
)
def test_a_task_is_found_by_its_printed_number(
    ws: Workspace, tasks: dict[str, str], ref: str, label: str
) -> None:
    assert find_task(ws, ref).uid == tasks[label]


def test_a_task_is_found_by_an_id_prefix_and_unknown_ones_are_named(
    ws: Workspace, tasks: dict[str, str]
) -> None:
    assert find_task(ws, tasks["1b"][:8]).uid == tasks["1b"]
    with pytest.raises(TaskNotFound, match="“9z”"):
        find_task(ws, "9z")


def test_a_number_printed_in_two_sections_is_ambiguous(
    ws: Workspace, tasks: dict[str, str]
) -> None:
    save_ward_plan(ws)  # a second own plan with the same numbers
    with pytest.raises(AmbiguousTaskReference):
        find_task(ws, "1a")


def test_an_existing_record_is_linked_to_one_more_task(
    ws: Workspace, tasks: dict[str, str]
) -> None:
    evidence = service.add_evidence(ws, EvidenceDraft((tasks["1a"],), citation=CITATION)).evidence
    change = service.link_to_task(ws, evidence.uid, tasks["II.3"])
    assert change.evidence.task_uids == (tasks["1a"], tasks["II.3"])
    assert change.evidence.attachments == evidence.attachments
    assert [e.uid for e in service.evidence_for_task(ws, tasks["II.3"])] == [evidence.uid]
    assert service.link_to_task(ws, evidence.uid, tasks["II.3"]).task_uids == set()


def test_a_failure_while_journaling_leaves_the_database_unchanged(
    ws: Workspace, tasks: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = service.add_evidence(ws, EvidenceDraft((tasks["1a"],), citation=CITATION)).evidence

    def broken(*_args: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(service, "record_change", broken)
    with pytest.raises(RuntimeError):
        service.add_evidence(ws, EvidenceDraft((tasks["2"],), number="2/BC-UBND"))
    with pytest.raises(RuntimeError):
        service.delete_evidence(ws, kept.uid)
    assert [e.uid for e in service.search_evidence(ws, "")] == [kept.uid]
    assert ws.db.execute("SELECT count(*) FROM evidence_trash").fetchone()[0] == 0


def test_text_typed_decomposed_is_stored_nfc(ws: Workspace, tasks: dict[str, str]) -> None:
    nfd = unicodedata.normalize("NFD", "Kế hoạch rà soát")
    draft = EvidenceDraft((tasks["1a"],), number="56/KH-UBND", issuer=nfd, summary=nfd)
    evidence = service.add_evidence(ws, draft).evidence
    assert evidence.summary == evidence.issuer == "Kế hoạch rà soát"
    stored = progress.load_evidence(ws.db, evidence.uid)
    assert stored.summary == unicodedata.normalize("NFC", nfd)


def test_opened_copies_are_read_only_and_old_ones_are_pruned(
    ws: Workspace, tasks: dict[str, str], tmp_path: Path
) -> None:
    first = write(tmp_path / "cũ.pdf", b"old")
    second = write(tmp_path / "mới.pdf", b"new")
    change = service.add_evidence(
        ws, EvidenceDraft((tasks["1a"],), number="1/BC-UBND"), [first, second]
    )
    old, new = change.evidence.attachments
    old_copy = service.file_to_open(ws, old)
    assert old_copy.stat().st_mode & 0o222 == 0
    week_ago = time.time() - 8 * 24 * 3600
    os.utime(old_copy.parent, (week_ago, week_ago))
    service.file_to_open(ws, new)
    assert not old_copy.exists()
    assert service.file_to_open(ws, old).read_bytes() == b"old"  # made again when asked
