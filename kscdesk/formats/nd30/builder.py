"""Turn a `DocumentSpec` into a Word document laid out per NĐ 30/2020/NĐ-CP, Phụ lục I.

A4 portrait, Times New Roman; a borderless header table with drawn rules; kind and summary
centred bold with a short rule; justified body paragraphs with a first-line indent; ruled
tables whose header rows repeat; the closing table (Nơi nhận / signer); page numbers centred
in the top margin from page 2; each appendix in its own (landscape) section.
"""

import copy
from pathlib import Path
from typing import cast
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section as DocxSection
from docx.shared import Cm, Emu, Length, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from kscdesk.formats.atomic_write import write_atomically
from kscdesk.formats.nd30 import ooxml
from kscdesk.formats.nd30.blocks import (
    TABLE_HEADER_STYLE_ID,
    TABLE_STYLE_ID,
    add_paragraph,
    add_table,
)
from kscdesk.formats.nd30.package_writer import write_package
from kscdesk.formats.nd30.spec import (
    Appendix,
    Block,
    Closing,
    DocumentSpec,
    Header,
    Table,
)

A4_WIDTH = Mm(210)
A4_HEIGHT = Mm(297)
FIRST_LINE_INDENT = Cm(1.27)
HEADER_SPLIT = 0.37  # the header and closing tables' left column, as a share of the text width
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
SIGN_SPACE_LINES = 4  # empty lines between the signer's title and name

RULE_STYLE_ID = "KscRule"


def _text_width(spec: DocumentSpec, landscape: bool = False) -> Length:
    page = A4_HEIGHT if landscape else A4_WIDTH
    return Length(page - Mm(spec.margins.left) - Mm(spec.margins.right))


def _add_style(  # noqa: PLR0913 - a paragraph style's own properties
    doc: DocxDocument,
    style_id: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: str = "justify",
    indent: Length | None = None,
    after: float = 0,
    spacing: float = 1.0,
) -> ParagraphStyle:
    # Written as XML: python-docx's add_style searches every style for the name each time.
    jc = {"left": "left", "center": "center", "right": "right", "justify": "both"}[align]
    indent_xml = f'<w:ind w:firstLine="{int(indent.twips)}"/>' if indent else ""
    xml = (
        f'<w:style {nsdecls("w")} w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{style_id}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
        f'<w:pPr><w:widowControl/><w:spacing w:before="0" w:after="{int(after * 20)}" '
        f'w:line="{round(spacing * 240)}" w:lineRule="auto"/>{indent_xml}<w:jc w:val="{jc}"/>'
        f"</w:pPr><w:rPr>{'<w:b/>' if bold else ''}{'<w:i/>' if italic else ''}"
        f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/></w:rPr></w:style>'
    )
    element = parse_xml(xml)
    doc.styles.element.append(element)
    return cast(ParagraphStyle, doc.styles[style_id])


def _prepare_styles(doc: DocxDocument, spec: DocumentSpec) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = spec.font
    ooxml.set_run_fonts(normal.element, spec.font)
    normal.font.size = Pt(spec.body_size)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    size = spec.body_size
    _add_style(doc, "KscBody", size, indent=FIRST_LINE_INDENT, after=6, spacing=1.15)
    _add_style(doc, "KscHeading1", size, bold=True, indent=FIRST_LINE_INDENT, after=6)
    _add_style(doc, "KscHeading2", size, bold=True, indent=FIRST_LINE_INDENT, after=6)
    _add_style(doc, "KscHeading3", size, bold=True, italic=True, indent=FIRST_LINE_INDENT, after=6)
    _add_style(doc, "KscNote", size, italic=True, indent=FIRST_LINE_INDENT, after=6)
    _add_style(doc, "KscCentered", size, bold=True, align="center", after=6)
    _add_style(doc, TABLE_STYLE_ID, 12, align="left")
    _add_style(doc, TABLE_HEADER_STYLE_ID, 12, bold=True, align="center")
    rule = _add_style(doc, RULE_STYLE_ID, 2, align="center")
    rule.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    rule.paragraph_format.line_spacing = Pt(2)
    rule.paragraph_format.space_before = Pt(2)  # the line sits a little below the text


