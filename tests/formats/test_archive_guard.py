"""The archive guard refuses hostile or broken .docx/.xlsx files before any parser opens them."""

import zipfile
from pathlib import Path

import pytest
from helpers.bad_files import (
    DOCUMENT_HEAD,
    DOCUMENT_TAIL,
    MIB,
    billion_laughs_docx,
    compound_file,
    encrypted_office_file,
    external_entity_docx,
    lie_about_size,
    small_docx,
    zip_bomb_docx,
)

from kscdesk.formats.archive_guard import check_ooxml_archive
from kscdesk.formats.errors import (
    LegacyWordFile,
    OversizedFile,
    PasswordProtectedFile,
    PlanFileError,
    UnreadablePlanFile,
    UnsafeFile,
)


def refusal(path: Path, expected: type[PlanFileError]) -> PlanFileError:
    with pytest.raises(expected) as caught:
        check_ooxml_archive(path)
    assert type(caught.value) is expected
    assert f"“{path.name}”" in str(caught.value)
    return caught.value


@pytest.mark.parametrize("name", ["city2023.docx", "city2023.xlsx", "notaplan.docx"])
def test_the_shared_fixtures_pass(fixtures_dir: Path, name: str) -> None:
    check_ooxml_archive(fixtures_dir / name)


def test_a_small_plain_docx_passes(tmp_path: Path) -> None:
    check_ooxml_archive(
        small_docx(tmp_path / "ok.docx", DOCUMENT_HEAD + "Kế hoạch" + DOCUMENT_TAIL)
    )


def test_a_file_over_50_mb_is_oversized(tmp_path: Path) -> None:
    path = tmp_path / "khổng lồ.docx"
    with path.open("wb") as stream:
        stream.truncate(51 * MIB)  # sparse: no real disk use
    error = refusal(path, OversizedFile)
    assert "50 MB" in str(error)


def test_a_zip_bomb_that_inflates_past_200_mb_is_unsafe(tmp_path: Path) -> None:
    path = zip_bomb_docx(tmp_path / "bom.docx", inflated_mib=210)
    assert path.stat().st_size < 600 * 1024
    refusal(path, UnsafeFile)


def test_a_member_with_a_huge_compression_ratio_is_unsafe(tmp_path: Path) -> None:
    refusal(zip_bomb_docx(tmp_path / "tỉ lệ.docx", inflated_mib=12), UnsafeFile)


def test_a_bomb_whose_declared_size_lies_is_refused_while_inflating(tmp_path: Path) -> None:
    path = lie_about_size(zip_bomb_docx(tmp_path / "nói dối.docx", 210), "word/document.xml", 4096)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("word/document.xml").file_size == 4096
    # zipfile stops at the declared size and then the checksum disagrees: a corrupt archive.
    refusal(path, UnreadablePlanFile)


def test_too_many_members_is_unsafe(tmp_path: Path) -> None:
    path = tmp_path / "nhiều.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for index in range(2001):
            archive.writestr(f"p/{index}.bin", b"")
    refusal(path, UnsafeFile)


def test_an_entity_bomb_is_unsafe(tmp_path: Path) -> None:
    error = refusal(billion_laughs_docx(tmp_path / "cười.docx"), UnsafeFile)
    assert "word/document.xml" in str(error)


def test_an_external_entity_in_a_relationship_part_is_unsafe(tmp_path: Path) -> None:
    error = refusal(external_entity_docx(tmp_path / "xxe.docx"), UnsafeFile)
    assert "document.xml.rels" in str(error)


def test_a_doctype_hidden_in_a_utf16_part_is_unsafe(tmp_path: Path) -> None:
    document = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x []><x/>'.encode("utf-16")
    refusal(small_docx(tmp_path / "utf16.docx", document), UnsafeFile)


def test_a_doctype_split_across_read_chunks_is_found(tmp_path: Path) -> None:
    padding = " " * (64 * 1024 - 3)
    document = '<?xml version="1.0"?>' + padding + "<!DOCTYPE x []><x/>"
    refusal(small_docx(tmp_path / "ranh giới.docx", document), UnsafeFile)


def test_a_password_protected_office_file_is_recognised(tmp_path: Path) -> None:
    refusal(encrypted_office_file(tmp_path / "mật khẩu.docx"), PasswordProtectedFile)


def test_an_old_binary_word_file_is_a_legacy_word_file(tmp_path: Path) -> None:
    refusal(compound_file(tmp_path / "cũ.docx", ["WordDocument", "1Table"]), LegacyWordFile)


def test_another_compound_file_is_unreadable(tmp_path: Path) -> None:
    refusal(compound_file(tmp_path / "lạ.docx", ["Contents"]), UnreadablePlanFile)


def test_an_old_excel_file_is_unreadable_with_a_hint(tmp_path: Path) -> None:
    error = refusal(compound_file(tmp_path / "bảng.xlsx", ["Workbook"]), UnreadablePlanFile)
    assert ".xls" in str(error)


def test_the_truncated_fixture_is_unreadable(fixtures_dir: Path) -> None:
    refusal(fixtures_dir / "corrupt.docx", UnreadablePlanFile)


def test_a_text_file_named_docx_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "giả.docx"
    path.write_text("không phải tệp Word", encoding="utf-8")
    refusal(path, UnreadablePlanFile)


def test_a_zip_without_content_types_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "thiếu.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", DOCUMENT_HEAD + DOCUMENT_TAIL)
    error = refusal(path, UnreadablePlanFile)
    assert "[Content_Types].xml" in str(error)


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    refusal(tmp_path / "không có.docx", UnreadablePlanFile)
