"""A PDF with a text layer -> its tables as ``Grid``s and the text around them, for the parser.

Tables are rebuilt from the ruling lines (pdfplumber) and the characters' positions
(``pdf_tables``); a table running over several pages is one grid. Text outside the tables gives
the preamble (what is printed before the plan table) and the body paragraphs (for a plan written
as prose); page numbers and running headers are left out. Scanned, encrypted, damaged and
oversized PDFs are refused with advice.
"""

import re
import time
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kscdesk.domain.model import ImportWarning
from kscdesk.domain.work import Cancelled, CancelToken, ProgressCallback
from kscdesk.formats.errors import (
    DamagedPdf,
    EncryptedPdf,
    OversizedFile,
    PdfWithoutUnicode,
    ScannedPdf,
)
from kscdesk.formats.grid import Grid
from kscdesk.formats.legacy_encoding import TCVN3_CAPITAL
from kscdesk.formats.pdf_layout import (
    Glyph,
    Line,
    glyphs_of,
    lines_of,
    paragraphs,
    resolve_breaks,
)
from kscdesk.formats.pdf_tables import Bbox, PageTable, TableChain, build_page_table, same_columns
from kscdesk.formats.plan_columns import find_header

MAX_PDF_PAGES = 300
MAX_READ_SECONDS = 120.0
MAX_RULES_PER_PAGE = 5000  # ruling lines and boxes; a plan page has a few hundred at most
# Drawing instructions of one page, decoded, each byte of text counted TEXT_WEIGHT times (a
# character costs pdfplumber some 2 KB): a dense plan page weighs 150 KB; 20 MB of drawing (from a
# 30 KB file) took pdfminer 40 s and 500 MB, 300 KB of text 9 s and 700 MB.
MAX_PAGE_CONTENT_BYTES = 2 * 1024 * 1024
TEXT_WEIGHT = 32
_STRINGS = re.compile(rb"\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f\s]+>")
MIN_TEXT_CHARS = 20  # fewer characters than this on all pages: nothing but scanned images
MAX_UNMAPPED_SHARE = 0.2  # more characters without Unicode than this: the text is unreadable
_TAIL_BYTES = 4096
_MARGIN_BAND = 0.1  # running headers and footers sit in the top and bottom tenth of a page
_PAGE_NUMBER = re.compile(r"^(?:trang\s*)?[-–(]?\s*\d{1,3}\s*(?:/\s*\d{1,3})?\s*[-–)]?$", re.I)
_DRAW_FORM = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


@dataclass
class PdfPlanSource:
    """What a PDF holds for the plan parser."""

    grids: list[Grid]
    preamble: list[str]  # lines printed before the plan table (letterhead blocks one per line)
    body: list[str]  # every paragraph outside the tables, in reading order
    warnings: list[ImportWarning] = field(default_factory=list)


@dataclass
class _Page:
    index: int
    tables: list[PageTable]
    outside: list[Line]  # lines outside the tables, page furniture removed later
    right: float  # right edge of the text outside tables (where its lines wrap)
    height: float
    chars: int  # characters of the text layer
    unmapped: int  # of which without a Unicode mapping ("(cid:12)")
    legacy: set[str]  # legacy encodings (TCVN3, VNI) of the fonts its text was drawn in


def read_pdf_plan_source(
    path: Path,
    *,
    cancel: CancelToken | None = None,
    progress: ProgressCallback | None = None,
    clock: Callable[[], float] = time.monotonic,
    max_seconds: float = MAX_READ_SECONDS,
) -> PdfPlanSource:
    """Read every ruled table and the text around it; a ``PlanFileError`` when that cannot be."""
    _check_envelope(path)
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    started = clock()
    pages: list[_Page] = []
    try:
        with pdfplumber.open(path) as pdf:
            count = len(pdf.pages)
            if count > MAX_PDF_PAGES:
                raise OversizedFile(path, f"Tệp có {count} trang, tối đa {MAX_PDF_PAGES} trang.")
            for index, page in enumerate(pdf.pages):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                if progress is not None:
                    progress(index, count, f"Đang đọc trang {index + 1}/{count} của tệp PDF…")
                if clock() - started > max_seconds:
                    raise OversizedFile(path, "Đọc tệp quá lâu; tệp quá lớn hoặc quá phức tạp.")
                _check_page(path, index, page)
                pages.append(_read_page(index, page))
                page.close()  # frees the page's parsed objects
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedPdf(path) from exc
    except (OversizedFile, EncryptedPdf, Cancelled):
        raise
    except Exception as exc:  # pdfminer raises anything from PSEOF to KeyError on a bad file
        if _is_password_error(exc):
            raise EncryptedPdf(path) from exc
        raise DamagedPdf(path) from exc
    unmapped = sum(page.unmapped for page in pages)
    if unmapped > MAX_UNMAPPED_SHARE * max(1, sum(page.chars for page in pages)):
        raise PdfWithoutUnicode(path)
    text_chars = sum(len(line.text) for page in pages for line in page.outside) + sum(
        len(cell.text) for page in pages for t in page.tables for row in t.rows for cell in row
    )
    if text_chars < MIN_TEXT_CHARS:
        raise ScannedPdf(path)
    return _assemble(pages, path.name)


