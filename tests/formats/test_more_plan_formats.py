"""Older and open formats officers still receive (issue 13): .xls read with xlrd, .odt and .ods
read from their XML, all to the same answer key as the Word file; unreadable ones refused."""

import contextlib
import json
import zipfile
from pathlib import Path

import pytest

from kscdesk.formats.errors import (
    PasswordProtectedFile,
    PlanFileError,
    UnreadablePlanFile,
    UnsafeFile,
    UnsupportedFileType,
)
from kscdesk.formats.odf_plan_reader import read_ods_document, read_odt_document
from kscdesk.formats.plan_json import content_to_json
from kscdesk.formats.plan_reader import read_plan
from kscdesk.formats.xls_plan_reader import read_xls_document


@pytest.mark.parametrize("suffix", [".xls", ".odt", ".ods"])
def test_city_fixture_saved_by_libreoffice_imports_field_for_field(
    fixtures_dir: Path, suffix: str
) -> None:
    truth = json.loads((fixtures_dir / "city2023.truth.json").read_text(encoding="utf-8"))
    got = content_to_json(read_plan(fixtures_dir / f"city2023{suffix}"))
    for key in ("issuer", "level", "year", "title", "columns", "sections", "indicators"):
        assert got[key] == truth[key], key
    expected = [{k: v for k, v in t.items() if k != "units_raw"} for t in truth["tasks"]]
    assert got["tasks"] == expected
    assert got["warnings"] == []


def test_xls_cells_keep_merges_and_whole_numbers(fixtures_dir: Path) -> None:
    document = read_xls_document(fixtures_dir / "city2023.xls")
    (grid,) = document.grids
    assert [c.text for c in grid.rows[0]][:2] == ["STT", "Nội dung công việc"]
    section, task_1a, task_1b = grid.rows[1:4]
    assert section[0].text == "I" and all(c.merged_left for c in section[2:])
    assert task_1a[0].text == "1"  # stored as 1.0 by Excel
    assert task_1b[0].merged_up and task_1b[1].merged_up
    assert "KẾ HOẠCH" in document.preamble


def test_ods_and_odt_expand_spans_and_flag_repeated_header_rows(fixtures_dir: Path) -> None:
    sheet = read_ods_document(fixtures_dir / "city2023.ods").grids[0]
    assert sheet.rows[2][0].text == "1" and sheet.rows[3][0].merged_up
    text = read_odt_document(fixtures_dir / "city2023.odt")
    _letterhead, plan = text.grids
    assert plan.is_repeat_header[0] and not plan.is_repeat_header[1]
    assert plan.rows[1][1].bold and plan.rows[1][2].merged_left
    assert text.preamble[0] == "ỦY BAN NHÂN DÂN"
    assert "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký." in text.body


def test_a_truncated_odt_and_a_non_ods_are_refused_with_advice(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    data = (fixtures_dir / "city2023.odt").read_bytes()
    cut = tmp_path / "cut.odt"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadablePlanFile, match="LibreOffice"):
        read_plan(cut)
    fake = tmp_path / "fake.ods"
    fake.write_bytes(b"not a zip at all")
    with pytest.raises(UnreadablePlanFile, match=r"lưu thành \.docx hoặc \.xlsx"):
        read_plan(fake)


def _odf(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_an_encrypted_odf_and_one_declaring_entities_are_refused(tmp_path: Path) -> None:
    manifest = (
        b'<manifest:manifest xmlns:manifest="m"><manifest:encryption-data/></manifest:manifest>'
    )
    locked = _odf(
        tmp_path / "locked.odt",
        {"content.xml": b"\x8a\x01binary", "META-INF/manifest.xml": manifest},
    )
    with pytest.raises(PasswordProtectedFile):
        read_plan(locked)
    bomb = _odf(
        tmp_path / "bomb.ods",
        {"content.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'},
    )
    with pytest.raises(UnsafeFile):
        read_plan(bomb)


def test_a_damaged_xls_and_an_xlsx_named_xls_are_refused(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    data = (fixtures_dir / "city2023.xls").read_bytes()
    cut = tmp_path / "cut.xls"
    cut.write_bytes(data[:3000])
    with pytest.raises(UnreadablePlanFile, match="Save As"):
        read_plan(cut)
    renamed = tmp_path / "renamed.xls"
    renamed.write_bytes((fixtures_dir / "city2023.xlsx").read_bytes())
    with pytest.raises(UnreadablePlanFile, match="đổi đuôi"):
        read_plan(renamed)


def test_other_file_types_are_still_refused_naming_what_is_accepted(tmp_path: Path) -> None:
    other = tmp_path / "plan.rtf"
    other.write_text("{\\rtf1}", encoding="ascii")
    with pytest.raises(UnsupportedFileType) as refused:
        read_plan(other)
    assert ".odt" in str(refused.value) and "PDF" in str(refused.value)
    assert isinstance(refused.value, PlanFileError)


def test_a_crafted_odt_table_with_a_huge_span_is_refused_before_expanding(tmp_path: Path) -> None:
    content = (
        b'<?xml version="1.0"?><office:document-content '
        b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        + b"<table:table><table:table-row>"
        + b'<table:table-cell table:number-rows-spanned="999999" '
        b'table:number-columns-spanned="999999"><text:p>STT</text:p></table:table-cell>'
        * 3
        + b"</table:table-row></table:table></office:text></office:body></office:document-content>"
    )
    crafted = _odf(tmp_path / "crafted.odt", {"content.xml": content})
    with pytest.raises(UnsafeFile):
        read_plan(crafted)


def test_odt_list_bullets_and_letters_are_written_out(tmp_path: Path) -> None:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    content = (
        '<?xml version="1.0"?><office:document-content ' + ns + "><office:automatic-styles>"
        '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" '
        'text:bullet-char="•"/></text:list-style>'
        '<text:list-style style:name="L2"><text:list-level-style-number text:level="1" '
        'style:num-format="a" style:num-suffix=")"/></text:list-style>'
        "</office:automatic-styles><office:body><office:text>"
        '<text:list text:style-name="L1"><text:list-item><text:p>Văn phòng chủ trì.</text:p>'
        "</text:list-item></text:list>"
        '<text:list text:style-name="L2"><text:list-item><text:p>Một</text:p></text:list-item>'
        "<text:list-item><text:p>Hai</text:p></text:list-item></text:list>"
        "</office:text></office:body></office:document-content>"
    )
    document = read_odt_document(
        _odf(tmp_path / "lists.odt", {"content.xml": content.encode("utf-8")})
    )
    assert document.body == ["- Văn phòng chủ trì.", "a) Một", "b) Hai"]


@pytest.mark.parametrize("name", ["city2023.odt", "city2023.ods", "city2023.xls"])
def test_damaged_copies_are_read_or_refused_never_crash(
    fixtures_dir: Path, tmp_path: Path, name: str
) -> None:
    import random

    data = (fixtures_dir / name).read_bytes()
    rng = random.Random(11)
    for attempt in range(12):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 10)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path = tmp_path / f"{attempt}{Path(name).suffix}"
        path.write_bytes(bytes(damaged))
        with contextlib.suppress(PlanFileError):
            read_plan(path)


def test_an_odf_whose_member_name_is_not_utf8_is_refused(tmp_path: Path) -> None:
    good = _odf(tmp_path / "good.ods", {"content.xml": b"<x/>", "\u00f1b.xml": b"<y/>"})
    broken = tmp_path / "broken.ods"
    broken.write_bytes(good.read_bytes().replace("\u00f1".encode(), b"\x84\x84"))
    with pytest.raises(UnreadablePlanFile):
        read_plan(broken)
