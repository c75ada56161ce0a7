"""The data side of the guide's screenshots (no Qt): what the demo data lacks for some pictures.

Used by make_guide_screenshots.py: a re-issued parent plan to compare with, a decision as a ward
prints it to attach as evidence, and a parent office's data folder that received the demo ward's
report.
"""

import dataclasses
import json
from pathlib import Path

from kscdesk.domain.model import Level, PlanKind, new_uid
from kscdesk.formats.plan_json import content_from_json
from kscdesk.services.exchange_export import export_report
from kscdesk.services.exchange_import import import_packages
from kscdesk.services.import_plan import import_plan_file, store_parsed_plan
from kscdesk.services.offices import OfficeSpec, set_office
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans

REPO = Path(__file__).resolve().parents[1]
DEMO_PLAN = REPO / "resources" / "sample" / "demo_parent_plan.json"
PARENT_OFFICE = "UBND thành phố Quảng Ngãi"


def plan_uid(ws: Workspace, kind: PlanKind) -> str:
    """The first stored plan of this kind (the demo has one of each)."""
    return next(s.uid for s in plans.list_plans(ws.db) if s.kind is kind)


def store_reissued_parent_plan(ws: Workspace) -> str:
    """The demo parent plan issued again: one task reworded, one task added (its version 2)."""
    content = content_from_json(json.loads(DEMO_PLAN.read_text(encoding="utf-8")), DEMO_PLAN)
    tasks = list(content.tasks)
    tasks[2] = dataclasses.replace(
        tasks[2], content=tasks[2].content + " Hoàn thành trước ngày 31/3/2023."
    )
    last = tasks[-1]
    tasks.append(
        dataclasses.replace(
            last,
            uid=new_uid(),
            number=str(int(last.number) + 1) if last.number.isdigit() else "99",
            sub=None,
            position=last.position + 1,
            content="Rà soát, cập nhật danh mục thủ tục hành chính thực hiện không phụ thuộc "
            "địa giới hành chính.",
        )
    )
    plan = dataclasses.replace(content.plan, issuer=PARENT_OFFICE)
    return store_parsed_plan(ws, dataclasses.replace(content, plan=plan, tasks=tasks))


def decision_docx(folder: Path) -> Path:
    """A decision as a ward prints it (NĐ 30 letterhead), to drop on the evidence dialog."""
    import docx

    document = docx.Document()
    cells = document.add_table(rows=1, cols=2).rows[0].cells
    cells[0].text = "ỦY BAN NHÂN DÂN\nPHƯỜNG TRẦN PHÚ\nSố: 35/QĐ-UBND"
    cells[1].text = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Trần Phú, ngày 06 tháng 3 năm 2023"
    )
    for text in (
        "QUYẾT ĐỊNH",
        "Về việc kiện toàn Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TRẦN PHÚ",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    ):
        document.add_paragraph(text)
    path = folder / "QD-35-kien-toan-bo-phan-mot-cua.docx"
    document.save(str(path))
    return path


def parent_office(ws: Workspace, scratch: Path) -> Workspace:
    """A parent office's data folder (the caller closes it) holding the demo ward's Q1 report,
    received as a package, and the plan it issued."""
    packages = scratch / "usb"
    packages.mkdir(exist_ok=True)
    export_report(ws, "2023-Q1", packages, with_attachments=False)
    parent_ws = Workspace.open(scratch / "cap-tren")
    set_office(
        parent_ws,
        OfficeSpec(PARENT_OFFICE, Level.DISTRICT),
        OfficeSpec("UBND tỉnh Quảng Ngãi", Level.PROVINCE),
    )
    import_packages(parent_ws, packages)
    import_plan_file(parent_ws, DEMO_PLAN)
    return parent_ws


def add_late_letter(ws: Workspace, task_uid: str, scratch: Path) -> None:
    """A letter issued before the period, with its file, on a task: the panel warns about it."""
    import docx

    from kscdesk.domain.model import EvidenceType
    from kscdesk.services.evidence import EvidenceDraft, save_evidence, store_files

    document = docx.Document()
    for text in (
        "ỦY BAN NHÂN DÂN PHƯỜNG TRẦN PHÚ",
        "Số: 95/UBND-VP",
        "V/v chuẩn bị xây dựng kế hoạch kiểm soát thủ tục hành chính năm 2023",
    ):
        document.add_paragraph(text)
    path = scratch / "CV-95-UBND-VP.docx"
    document.save(str(path))
    stored = store_files(ws, [path])
    save_evidence(
        ws,
        EvidenceDraft(
            task_uids=(task_uid,),
            kind=EvidenceType.OFFICIAL_LETTER,
            number="95/UBND-VP",
            date_text="28/11/2022",
            issuer="UBND phường Trần Phú",
            summary="Về việc chuẩn bị xây dựng kế hoạch kiểm soát thủ tục hành chính năm 2023",
            attachments=tuple(item.attachment for item in stored),
        ),
    )