def _check_page(path: Path, index: int, page: Any) -> None:
    """Refuse a page no plan has, before it is drawn: too much to draw, too many rules."""
    if _content_size(page.page_obj, MAX_PAGE_CONTENT_BYTES) > MAX_PAGE_CONTENT_BYTES:
        detail = f"Trang {index + 1} có quá nhiều chữ và hình vẽ để là một trang kế hoạch."
        raise OversizedFile(path, detail)
    rules = len(page.lines) + len(page.rects)
    if rules > MAX_RULES_PER_PAGE:
        detail = f"Trang {index + 1} có {rules} đường kẻ, quá nhiều để là một bảng."
        raise OversizedFile(path, detail)


def _content_size(page: Any, limit: int) -> int:
    """The decoded size of what the page draws: its content streams, plus each form XObject as
    many times as it is drawn (a 28 KB form drawn 200 times took 31 s and 1.3 GB). Counted no
    further than ``limit`` + 1 bytes: a few compressed kilobytes can inflate to gigabytes."""
    from pdfminer.pdftypes import resolve1

    sizes: dict[int, int] = {}  # a form's own drawing size, counted once
    streams = [resolve1(ref) for ref in page.contents]
    return _drawn(streams, page.resources, limit, sizes, 0)


def _drawn(
    streams: list[Any], resources: Any, limit: int, sizes: dict[int, int], depth: int
) -> int:
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.psparser import LIT

    total = 0
    forms: Any = None
    if isinstance(resources, dict):
        forms = resolve1(resources.get("XObject"))
    for stream in streams:
        if not isinstance(stream, PDFStream):
            continue
        data = _decoded(stream, limit - total + 1)
        total += len(data) + TEXT_WEIGHT * sum(len(m) for m in _STRINGS.findall(data))
        for name in _DRAW_FORM.findall(data) if isinstance(forms, dict) and depth < 8 else ():
            form = resolve1(forms.get(name.decode("latin-1")))
            if not isinstance(form, PDFStream) or form.get("Subtype") is not LIT("Form"):
                continue
            if id(form) not in sizes:
                sizes[id(form)] = limit + 1  # drawn inside itself: never ends
                own = resolve1(form.get("Resources")) or resources
                sizes[id(form)] = _drawn([form], own, limit, sizes, depth + 1)
            total += sizes[id(form)]
            if total > limit:
                return total
        if total > limit:
            break
    return total


def _decoded(stream: Any, limit: int) -> bytes:
    """A stream's data, a Flate stream inflated no further than ``limit`` bytes."""
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE

    filters = [name for name, _ in stream.get_filters()]
    raw = stream.rawdata
    if raw is None or stream.decipher or not filters or filters[0] not in LITERALS_FLATE_DECODE:
        return bytes(stream.get_data())
    try:
        return zlib.decompressobj().decompress(raw, limit)
    except zlib.error:
        return b""  # pdfminer's own reading decides what a damaged stream holds


