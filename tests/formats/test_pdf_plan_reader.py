"""Plans delivered as PDF by the document system (issue 13): the city fixture, page furniture,
and the PDFs that must be refused with advice."""

import json
from pathlib import Path

import pytest
from helpers.pdf_builders import (
    encrypted_pdf,
    scanned_pdf,
    sign_pdf,
    text_pdf,
    unmapped_font_pdf,
)

from kscdesk.domain.work import CancelToken
from kscdesk.formats.errors import (
    DamagedPdf,
    EncryptedPdf,
    NotAPlan,
    OversizedFile,
    PdfWithoutUnicode,
    ScannedPdf,
)
from kscdesk.formats.pdf_layout import Glyph, Line, join_wrapped, paragraphs, resolve_breaks
from kscdesk.formats.pdf_plan_reader import read_pdf_plan_source
from kscdesk.formats.pdf_signature import signature_notices
from kscdesk.formats.plan_json import content_to_json
from kscdesk.formats.plan_reader import read_plan
from kscdesk.formats.plan_table import split_units


def test_city_pdf_imports_to_its_answer_key_field_for_field(fixtures_dir: Path) -> None:
    truth = json.loads((fixtures_dir / "city2023.truth.json").read_text(encoding="utf-8"))
    got = content_to_json(read_plan(fixtures_dir / "city2023.pdf"))
    for key in ("issuer", "level", "year", "title", "columns", "sections", "indicators"):
        assert got[key] == truth[key], key
    assert got["decision"] is None  # "số      /QĐ-UBND": a draft number
    assert len(got["tasks"]) == len(truth["tasks"])
    for mine, expected in zip(got["tasks"], truth["tasks"], strict=True):
        expected = dict(expected)
        units_raw = expected.pop("units_raw")
        assert mine == expected
        assert split_units(units_raw) == (mine["lead"], mine["coordinating"])
    assert got["warnings"] == []


def test_the_plan_table_over_twelve_pages_is_one_grid_without_repeated_headers(
    fixtures_dir: Path,
) -> None:
    source = read_pdf_plan_source(fixtures_dir / "city2023.pdf")
    (plan,) = source.grids
    first_cells = [row[0].text for row in plan.rows]
    assert first_cells.count("STT") == 1  # the header printed on every page is kept once
    assert plan.rows[1][1].text.startswith("Ban hành văn bản") and plan.rows[1][1].bold
    assert all(cell.merged_left for cell in plan.rows[1][2:])
    task_two = next(row for row in plan.rows if row[0].text == "2")
    # Task 2 runs from page 2 onto page 3: one row again, the sentence joined with one space.
    assert "một cửa, một cửa liên thông, thực hiện TTHC" in task_two[1].text
    assert task_two[2].text.endswith("của cơ quan, địa phương.")
    assert "KẾ HOẠCH" in source.preamble and "ỦY BAN NHÂN DÂN" in source.preamble
    assert not any("Xây dựng, ban hành các" in line for line in source.preamble)


def _line(text: str, x0: float, x1: float, size: float = 13.0) -> Line:
    step = (x1 - x0) / len(text)
    glyphs = [
        Glyph(ch, x0 + i * step, x0 + (i + 1) * step, 0, 10, size, False)
        for i, ch in enumerate(text)
    ]
    return Line(glyphs, text)


def test_wrapped_lines_join_and_a_code_broken_at_its_hyphen_is_rejoined() -> None:
    lines = [
        _line("theo Thông tư số 02/2017/TT-", 70, 248),
        _line("VPCP và kiểm soát TT-", 70, 247),
        _line("HC của Văn phòng.", 70, 160),
        _line("- Văn phòng chủ trì.", 70, 170),
        _line("Công chức Văn hóa-", 70, 249),
        _line("xã hội.", 70, 120),
    ]
    found = paragraphs(lines, 250)
    assert len(found) == 3
    # "TTHC" is printed whole elsewhere in the document: the hyphen was only a line-end break.
    resolve = resolve_breaks([*found, "các TTHC khác"])
    assert [resolve(text) for text in found] == [
        "theo Thông tư số 02/2017/TT-VPCP và kiểm soát TTHC của Văn phòng.",
        "- Văn phòng chủ trì.",
        "Công chức Văn hóa- xã hội.",
    ]
    assert join_wrapped("Độc lập -", "Tự do") == "Độc lập - Tự do"


def test_a_code_too_long_for_its_column_is_joined_without_a_space() -> None:
    lines = [_line("142/2024/QH", 70, 149), _line("15 ngày 29/6/2024", 70, 140)]
    assert paragraphs(lines, 150) == ["142/2024/QH15 ngày 29/6/2024"]
    lines = [_line("Thường", 70, 149), _line("xuyên", 70, 110)]
    assert paragraphs(lines, 150) == ["Thường xuyên"]


def test_ligatures_and_decomposed_vietnamese_become_nfc() -> None:
    from kscdesk.formats.pdf_layout import glyphs_of, lines_of

    chars = [
        {"text": t, "x0": x, "x1": x + 6, "top": 0, "bottom": 12, "size": 12, "fontname": "T"}
        for t, x in (("\ufb01", 0), ("e\u0302", 6), ("t", 12))
    ]
    chars.insert(2, {"text": "\u0323", "x0": 6, "x1": 6, "top": 0, "bottom": 12, "size": 12})
    (line,) = lines_of(glyphs_of(chars))
    assert line.text == "fiệt"


