"""Read a plan from OpenDocument files (LibreOffice, WPS Office): .odt text and .ods sheets.

An ODF file is a zip of XML parts, so it is read directly: the archive is checked like a .docx
(size, member count, inflated bytes, no DTD), ``content.xml`` is parsed with lxml without
entities or network, and its tables land in the same grids as the other readers'. Spans are
expanded as merges, repeated rows/columns are expanded only where they hold text (a sheet's
"16384 empty columns" costs nothing).
"""

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from kscdesk.domain.model import ImportWarning
from kscdesk.domain.text import nfc
from kscdesk.formats import archive_guard
from kscdesk.formats.errors import PasswordProtectedFile, UnreadablePlanFile, UnsafeFile
from kscdesk.formats.grid import Cell, Grid
from kscdesk.formats.odf_lists import OdfLists
from kscdesk.formats.plan_columns import find_header
from kscdesk.formats.sheet_grid import Merge, Position, add_sheet
from kscdesk.formats.xlsx_plan_reader import XlsxDocument, _tidy, render_value

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
MAX_REPEAT = 1000  # repeated rows/columns expanded at most this far when they hold text
MAX_SPAN = 1000  # a merge spans at most this many rows or columns (more is not a plan table)
MAX_GRID_CELLS = 1_000_000  # positions of one table, merges included
_ODF_ADVICE = "Hãy mở tệp bằng LibreOffice/WPS và lưu thành .docx hoặc .xlsx rồi nhập lại."


@dataclass
class OdtDocument:
    grids: list[Grid]
    preamble: list[str]  # paragraphs and letterhead cells before the plan table
    body: list[str]  # every paragraph of the document (a plan written as prose)
    warnings: list[ImportWarning] = field(default_factory=list)


def check_odf_archive(path: Path) -> None:
    """Refuse what is not a safe, readable, unencrypted ODF package."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > archive_guard.MAX_MEMBERS:
                raise UnsafeFile(path, f"Tệp chứa {len(members)} thành phần.")
            total = 0
            for info in members:
                total += info.file_size
                if total > archive_guard.MAX_TOTAL_UNCOMPRESSED:
                    raise UnsafeFile(path, "Dữ liệu nén giải ra quá lớn.")
                archive_guard._check_ratio(path, info, info.file_size)
            names = {info.filename for info in members}
            if "content.xml" not in names:
                raise UnreadablePlanFile(path, "Thiếu thành phần content.xml. " + _ODF_ADVICE)
            if "META-INF/manifest.xml" in names and b"encryption-data" in archive.read(
                "META-INF/manifest.xml"
            ):
                raise PasswordProtectedFile(path, "Hãy gỡ mật khẩu trong LibreOffice.")
            archive_guard._check_parts(path, archive, members)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error) as exc:
        raise UnreadablePlanFile(path, _ODF_ADVICE) from exc
    except (NotImplementedError, RuntimeError, ValueError) as exc:
        # an unsupported compression, an encrypted member, a member name that is not UTF-8
        raise UnreadablePlanFile(path, _ODF_ADVICE) from exc
    except OSError as exc:
        raise UnreadablePlanFile(path, f"({exc.strerror or exc})") from exc


def _parse(path: Path) -> tuple[Any, set[str], OdfLists]:
    """The content.xml root, the names of bold styles and the list labels (content and styles)."""
    check_odf_archive(path)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        with zipfile.ZipFile(path) as archive:
            root = etree.fromstring(archive.read("content.xml"), parser)
            styles = (
                etree.fromstring(archive.read("styles.xml"), parser)
                if "styles.xml" in archive.namelist()
                else None
            )
    except (etree.XMLSyntaxError, KeyError, ValueError, zipfile.BadZipFile, zlib.error) as exc:
        raise UnreadablePlanFile(path, _ODF_ADVICE) from exc
    roots = [root, styles] if styles is not None else [root]
    return root, _bold_styles(roots), OdfLists(roots)


def _bold_styles(roots: list[Any]) -> set[str]:
    parents: dict[str, str] = {}
    weights: dict[str, bool] = {}
    for root in roots:
        for style in root.iter(f"{STYLE}style"):
            name = style.get(f"{STYLE}name", "")
            parents[name] = style.get(f"{STYLE}parent-style-name", "")
            props = style.find(f"{STYLE}text-properties")
            if props is not None and props.get(f"{FO}font-weight"):
                weights[name] = props.get(f"{FO}font-weight") == "bold"
    bold = set()
    for name in parents:
        seen, current = 0, name
        while current and current not in weights and seen < 20:
            current, seen = parents.get(current, ""), seen + 1
        if weights.get(current, False):
            bold.add(name)
    return bold


def _paragraph_text(node: Any) -> str:
    parts: list[str] = []

    def walk(element: Any) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            tag = child.tag
            if tag == f"{TEXT}s":
                parts.append(" " * min(int(child.get(f"{TEXT}c", "1") or 1), 100))
            elif tag == f"{TEXT}tab":
                parts.append("\t")
            elif tag == f"{TEXT}line-break":
                parts.append("\n")
            elif tag not in (f"{TEXT}note", f"{OFFICE}annotation"):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(node)
    return nfc("".join(parts))


def _is_bold(node: Any, bold: set[str]) -> bool:
    """Every non-empty run of the paragraph is bold (by its span or its paragraph style)."""
    own = node.get(f"{TEXT}style-name", "") in bold
    runs = [(own, node.text or "")]
    for child in node.iter(f"{TEXT}span"):
        runs.append((child.get(f"{TEXT}style-name", "") in bold or own, child.text or ""))
        runs.append((own, child.tail or ""))
    texts = [(b, t) for b, t in runs if t.strip()]
    return bool(texts) and all(b for b, _ in texts)


def _cell_paragraphs(cell: Any) -> list[Any]:
    return [p for p in cell.iter(f"{TEXT}p", f"{TEXT}h")]


def _table_rows(table: Any) -> list[tuple[Any, bool]]:
    """The table's rows in order, with whether each is a repeated header row."""
    rows: list[tuple[Any, bool]] = []
    for child in table:
        if child.tag == f"{TABLE}table-row":
            rows.append((child, False))
        elif child.tag in (f"{TABLE}table-header-rows", f"{TABLE}table-rows"):
            header = child.tag == f"{TABLE}table-header-rows"
            rows.extend((row, header) for row in child.iter(f"{TABLE}table-row"))
        elif child.tag == f"{TABLE}table-row-group":
            rows.extend(_table_rows(child))
    return rows