def _is_password_error(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if type(seen).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError"):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _check_envelope(path: Path) -> None:
    """A PDF starts with "%PDF-" and ends with "%%EOF"; a cut download does not."""
    try:
        with path.open("rb") as stream:
            head = stream.read(1024)
            stream.seek(0, 2)
            size = stream.tell()
            stream.seek(max(0, size - _TAIL_BYTES))
            tail = stream.read()
    except OSError as exc:
        raise DamagedPdf(path, f"({exc.strerror or exc})") from exc
    if b"%PDF-" not in head or b"%%EOF" not in tail:
        raise DamagedPdf(path)


def _read_page(index: int, page: Any) -> _Page:
    chars = page.chars
    unmapped = sum(1 for char in chars if str(char.get("text", "")).startswith("(cid:"))
    glyphs = glyphs_of(chars)
    found = page.find_tables(_TABLE_SETTINGS)
    tables: list[PageTable] = []
    inside: list[list[Glyph]] = [[] for _ in found]
    outside: list[Glyph] = []
    boxes = [_bbox(table.bbox) for table in found]
    for glyph in glyphs:
        for number, (x0, top, x1, bottom) in enumerate(boxes):
            if x0 <= glyph.x_mid <= x1 and top <= glyph.y_mid <= bottom:
                inside[number].append(glyph)
                break
        else:
            outside.append(glyph)
    for number, table in enumerate(found):
        cells = [_bbox(cell) for cell in table.cells]
        if len(cells) < 2:
            outside.extend(inside[number])
            continue
        tables.append(build_page_table(index, boxes[number], cells, inside[number]))
    tables.sort(key=lambda t: t.bbox[1])
    lines = lines_of(outside, split_blocks=True)
    right = max((line.x1 for line in lines), default=float(page.width))
    legacy = {
        "TCVN3" if g.legacy == TCVN3_CAPITAL else str(g.legacy).upper() for g in glyphs if g.legacy
    }
    return _Page(index, tables, lines, right, float(page.height), len(chars), unmapped, legacy)


def _bbox(values: Any) -> Bbox:
    x0, top, x1, bottom = (float(v) for v in values)
    return x0, top, x1, bottom


def _furniture(pages: list[_Page]) -> set[tuple[int, int]]:
    """(page, line position) of page numbers, and of running headers and footers: the same text
    at the same height on three pages or more, in the top or bottom margin band."""
    repeated = Counter(
        (round(line.top), line.text)
        for page in pages
        for line in page.outside
        if _in_margin(line, page.height)
    )
    # Three pages at least (both pages of a two-page file): a decision and its attached plan
    # each open with the same letterhead, which is no running header.
    times = max(2, min(3, len(pages)))
    found = set()
    for page in pages:
        for number, line in enumerate(page.outside):
            seen = repeated[(round(line.top), line.text)]
            running = _in_margin(line, page.height) and seen >= times
            if _PAGE_NUMBER.match(line.text) or running:
                found.add((page.index, number))
    return found


def _in_margin(line: Line, height: float) -> bool:
    return line.bottom < _MARGIN_BAND * height or line.top > (1 - _MARGIN_BAND) * height


def _assemble(pages: list[_Page], source: str) -> PdfPlanSource:
    furniture = _furniture(pages)
    content = {
        page.index: [
            line for n, line in enumerate(page.outside) if (page.index, n) not in furniture
        ]
        for page in pages
    }
    chains: list[TableChain] = []
    # Reading order: per page, the text and the tables by their top edge.
    events: list[tuple[int, float, str, Any]] = []
    for page in pages:
        for line in content[page.index]:
            events.append((page.index, line.top, "line", line))
        for table in page.tables:
            events.append((page.index, table.bbox[1], "table", table))
    events.sort(key=lambda e: (e[0], e[1]))
    previous_kind = ""
    previous_page = -1
    order: list[tuple[str, Any]] = []
    for page_index, _, kind, item in events:
        if kind == "table":
            continues = (
                chains
                and previous_kind == "table"
                and page_index == previous_page + 1
                and chains[-1].last.page == previous_page
                and same_columns(chains[-1].last, item)
            )
            if continues:
                chains[-1].append(item)
            else:
                chains.append(TableChain(item))
                order.append(("table", chains[-1]))
        else:
            order.append(("line", (page_index, item)))
        previous_kind, previous_page = kind, page_index
    grids = [chain.grid(source, number) for number, chain in enumerate(chains, start=1)]
    preamble = _preamble(order, grids, chains)
    body = _body_paragraphs(order, {page.index: page.right for page in pages})
    cells = [cell.text for grid in grids for row in grid.rows for cell in row]
    resolve = resolve_breaks([*cells, *preamble, *body])
    for grid in grids:
        grid.rows = [[replace(c, text=resolve(c.text)) for c in row] for row in grid.rows]
    source_text = PdfPlanSource(grids, [resolve(t) for t in preamble], [resolve(t) for t in body])
    legacy = sorted(set().union(*(page.legacy for page in pages)))
    if legacy:
        message = (
            f"Văn bản gõ bằng bảng mã cũ ({', '.join(legacy)}) đã được chuyển sang Unicode; "
            "hãy kiểm tra lại."
        )
        source_text.warnings.append(ImportWarning(message))
    return source_text


def _preamble(
    order: list[tuple[str, Any]], grids: list[Grid], chains: list[TableChain]
) -> list[str]:
    """Lines (and cells of ruled letterhead tables) before the first plan or indicator table."""
    by_chain = {id(chain): grid for chain, grid in zip(chains, grids, strict=True)}
    found: list[str] = []
    for kind, item in order:
        if kind == "line":
            found.append(item[1].text)
            continue
        grid = by_chain[id(item)]
        header = find_header(grid)
        if header is not None and (header.is_plan_table or header.is_indicator_table):
            break
        for row in grid.rows:
            for cell in row:
                if cell.text:
                    found.extend(cell.text.split("\n"))
    return found


def _body_paragraphs(order: list[tuple[str, Any]], right: dict[int, float]) -> list[str]:
    """Paragraphs of the text outside tables, a paragraph running on over a page break joined."""
    found: list[str] = []
    run: list[Line] = []
    run_page = -1

    def flush() -> None:
        if run:
            found.extend(paragraphs(run, right[run_page]))
            run.clear()

    for kind, item in order:
        if kind != "line":
            flush()
            continue
        page_index, line = item
        if page_index != run_page:
            flush()
            run_page = page_index
        run.append(line)
    flush()
    return found
