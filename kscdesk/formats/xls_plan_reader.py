"""Read a plan from an Excel 97–2003 workbook (.xls) directly with xlrd: no LibreOffice needed.

Cells are rendered as the officer sees them (whole numbers without ".0", dates dd/mm/yyyy),
legacy-font text (TCVN3/VNI) is converted by the cell's font, and each sheet goes through the
same header search and merge expansion as an .xlsx sheet (``sheet_grid``).
"""

import logging
from pathlib import Path
from typing import Any

from kscdesk.domain.model import ImportWarning
from kscdesk.formats.errors import OversizedFile, PasswordProtectedFile, UnreadablePlanFile
from kscdesk.formats.legacy_encoding import decode_legacy_run
from kscdesk.formats.sheet_grid import Position, add_sheet
from kscdesk.formats.xlsx_plan_reader import XlsxDocument, _tidy, render_value

log = logging.getLogger(__name__)

MAX_CELLS = 500_000  # a plan has a few thousand; more is not a plan (and would be slow)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XLS_ADVICE = "Hãy mở tệp bằng Excel, chọn Lưu thành (Save As) định dạng .xlsx rồi nhập lại."


def read_xls_document(path: Path) -> XlsxDocument:
    """Every sheet of an .xls as grids and title lines; a ``PlanFileError`` when unreadable."""
    import xlrd

    with path.open("rb") as stream:
        head = stream.read(len(_OLE_MAGIC))
    if head != _OLE_MAGIC:
        if head.startswith(b"PK"):
            raise UnreadablePlanFile(path, "Tệp là .xlsx nhưng mang đuôi .xls: hãy đổi đuôi.")
        raise UnreadablePlanFile(path, _XLS_ADVICE)
    try:
        book = xlrd.open_workbook(
            # Ragged rows: a merged range claiming 65,535 columns would otherwise pad every
            # row to that width (billions of cells) while xlrd loads the sheet.
            str(path),
            formatting_info=True,
            on_demand=True,
            ragged_rows=True,
            logfile=_NullLog(),
        )
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise PasswordProtectedFile(path) from exc
        raise UnreadablePlanFile(path, _XLS_ADVICE) from exc
    except Exception as exc:  # xlrd raises struct, index and assertion errors on broken files
        raise UnreadablePlanFile(path, _XLS_ADVICE) from exc
    document = XlsxDocument(grids=[], preamble=[])
    try:
        cells = 0
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            cells += sheet.nrows * sheet.ncols
            if cells > MAX_CELLS:
                raise OversizedFile(path, "Bảng tính có quá nhiều ô để là một kế hoạch.")
            _read_sheet(book, sheet, index + 1, path.name, document)
    except (OversizedFile, UnreadablePlanFile):
        raise
    except Exception as exc:
        raise UnreadablePlanFile(path, _XLS_ADVICE) from exc
    finally:
        book.release_resources()
    if document.legacy_encodings:
        met = {e.upper() for found in document.legacy_encodings.values() for e in found}
        names = ", ".join(sorted(met))
        document.warnings.append(
            ImportWarning(
                f"Văn bản gõ bằng bảng mã cũ ({names}) đã được chuyển sang Unicode; "
                "hãy kiểm tra lại."
            )
        )
    return document


class _NullLog:
    """xlrd prints its notes to a log file; keep them in our log at debug level."""

    def write(self, text: str) -> None:
        if text.strip():
            log.debug("xlrd: %s", text.strip())


def _read_sheet(book: Any, sheet: Any, index: int, source: str, document: XlsxDocument) -> None:
    import xlrd

    texts: dict[Position, str] = {}
    bold: set[Position] = set()
    legacy: set[str] = set()
    for r in range(sheet.nrows):
        for c in range(sheet.row_len(r)):
            cell = sheet.cell(r, c)
            if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                continue
            font = _font(book, cell.xf_index)
            raw = _value(book, cell)
            decoded, encoding = decode_legacy_run(raw, font.name if font else None)
            if encoding and decoded != raw:
                legacy.add(encoding)
            text = _tidy(decoded)
            if text:
                texts[(r + 1, c + 1)] = text
                if font is not None and font.bold:
                    bold.add((r + 1, c + 1))
    if legacy:
        document.legacy_encodings[index] = legacy
    merges = [(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in sheet.merged_cells]
    add_sheet(document, texts, merges, bold, (source, index))


def _font(book: Any, xf_index: int | None) -> Any:
    if xf_index is None or xf_index >= len(book.xf_list):
        return None
    font_index = book.xf_list[xf_index].font_index
    return book.font_list[font_index] if font_index < len(book.font_list) else None


def _value(book: Any, cell: Any) -> str:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return render_value(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return render_value(cell.value)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return render_value(bool(cell.value))
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return ""
    return render_value(cell.value)
