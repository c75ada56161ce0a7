import hashlib
import unicodedata
from pathlib import Path

import pytest

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
