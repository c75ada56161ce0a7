"""Import scaling: time per row and per character must stay flat as plans grow (issue 12).

Imports (parse + store, into a fresh data folder each round) plans of 60, 600 and 6,000 task
rows as .docx and .xlsx, and .docx plans whose one task holds 1 KB, 100 KB and 1 MB of text (a
cell holds at most 100,000 characters, so the megabyte comes as ten 100 KB continuation rows).
Prints the time per row (per character) of the largest over the smallest, and of the largest over
the next: linear import keeps both ratios near 1, quadratic import makes them 10 or 100.
Peak memory (Python objects by tracemalloc, in a separate untimed pass) is printed for each size,
and the peak resident memory of the whole run at the end.
Usage: python benchmarks/import_scaling.py [--rounds N]
"""

import argparse
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl

from kscdesk.services.import_plan import import_plan_file
from kscdesk.services.workspace import Workspace

TARGET = 2.0
ROW_SIZES = (60, 600, 6_000)
CELL_SIZES = {"1 KB": 1_000, "100 KB": 100_000, "1 MB": 1_000_000}
HEADER = ["STT", "Nội dung công việc", "Kết quả công việc", "Cơ quan chủ trì", "Thời gian"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
    '+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
    'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
    'document.main+xml"/></Types>'
)
RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
PREAMBLE = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "KẾ HOẠCH", "Kiểm soát TTHC năm 2025"]


def roman(n: int) -> str:
    return ("X" * (n // 10) + ROMAN[n % 10 - 1]) if n % 10 else "X" * (n // 10)


def plan_rows(count: int) -> list[list[str]]:
    """``count`` task rows in sections of 100 (task numbers restart in each section)."""
    rows: list[list[str]] = []
    for index in range(count):
        if index % 100 == 0:
            rows.append([roman(index // 100 + 1), f"Nhóm nhiệm vụ {index // 100 + 1}", "", "", ""])
        rows.append(
            [
                str(index % 100 + 1),
                f"Rà soát, đánh giá thủ tục hành chính lĩnh vực số {index + 1}, đề xuất phương án "
                "đơn giản hóa.",
                "- Báo cáo kết quả rà soát.\n- Phương án đơn giản hóa.",
                "Văn phòng chủ trì;\ncác phòng, ban phối hợp",
                "Quý I",
            ]
        )
    return rows


def text_rows(chars: int) -> list[list[str]]:
    """One task whose content holds ``chars`` characters of short lines, in cells of ≤100,000."""
    line = "Nội dung chi tiết của nhiệm vụ, dòng viết tiếp"  # 46 characters and a line break
    text = "\n".join([line] * (chars // (len(line) + 1)))
    pieces = [text[i : i + 99_000] for i in range(0, len(text), 99_000)]
    rows = [["1", pieces[0], "Báo cáo", "Văn phòng chủ trì", "Quý I"]]
    return rows + [["", piece, "", "", ""] for piece in pieces[1:]]


def write_docx(path: Path, rows: list[list[str]]) -> Path:
    def cell(text: str) -> str:
        paras = "".join(f"<w:p><w:r><w:t>{escape(t)}</w:t></w:r></w:p>" for t in text.split("\n"))
        return f"<w:tc>{paras or '<w:p/>'}</w:tc>"

    grid = "<w:tblGrid>" + '<w:gridCol w:w="1800"/>' * 5 + "</w:tblGrid>"
    body = "".join(f"<w:p><w:r><w:t>{escape(t)}</w:t></w:r></w:p>" for t in PREAMBLE)
    table = "".join("<w:tr>" + "".join(cell(t) for t in row) + "</w:tr>" for row in [HEADER, *rows])
    document = f'<w:document xmlns:w="{W}"><w:body>{body}<w:tbl>{grid}{table}</w:tbl><w:p/>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document + "</w:body></w:document>")
    return path


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Kế hoạch")
    for line in PREAMBLE:
        sheet.append([line])
    for row in [HEADER, *rows]:
        sheet.append(row)
    workbook.save(path)
    return path


def time_import(path: Path, folder: Path, rounds: int) -> float:
    """Best seconds of the whole import over the rounds, each into a fresh data folder (opened
    untimed): the best round is the one least disturbed by other work on the machine."""
    times = []
    for round_ in range(rounds + 1):  # the first round warms imports and caches
        ws = Workspace.open(folder / f"{path.stem}-{round_}")
        try:
            start = time.perf_counter()
            import_plan_file(ws, path)
            times.append(time.perf_counter() - start)
        finally:
            ws.close()
    return min(times[1:])


def peak_mb(path: Path, folder: Path) -> float:
    ws = Workspace.open(folder / f"{path.stem}-peak")
    try:
        tracemalloc.start()
        import_plan_file(ws, path)
        return tracemalloc.get_traced_memory()[1] / 1024 / 1024
    finally:
        tracemalloc.stop()
        ws.close()


def measure(
    label: str, sizes: dict[str, int], build: Callable[[str, int], Path], folder: Path, rounds: int
) -> bool:
    per_unit: dict[str, float] = {}
    for name, size in sizes.items():
        path = build(name, size)
        seconds = time_import(path, folder, rounds)
        per_unit[name] = seconds / size
        print(
            f"{label} {name:>7}: {seconds * 1000:8.0f} ms, {per_unit[name] * 1e6:8.2f} µs per unit,"
            f" peak memory {peak_mb(path, folder):6.1f} MB"
        )
    names = list(sizes)
    largest_vs_smallest = per_unit[names[-1]] / per_unit[names[0]]
    largest_vs_next = per_unit[names[-1]] / per_unit[names[-2]]
    print(
        f"{label}: time per unit, {names[-1]} ÷ {names[0]}: ratio: {largest_vs_smallest:.2f} "
        f"(target ≤ {TARGET})"
    )
    print(
        f"{label}: time per unit, {names[-1]} ÷ {names[-2]}: ratio: {largest_vs_next:.2f} "
        f"(target ≤ {TARGET})"
    )
    return largest_vs_smallest <= TARGET and largest_vs_next <= TARGET


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = {f"{n} rows": n for n in ROW_SIZES}
        ok &= measure(
            ".docx rows",
            rows,
            lambda name, n: write_docx(folder / f"rows-{n}.docx", plan_rows(n)),
            folder,
            args.rounds,
        )
        ok &= measure(
            ".xlsx rows",
            rows,
            lambda name, n: write_xlsx(folder / f"rows-{n}.xlsx", plan_rows(n)),
            folder,
            args.rounds,
        )
        ok &= measure(
            ".docx characters",
            CELL_SIZES,
            lambda name, n: write_docx(folder / f"text-{n}.docx", text_rows(n)),
            folder,
            args.rounds,
        )
    try:
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak resident memory of the whole run: {rss:.0f} MB")
    except ImportError:  # Windows
        pass
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