def _set_page(section: DocxSection, spec: DocumentSpec, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = A4_HEIGHT if landscape else A4_WIDTH
    section.page_height = A4_WIDTH if landscape else A4_HEIGHT
    section.top_margin = Mm(spec.margins.top)
    section.bottom_margin = Mm(spec.margins.bottom)
    section.left_margin = Mm(spec.margins.left)
    section.right_margin = Mm(spec.margins.right)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def _line(  # noqa: PLR0913 - one formatted line: its text and every property NĐ 30 fixes
    container: _Cell | DocxDocument,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: str = "center",
    after: float = 0,
) -> DocxParagraph:
    """A paragraph with direct formatting (header and closing lines are read back exactly).

    Written as XML (python-docx's formatting setters are slow); the paragraph mark takes the
    line's size too, so an empty line is as tall as its size says.
    """
    half_points = round(size * 2)
    weight = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    marks = f'{weight}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
    jc = "both" if align == "justify" else align
    p = parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:before="0" w:after="{round(after * 20)}"/>'
        f'<w:ind w:firstLine="0"/><w:jc w:val="{jc}"/><w:rPr>{marks}</w:rPr></w:pPr>'
        f'<w:r><w:rPr>{marks}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
    )
    if isinstance(container, _Cell):
        container._tc.append(p)
        return DocxParagraph(p, container)
    body = container.element.body
    section = body.find(qn("w:sectPr"))
    if section is not None:
        section.addprevious(p)
    else:
        body.append(p)
    return DocxParagraph(p, container._body)


