"""Report speed: the quarterly .docx of a 60-task plan with 300 evidence records vs python-docx.

kscdesk side: gather the data from the store, draft the text, lay out the NĐ 30 document and
save it (the .docx of `kscdesk report build`). Baseline: python-docx writing a document with the
same number of paragraphs and table cells as the report it produced, with plain text, and saving
it. Measured side by side, alternating, in one run. Target: ≤ 1.5.
Usage: python benchmarks/report.py [--rounds N]
"""

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import docx

from kscdesk.domain.model import (
    Evidence,
    EvidenceType,
    Indicator,
    IndicatorValue,
    Level,
    Plan,
    PlanContent,
    PlanKind,
    Progress,
    ProgressStatus,
    Section,
    Task,
)
from kscdesk.formats.docx_report_writer import write_report_docx
from kscdesk.services.reports import letterhead_for, prepare_report
from kscdesk.services.workspace import Workspace
from kscdesk.store import indicators, plans, progress

TARGET = 1.5
PERIOD = "2025-Q1"
TIMEFRAMES = ["Quý I", "Thường xuyên", "Trước ngày 28/02/2025", "Quý II", "Theo kế hoạch"]
STATUSES = [ProgressStatus.DONE, ProgressStatus.IN_PROGRESS, ProgressStatus.NOT_STARTED]


def fill_store(ws: Workspace, tasks: int = 60, evidence: int = 300) -> str:
    sections = [
        Section(code, f"Nhóm nhiệm vụ {code}", position=i)
        for i, code in enumerate(["I", "II", "III", "IV", "V", "VI"])
    ]
    rows = [
        Task(
            section_code=sections[n % len(sections)].code,
            number=str(n + 1),
            content=f"Thực hiện rà soát, đánh giá thủ tục hành chính thuộc lĩnh vực số {n + 1}, "
            "đề xuất phương án đơn giản hóa, cắt giảm chi phí tuân thủ.",
            timeframe=TIMEFRAMES[n % len(TIMEFRAMES)],
            position=n,
        )
        for n in range(tasks)
    ]
    content = PlanContent(
        plan=Plan(
            "UBND phường An Phú",
            2025,
            "Kế hoạch kiểm soát TTHC năm 2025",
            level=Level.COMMUNE,
            kind=PlanKind.OWN,
        ),
        sections=sections,
        tasks=rows,
        indicators=[
            Indicator(str(i), f"Tỷ lệ chỉ tiêu {i}", "%", "Tối thiểu 80", position=i)
            for i in range(1, 8)
        ],
    )
    plan_uid = plans.save_plan_content(ws.db, content)
    with ws.db.atomic():
        for n, task in enumerate(rows):
            status = STATUSES[n % len(STATUSES)]
            done_on = (
                date(2025, 1, 10) + timedelta(days=n) if status is ProgressStatus.DONE else None
            )
            progress.save_progress(ws.db, Progress(task.uid, PERIOD, status, done_on, "Ghi chú"))
        for n in range(evidence):
            progress.save_evidence(
                ws.db,
                Evidence(
                    EvidenceType.REPORT,
                    f"{n + 1}/BC-UBND",
                    date(2025, 1, 2) + timedelta(days=n % 70),
                    "UBND phường An Phú",
                    f"Báo cáo kết quả thực hiện nhiệm vụ số {n % tasks + 1}",
                    task_uids=(rows[n % tasks].uid,),
                ),
            )
        for item in content.indicators:
            indicators.save_indicator_value(ws.db, IndicatorValue(item.uid, PERIOD, 850, 1000))
    return plan_uid


def build_with_kscdesk(ws: Workspace, out: Path) -> None:
    """Gather from the store, draft, lay out per NĐ 30 and save the .docx."""
    preview = prepare_report(ws, PERIOD)
    data = preview.data
    write_report_docx(data, preview.texts(), letterhead_for(ws, data), out)


def count_parts(path: Path) -> tuple[int, list[tuple[int, int]]]:
    document = docx.Document(str(path))
    shapes = [(len(t.rows), len(t.columns)) for t in document.tables]
    return len(document.paragraphs), shapes


def write_with_python_docx(paragraphs: int, tables: list[tuple[int, int]], out: Path) -> None:
    document = docx.Document()
    for n in range(paragraphs):
        document.add_paragraph(f"Đoạn văn số {n} của báo cáo kiểm soát thủ tục hành chính.")
    for rows, cols in tables:
        table = document.add_table(rows=rows, cols=cols)
        for row in table.rows:
            for cell in row.cells:
                cell.text = "Nội dung ô"
    document.save(str(out))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp) / "data") as ws:
        fill_store(ws)
        ours_path, base_path = Path(tmp) / "bao-cao.docx", Path(tmp) / "baseline.docx"
        build_with_kscdesk(ws, ours_path)  # warm both paths before timing
        paragraphs, tables = count_parts(ours_path)
        write_with_python_docx(paragraphs, tables, base_path)
        baseline, ours = [], []
        for _ in range(args.rounds):
            start = time.perf_counter()
            write_with_python_docx(paragraphs, tables, base_path)
            baseline.append(time.perf_counter() - start)
            start = time.perf_counter()
            build_with_kscdesk(ws, ours_path)
            ours.append(time.perf_counter() - start)
    cells = sum(rows * cols for rows, cols in tables)
    ratio = statistics.median(ours) / statistics.median(baseline)
    print(f"report: {paragraphs} paragraphs, {len(tables)} tables, {cells} table cells")
    print(f"python-docx same paragraphs and cells: {statistics.median(baseline) * 1000:.1f} ms")
    print(f"kscdesk quarterly report (.docx):      {statistics.median(ours) * 1000:.1f} ms")
    print(f"ratio: {ratio:.2f} (target ≤ {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