def _repeat(element: Any, attribute: str) -> int:
    try:
        return max(1, int(element.get(f"{TABLE}{attribute}", "1")))
    except ValueError:
        return 1


def _walk_cells(
    table: Any, cell_text: Any, source: str
) -> tuple[dict[Position, Any], list[Merge], set[int]]:
    """(row, col) -> the cell's value (from ``cell_text``), the merges, the header rows.

    Repeats are expanded at most ``MAX_REPEAT`` times each, and the table refused once it holds
    more than ``MAX_GRID_CELLS`` values (a thousand rows of a thousand repeated cells)."""
    values: dict[Position, Any] = {}
    merges: list[Merge] = []
    headers: set[int] = set()
    row_number = 0
    for row, header in _table_rows(table):
        row_repeat = _repeat(row, "number-rows-repeated")
        cells = [c for c in row if c.tag in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell")]
        has_text = any(_cell_paragraphs(c) for c in cells)
        for _ in range(min(row_repeat, MAX_REPEAT) if has_text else 1):
            row_number += 1
            if header:
                headers.add(row_number)
            col = 0
            for cell in cells:
                repeat = _repeat(cell, "number-columns-repeated")
                covered = cell.tag == f"{TABLE}covered-table-cell"
                value = None if covered else cell_text(cell)
                if value is None:
                    col += repeat
                    continue
                if len(values) > MAX_GRID_CELLS:
                    raise TableTooLarge(source)
                for _ in range(min(repeat, MAX_REPEAT)):
                    col += 1
                    values[(row_number, col)] = value
                    rows_span = min(_repeat(cell, "number-rows-spanned"), MAX_SPAN)
                    cols_span = min(_repeat(cell, "number-columns-spanned"), MAX_SPAN)
                    if rows_span > 1 or cols_span > 1:
                        merges.append(
                            (row_number, col, row_number + rows_span - 1, col + cols_span - 1)
                        )
                col += max(0, repeat - MAX_REPEAT)
        row_number += row_repeat - 1 if not has_text else max(0, row_repeat - MAX_REPEAT)
    return values, merges, headers


def read_ods_document(path: Path) -> XlsxDocument:
    """Every sheet of an .ods as grids and title lines, like an .xlsx workbook."""
    root, bold_styles, _ = _parse(path)
    document = XlsxDocument(grids=[], preamble=[])
    sheets = root.iter(f"{TABLE}table")
    for index, table in enumerate(sheets, start=1):
        values, merges, _ = _walk_cells(
            table, lambda cell: _sheet_value(cell, bold_styles), path.name
        )
        texts = {pos: text for pos, (text, _) in values.items() if text}
        bold = {pos for pos, (_, is_bold) in values.items() if is_bold}
        add_sheet(document, texts, merges, bold, (path.name, index))
    return document


def _sheet_value(cell: Any, bold_styles: set[str]) -> tuple[str, bool] | None:
    kind = cell.get(f"{OFFICE}value-type", "")
    paragraphs = _cell_paragraphs(cell)
    if kind in ("float", "percentage", "currency"):
        raw = cell.get(f"{OFFICE}value", "")
        try:
            from decimal import Decimal

            number = Decimal(raw)
            text = render_value(number * 100 if kind == "percentage" else number)
            text = f"{text}%" if kind == "percentage" else text
        except ArithmeticError:
            text = raw
    elif kind == "date" and cell.get(f"{OFFICE}date-value"):
        text = _date_text(cell.get(f"{OFFICE}date-value"))
    else:
        text = "\n".join(_paragraph_text(p) for p in paragraphs)
    text = _tidy(text)
    if not text:
        return None
    bold = cell.get(f"{TABLE}style-name", "") in bold_styles or (
        bool(paragraphs) and all(_is_bold(p, bold_styles) for p in paragraphs if _paragraph_text(p))
    )
    return text, bold


def _date_text(value: str) -> str:
    parts = value[:10].split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    return value


def read_odt_document(path: Path) -> OdtDocument:
    """Every table of an .odt as a grid, the text before the plan table, and all paragraphs."""
    root, bold_styles, lists = _parse(path)
    text_body = root.find(f"{OFFICE}body/{OFFICE}text")
    document = OdtDocument(grids=[], preamble=[], body=[])
    if text_body is None:
        raise UnreadablePlanFile(path, "Đây không phải tệp văn bản .odt. " + _ODF_ADVICE)
    plan_found = False
    for element in text_body.iter(f"{TEXT}p", f"{TEXT}h", f"{TABLE}table"):
        if element.tag == f"{TABLE}table":
            grid = _odt_grid(element, (bold_styles, lists), path.name, len(document.grids) + 1)
            document.grids.append(grid)
            header = find_header(grid)
            if (
                not plan_found
                and header is not None
                and (header.is_plan_table or header.is_indicator_table)
            ):
                plan_found = True
            elif not plan_found:
                for row in grid.rows:
                    for cell in row:
                        if cell.text:
                            document.preamble.extend(cell.text.split("\n"))
            continue
        if _inside_table(element):
            continue
        text = _paragraph_text(element).strip()
        text = f"{lists.label(element)}{text}" if text else ""
        if text:
            document.body.extend(text.split("\n"))
            if not plan_found:
                document.preamble.extend(text.split("\n"))
    return document


def _inside_table(element: Any) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag == f"{TABLE}table-cell":
            return True
        parent = parent.getparent()
    return False


def _odt_grid(table: Any, styles: tuple[set[str], OdfLists], source: str, index: int) -> Grid:
    bold_styles, lists = styles

    def cell_value(cell: Any) -> tuple[str, bool] | None:
        paragraphs = [p for p in _cell_paragraphs(cell) if not _in_nested_table(p, cell)]
        lines = [_paragraph_text(p).strip() for p in paragraphs]
        lines = [
            f"{lists.label(p)}{line}" if line else ""
            for p, line in zip(paragraphs, lines, strict=True)
        ]
        text = "\n".join(line for line in lines if line)
        if not text and not _spans(cell):
            return None
        pairs = zip(paragraphs, lines, strict=True)
        bold = bool(text) and all(_is_bold(p, bold_styles) for p, t in pairs if t)
        return (text, bold)

    values, merges, headers = _walk_cells(table, cell_value, source)
    width = max([c for _, c in values] + [m[3] for m in merges], default=0)
    height = max([r for r, _ in values] + [m[2] for m in merges] + list(headers), default=0)
    if width * height > MAX_GRID_CELLS or sum(_area(m) for m in merges) > MAX_GRID_CELLS:
        raise TableTooLarge(source)
    covered: dict[Position, tuple[bool, bool]] = {}
    for r0, c0, r1, c1 in merges:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    covered[(r, c)] = (r > r0, c > c0 and r == r0)
    rows = []
    for r in range(1, height + 1):
        row = []
        for c in range(1, width + 1):
            if (r, c) in covered:
                up, left = covered[(r, c)]
                row.append(Cell(merged_up=up, merged_left=left))
            else:
                text, bold = values.get((r, c), ("", False))
                row.append(Cell(text=text, bold=bold))
        rows.append(row)
    flags = [r in headers for r in range(1, height + 1)]
    return Grid(rows=rows, source=source, table_index=index, is_repeat_header=flags)


class TableTooLarge(UnsafeFile):
    """A table far larger than any plan (a crafted file): refused before it is expanded."""


def _area(merge: Merge) -> int:
    r0, c0, r1, c1 = merge
    return (r1 - r0 + 1) * (c1 - c0 + 1)


def _spans(cell: Any) -> bool:
    return _repeat(cell, "number-rows-spanned") > 1 or _repeat(cell, "number-columns-spanned") > 1


def _in_nested_table(paragraph: Any, cell: Any) -> bool:
    parent = paragraph.getparent()
    while parent is not None and parent is not cell:
        if parent.tag == f"{TABLE}table-cell":
            return True
        parent = parent.getparent()
    return False
