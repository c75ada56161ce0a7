"""Low-level WordprocessingML the python-docx API does not offer: borders, fields, table flags."""

from collections.abc import Sequence
from typing import cast

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph


def _child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return cast(BaseOxmlElement, found)


def set_bottom_rule(paragraph: DocxParagraph, size_eighths: int = 6) -> None:
    """Draw a single line under the paragraph (a border, never underscores)."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size_eighths))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)
    # pBdr must come before spacing/ind/jc in CT_PPr's sequence.
    anchor = None
    for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
        anchor = p_pr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        p_pr.append(borders)


def set_table_borders(table: DocxTable, *, visible: bool) -> None:
    """All borders of the table single black lines, or none at all."""
    tbl_pr = table._tbl.tblPr
    existing = tbl_pr.find(qn("w:tblBorders"))
    if existing is not None:
        tbl_pr.remove(existing)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single" if visible else "nil")
        if visible:
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    layout = tbl_pr.find(qn("w:tblLayout"))
    if layout is not None:
        layout.addprevious(borders)
    else:
        tbl_pr.append(borders)


def set_fixed_layout(table: DocxTable, widths: Sequence[Length]) -> None:
    """Fixed column widths (Word otherwise re-fits columns to their text)."""
    tbl_pr = table._tbl.tblPr
    layout = _child(tbl_pr, "w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=False):
        col.set(qn("w:w"), str(int(width.twips)))


def set_cell_width(tc: BaseOxmlElement, width: Length) -> None:
    tc_pr = tc.get_or_add_tcPr()
    tc_w = _child(tc_pr, "w:tcW")
    tc_w.set(qn("w:w"), str(int(width.twips)))
    tc_w.set(qn("w:type"), "dxa")


def set_vertical_center(tc: BaseOxmlElement) -> None:
    v_align = _child(tc.get_or_add_tcPr(), "w:vAlign")
    v_align.set(qn("w:val"), "center")


def span_columns(tr: BaseOxmlElement, first: int, last: int) -> None:
    """Merge the cells ``first``…``last`` of a row into one (gridSpan), keeping the first's text."""
    cells = tr.tc_lst
    keep = cells[first]
    span = last - first + 1
    width = 0
    for tc in cells[first : last + 1]:
        tc_w = tc.tcPr.find(qn("w:tcW")) if tc.tcPr is not None else None
        width += int(tc_w.get(qn("w:w"), "0")) if tc_w is not None else 0
    for tc in cells[first + 1 : last + 1]:
        tr.remove(tc)
    tc_pr = keep.get_or_add_tcPr()
    if width:
        tc_w = _child(tc_pr, "w:tcW")
        tc_w.set(qn("w:w"), str(width))
        tc_w.set(qn("w:type"), "dxa")
    grid_span = OxmlElement("w:gridSpan")
    grid_span.set(qn("w:val"), str(span))
    tc_w = tc_pr.find(qn("w:tcW"))
    if tc_w is not None:
        tc_w.addnext(grid_span)
    else:
        tc_pr.insert(0, grid_span)


def keep_row_whole(row_tr: BaseOxmlElement) -> None:
    """Never split the row across two pages (it moves to the next page whole)."""
    row_tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def mark_header_row(row_tr: BaseOxmlElement) -> None:
    """Repeat the row at the top of every page the table runs onto; never split it."""
    tr_pr = row_tr.get_or_add_trPr()
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def add_page_field(paragraph: DocxParagraph) -> None:
    """A PAGE field (the page number) at the end of the paragraph."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    text = OxmlElement("w:t")
    text.text = "2"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(separate)
    run._r.append(text)
    run._r.append(end)


def set_run_fonts(r_pr_parent: BaseOxmlElement, font: str) -> None:
    """The font for Latin, complex-script and East-Asian text alike (Vietnamese uses several)."""
    r_pr = r_pr_parent.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
