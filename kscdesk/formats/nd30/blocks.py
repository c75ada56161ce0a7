"""Body blocks of an NĐ 30 document: paragraphs and ruled tables, written straight as XML.

python-docx's paragraph and cell API resolves styles by name and walks the table for every
cell; a report has hundreds of both, so they are built here as WordprocessingML directly.
"""

from collections.abc import Callable
from functools import lru_cache
from typing import cast
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


_RUN_PROPS = {
    (False, False): "",
    (True, False): "<w:rPr><w:b/></w:rPr>",
    (False, True): "<w:rPr><w:i/></w:rPr>",
    (True, True): "<w:rPr><w:b/><w:i/></w:rPr>",
}
_HEADER_ROW = "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
_CELL_END = "</w:p></w:tc>"
# What XML cannot carry as text, or carries differently once parsed (a CR becomes a LF).
_CONTROL = bytes([*range(0x09), *range(0x0B, 0x20)])
_NON_CHARACTERS = ("\ufffe", "\uffff")
ROWS_MARK = "ksc-rows-"  # a table's rows stand as <!--ksc-rows-N--> until the package is written


def _run_xml(text: str, bold: bool, italic: bool) -> str:
    """A run as WordprocessingML text: "\n" a line break and "\t" a tab, as Word types them."""
    if "\n" not in text and "\t" not in text:
        space = ' xml:space="preserve"' if text != text.strip() else ""
        return f"<w:r>{_RUN_PROPS[bold, italic]}<w:t{space}>{escape(text)}</w:t></w:r>"
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
    return f"<w:r>{_RUN_PROPS[bold, italic]}{''.join(parts)}</w:r>"


