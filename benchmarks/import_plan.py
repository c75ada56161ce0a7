"""Import speed: a 60-row plan through kscdesk vs python-docx merely reading every cell, and the
same plan printed to PDF through kscdesk vs pdfplumber merely extracting its tables.

Prints each ratio (kscdesk import time ÷ library time), measured side by side, alternating, in
one run. Target: ≤ 2.0 each. The PDF case needs LibreOffice to print the plan (skipped without).
Usage: python benchmarks/import_plan.py [--rounds N]
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx
from docx.shared import Pt

from kscdesk.formats.doc_conversion import find_soffice
from kscdesk.services.import_plan import import_plan_file
from kscdesk.services.workspace import Workspace

TARGET = 2.0
SECTIONS = ["I", "II", "III", "IV", "V", "VI"]
TIMEFRAMES = ["Quý I", "Thường xuyên", "Theo kế hoạch", "Định kỳ 06 tháng và cuối năm", "Quý IV"]


def build_plan(path: Path, rows: int = 60) -> None:
    """A realistic plan: preamble, letterhead table, a 5-column plan table of ``rows`` tasks."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    head = document.add_table(rows=1, cols=2)
    head.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ QUẢNG NGÃI"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph(
        "Hoạt động kiểm soát thủ tục hành chính năm 2024 trên địa bàn thành phố Quảng Ngãi"
    )
    document.add_paragraph(
        "(Ban hành kèm theo Quyết định số 35/QĐ-UBND ngày 14/02/2024 của Chủ tịch UBND thành phố)"
    )
    per_section = rows // len(SECTIONS)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"  # ruled, as every plan table is (and as a PDF reader needs)
    header = [
        "STT",
        "Nội dung công việc",
        "Kết quả công việc",
        "Cơ quan, đơn vị thực hiện",
        "Thời gian thực hiện",
    ]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    number = 0
    for code in SECTIONS:
        cells = table.add_row().cells
        cells[0].text = code
        merged = cells[1].merge(cells[4])
        merged.text = f"Nhóm nhiệm vụ {code} về kiểm soát thủ tục hành chính"
        for _ in range(per_section):
            number += 1
            cells = table.add_row().cells
            cells[0].text = str(number)
            cells[1].text = (
                f"Thực hiện rà soát, đánh giá thủ tục hành chính thuộc lĩnh vực số {number}, "
                "đề xuất phương án đơn giản hóa, cắt giảm chi phí tuân thủ."
            )
            cells[2].text = "- Báo cáo kết quả rà soát.\n- Phương án đơn giản hóa TTHC."
            cells[3].text = (
                "- Văn phòng thành phố chủ trì.\n"
                "- Các phòng, ban, đơn vị thành phố; UBND các xã, phường phối hợp."
            )
            cells[4].text = TIMEFRAMES[number % len(TIMEFRAMES)]
    document.save(str(path))


def read_with_python_docx(path: Path) -> int:
    document = docx.Document(str(path))
    chars = 0
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                chars += len(cell.text)
    return chars


def open_workspace(folder: Path) -> Workspace:
    """The officer's data folder, already open in the running app (not part of the import)."""
    return Workspace.open(folder)


def import_with_kscdesk(path: Path, ws: Workspace) -> int:
    """The whole import: archive checks, parse, duplicate check, one transaction to the store."""
    return len(import_plan_file(ws, path).content.tasks)


def print_to_pdf(path: Path) -> Path | None:
    """The plan printed to PDF by LibreOffice, as the document system would deliver it."""
    soffice = find_soffice()
    if soffice is None:
        return None
    profile = (path.parent / "lo-profile").resolve().as_uri()
    command = [str(soffice), f"-env:UserInstallation={profile}", "--headless", "--convert-to"]
    command += ["pdf", "--outdir", str(path.parent), str(path)]
    subprocess.run(command, capture_output=True, timeout=300, check=False)
    pdf = path.with_suffix(".pdf")
    return pdf if pdf.is_file() else None


def extract_with_pdfplumber(path: Path) -> int:
    import pdfplumber

    chars = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                chars += sum(len(cell or "") for row in table for cell in row)
    return chars


def side_by_side(
    plan: Path, baseline_read: Callable[[Path], int], folder: Path, rounds: int
) -> tuple[int, float, float]:
    """(tasks imported, library median seconds, kscdesk median seconds), alternating."""
    baseline_read(plan)  # warm both paths (imports, caches) before timing
    workspaces = [open_workspace(folder / f"ws{i}") for i in range(rounds + 1)]
    tasks = import_with_kscdesk(plan, workspaces[0])
    baseline, ours = [], []
    for ws in workspaces[1:]:
        start = time.perf_counter()
        baseline_read(plan)
        baseline.append(time.perf_counter() - start)
        start = time.perf_counter()
        import_with_kscdesk(plan, ws)
        ours.append(time.perf_counter() - start)
    for ws in workspaces:
        ws.close()
    return tasks, statistics.median(baseline), statistics.median(ours)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "ke-hoach-60-dong.docx"
        build_plan(plan)
        tasks, base, ours = side_by_side(
            plan, read_with_python_docx, Path(tmp) / "docx", args.rounds
        )
        ratio = ours / base
        ok = ok and ratio <= TARGET
        print(f"tasks imported: {tasks}")
        print(f"python-docx open + read every cell: {base * 1000:.1f} ms (median)")
        print(f"kscdesk import (parse + store):     {ours * 1000:.1f} ms (median)")
        print(f"ratio: {ratio:.2f} (target ≤ {TARGET})")
        pdf = print_to_pdf(plan)
        if pdf is None:
            print("PDF case skipped: LibreOffice is not installed to print the plan.")
        else:
            tasks, base, ours = side_by_side(
                pdf, extract_with_pdfplumber, Path(tmp) / "pdf", args.rounds
            )
            ratio = ours / base
            ok = ok and ratio <= TARGET
            print(f"PDF tasks imported: {tasks}")
            print(f"pdfplumber open + extract_tables:   {base * 1000:.1f} ms (median)")
            print(f"kscdesk PDF import (parse + store): {ours * 1000:.1f} ms (median)")
            print(f"ratio: {ratio:.2f} (target ≤ {TARGET})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
