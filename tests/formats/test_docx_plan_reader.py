"""Reading plan tables out of .docx files: the shared fixture and hand-built layouts (issue 3)."""

import json
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from helpers.docx_builders import (
    LEFT,
    UP,
    Table,
    synonyms_blocks,
    two_row_header_blocks,
    ward_plan_blocks,
    write_docx,
)

from kscdesk.domain.model import Level
from kscdesk.formats.docx_plan_reader import read_docx_plan_source
from kscdesk.formats.errors import UnreadablePlanFile
from kscdesk.formats.legacy_encoding import TCVN3, encode_legacy
from kscdesk.formats.plan_json import content_to_json
from kscdesk.formats.plan_table import parse_plan, split_units


def parse_docx(path: Path):
    source = read_docx_plan_source(path)
    content = parse_plan(source.grids, source.preamble, path)
    content.warnings[:0] = source.warnings
    return content


def test_city_fixture_parses_to_its_answer_key(fixtures_dir: Path) -> None:
    truth = json.loads((fixtures_dir / "city2023.truth.json").read_text(encoding="utf-8"))
    got = content_to_json(parse_docx(fixtures_dir / "city2023.docx"))
    for key in ("issuer", "level", "year", "title", "columns", "sections"):
        assert got[key] == truth[key], key
    assert got["decision"] is None  # the decision number is left blank: "số      /QĐ-UBND"
    assert len(got["tasks"]) == len(truth["tasks"])
    for mine, expected in zip(got["tasks"], truth["tasks"], strict=True):
        expected = dict(expected)
        units_raw = expected.pop("units_raw")
        assert mine == expected
        assert split_units(units_raw) == (mine["lead"], mine["coordinating"])
    assert got["indicators"] == truth["indicators"]
    assert got["warnings"] == []


def test_merges_are_expanded_and_repeat_header_rows_flagged(fixtures_dir: Path) -> None:
    source = read_docx_plan_source(fixtures_dir / "city2023.docx")
    letterhead, plan = source.grids
    assert (letterhead.table_index, plan.table_index) == (1, 2)
    assert all(len(row) == 5 for row in plan.rows)
    section = plan.rows[1]
    assert section[1].text.startswith("Ban hành văn bản") and section[1].bold
    assert all(cell.merged_left and not cell.text for cell in section[2:])
    sub_b = plan.rows[3]
    assert sub_b[0].merged_up and sub_b[1].merged_up and not sub_b[2].merged_up
    assert plan.is_repeat_header[:2] == [True, False]
    assert plan.rows[2][3].text == (
        "- Văn phòng thành phố chủ trì.\n- Phòng, ban, đơn vị thành "
        "phố; UBND các xã, phường phối hợp."
    )


def test_preamble_holds_the_text_before_the_plan_table_only(fixtures_dir: Path) -> None:
    preamble = read_docx_plan_source(fixtures_dir / "city2023.docx").preamble
    assert "KẾ HOẠCH" in preamble
    assert preamble[0] == "ỦY BAN NHÂN DÂN"  # the letterhead table comes first
    assert not any(line.startswith("Xây dựng, ban hành") for line in preamble)


def test_ward_plan_with_letters_continued_rows_pasted_header_and_indicators(tmp_path: Path) -> None:
    content = parse_docx(write_docx(tmp_path / "ward.docx", ward_plan_blocks()))
    plan = content.plan
    assert (plan.issuer, plan.level, plan.year) == ("UBND phường Phổ Ninh", Level.COMMUNE, 2025)
    assert plan.decision is not None and plan.decision.number == "35/QĐ-UBND"
    assert plan.decision.date is not None and plan.decision.date.isoformat() == "2025-02-14"
    assert [(s.code, s.parent_code) for s in content.sections] == [
        ("A", None),
        ("B", None),
        ("C", None),
        ("I", "C"),
        ("II", "C"),
        ("D", None),
        ("Đ", None),
    ]
    continued = content.tasks[3]
    assert continued.content.endswith(
        "dịch vụ công trực tuyến một phần, toàn trình trên tổng số "
        "TTHC thuộc thẩm quyền giải quyết của tỉnh."
    )
    assert continued.output.endswith(
        "dịch vụ công trực tuyển tích hợp trên Cổng Dịch vụ công Quốc gia."
    )
    assert (continued.lead, continued.coordinating) == (
        "- Văn phòng – Thống kê;",
        "- Các ngành liên quan phối hợp.",
    )
    assert content.tasks[4].timeframe == "Theo lộ trình Kế hoạch"
    assert [t.number for t in content.tasks] == ["1", "2", "3", "4", "5", "6"]
    assert [(i.number, i.target_text) for i in content.indicators] == [
        ("1", "Tối thiểu 80"),
        ("2", "100"),
    ]
    assert content.warnings == []