@lru_cache(maxsize=512)
def _cell_start(width: int, span: int, v_merge: bool, header: bool, align: str) -> str:
    """A <w:tc> up to its paragraph's content: width, spans, vertical alignment and the
    paragraph's style and alignment (a few hundred distinct ones per document)."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if v_merge:
        props += '<w:vMerge w:val="restart"/>'
    if header:
        props += '<w:vAlign w:val="center"/>'
    style_id = TABLE_HEADER_STYLE_ID if header else TABLE_STYLE_ID
    jc = "" if align == "left" else f'<w:jc w:val="{"both" if align == "justify" else align}"/>'
    return f'<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style_id}"/>{jc}</w:pPr>'


def _covered_xml(width: int, span: int) -> str:
    """The <w:tc> of a cell covered by a vertical merge from above."""
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}<w:vMerge/></w:tcPr>'
        "<w:p/></w:tc>"
    )


def _rows_xml(
    rows: list[tuple[CellLike, ...]],
    header_count: int,
    widths: list[int],
    align: tuple[str, ...] = (),
    strong: frozenset[int] = frozenset(),
) -> str:
    """Every row of the table as one XML string (far faster than building thousands of cells
    element by element). A plain-text cell of the body takes its column's alignment in
    ``align`` and is bold in the body rows ``strong`` (counted from 0)."""
    cols = len(widths)
    columns = [align[c] if c < len(align) else "left" for c in range(cols)]
    # A body cell of plain text, and a cell a short row leaves out, up to their content.
    plain = [_cell_start(widths[c], 1, False, False, columns[c]) for c in range(cols)]
    missing = [_cell_start(widths[c], 1, False, False, "left") + _CELL_END for c in range(cols)]
    # (row, column) → column span of a cell merged downwards from a row above
    covered: dict[tuple[int, int], int] = {}
    parts: list[str] = []
    add = parts.append
    for r, row in enumerate(rows):
        header = r < header_count
        strong_row = not header and (r - header_count) in strong
        if not header and not covered and len(row) <= cols and {*map(type, row)} == _PLAIN:
            add("<w:tr>")
            _plain_cells(add, cast(tuple[str, ...], row), plain, strong_row)
            parts.extend(missing[len(row) :])
            add("</w:tr>")
            continue
        add(_HEADER_ROW if header else "<w:tr>")
        cells = iter(row)
        c = 0
        while c < cols:
            if covered and (r, c) in covered:
                span = covered[(r, c)]
                add(_covered_xml(sum(widths[c : c + span]), span))
                c += span
                continue
            raw = next(cells, None)
            span = down = 1
            if raw is None:  # a short row: the rest stays empty
                text, bold, italic, cell_align = "", False, False, "left"
            elif type(raw) is str:
                text, bold, italic = raw, strong_row, False
                cell_align = "left" if header else columns[c]
            else:
                cell = _cell_spec(raw)
                text, bold, italic, cell_align = cell.text, cell.bold, cell.italic, cell.align
                span = max(1, min(cell.colspan, cols - c))
                down = max(1, min(cell.rowspan, len(rows) - r))
                for below in range(r + 1, r + down):
                    covered[(below, c)] = span
            if header and cell_align == "left":
                cell_align = "center"
            width = widths[c] if span == 1 else sum(widths[c : c + span])
            add(_cell_start(width, span, down > 1, header, cell_align))
            if text:
                add(_run_xml(text, bold, italic))
            add(_CELL_END)
            c += span
        add("</w:tr>")
    return "".join(parts)


_PLAIN = {str}


def _plain_cells(
    add: Callable[[str], None], row: tuple[str, ...], starts: list[str], bold: bool
) -> None:
    """The cells of a body row of plain text (the bulk of a report's tables), as the general
    way in `_rows_xml` writes them: each cell's start is its column's."""
    props = _RUN_PROPS[bold, False]
    joined = "".join(row)
    if not (  # the usual row: one piece of text a cell, nothing to escape
        "\n" in joined or "\t" in joined or "&" in joined or "<" in joined or ">" in joined
    ):
        run = f"<w:r>{props}<w:t"
        add(
            "".join(
                [
                    f"{start}{run}{_PRESERVE if text != text.strip() else ''}>{text}{_RUN_END}"
                    if text
                    else start + _CELL_END
                    for start, text in zip(starts, row, strict=False)
                ]
            )
        )
        return
    for start, text in zip(starts, row, strict=False):
        if not text:
            add(start + _CELL_END)
        elif "\n" in text or "\t" in text:
            add(f"{start}{_run_xml(text, bold, False)}{_CELL_END}")
        else:  # _run_xml's common case, inline: one piece of text
            space = _PRESERVE if text != text.strip() else ""
            if "&" in text or "<" in text or ">" in text:
                text = escape(text)
            add(f"{start}<w:r>{props}<w:t{space}>{text}</w:t></w:r>{_CELL_END}")


_PRESERVE = ' xml:space="preserve"'
_RUN_END = "</w:t></w:r></w:p></w:tc>"


def _cell_spec(cell: CellLike) -> Cell:
    return cell if isinstance(cell, Cell) else Cell(cell)


def _verbatim(rows_xml: str) -> bytes | None:
    """The rows as UTF-8 when they can go into the document as they are, else None."""
    if any(character in rows_xml for character in _NON_CHARACTERS):
        return None
    try:
        data = rows_xml.encode()
    except UnicodeEncodeError:  # a lone surrogate: refused by the parser as before
        return None
    return data if len(data.translate(None, _CONTROL)) == len(data) else None


def add_table(
    doc: DocxDocument, block: Table, text_width: Length, pending: list[bytes] | None = None
) -> None:
    """Append the table. With ``pending``, its rows are kept there as XML text and the table
    holds a mark in their place, for the package writer to put them in: the biggest part of a
    report is then neither parsed nor serialised again."""
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
    rows_xml = _rows_xml(all_rows, len(header_rows), twips, block.align, block.strong_rows)
    data = _verbatim(rows_xml) if pending is not None else None
    if pending is not None and data is not None:
        table._tbl.append(etree.Comment(f"{ROWS_MARK}{len(pending)}"))
        pending.append(data)
        return
    parsed = parse_xml(f"<w:tbl {nsdecls('w')}>{rows_xml}</w:tbl>")
    table._tbl.extend(list(parsed))
