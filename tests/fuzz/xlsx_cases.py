"""Fuzz cases of plan .xlsx files: the sheet, styles and workbook parts, and odd workbooks."""

import random
import re
from pathlib import Path
from xml.sax.saxutils import escape

from helpers import hostile_files as hf

from fuzz.zip_mutations import member, replace_member

SHEET = "xl/worksheets/sheet1.xml"
HOSTILE_NUMBERS = ("1e999", "-1e999", "NaN", "inf", "1e308", "9" * 40, "abc", "", "-0", "1e-400")
FAR_REFS = ("XFD1048576", "AAA100000", "A1048576", "XFD1", "A1048577", "XFE1", "A0", "ZZZZ1")


def bases(folder: Path) -> list[bytes]:
    plain = hf.plan_xlsx(folder / "xlsx-base-plain.xlsx")
    merged = hf.plan_xlsx(folder / "xlsx-base-merged.xlsx", merges=["A1:E1", "B6:E6", "A7:A8"])
    hidden = hf.plan_xlsx(folder / "xlsx-base-hidden.xlsx", hidden_copy=True)
    return [p.read_bytes() for p in (plain, merged, hidden)]


def _sheet(base: bytes) -> str:
    return member(base, SHEET).decode("utf-8", "replace")


def _with_sheet(base: bytes, text: str) -> bytes:
    return replace_member(base, SHEET, text.encode("utf-8", "surrogatepass"))


def rows_xml(rows: list[list[str]], first_row: int = 1) -> str:
    out = []
    for offset, values in enumerate(rows):
        r = first_row + offset
        cells = "".join(
            f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
            for c, v in enumerate(values)
            if v
        )
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


def _with_rows(base: bytes, rows: list[list[str]]) -> bytes:
    sheet = _sheet(base)
    head = rows_xml([["KẾ HOẠCH"], ["Kiểm soát TTHC năm 2024"], list(hf.HEADER)])
    data = rows_xml(rows, first_row=4)
    sheet = re.sub(
        r"<sheetData>.*</sheetData>|<sheetData/>",
        lambda _: f"<sheetData>{head}{data}</sheetData>",
        sheet,
        flags=re.S,
    )
    sheet = re.sub(r"<mergeCells.*?</mergeCells>", "", sheet, flags=re.S)
    return _with_sheet(base, sheet)


def broken_xml(rng: random.Random, base: bytes) -> bytes:
    part = rng.choice((SHEET, SHEET, "xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml"))
    text = member(base, part).decode("utf-8", "replace")
    position = rng.randrange(len(text))
    text = rng.choice(
        (text[:position], f"{text[:position]}<{text[position:]}", text.replace(">", "", 1))
    )
    return replace_member(base, part, text.encode())


HUGE_MERGES = ("A1:XFD1048576", "A:A", "1:1048576", "A1:XFD1", "A1:A1048576", "A5:Z9999")
ODD_MERGES = ("B2:B2", "C5:A1", "A1:E20", "junk", "A1:A1", "&#65;1:XFD1048576")


def merges(rng: random.Random, base: bytes) -> bytes:
    refs = [rng.choice(HUGE_MERGES if rng.random() < 0.6 else ODD_MERGES)]
    refs += [f"A{n}:E{n}" for n in rng.sample(range(5, 40), rng.randint(0, 10))]
    rng.shuffle(refs)
    block = (
        f'<mergeCells count="{len(refs)}">'
        + "".join(f'<mergeCell ref="{r}"/>' for r in refs)
        + "</mergeCells>"
    )
    sheet = re.sub(r"<mergeCells.*?</mergeCells>", "", _sheet(base), flags=re.S)
    return _with_sheet(base, sheet.replace("</sheetData>", f"</sheetData>{block}", 1))


def far_cells(rng: random.Random, base: bytes) -> bytes:
    ref = rng.choice(FAR_REFS)
    row = re.sub(r"\D", "", ref) or "1"
    cell = f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>lạc</t></is></c></row>'
    sheet = _sheet(base).replace("</sheetData>", f"{cell}</sheetData>", 1)
    if rng.random() < 0.5:
        sheet = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{ref}"/>', sheet)
    return _with_sheet(base, sheet)


