"""Body blocks of an NĐ 30 document: paragraphs and ruled tables, written straight as XML.

python-docx's paragraph and cell API resolves styles by name and walks the table for every
cell; a report has hundreds of both, so they are built here as WordprocessingML directly.
"""

from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu, Length
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


def _run_xml(text: str, bold: bool, italic: bool) -> str:
    """A run as WordprocessingML text: "\n" a line break and "\t" a tab, as Word types them."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    parts = []
    for n, line in enumerate(text.split("\n")):
        if n:
            parts.append("<w:br/>")
        for m, piece in enumerate(line.split("\t")):
            if m:
                parts.append("<w:tab/>")
            if piece:
                space = ' xml:space="preserve"' if piece != piece.strip() else ""
                parts.append(f"<w:t{space}>{escape(piece)}</w:t>")
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{''.join(parts)}</w:r>"


def _cell_xml(cell: Cell | None, width: int, span: int, v_merge: str, header: bool) -> str:
    """One <w:tc>: its width, spans and vertical alignment, and one styled paragraph; ``cell``
    is None for a cell covered by a vertical merge from above."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if v_merge:
        props += f'<w:vMerge w:val="{v_merge}"/>' if v_merge == "restart" else "<w:vMerge/>"
    if header and cell is not None:
        props += '<w:vAlign w:val="center"/>'
    if cell is None:
        return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p/></w:tc>"
    style_id = TABLE_HEADER_STYLE_ID if header else TABLE_STYLE_ID
    align = "center" if header and cell.align == "left" else cell.align
    jc = "" if align == "left" else f'<w:jc w:val="{"both" if align == "justify" else align}"/>'
    run = _run_xml(cell.text, cell.bold, cell.italic) if cell.text else ""
    return (
        f'<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style_id}"/>{jc}</w:pPr>'
        f"{run}</w:p></w:tc>"
    )


def _rows_xml(rows: list[tuple[CellLike, ...]], header_count: int, widths: list[int]) -> str:
    """Every row of the table as one XML string (one parse for the whole table is far faster
    than building thousands of cells element by element)."""
    cols = len(widths)
    # (row, column) → (rows still covered below, column span) of a cell merged downwards
    covered: dict[tuple[int, int], int] = {}
    parts: list[str] = []
    for r, row in enumerate(rows):
        header = r < header_count
        parts.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:tr>")
        cells = iter(row)
        c = 0
        while c < cols:
            if (r, c) in covered:
                span = covered[(r, c)]
                parts.append(_cell_xml(None, sum(widths[c : c + span]), span, "continue", header))
                c += span
                continue
            raw = next(cells, None)
            if raw is None:  # a short row: the rest stays empty
                parts.append(_cell_xml(Cell(""), widths[c], 1, "", header))
                c += 1
                continue
            cell = _cell_spec(raw)
            span = max(1, min(cell.colspan, cols - c))
            down = max(1, min(cell.rowspan, len(rows) - r))
            for below in range(r + 1, r + down):
                covered[(below, c)] = span
            width = sum(widths[c : c + span])
            parts.append(_cell_xml(cell, width, span, "restart" if down > 1 else "", header))
            c += span
        parts.append("</w:tr>")
    return "".join(parts)


def add_table(doc: DocxDocument, block: Table, text_width: Length) -> None:
    header_rows = list(block.header_rows)
    cols = len(block.widths)
    if block.number_row:
        header_rows.append(
            tuple(Cell(f"({n})", italic=True, align="center") for n in range(1, cols + 1))
        )
    all_rows = [*header_rows, *block.rows]
    table = doc.add_table(rows=0, cols=cols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    ooxml.set_table_borders(table, visible=True)
    total = sum(block.widths)
    widths = [Emu(int(text_width * w / total)) for w in block.widths]
    ooxml.set_fixed_layout(table, widths)
    twips = [int(w.twips) for w in widths]
    rows_xml = _rows_xml(all_rows, len(header_rows), twips)
    parsed = parse_xml(f"<w:tbl {nsdecls('w')}>{rows_xml}</w:tbl>")
    table._tbl.extend(list(parsed))
