"""A .docx file -> its tables as ``Grid``s and the text before the plan table, for the plan parser.

Walks the document XML directly (python-docx opens the package and gives the styles and numbering
parts): merges are expanded (gridSpan -> merged_left, vMerge continue -> merged_up), a cell's
paragraphs are joined with "\\n", nested tables become grids of their own, repeat-header rows are
flagged, automatic bullets and list letters are written out, and runs typed in the legacy TCVN3 or
VNI fonts are converted to Unicode.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx

from kscdesk.domain.model import ImportWarning
from kscdesk.domain.text import nfc
from kscdesk.formats.docx_numbering import Numbering, W
from kscdesk.formats.docx_numbering import int_val as _int_val
from kscdesk.formats.docx_numbering import val as _val
from kscdesk.formats.errors import PlanTooLarge, UnreadablePlanFile
from kscdesk.formats.grid import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_PARAGRAPHS,
    MAX_ROWS,
    Cell,
    Grid,
    cell_limit_detail,
    cells_limit_detail,
    columns_limit_detail,
    paragraphs_limit_detail,
    rows_limit_detail,
)
from kscdesk.formats.legacy_encoding import decode_legacy_run
from kscdesk.formats.parser_boundary import unreadable_file_boundary
from kscdesk.formats.plan_columns import find_header

_CONTAINERS = {
    f"{W}{n}" for n in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo")
}
_SKIPPED = {f"{W}{n}" for n in ("del", "moveFrom")}
_FALSE = {"0", "false", "off"}


@dataclass
class DocxPlanSource:
    """What a .docx holds for the plan parser."""

    grids: list[Grid]
    preamble: list[str]  # paragraphs and letterhead cells before the plan table
    warnings: list[ImportWarning] = field(default_factory=list)


def read_docx_plan_source(path: Path, source: Path | None = None) -> DocxPlanSource:
    """Read every table and the preamble of a .docx; ``source`` names the file in messages."""
    shown = source or path
    with unreadable_file_boundary(shown):
        document = docx.Document(str(path))
        body = getattr(document.element, "body", None)
        if body is None or document.element.tag != f"{W}document":
            raise UnreadablePlanFile(shown, "Không có phần nội dung văn bản (w:body).")
        reader = _DocumentReader(document, shown)
        reader.read_body(body)
        return DocxPlanSource(reader.grids, reader.preamble, reader.warnings())


class _DocumentReader:
    def __init__(self, document: Any, source: Path) -> None:
        self.source = source
        self.source_name = source.name
        self._rows = 0  # table rows read so far, against MAX_ROWS
        self._cells = 0  # grid positions so far, against MAX_CELLS
        self._paragraphs = 0  # preamble paragraphs so far, against MAX_PARAGRAPHS
        self.grids: list[Grid] = []
        self.preamble: list[str] = []
        self._plan_found = False
        self._legacy: dict[int, set[str]] = {}  # table index (0: body text) -> encodings met
        self._table_stack: list[int] = [0]
        self._styles = _StyleFonts(document)
        self._numbering = Numbering(document)

    def warnings(self) -> list[ImportWarning]:
        found = []
        for table, encodings in sorted(self._legacy.items()):
            names = ", ".join(sorted(e.upper() for e in encodings))
            message = (
                f"Văn bản gõ bằng bảng mã cũ ({names}) đã được chuyển sang Unicode; "
                "hãy kiểm tra lại."
            )
            found.append(ImportWarning(message, table=table or None))
        return found

    def read_body(self, body: Any) -> None:
        for child in _children(body):
            if child.tag == f"{W}p":
                if not self._plan_found:
                    self._paragraphs += 1
                    if self._paragraphs > MAX_PARAGRAPHS:
                        raise PlanTooLarge(self.source, paragraphs_limit_detail())
                    self.preamble.extend(self._checked(self.paragraph_text(child)).split("\n"))
            elif child.tag == f"{W}tbl":
                self.read_table(child)

    def read_table(self, tbl: Any) -> None:
        grid = Grid(rows=[], source=self.source_name, table_index=len(self.grids) + 1)
        self.grids.append(grid)
        self._table_stack.append(grid.table_index)
        nested: list[Any] = []
        # Spans are clamped to the table's real width (its grid columns): a gridSpan of 10^9
        # must not make a row of 10^9 cells.
        width = min(len(tbl.findall(f"{W}tblGrid/{W}gridCol")), MAX_COLUMNS)
        for tr in _children(tbl):
            if tr.tag != f"{W}tr":
                continue
            self._rows += 1
            if self._rows > MAX_ROWS:
                raise PlanTooLarge(self.source, rows_limit_detail())
            cells = self._counted(self.read_row(tr, nested, width or MAX_COLUMNS))
            width = max(width, len(cells))
            grid.rows.append(cells)
            grid.is_repeat_header.append(_is_on(tr.find(f"{W}trPr/{W}tblHeader")))
        for row in grid.rows:
            row.extend(Cell() for _ in range(width - len(row)))
        self._table_stack.pop()
        if not self._plan_found:
            header = find_header(grid)
            if header is not None and (header.is_plan_table or header.is_indicator_table):
                self._plan_found = True
            else:
                for row in grid.rows:
                    for cell in row:
                        if cell.text and not cell.merged_left and not cell.merged_up:
                            self.preamble.extend(cell.text.split("\n"))
        for inner in nested:
            self.read_table(inner)

    def _counted(self, cells: list[Cell]) -> list[Cell]:
        if len(cells) > MAX_COLUMNS:
            raise PlanTooLarge(self.source, columns_limit_detail())
        self._cells += len(cells)
        if self._cells > MAX_CELLS:
            raise PlanTooLarge(self.source, cells_limit_detail())
        return cells

    def read_row(self, tr: Any, nested: list[Any], width: int) -> list[Cell]:
        cells: list[Cell] = []
        before = tr.find(f"{W}trPr/{W}gridBefore")
        cells.extend(Cell() for _ in range(min(_int_val(before, 0), width)))
        for tc in _children(tr):
            if tc.tag != f"{W}tc":
                continue
            if len(cells) > MAX_COLUMNS:
                break  # refused by the caller
            props = tc.find(f"{W}tcPr")
            span = _int_val(props.find(f"{W}gridSpan") if props is not None else None, 1)
            span = min(span, max(width - len(cells), 1))
            vmerge = props.find(f"{W}vMerge") if props is not None else None
            continues = vmerge is not None and vmerge.get(f"{W}val", "continue") != "restart"
            hmerge = props.find(f"{W}hMerge") if props is not None else None
            if hmerge is not None and hmerge.get(f"{W}val", "continue") != "restart" and cells:
                cells.append(Cell(merged_left=True, merged_up=continues))
                continue
            text, bold = ("", False) if continues else self.cell_text(tc, nested)
            cells.append(Cell(text=text, merged_up=continues, bold=bold))
            cells.extend(
                Cell(merged_left=True, merged_up=continues) for _ in range(max(span, 1) - 1)
            )
        return cells

    def cell_text(self, tc: Any, nested: list[Any]) -> tuple[str, bool]:
        lines: list[str] = []
        bold_runs: list[bool] = []
        for child in _children(tc):
            if child.tag == f"{W}p":
                lines.append(self.paragraph_text(child, bold_runs))
            elif child.tag == f"{W}tbl":
                nested.append(child)
        text = self._checked("\n".join(lines).strip("\n"))
        return text, bool(bold_runs) and all(bold_runs)

    def _checked(self, text: str) -> str:
        if len(text) > MAX_CELL_CHARS:
            raise PlanTooLarge(self.source, cell_limit_detail())
        return text

    def paragraph_text(self, p: Any, bold_runs: list[bool] | None = None) -> str:
        style_id = _val(p.find(f"{W}pPr/{W}pStyle"))
        parts: list[str] = []
        for run in _runs(p):
            text = _run_text(run)
            if not text:
                continue
            if not text.isascii():
                font = _run_font(run) or self._styles.font(style_id)
                text, encoding = decode_legacy_run(text, font)
                if encoding is not None:
                    self._legacy.setdefault(self._table_stack[-1], set()).add(encoding)
            parts.append(text)
            if bold_runs is not None and text.strip():
                bold_runs.append(_is_on(run.find(f"{W}rPr/{W}b")))
        text = nfc("".join(parts))
        # Word draws a list number even on an empty paragraph (an auto-numbered STT column);
        # an empty bullet item draws nothing worth reading.
        label = self._numbering.label(p, empty=not text.strip())
        return f"{label}{text}" if label else text


def _children(element: Any) -> Any:
    """Child elements, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if content is not None:
                yield from _children(content)
        else:
            yield child


