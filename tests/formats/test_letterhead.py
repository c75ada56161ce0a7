"""Reading the letterhead of an attached .docx or PDF: offered facts, or nothing."""

from datetime import date
from pathlib import Path

import pytest
from helpers.letterhead_files import make_letterhead_docx, make_letterhead_pdf, unicode_font

from kscdesk.domain.documents import DocumentFacts
from kscdesk.domain.model import EvidenceType
from kscdesk.formats.letterhead import read_letterhead_file

EXPECTED = DocumentFacts(
    EvidenceType.REPORT,
    "12/BC-UBND",
    date(2026, 1, 5),
    "UBND phường Đức Phổ",
    "Kết quả kiểm soát thủ tục hành chính quý IV năm 2025",
)


def test_a_docx_letterhead_gives_number_date_issuer_and_summary(tmp_path: Path) -> None:
    path = make_letterhead_docx(tmp_path / "Báo cáo 12.docx")
    assert read_letterhead_file(path) == EXPECTED


def test_a_pdf_with_a_text_layer_gives_the_same_facts(tmp_path: Path) -> None:
    font = unicode_font()
    if font is None:
        pytest.skip("no TrueType font with Vietnamese letters on this machine")
    path = make_letterhead_pdf(tmp_path / "Báo cáo 12.pdf", font)
    assert read_letterhead_file(path) == EXPECTED


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("hỏng.docx", b"PK\x03\x04 not really a zip"),
        ("hỏng.pdf", b"%PDF-1.4 garbage"),
        ("ảnh.jpg", b"\xff\xd8\xff"),
    ],
)
def test_a_file_that_cannot_be_read_offers_nothing(
    name: str, content: bytes, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert read_letterhead_file(path) is None
