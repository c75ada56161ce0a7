import hashlib
import os
import time
import unicodedata
from pathlib import Path

import blake3
import pytest

from kscdesk.domain.work import Cancelled
from kscdesk.store.attachments import STAGED_DIR, STAGED_KEEP_SECONDS, AttachmentStore
from kscdesk.store.errors import AttachmentUnreadable

CONTENT = "Kế hoạch số 56/KH-UBND".encode() * 300_000  # about 8 MB: more than one copy block
DIGEST = blake3.blake3(CONTENT).hexdigest()


@pytest.fixture
def store(tmp_path: Path) -> AttachmentStore:
    return AttachmentStore(tmp_path / "data" / "attachments")


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "Kế hoạch 56.pdf"
    path.write_bytes(CONTENT)
    return path


def stored_files(store: AttachmentStore) -> list[Path]:
    return sorted(path for path in store.root.rglob("*") if path.is_file())


def test_a_file_is_named_by_its_blake3_digest_once_durable(
    store: AttachmentStore, source: Path
) -> None:
    attachment = store.add_file(source)
    assert attachment.digest == DIGEST
    assert attachment.size == len(CONTENT)
    assert attachment.file_name == "Kế hoạch 56.pdf"
    assert store.has(DIGEST)
    assert store.make_durable([DIGEST]) == []
    assert store.path_of(DIGEST) == store.root / DIGEST[:2] / DIGEST
    assert store.path_of(DIGEST).read_bytes() == CONTENT
    assert stored_files(store) == [store.path_of(DIGEST)]


def test_a_new_copy_waits_in_staging_until_made_durable(
    store: AttachmentStore, source: Path
) -> None:
    store.add_file(source)
    staged = store.root / STAGED_DIR / DIGEST
    assert stored_files(store) == [staged]
    assert store.located(DIGEST) == staged
    assert staged.read_bytes() == CONTENT


def test_the_same_content_added_twice_is_stored_once(
    store: AttachmentStore, source: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "bản sao.pdf"
    copy.write_bytes(CONTENT)
    first = store.add_file(source)
    store.make_durable([first.digest])
    second = store.add_file(copy)
    assert first.digest == second.digest
    assert second.file_name == "bản sao.pdf"
    assert stored_files(store) == [store.path_of(DIGEST)]
    assert store.make_durable([second.digest]) == []


def test_making_durable_reports_a_digest_the_store_does_not_hold(store: AttachmentStore) -> None:
    assert store.make_durable(["0" * 64]) == ["0" * 64]


def test_a_decomposed_file_name_is_reported_nfc(store: AttachmentStore, tmp_path: Path) -> None:
    path = tmp_path / unicodedata.normalize("NFD", "Báo cáo.docx")
    path.write_bytes(b"x")
    assert store.add_file(path).file_name == "Báo cáo.docx"


def test_an_empty_file_is_stored_too(store: AttachmentStore, tmp_path: Path) -> None:
    path = tmp_path / "trống.txt"
    path.write_bytes(b"")
    attachment = store.add_file(path)
    assert attachment.digest == blake3.blake3(b"").hexdigest()
    assert attachment.size == 0
    store.make_durable([attachment.digest])
    assert store.path_of(attachment.digest).read_bytes() == b""


def test_verify_detects_a_changed_or_missing_file(store: AttachmentStore, source: Path) -> None:
    store.add_file(source)
    store.make_durable([DIGEST])
    assert store.verify(DIGEST)
    store.path_of(DIGEST).write_bytes(CONTENT + b"!")
    assert not store.verify(DIGEST)
    store.path_of(DIGEST).unlink()
    assert not store.verify(DIGEST)
    assert not store.has(DIGEST)


def test_a_file_stored_under_its_sha256_before_blake3_still_verifies(
    store: AttachmentStore,
) -> None:
    legacy = hashlib.sha256(CONTENT).hexdigest()
    store.path_of(legacy).parent.mkdir(parents=True)
    store.path_of(legacy).write_bytes(CONTENT)
    assert store.has(legacy)
    assert store.verify(legacy)
    store.path_of(legacy).write_bytes(b"changed")
    assert not store.verify(legacy)


def test_an_unreadable_source_is_refused_and_leaves_no_temporary_file(
    store: AttachmentStore, tmp_path: Path
) -> None:
    missing = tmp_path / "không có.pdf"
    with pytest.raises(AttachmentUnreadable) as caught:
        store.add_file(missing)
    assert str(missing) in str(caught.value)
    assert stored_files(store) == []


def test_a_name_that_is_not_a_digest_is_rejected(store: AttachmentStore) -> None:
    with pytest.raises(ValueError):
        store.path_of("../../etc/passwd")
    with pytest.raises(ValueError):
        store.has("ABC")


def test_progress_is_reported_in_bytes_up_to_the_file_size(
    store: AttachmentStore, source: Path
) -> None:
    seen: list[tuple[int, int]] = []
    store.add_file(source, lambda done, total: seen.append((done, total)))
    assert len(seen) > 1
    assert seen[-1] == (len(CONTENT), len(CONTENT))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_cancelled_copy_stores_nothing(store: AttachmentStore, source: Path) -> None:
    calls = iter([False, True])
    with pytest.raises(Cancelled):
        store.add_file(source, cancelled=lambda: next(calls, True))
    assert stored_files(store) == []


def test_a_big_file_copied_in_several_blocks_keeps_its_digest(
    store: AttachmentStore, tmp_path: Path
) -> None:
    content = os.urandom(3 * 1024 * 1024) * 4 + b"tail"  # several blocks, the last one short
    path = tmp_path / "lớn.bin"
    path.write_bytes(content)
    attachment = store.add_file(path)
    assert attachment.digest == blake3.blake3(content).hexdigest()
    assert store.located(attachment.digest).read_bytes() == content  # type: ignore[union-attr]
    assert store.verify(attachment.digest)


def test_remove_deletes_the_stored_file(store: AttachmentStore, source: Path) -> None:
    attachment = store.add_file(source)
    store.make_durable([attachment.digest])
    store.remove(attachment.digest)
    assert not store.has(attachment.digest)


def test_staged_copies_nobody_took_are_pruned_after_a_day(
    store: AttachmentStore, source: Path
) -> None:
    store.add_file(source)
    store.prune_staged()
    assert store.has(DIGEST)
    store.prune_staged(now=time.time() + STAGED_KEEP_SECONDS + 60)
    assert not store.has(DIGEST)