def _runs(p: Any) -> Any:
    for child in p:
        if child.tag == f"{W}r":
            yield child
        elif child.tag in _CONTAINERS:
            yield from _runs(child)
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _runs(content)
        elif child.tag in _SKIPPED:
            continue


def _run_text(run: Any) -> str:
    parts = []
    for child in run:
        tag = child.tag
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag == f"{W}tab":
            parts.append(" ")
        elif tag in (f"{W}br", f"{W}cr"):
            if child.get(f"{W}type") != "page":
                parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _run_font(run: Any) -> str | None:
    fonts = run.find(f"{W}rPr/{W}rFonts")
    if fonts is None:
        return None
    font: str | None = fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi")
    return font


def _is_on(element: Any) -> bool:
    return element is not None and (element.get(f"{W}val") or "true").lower() not in _FALSE


class _StyleFonts:
    """The font a paragraph style (through its basedOn chain) or the document defaults set."""

    def __init__(self, document: Any) -> None:
        self._by_id: dict[str, tuple[str | None, str | None]] = {}
        self._default: str | None = None
        self._cache: dict[str | None, str | None] = {}
        self._chain: dict[str, str | None] = {}
        try:
            styles = document.styles.element
        except (KeyError, AttributeError):
            return
        fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
        if fonts is not None:
            self._default = fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi")
        for style in styles.findall(f"{W}style"):
            style_fonts = style.find(f"{W}rPr/{W}rFonts")
            font = None
            if style_fonts is not None:
                font = style_fonts.get(f"{W}ascii") or style_fonts.get(f"{W}hAnsi")
            based = _val(style.find(f"{W}basedOn"))
            style_id = style.get(f"{W}styleId")
            if style_id:
                self._by_id[style_id] = (font, based)
            if style.get(f"{W}default") in ("1", "true") and style.get(f"{W}type") == "paragraph":
                self._by_id.setdefault("", (font, based))
                self._by_id[""] = (font, based)

    def font(self, style_id: str | None) -> str | None:
        if style_id not in self._cache:
            found = self._chain_font(style_id or "")
            if found is None and style_id and "" in self._by_id:
                found = self._chain_font("")
            self._cache[style_id] = found or self._default
        return self._cache[style_id]

    def _chain_font(self, style_id: str) -> str | None:
        """The first font up the basedOn chain, remembered for every style on the way: a chain
        of thousands of styles is walked once, not once per style."""
        path: list[str] = []
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current in self._by_id and current not in seen:
            if current in self._chain:
                break
            seen.add(current)
            path.append(current)
            font, based = self._by_id[current]
            if font:
                break
            current = based
        if path and self._by_id[path[-1]][0]:
            result = self._by_id[path[-1]][0]
        else:
            result = self._chain.get(current) if current is not None else None
        for walked in path:
            self._chain[walked] = result
        return result
