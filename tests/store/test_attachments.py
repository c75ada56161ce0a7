import hashlib
import unicodedata
from pathlib import Path

import pytest

from kscdesk.domain.work import Cancelled
from kscdesk.store.attachments import AttachmentStore
from kscdesk.store.errors import AttachmentUnreadable

CONTENT = "Kế hoạch số 56/KH-UBND".encode() * 100_000  # larger than one read block
SHA = hashlib.sha256(CONTENT).hexdigest()


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


def test_a_file_is_stored_under_its_sha256(store: AttachmentStore, source: Path) -> None:
    attachment = store.add_file(source)
    assert attachment.sha256 == SHA
    assert attachment.size == len(CONTENT)
    assert attachment.file_name == "Kế hoạch 56.pdf"
    assert store.path_of(SHA) == store.root / SHA[:2] / SHA
    assert store.path_of(SHA).read_bytes() == CONTENT
    assert store.has(SHA)


def test_the_same_content_added_twice_is_stored_once(
    store: AttachmentStore, source: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "bản sao.pdf"
    copy.write_bytes(CONTENT)
    first = store.add_file(source)
    second = store.add_file(copy)
    assert first.sha256 == second.sha256
    assert second.file_name == "bản sao.pdf"
    assert stored_files(store) == [store.path_of(SHA)]


def test_a_decomposed_file_name_is_reported_nfc(store: AttachmentStore, tmp_path: Path) -> None:
    path = tmp_path / unicodedata.normalize("NFD", "Báo cáo.docx")
    path.write_bytes(b"x")
    assert store.add_file(path).file_name == "Báo cáo.docx"


def test_verify_detects_a_changed_or_missing_file(store: AttachmentStore, source: Path) -> None:
    store.add_file(source)
    assert store.verify(SHA)
    store.path_of(SHA).write_bytes(CONTENT + b"!")
    assert not store.verify(SHA)
    store.path_of(SHA).unlink()
    assert not store.verify(SHA)
    assert not store.has(SHA)


def test_an_unreadable_source_is_refused_and_leaves_no_temporary_file(
    store: AttachmentStore, tmp_path: Path
) -> None:
    missing = tmp_path / "không có.pdf"
    with pytest.raises(AttachmentUnreadable) as caught:
        store.add_file(missing)
    assert str(missing) in str(caught.value)
    assert stored_files(store) == []


def test_a_name_that_is_not_a_sha256_is_rejected(store: AttachmentStore) -> None:
    with pytest.raises(ValueError):
        store.path_of("../../etc/passwd")
    with pytest.raises(ValueError):
        store.has("ABC")


def test_progress_is_reported_in_bytes_up_to_the_file_size(
    store: AttachmentStore, source: Path
) -> None:
    seen: list[tuple[int, int]] = []
    store.add_file(source, lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(CONTENT), len(CONTENT))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_cancelled_copy_stores_nothing(store: AttachmentStore, source: Path) -> None:
    calls = iter([False, True])
    with pytest.raises(Cancelled):
        store.add_file(source, cancelled=lambda: next(calls, True))
    assert stored_files(store) == []


def test_a_big_file_copied_in_several_blocks_keeps_its_hash(
    store: AttachmentStore, tmp_path: Path
) -> None:
    content = bytes(range(256)) * 40_000  # about 10 MB: several copy blocks and buffers
    path = tmp_path / "lớn.bin"
    path.write_bytes(content)
    attachment = store.add_file(path)
    assert attachment.sha256 == hashlib.sha256(content).hexdigest()
    assert store.verify(attachment.sha256)


def test_remove_deletes_the_stored_file(store: AttachmentStore, source: Path) -> None:
    attachment = store.add_file(source)
    store.remove(attachment.sha256)
    assert not store.has(attachment.sha256)