def _rule(container: _Cell | DocxDocument, width: Length, available: Length) -> DocxParagraph:
    """A short centred line drawn as the bottom border of an empty, indented paragraph."""
    paragraph = container.add_paragraph()
    paragraph._p.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), RULE_STYLE_ID)
    side = Emu(max(0, (available - width) // 2))
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    ooxml.set_bottom_rule(paragraph)
    return paragraph


def _estimate_width(text: str, size: float, bold: bool = False) -> Length:
    """The printed width of a line of Times New Roman, near enough to size a rule under it."""
    em = 0.50 if bold else 0.47
    return Pt(len(text) * size * em)


def _two_columns(doc: DocxDocument, spec: DocumentSpec) -> tuple[DocxTable, Length, Length]:
    width = _text_width(spec)
    left = Emu(int(width * HEADER_SPLIT))
    right = Emu(width - left)
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    ooxml.set_table_borders(table, visible=False)
    ooxml.set_fixed_layout(table, [left, right])
    for cell, cell_width in zip(table.rows[0].cells, (left, right), strict=True):
        ooxml.set_cell_width(cell._tc, cell_width)
        cell._tc.remove(cell.paragraphs[0]._p)
    return table, left, right


def _add_header(doc: DocxDocument, spec: DocumentSpec) -> None:
    header: Header = spec.header
    table, left_width, right_width = _two_columns(doc, spec)
    left, right = table.rows[0].cells
    size = spec.header_size
    for line in header.parent_agency:
        _line(left, line.upper(), size)
    for line in header.issuing_agency:
        _line(left, line.upper(), size, bold=True)
    longest = max((len(line) for line in header.issuing_agency), default=10)
    agency_width = _estimate_width("X" * longest, size, bold=True)
    _rule(left, Emu(int(agency_width * 0.4)), left_width)
    _line(left, "", 6)
    _line(left, header.number_line, 13)
    _line(right, MOTTO[0], size, bold=True)
    _line(right, MOTTO[1], 14, bold=True)
    _rule(right, _estimate_width(MOTTO[1], 14, bold=True), right_width)
    _line(right, "", 6)
    _line(right, header.date_line, 14, italic=True)


def _add_title(doc: DocxDocument, spec: DocumentSpec) -> None:
    size = spec.body_size
    kind = _line(doc, spec.kind.upper(), size, bold=True)
    kind.paragraph_format.space_before = Pt(18)
    for line in spec.summary:
        _line(doc, line, size, bold=True)
    _rule(doc, Cm(3.5), _text_width(spec))
    _line(doc, "", size, after=6)


def _add_blocks(
    doc: DocxDocument,
    blocks: tuple[Block, ...],
    text_width: Length,
    pending: list[bytes] | None,
) -> None:
    for block in blocks:
        if isinstance(block, Table):
            add_table(doc, block, text_width, pending)
            _line(doc, "", 6)
        else:
            add_paragraph(doc.element.body, block)


def _add_closing(doc: DocxDocument, spec: DocumentSpec, closing: Closing) -> None:
    # The last body paragraph goes to the next page with the signature, never apart from it.
    last = doc.paragraphs[-1] if doc.paragraphs else None
    if last is not None:
        last.paragraph_format.keep_with_next = True
    _line(doc, "", spec.body_size).paragraph_format.keep_with_next = True
    table, _, _ = _two_columns(doc, spec)
    # Nơi nhận and the signature stay on one page ("- Lưu: VT." alone on the next is wrong).
    ooxml.keep_row_whole(table.rows[0]._tr)
    left, right = table.rows[0].cells
    _line(left, "Nơi nhận:", 12, bold=True, italic=True, align="left")
    for recipient in closing.recipients:
        _line(left, recipient, 11, align="left")
    size = spec.body_size
    if closing.authority:  # a chairman signing in his own name has no "TM."/"KT." line
        _line(right, closing.authority.upper(), size, bold=True)
    _line(right, closing.title.upper(), size, bold=True)
    for _ in range(SIGN_SPACE_LINES):
        _line(right, "", size)
    _line(right, closing.signer_name, size, bold=True)


def _add_page_numbers(section: DocxSection, size: float) -> None:
    """Page numbers centred in the top margin; none on the first page (NĐ 30)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ooxml.add_page_field(paragraph)
    for run in paragraph.runs:
        run.font.size = Pt(size)


def _add_appendix(
    doc: DocxDocument, spec: DocumentSpec, appendix: Appendix, pending: list[bytes] | None
) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _set_page(section, spec, appendix.landscape)
    section.different_first_page_header_footer = False
    _line(doc, appendix.label, 14, bold=True)
    _line(doc, appendix.title.upper(), 14, bold=True)
    _line(doc, appendix.attached_to, 14, italic=True)
    _rule(doc, Cm(3.5), _text_width(spec, appendix.landscape))
    _line(doc, "", 6)
    _add_blocks(doc, appendix.blocks, _text_width(spec, appendix.landscape), pending)


# Blank documents with the NĐ 30 styles, one per (font, body size), and their styles part as
# written: each new document is a deep copy (python-docx parses its whole template, 350 kB of
# styles, for every Document()), and the styles, never changed after `_prepare_styles`, are
# not serialised again.
_BLANKS: dict[tuple[str, float], tuple[DocxDocument, bytes]] = {}


def _new_blank(spec: DocumentSpec) -> DocxDocument:
    """python-docx's template without its paragraph, with the styles of ``spec``."""
    doc = Document()
    body = doc.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    _prepare_styles(doc, spec)
    return doc


def _blank(spec: DocumentSpec) -> tuple[DocxDocument, bytes]:
    """`_new_blank` (it depends only on the font and body size) and its styles part's XML."""
    key = (spec.font, spec.body_size)
    blank = _BLANKS.get(key)
    if blank is None:
        doc = _new_blank(spec)
        blank = _BLANKS[key] = (doc, serialize_part_xml(doc.styles.element))
    return blank


def _blank_document(spec: DocumentSpec, share_styles: bool = False) -> DocxDocument:
    """A copy of the blank document; the cached original is never changed, only copied. With
    ``share_styles`` the copy's styles part holds the blank's own styles element (copying it
    is most of the copy's cost): only for a document that is saved, never handed out."""
    blank = _blank(spec)[0]
    styles = blank.styles.element
    return copy.deepcopy(blank, {id(styles): styles} if share_styles else None)


def build_document(spec: DocumentSpec) -> DocxDocument:
    """The Word document of ``spec``, not yet saved."""
    return _build(spec, None)


def _build(spec: DocumentSpec, pending: list[bytes] | None) -> DocxDocument:
    """The document; with ``pending``, each table's rows are left there as XML text (see
    `add_table`) for `write_package` to put in."""
    doc = _blank_document(spec, share_styles=pending is not None)
    section = doc.sections[0]
    _set_page(section, spec, landscape=False)
    _add_page_numbers(section, spec.body_size)
    _add_header(doc, spec)
    _add_title(doc, spec)
    _add_blocks(doc, spec.blocks, _text_width(spec), pending)
    if spec.closing is not None:
        _add_closing(doc, spec, spec.closing)
    for appendix in spec.appendices:
        _add_appendix(doc, spec, appendix, pending)
    return doc


def save_document(spec: DocumentSpec, path: Path) -> Path:
    """Build and write the document atomically; OutputFileLocked when Word holds ``path`` open."""
    tables: list[bytes] = []
    doc = _build(spec, tables)
    styles = _blank(spec)[1]
    return write_atomically(path, lambda tmp: write_package(doc, tables, tmp, styles))
