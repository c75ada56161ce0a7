"""Section rows of a plan table (kscdesk/formats/plan_sections.py)."""

from kscdesk.formats.plan_sections import SectionRow, SectionTrail, read_section_row


def _row(texts: list[str], *, bold: bool = False, spans: bool = False) -> SectionRow:
    own = list(texts)
    return SectionRow(texts, own, [bold] * len(texts), spans, number_col=0, content_col=1)


def test_phan_i_in_the_number_cell_opens_section_i() -> None:
    trail = SectionTrail()
    assert read_section_row(_row(["Phần I", "Ban hành văn bản", "", ""]), trail)
    assert [(s.code, s.title) for s in trail.sections] == [("I", "Ban hành văn bản")]


def test_a_bold_title_merged_across_without_code_gets_the_next_roman_numeral() -> None:
    trail = SectionTrail()
    read_section_row(_row(["I", "Ban hành văn bản", "", ""]), trail)
    title = _row(["Kiểm soát việc ban hành quy định TTHC", "", "", ""], bold=True, spans=True)
    assert read_section_row(title, trail)
    assert trail.sections[-1].code == "II"
    assert trail.section == "II"


def test_a_plain_continued_row_is_not_a_section() -> None:
    trail = SectionTrail()
    assert not read_section_row(_row(["", "công trực tuyến toàn trình.", "", ""]), trail)
    assert not read_section_row(_row(["Ghi chú: bản sao", "", "", ""], spans=True), trail)
    assert trail.sections == []
