"""What a workbook may hold before openpyxl builds it: merged areas no real plan has are refused.

openpyxl creates one object for every cell a merged range covers, so a merge of A1:XFD1048576
(17 billion cells) exhausts any memory while the workbook loads. The merged ranges are read from
the worksheet parts with a byte scan (the archive guard has already bounded each part's size and
refused DTDs) and their total area is checked before openpyxl sees the file.
"""

import html
import re
import zipfile
from pathlib import Path
from typing import IO

from openpyxl.utils.cell import range_boundaries

from kscdesk.formats.errors import PlanTooLarge, UnreadablePlanFile
from kscdesk.formats.grid import limit_text

MAX_MERGED_CELLS = 500_000  # cells covered by merged ranges in one workbook
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384

_MERGE = re.compile(rb"""<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^<>]*?\bref\s*=\s*["']([^"']*)["']""")


def check_merged_areas(path: Path, shown: Path) -> None:
    """Refuse a workbook whose merged ranges cover more than ``MAX_MERGED_CELLS`` cells."""
    total = 0
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            name = info.filename.replace("\\", "/").lstrip("/").lower()
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            with archive.open(info) as part:
                for ref in _merge_refs(part):
                    total += merged_area(ref, shown)
                    if total > MAX_MERGED_CELLS:
                        raise PlanTooLarge(
                            shown,
                            f"Các vùng gộp ô phủ hơn {limit_text(MAX_MERGED_CELLS)} ô "
                            f"(giới hạn {limit_text(MAX_MERGED_CELLS)} ô).",
                        )


def _merge_refs(part: IO[bytes]) -> list[str]:
    data = part.read()  # at most MAX_XML_PART_BYTES: the archive guard checked it
    return [match.group(1).decode("utf-8", "replace") for match in _MERGE.finditer(data)]


def merged_area(ref: str, shown: Path) -> int:
    """Cells covered by a merged range "A1:C3" (whole rows/columns "A:C", "1:3" included)."""
    try:
        min_col, min_row, max_col, max_row = range_boundaries(html.unescape(ref).upper())
    except (ValueError, TypeError) as exc:
        raise UnreadablePlanFile(shown, "Vùng gộp ô không hợp lệ.") from exc
    rows = (max_row or EXCEL_ROWS) - (min_row or 1) + 1
    cols = (max_col or EXCEL_COLUMNS) - (min_col or 1) + 1
    return max(rows, 1) * max(cols, 1)
