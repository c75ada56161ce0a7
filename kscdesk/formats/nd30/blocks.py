"""Body blocks of an NĐ 30 document: paragraphs and ruled tables, written straight as XML.

python-docx's paragraph and cell API resolves styles by name and walks the table for every
cell; a report has hundreds of both, so they are built here as WordprocessingML directly.
"""

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu, Length
from docx.table import _Cell
from lxml import etree

from kscdesk.formats.nd30 import ooxml
from kscdesk.formats.nd30.spec import Cell, CellLike, Paragraph, Role, Table

_STYLE_IDS = {
    Role.BODY: "KscBody",
    Role.HEADING_1: "KscHeading1",
    Role.HEADING_2: "KscHeading2",
    Role.HEADING_3: "KscHeading3",
    Role.POINT: "KscBody",
    Role.CENTERED: "KscCentered",
    Role.NOTE: "KscNote",
}
TABLE_STYLE_ID = "KscTable"
TABLE_HEADER_STYLE_ID = "KscTableHeader"


def styled_p(style_id: str) -> BaseOxmlElement:
    """A bare <w:p> with its style set by id (python-docx's style lookup by object is slow)."""
    p = OxmlElement("w:p")
    p_pr = etree.SubElement(p, qn("w:pPr"))
    etree.SubElement(p_pr, qn("w:pStyle")).set(qn("w:val"), style_id)
    return p


def _add_run(p: BaseOxmlElement, text: str, *, bold: bool = False, italic: bool = False) -> None:
    r = etree.SubElement(p, qn("w:r"))
    if bold or italic:
        r_pr = etree.SubElement(r, qn("w:rPr"))
        if bold:
            etree.SubElement(r_pr, qn("w:b"))
        if italic:
            etree.SubElement(r_pr, qn("w:i"))
    if "\n" in text or "\t" in text:
        r.text = text  # python-docx's CT_R.text setter turns "\n" and "\t" into breaks and tabs
        return
    t = etree.SubElement(r, qn("w:t"))
    t.text = text
    if text != text.strip():
        t.set(qn("xml:space"), "preserve")


def add_paragraph(body: BaseOxmlElement, block: Paragraph) -> None:
    p = styled_p(_STYLE_IDS[block.role])
    if block.runs:
        for piece in block.runs:
            _add_run(p, piece.text, bold=piece.bold, italic=piece.italic)
    else:
        _add_run(p, block.text.upper() if block.role is Role.HEADING_1 else block.text)
    section = body.find(qn("w:sectPr"))
    if section is not None:
        section.addprevious(p)
    else:
        body.append(p)


def _cell_spec(cell: CellLike) -> Cell:
    return cell if isinstance(cell, Cell) else Cell(cell)


def _fill_cell(tc: BaseOxmlElement, cell: Cell, style_id: str) -> None:
    """Set a cell's text straight in the XML (python-docx's cell API is the slow part)."""
    old = tc.find(qn("w:p"))
    p = styled_p(style_id)
    align = cell.align
    if style_id == TABLE_HEADER_STYLE_ID and align == "left":
        align = "center"
    if align != "left":
        jc = etree.SubElement(p[0], qn("w:jc"))
        jc.set(qn("w:val"), "both" if align == "justify" else align)
    if cell.text:
        _add_run(p, cell.text, bold=cell.bold, italic=cell.italic)
    tc.replace(old, p)


def add_table(doc: DocxDocument, block: Table, text_width: Length) -> None:
    header_rows = list(block.header_rows)
    cols = len(block.widths)
    if block.number_row:
        header_rows.append(
            tuple(Cell(f"({n})", italic=True, align="center") for n in range(1, cols + 1))
        )
    all_rows = [*header_rows, *block.rows]
    table = doc.add_table(rows=len(all_rows), cols=cols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    ooxml.set_table_borders(table, visible=True)
    total = sum(block.widths)
    widths = [Emu(int(text_width * w / total)) for w in block.widths]
    ooxml.set_fixed_layout(table, widths)
    trs = table._tbl.tr_lst
    merges: list[tuple[int, int, int, int]] = []
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(all_rows):
        tcs = trs[r].tc_lst
        is_header = r < len(header_rows)
        if is_header:
            ooxml.mark_header_row(trs[r])
        c = 0
        for raw in row:
            while (r, c) in taken:
                c += 1
            if c >= cols:
                break
            cell = _cell_spec(raw)
            _fill_cell(tcs[c], cell, TABLE_HEADER_STYLE_ID if is_header else TABLE_STYLE_ID)
            if is_header:
                ooxml.set_vertical_center(tcs[c])
            span_c = min(cell.colspan, cols - c)
            span_r = min(cell.rowspan, len(all_rows) - r)
            for dr in range(span_r):
                for dc in range(span_c):
                    taken.add((r + dr, c + dc))
            if span_c > 1 or span_r > 1:
                merges.append((r, c, r + span_r - 1, c + span_c - 1))
            c += span_c
    # Right to left: a horizontal merge removes cells from its row, shifting those after it.
    for r0, c0, r1, c1 in sorted(merges, key=lambda m: -m[1]):
        if r0 == r1:
            ooxml.span_columns(trs[r0], c0, c1)
            continue
        first = _Cell(trs[r0].tc_lst[c0], table)
        first.merge(_Cell(trs[r1].tc_lst[c1], table))