def number_noise(rng: random.Random, base: bytes) -> bytes:
    sheet = _sheet(base)
    sheet = re.sub(r"<v>[^<]*</v>", lambda _: f"<v>{rng.choice(HOSTILE_NUMBERS)}</v>", sheet)
    if rng.random() < 0.5:
        sheet = sheet.replace(
            't="inlineStr"', f't="{rng.choice(("n", "b", "e", "d", "s", "str", "zz"))}"', 1
        )
    return _with_sheet(base, sheet)


def huge_cell(rng: random.Random, base: bytes) -> bytes:
    text = rng.choice(("x" * 100_001, "\n".join(f"dòng {n}" for n in range(10_000)), "y" * 32_767))
    return _with_rows(base, [["1", text, "Báo cáo", "Văn phòng", "Quý I"]])


def many_rows(rng: random.Random, base: bytes) -> bytes:
    kind = rng.choice(("continuation", "over-limit"))
    count = 8_000 if kind == "continuation" else 10_001
    return _with_rows(
        base, [["1", "Nhiệm vụ", "", "", ""]] + [["", f"tiếp {n}"] for n in range(count)]
    )


def styles(rng: random.Random, base: bytes) -> bytes:
    text = member(base, "xl/styles.xml").decode()
    edit = rng.choice(("fonts", "count", "font-id", "numfmt", "fills"))
    if edit == "fonts":
        text = re.sub(r"<fonts.*?</fonts>", '<fonts count="0"></fonts>', text, flags=re.S)
    elif edit == "count":
        text = re.sub(
            r'count="\d+"', lambda _: f'count="{rng.choice(("0", "99999", "-1", "x"))}"', text
        )
    elif edit == "font-id":
        text = re.sub(r'fontId="\d+"', f'fontId="{rng.choice(("999", "-1", "x"))}"', text)
    elif edit == "numfmt":
        text = re.sub(r'numFmtId="\d+"', f'numFmtId="{rng.choice(("9999", "-1", "x"))}"', text)
    else:
        text = re.sub(r"<fills.*?</fills>", "", text, flags=re.S)
    return replace_member(base, "xl/styles.xml", text.encode())


def workbook_noise(rng: random.Random, base: bytes) -> bytes:
    text = member(base, "xl/workbook.xml").decode()
    edit = rng.choice(("very-hidden", "all-hidden", "no-sheets", "bad-rel", "same-name"))
    if edit == "very-hidden":
        text = text.replace("<sheet ", '<sheet state="veryHidden" ', 1)
    elif edit == "all-hidden":
        text = text.replace("<sheet ", '<sheet state="hidden" ')
    elif edit == "no-sheets":
        text = re.sub(r"<sheets>.*</sheets>", "<sheets/>", text, flags=re.S)
    elif edit == "bad-rel":
        text = re.sub(r'r:id="[^"]*"', 'r:id="rId999"', text, count=1)
    else:
        text = re.sub(r'name="[^"]*"', 'name="Kế hoạch"', text)
    return replace_member(base, "xl/workbook.xml", text.encode())


def semantic(rng: random.Random, base: bytes) -> bytes:
    kind = rng.choice(("header-only", "shuffled", "header-every-row", "sparse"))
    rows = [[str(n), f"Nhiệm vụ {n}", "Báo cáo", "Văn phòng", "Quý I"] for n in range(1, 30)]
    if kind == "header-only":
        rows = []
    elif kind == "shuffled":
        rng.shuffle(rows)
    elif kind == "header-every-row":
        rows = [r for row in rows for r in (list(hf.HEADER), row)]
    else:
        rows = [row if n % 50 == 0 else [] for n, row in enumerate(rows * 20)]
    return _with_rows(base, rows)


XML_CASES = {
    "broken-xml": (broken_xml, 10),
    "merges": (merges, 12),
    "far-cells": (far_cells, 10),
    "number-noise": (number_noise, 10),
    "huge-cell": (huge_cell, 4),
    "many-rows": (many_rows, 3),
    "styles": (styles, 10),
    "workbook-noise": (workbook_noise, 10),
    "semantic": (semantic, 8),
}