def test_text_drawn_in_a_legacy_tcvn3_font_is_converted_to_unicode(tmp_path: Path) -> None:
    from kscdesk.formats.legacy_encoding import TCVN3, encode_legacy

    lines = ["Kế hoạch kiểm soát thủ tục hành chính năm 2024", "Quý I, cả năm; định kỳ"]
    pdf = text_pdf(
        tmp_path / "vntime.pdf",
        [encode_legacy(line, TCVN3) for line in lines],
        font_name="ABCDEF+.VnTime",
    )
    source = read_pdf_plan_source(pdf)
    assert source.preamble == lines
    assert [w.message for w in source.warnings] == [
        "Văn bản gõ bằng bảng mã cũ (TCVN3) đã được chuyển sang Unicode; hãy kiểm tra lại."
    ]


def test_a_scanned_pdf_is_refused_with_advice_to_ask_for_a_text_file(tmp_path: Path) -> None:
    with pytest.raises(ScannedPdf) as refused:
        read_plan(scanned_pdf(tmp_path / "scan.pdf"))
    message = str(refused.value)
    assert "scan.pdf" in message and "chỉ có ảnh quét" in message
    assert "hãy xin tệp Word hoặc PDF có chữ" in message


def test_a_pdf_whose_font_has_no_unicode_map_is_refused_with_advice(tmp_path: Path) -> None:
    with pytest.raises(PdfWithoutUnicode, match="hãy xin tệp Word"):
        read_plan(unmapped_font_pdf(tmp_path / "vntime.pdf"))


def test_an_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EncryptedPdf, match="mật khẩu"):
        read_plan(encrypted_pdf(tmp_path / "locked.pdf"))


@pytest.mark.parametrize("keep", [0.5, 0.97])
def test_a_truncated_pdf_is_refused(fixtures_dir: Path, tmp_path: Path, keep: float) -> None:
    data = (fixtures_dir / "city2023.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(DamagedPdf, match="tải về chưa hết"):
        read_plan(cut)


def test_a_damaged_pdf_body_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF\n")
    with pytest.raises(DamagedPdf):
        read_plan(bad)


def test_a_pdf_letter_without_a_plan_table_is_not_a_plan(tmp_path: Path) -> None:
    letter = text_pdf(tmp_path / "letter.pdf", ["Kinh gui: cac phong ban", "Noi dung thu moi hop"])
    with pytest.raises(NotAPlan, match="không có bảng kẻ ô nào"):
        read_plan(letter)


def test_page_count_ruling_lines_and_reading_time_limits_refuse_the_file(
    fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kscdesk.formats.pdf_plan_reader as reader

    monkeypatch.setattr(reader, "MAX_PDF_PAGES", 5)
    with pytest.raises(OversizedFile, match="13 trang"):
        read_pdf_plan_source(fixtures_dir / "city2023.pdf")
    monkeypatch.undo()
    monkeypatch.setattr(reader, "MAX_RULES_PER_PAGE", 10)
    with pytest.raises(OversizedFile, match="đường kẻ"):
        read_pdf_plan_source(fixtures_dir / "city2023.pdf")
    monkeypatch.undo()
    ticks = iter(range(1000))
    with pytest.raises(OversizedFile, match="quá lâu"):
        read_pdf_plan_source(
            fixtures_dir / "city2023.pdf", clock=lambda: float(next(ticks)), max_seconds=3
        )


def test_reading_reports_progress_page_by_page(fixtures_dir: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    read_pdf_plan_source(
        fixtures_dir / "city2023.pdf", progress=lambda d, t, what: seen.append((d, t, what))
    )
    assert [(d, t) for d, t, _ in seen] == [(i, 13) for i in range(13)]
    assert seen[-1][2] == "Đang đọc trang 13/13 của tệp PDF…"


def test_cancelling_stops_reading_pages(fixtures_dir: Path) -> None:
    from kscdesk.domain.work import Cancelled

    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        read_pdf_plan_source(fixtures_dir / "city2023.pdf", cancel=token)


def test_a_signed_pdf_reports_signer_time_and_integrity_and_still_imports(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    signed = sign_pdf(
        fixtures_dir / "city2023.pdf", tmp_path / "signed.pdf", "Nguyễn Văn An", "D:20230215083000"
    )
    content = read_plan(signed)
    assert len(content.tasks) == 35
    assert [w.message for w in content.warnings] == [
        "Tệp PDF có chữ ký số của “Nguyễn Văn An”, ký lúc 08:30 ngày 15/02/2023; "
        "tệp không bị thay đổi sau khi ký."
    ]


def test_a_pdf_changed_after_signing_is_reported_and_still_imports(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    signed = sign_pdf(fixtures_dir / "city2023.pdf", tmp_path / "s.pdf", "Trần Thị B", "D:2023")
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(signed.read_bytes() + b"\n1 0 obj\n<< >>\nendobj\n%%EOF\n")
    edited = tmp_path / "edited.pdf"
    data = bytearray(signed.read_bytes())
    at = data.index(b"Quang") if b"Quang" in data else 200
    data[at] = ord("X")  # a byte inside the signed range
    edited.write_bytes(bytes(data))
    for path in (appended, edited):
        (notice,) = signature_notices(path)
        assert "ĐÃ BỊ THAY ĐỔI sau khi ký" in notice.message and "Trần Thị B" in notice.message
    assert len(read_plan(appended).tasks) == 35
    assert signature_notices(fixtures_dir / "city2023.pdf") == []  # unsigned: nothing to say
