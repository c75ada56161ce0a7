"""Thirteen plan documents the parser has never seen (10 .docx, 3 .xlsx) with their answer keys.

Each builder writes one file in ``folder`` and returns a ``Variant``: the file, the plan it must
give (tasks, sections, indicators) and the decision its preamble names.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from helpers.plan_variant_table import TableStyle, messy_spaces, plan_table, wrapped
from helpers.plan_variants import (
    BR,
    SHY,
    TAB,
    Cell,
    Plan,
    Row,
    Sheet,
    Table,
    city_plan,
    province_plan,
    renumbered_per_section,
    ward_plan,
    with_heading_tasks,
    write_docx,
    write_xlsx,
)

BASIC = ["number", "content", "output", "units", "timeframe"]
SPLIT = ["number", "content", "output", "lead", "coordinating", "timeframe"]
WARD_TITLE = "Hoạt động kiểm soát thủ tục hành chính năm 2025 trên địa bàn phường Phổ Ninh"
CITY_TITLE = "Hoạt động kiểm soát thủ tục hành chính năm 2023 trên địa bàn thành phố Quảng Ngãi"
PROVINCE_TITLE = (
    "Khắc phục các tiêu chí, tiêu chí thành phần xác định Chỉ số cải cách hành chính cấp tỉnh "
    "năm 2020 của tỉnh Quảng Ngãi thuộc trách nhiệm của Văn phòng UBND tỉnh bị trừ điểm"
)
WARD_DECISION = ("35/QĐ-UBND", date(2025, 2, 14))
PROVINCE_HEADING = {"1": "Theo dõi các nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao"}


@dataclass
class Variant:
    name: str
    path: Path
    plan: Plan  # the answer key
    decision: tuple[str, date | None] | None


def _letterhead(left: str, right: str) -> Table:
    return Table([Row([Cell(left, bold=True), Cell(right, bold=True)])])


def _ward_preamble(attached: str) -> list[str | Table]:
    return [
        _letterhead(
            "ỦY BAN NHÂN DÂN\nPHƯỜNG PHỔ NINH",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        ),
        "KẾ HOẠCH",
        WARD_TITLE,
        f"(Ban hành kèm theo Quyết định số 35/QĐ-UBND {attached} "
        "của Chủ tịch UBND phường Phổ Ninh)",
    ]


def _city_preamble() -> list[str | Table]:
    return [
        "ỦY BAN NHÂN DÂN",
        "THÀNH PHỐ QUẢNG NGÃI",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "KẾ HOẠCH",
        CITY_TITLE,
        "(Ban hành kèm theo Quyết định số         /QĐ-UBND ngày       /       /2023 của Chủ tịch "
        "UBND thành phố Quảng Ngãi)",
    ]


def _province_preamble() -> list[str | Table]:
    return [
        _letterhead(
            "UBND TỈNH QUẢNG NGÃI\nVĂN PHÒNG",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        ),
        "Số:             /KH-VP     Quảng Ngãi, ngày     tháng 8  năm 2021",
        "KẾ HOẠCH",
        PROVINCE_TITLE,
    ]


def _indicator_table(plan: Plan) -> Table:
    head = ["Stt", "Nội dung chỉ tiêu", "Đơn vị", "Chỉ tiêu năm 2025", "Cơ quan thực hiện"]
    rows = [Row([Cell(t, bold=True) for t in head])]
    rows += [Row([Cell(t) for t in indicator]) for indicator in plan.indicators]
    return Table(rows)


def _docx(folder: Path, name: str, blocks: list[Any]) -> Path:
    return write_docx(folder / f"{name}.docx", blocks)


def ward_letterhead_tt_pasted_headers(folder: Path) -> Variant:
    """003 as printed: letterhead table first, "TT", header texts broken over lines and repeated
    on each page, letters holding Roman sections, tasks continued after a pasted header, Word
    bullets, then the indicator appendix."""
    plan = ward_plan()
    style = TableStyle(
        BASIC,
        headings={
            "number": "TT",
            "units": "Cơ quan, đơn vị\nthực hiện",
            "timeframe": f"Thời gian{BR}thực hiện",
        },
        repeat_header=True,
        split_every=4,
        paste_header_at_split=True,
        auto_bullets=True,
    )
    blocks = [
        *_ward_preamble("ngày 14/02/2025"),
        plan_table(plan, style),
        "Phụ lục",
        "VỀ CHỈ TIÊU LIÊN QUAN CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
        _indicator_table(plan),
    ]
    return Variant("ward_letterhead", _docx(folder, "ward1", blocks), plan, WARD_DECISION)


def city_reordered_dotted(folder: Path) -> Variant:
    """000 with the timeframe before the units and the result last, "I." and "1." with dots,
    bullets drawn by the "List Bullet" style."""
    plan = city_plan()
    style = TableStyle(
        ["number", "content", "timeframe", "units", "output"],
        section="dotted",
        number=lambda n: f"{n}.",
        auto_bullets=True,
        bullet_kind="style_bullet",
    )
    blocks = [*_city_preamble(), plan_table(plan, style)]
    return Variant("city_reordered", _docx(folder, "city1", blocks), plan, None)


def city_restart_phan_zero(folder: Path) -> Variant:
    """000 numbered again in each section, "Phần I" section codes, "01" numbers, sub-items a), b)
    on their own rows under the numbered row."""
    plan = renumbered_per_section(city_plan())
    style = TableStyle(BASIC, section="phan", number=lambda n: f"{int(n):02d}", subs="rows_stt")
    blocks = [*_city_preamble(), plan_table(plan, style)]
    return Variant("city_restart", _docx(folder, "city2", blocks), plan, None)


def city_auto_numbered(folder: Path) -> Variant:
    """000 with STT, bullets and sub-item letters all drawn by Word numbering."""
    plan = city_plan()
    style = TableStyle(BASIC, auto_number=True, auto_bullets=True, subs="rows_auto")
    blocks = [*_city_preamble(), plan_table(plan, style)]
    return Variant("city_auto", _docx(folder, "city3", blocks), plan, None)


def city_wraps_split_notes(folder: Path) -> Variant:
    """000 typed by hand: soft line breaks inside sentences, double and non-breaking spaces, a
    "Ghi chú" column, tasks continued on the next page under a pasted header, empty rows last."""
    plan = city_plan()
    style = TableStyle(
        [*BASIC, "note"],
        dress=lambda text: wrapped(messy_spaces(text)),
        split_every=5,
        paste_header_at_split=True,
        notes={2: "Đã thực hiện năm 2022", 7: "Ưu tiên"},
        trailing_empty_rows=3,
    )
    blocks = [*_city_preamble(), plan_table(plan, style)]
    return Variant("city_wraps", _docx(folder, "city4", blocks), plan, None)


def city_bold_sections_split_units(folder: Path) -> Variant:
    """000 with bold section titles and no codes, separate lead and coordinating columns under
    other names, sub-item letters typed at the start of the result."""
    plan = city_plan()
    style = TableStyle(
        SPLIT,
        headings={
            "number": "Số TT",
            "content": "Nhiệm vụ",
            "output": "Sản phẩm",
            "lead": "Đơn vị chủ trì",
            "coordinating": "Đơn vị phối hợp",
            "timeframe": "Thời hạn",
        },
        section="bold_only",
        subs="rows_marker",
    )
    blocks = [*_city_preamble(), plan_table(plan, style)]
    return Variant("city_bold", _docx(folder, "city5", blocks), plan, None)


def ward_in_title_column_numbers(folder: Path) -> Variant:
    """003 with "A. title" in one merged cell, lead and coordinating columns, a row of column
    numbers and a tab typed after each dash; no appendix."""
    plan = replace(ward_plan(), indicators=[])
    style = TableStyle(
        SPLIT,
        headings={
            "content": "Nội dung",
            "output": "Kết quả dự kiến",
            "timeframe": "Thời gian hoàn thành",
        },
        section="in_title",
        column_numbers=True,
        dress=lambda text: text.replace("- ", f"-{TAB}"),
    )
    blocks = [*_ward_preamble("ngày 14/02/2025"), plan_table(plan, style)]
    return Variant("ward_in_title", _docx(folder, "ward2", blocks), plan, WARD_DECISION)


def province_two_row_header(folder: Path) -> Variant:
    """002 in the province style: "Phân công thực hiện" over two unit columns, header repeated on
    each page, letters over Roman sections, numbering restarting, sub-items a)–c) in own rows."""
    plan = province_plan()
    style = TableStyle(
        [*SPLIT, "note"],
        headings={"output": "Sản phẩm", "timeframe": "Thời hạn"},
        two_row_header=True,
        repeat_header=True,
        subs="rows_stt",
        headings_of_subs=PROVINCE_HEADING,
    )
    blocks = [*_province_preamble(), plan_table(plan, style)]
    key = with_heading_tasks(plan, PROVINCE_HEADING)
    return Variant("province_two_rows", _docx(folder, "province1", blocks), key, None)


def province_vmerged_subs(folder: Path) -> Variant:
    """002 with sub-items a)–c) inside a vertically merged number cell (shared units and time
    merged too), "TT", short header names, a header pasted plainly mid-table."""
    plan = province_plan()
    style = TableStyle(
        SPLIT,
        headings={
            "number": "TT",
            "content": "Nội dung thực hiện",
            "output": "Kết quả",
            "lead": "Chủ trì",
            "coordinating": "Phối hợp",
            "timeframe": "Thời gian",
        },
        section="dotted",
        split_every=4,
        paste_header_at_split=True,
    )
    blocks = [*_province_preamble(), plan_table(plan, style)]
    return Variant("province_vmerged", _docx(folder, "province2", blocks), plan, None)


def _hyphenated(text: str) -> str:
    """Line breaks typed after the hyphen of a document symbol, optional hyphens, line breaks
    between the bullet items of one paragraph."""
    text = text.replace("NĐ-CP", f"NĐ-{BR}CP").replace("QĐ-UBND", f"QĐ-{BR}UBND")
    return text.replace("TTHC", f"TT{SHY}HC").replace("\n- ", f"{BR}- ")


def ward_hyphens_and_breaks(folder: Path) -> Variant:
    """003 with "1." numbers, "A." codes, manual hyphenation and soft breaks, decision date in
    words; no appendix."""
    plan = replace(ward_plan(), indicators=[])
    style = TableStyle(BASIC, section="dotted", number=lambda n: f"{n}.", dress=_hyphenated)
    preamble = _ward_preamble("ngày 14 tháng 02 năm 2025")
    blocks = [*preamble, plan_table(plan, style)]
    return Variant("ward_hyphens", _docx(folder, "ward3", blocks), plan, WARD_DECISION)


# --- Excel ------------------------------------------------------------------------------------


def _sheet_rows(table: Table, number: Callable[[str], Any]) -> tuple[list[list[Any]], list[str]]:
    """A Word-model table as sheet rows and merge ranges (gridSpan and vMerge become merges)."""
    rows: list[list[Any]] = []
    merges: list[str] = []
    open_merges: dict[int, int] = {}  # column -> first row of a vertical merge
    for r, row in enumerate(table.rows):
        values: list[Any] = []
        col = 0
        for cell in row.cells:
            text = cell.text.replace(BR, "\n").replace(TAB, " ").replace(SHY, "")
            value: Any = number(text) if col == 0 and text.isdigit() else (text or None)
            values.append(None if cell.merge == "continue" else value)
            values.extend([None] * (cell.span - 1))
            if cell.span > 1:
                merges.append(_range(r, col, r, col + cell.span - 1))
            if cell.merge == "restart":
                open_merges[col] = r
            elif cell.merge != "continue" and col in open_merges:
                first = open_merges.pop(col)
                if r - 1 > first:
                    merges.append(_range(first, col, r - 1, col))
            col += cell.span
        rows.append(values)
    for col, first in open_merges.items():
        if len(table.rows) - 1 > first:
            merges.append(_range(first, col, len(table.rows) - 1, col))
    return rows, merges


def _range(r1: int, c1: int, r2: int, c2: int, offset: int = 0) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(c1 + 1)}{r1 + 1 + offset}:{get_column_letter(c2 + 1)}{r2 + 1}"


def _sheet(title: str, head: list[list[Any]], table: Table, number: Callable[[str], Any]) -> Sheet:
    rows, merges = _sheet_rows(table, number)
    shift = len(head)
    moved = []
    for merged in merges:
        start, end = merged.split(":")
        moved.append(f"{_shift(start, shift)}:{_shift(end, shift)}")
    return Sheet(title, [*head, *rows], moved, bold_rows={shift + 1})


def _shift(ref: str, by: int) -> str:
    letters = "".join(ch for ch in ref if ch.isalpha())
    return f"{letters}{int(ref[len(letters) :]) + by}"


def ward_xlsx(folder: Path) -> Variant:
    """003 in Excel: letterhead and title rows, header on row 8, merged section rows, integer
    numbers, the indicator appendix on a second sheet."""
    plan = ward_plan()
    head: list[list[Any]] = [
        ["ỦY BAN NHÂN DÂN", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["PHƯỜNG PHỔ NINH", None, None, "Độc lập - Tự do - Hạnh phúc"],
        [],
        ["KẾ HOẠCH"],
        [WARD_TITLE],
        [
            "(Ban hành kèm theo Quyết định số 35/QĐ-UBND ngày 14/02/2025 của Chủ tịch UBND "
            "phường Phổ Ninh)"
        ],
        [],
    ]
    main = _sheet("Kế hoạch", head, plan_table(plan, TableStyle(BASIC)), int)
    main.merges += ["A4:E4", "A5:E5", "A6:E6"]
    appendix = _sheet("Phụ lục", [["Phụ lục: chỉ tiêu năm 2025"], []], _indicator_table(plan), int)
    path = write_xlsx(folder / "ward.xlsx", [main, appendix])
    return Variant("ward_xlsx", path, plan, WARD_DECISION)


def city_xlsx_floats(folder: Path) -> Variant:
    """000 in Excel: numbers stored as floats, "I. title" merged across, the timeframe before the
    units, a "Ghi chú" column, task 1's number and content merged over its sub-items, a notes
    sheet after the plan."""
    plan = city_plan()
    head: list[list[Any]] = [
        ["ỦY BAN NHÂN DÂN THÀNH PHỐ QUẢNG NGÃI"],
        ["KẾ HOẠCH"],
        [CITY_TITLE],
        [],
    ]
    style = TableStyle(
        ["number", "content", "output", "timeframe", "units", "note"], section="in_title"
    )
    main = _sheet("KH 2023", head, plan_table(plan, style), float)
    notes = Sheet("Ghi chú", [["Bản sao gửi các phòng, ban để theo dõi."], ["Người lập: Vũ"]])
    path = write_xlsx(folder / "city.xlsx", [main, notes])
    return Variant("city_xlsx", path, plan, None)


def province_xlsx(folder: Path) -> Variant:
    """002 in Excel with the two-row header merged ("Phân công thực hiện" over two columns),
    letters over Roman sections and sub-items on their own rows."""
    plan = province_plan()
    head: list[list[Any]] = [["VĂN PHÒNG UBND TỈNH QUẢNG NGÃI"], ["KẾ HOẠCH"], [PROVINCE_TITLE]]
    style = TableStyle(
        SPLIT,
        headings={"output": "Sản phẩm", "timeframe": "Thời hạn"},
        two_row_header=True,
        subs="rows_stt",
        headings_of_subs=PROVINCE_HEADING,
    )
    main = _sheet("Sheet1", head, plan_table(plan, style), int)
    path = write_xlsx(folder / "province.xlsx", [main])
    return Variant("province_xlsx", path, with_heading_tasks(plan, PROVINCE_HEADING), None)


BUILDERS = [
    ward_letterhead_tt_pasted_headers,
    city_reordered_dotted,
    city_restart_phan_zero,
    city_auto_numbered,
    city_wraps_split_notes,
    city_bold_sections_split_units,
    ward_in_title_column_numbers,
    province_two_row_header,
    province_vmerged_subs,
    ward_hyphens_and_breaks,
    ward_xlsx,
    city_xlsx_floats,
    province_xlsx,
]