def test_two_row_header_other_column_order_and_sub_item_rows(tmp_path: Path) -> None:
    content = parse_docx(write_docx(tmp_path / "two.docx", two_row_header_blocks()))
    assert content.plan.columns == (
        "TT",
        "Nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời hạn",
        "Sản phẩm",
    )
    assert (content.plan.issuer, content.plan.level) == ("UBND tỉnh Quảng Ngãi", Level.PROVINCE)
    assert (
        content.plan.title
        == "Hoạt động kiểm soát thủ tục hành chính năm 2024 trên địa bàn tỉnh Quảng Ngãi"
    )
    assert content.plan.decision is None
    labels = [(t.section_code, t.label) for t in content.tasks]
    assert labels == [("I", "1"), ("I", "2"), ("I", "2a"), ("I", "2b"), ("II", "1"), ("II", "3")]
    first = content.tasks[0]
    assert (first.output, first.lead, first.coordinating) == (
        "Văn bản thẩm định.",
        "Phòng Tư pháp",
        "Các phòng, ban soạn thảo văn bản",
    )
    assert [(w.table, w.row) for w in content.warnings] == [(1, 11)]


def test_synonyms_auto_bullets_wraps_split_table_and_legacy_text(tmp_path: Path) -> None:
    legacy = encode_legacy("Văn phòng thị xã chủ trì", TCVN3)
    content = parse_docx(write_docx(tmp_path / "syn.docx", synonyms_blocks(legacy)))
    first, _, third = content.tasks
    assert (
        first.content == "Thực hiện niêm yết, đăng tải công khai TTHC trên Trang "
        "thông tin điện tử sau khi được công bố."
    )
    assert first.output == "- Niêm yết tại trụ sở.\n- Đăng tải trên Trang thông tin điện tử."
    assert (first.lead, first.coordinating, first.timeframe) == (
        "Văn phòng thị xã",
        "UBND các xã, phường",
        "Thường xuyên",
    )
    assert (third.section_code, third.lead) == ("II", "Văn phòng thị xã chủ trì")
    assert [(w.table, "TCVN3" in w.message) for w in content.warnings] == [(2, True)]
    assert (content.plan.issuer, content.plan.level) == ("UBND thị xã Đức Phổ", Level.DISTRICT)


def test_a_table_nested_in_a_layout_cell_is_read_as_its_own_grid(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    inner = outer.cell(0, 0).add_table(rows=2, cols=3)
    for col, text in enumerate(["STT", "Nội dung công việc", "Thời hạn"]):
        inner.cell(0, col).text = text
    for col, text in enumerate(["1", "Rà soát.", "Quý I"]):
        inner.cell(1, col).text = text
    document.save(str(tmp_path / "nested.docx"))
    source = read_docx_plan_source(tmp_path / "nested.docx")
    assert [g.table_index for g in source.grids] == [1, 2]
    assert [c.text for c in source.grids[1].rows[1]] == ["1", "Rà soát.", "Quý I"]


def test_tracked_deletions_are_left_out_and_insertions_kept(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "x.docx", [Table([["STT", "Nội dung", "Thời hạn"], ["1", "Rà soát.", "Quý I"]])]
    )
    document = docx.Document(str(path))
    cell = document.tables[0].cell(1, 1)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    cell.paragraphs[0]._p.append(
        parse_xml(f'<w:del {ns} w:id="1" w:author="a"><w:r><w:delText>cũ</w:delText></w:r></w:del>')
    )
    cell.paragraphs[0]._p.append(
        parse_xml(
            f'<w:ins {ns} w:id="2" w:author="a"><w:r><w:t '
            f'xml:space="preserve"> mới</w:t></w:r></w:ins>'
        )
    )
    document.save(str(path))
    rows = read_docx_plan_source(path).grids[0].rows
    assert rows[1][1].text == "Rà soát. mới"


def test_merged_markers_of_the_builder_match_the_grid(tmp_path: Path) -> None:
    rows = [["STT", "Nội dung", "Thời hạn"], ["1", "Việc.", "Quý I"], [UP, "Tiếp.", LEFT]]
    grid = read_docx_plan_source(write_docx(tmp_path / "m.docx", [Table(rows)])).grids[0]
    assert [(c.merged_up, c.merged_left) for c in grid.rows[2]] == [
        (True, False),
        (False, False),
        (False, True),
    ]


def test_a_truncated_docx_is_unreadable(fixtures_dir: Path) -> None:
    with pytest.raises(UnreadablePlanFile, match=r"corrupt\.docx"):
        read_docx_plan_source(fixtures_dir / "corrupt.docx")
