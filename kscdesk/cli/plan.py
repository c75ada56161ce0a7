"""``kscdesk plan …`` commands: import, list, show, export."""

import argparse
import sys
from pathlib import Path
from typing import Any

from kscdesk.cli.common import (
    add_verbs,
    data_option,
    json_option,
    open_workspace,
    print_json,
    text_arg,
)
from kscdesk.cli.plan_tailoring import register_verbs


def register(nouns: Any) -> None:
    verbs = add_verbs(nouns, "plan", "kế hoạch: nhập, liệt kê, xem, xuất, lập, rà soát, cập nhật")
    imp = verbs.add_parser(
        "import",
        help="nhập kế hoạch cấp trên từ tệp .docx, .xlsx, .pdf, .doc, .xls, .odt, .ods hoặc .json",
    )
    imp.add_argument("file", metavar="TỆP", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="chỉ đọc và báo cáo, không lưu")
    data_option(imp)
    json_option(imp)
    imp.set_defaults(handler=cmd_import)

    lst = verbs.add_parser("list", help="liệt kê các kế hoạch đã lưu")
    data_option(lst)
    json_option(lst)
    lst.set_defaults(handler=cmd_list)

    show = verbs.add_parser("show", help="xem một kế hoạch")
    show.add_argument("plan", metavar="MÃ_KẾ_HOẠCH", type=text_arg)
    data_option(show)
    json_option(show)
    show.set_defaults(handler=cmd_show)

    export = verbs.add_parser(
        "export", help="xuất kế hoạch ra tệp Excel để in, hoặc quyết định ban hành (.docx)"
    )
    export.add_argument("plan", metavar="MÃ_KẾ_HOẠCH", type=text_arg)
    outputs = export.add_argument_group("tệp ra (ít nhất một)")
    outputs.add_argument("--xlsx", metavar="TỆP_RA", type=Path, help="bảng kế hoạch để in")
    outputs.add_argument(
        "--docx",
        metavar="TỆP_RA",
        type=Path,
        help="quyết định ban hành kế hoạch của đơn vị, kế hoạch là phụ lục",
    )
    data_option(export)
    export.set_defaults(handler=cmd_export)

    register_verbs(verbs)


def cmd_import(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.formats.plan_json import content_to_json
    from kscdesk.services.import_plan import import_plan_file, parse_plan_file

    if args.dry_run:
        content = parse_plan_file(args.file)
        plan_uid = None
    else:
        with open_workspace(args) as ws:
            result = import_plan_file(ws, args.file)
        content, plan_uid = result.content, result.plan_uid
    if args.json:
        data = content_to_json(content)
        if plan_uid:
            data["id"] = plan_uid
        print_json(data)
        return 0
    plan = content.plan
    print(f"Tệp: {plan.source_name}")
    print(f"Kế hoạch: {plan.title}")
    print(f"Cơ quan ban hành: {plan.issuer} ({plan.level.label}) – năm {plan.year}")
    if plan.decision:
        when = f" ngày {plan.decision.date:%d/%m/%Y}" if plan.decision.date else ""
        print(f"Quyết định số {plan.decision.number}{when}")
    print(
        f"Tìm thấy {len(content.sections)} mục, {len(content.tasks)} nhiệm vụ, "
        f"{len(content.indicators)} chỉ tiêu."
    )
    for warning in content.warnings:
        print(f"Cảnh báo – {warning}")
    if plan_uid:
        print(f"Đã lưu với mã {plan_uid[:8]}.")
    else:
        print("Chạy thử: chưa lưu gì.")
    return 0


def cmd_list(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.store import plans

    with open_workspace(args) as ws:
        summaries = plans.list_plans(ws.db)
    if args.json:
        print_json(
            [
                {
                    "id": s.uid,
                    "issuer": s.issuer,
                    "year": s.year,
                    "title": s.title,
                    "kind": s.kind.value,
                    "level": s.level.value,
                    "tasks": s.task_count,
                    "version": s.version,
                }
                for s in summaries
            ]
        )
        return 0
    if not summaries:
        print("Chưa có kế hoạch nào. Nhập bằng lệnh: kscdesk plan import TỆP")
        return 0
    for s in summaries:
        version = f" (bản {s.version})" if s.version > 1 else ""
        print(
            f"{s.uid[:8]}  {s.year}  {s.kind.label:<22} {s.issuer}{version} – "
            f"{s.task_count} nhiệm vụ"
        )
    return 0


def cmd_show(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.formats.plan_json import content_to_json
    from kscdesk.services.plans import find_plan_uid
    from kscdesk.store import plans

    with open_workspace(args) as ws:
        content = plans.load_plan_content(ws.db, find_plan_uid(ws, args.plan))
    if args.json:
        print_json(content_to_json(content))
        return 0
    print(f"{content.plan.title} ({content.plan.issuer}, {content.plan.year})")
    tasks_by_section: dict[str, list[Any]] = {}
    for task in content.tasks:
        tasks_by_section.setdefault(task.section_code, []).append(task)
    for section in content.sections:
        print(f"\n{section.code}. {section.title}")
        for task in tasks_by_section.get(section.code, []):
            sub = f"{task.sub})" if task.sub else ""
            print(f"  {task.number}{sub} {task.content[:90]} [{task.timeframe}]")
    return 0


def cmd_export(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.cli.common import UserError
    from kscdesk.services.plan_decision import export_plan_docx
    from kscdesk.services.plans import export_plan_xlsx

    if args.xlsx is None and args.docx is None:
        raise UserError("Chọn tệp ra: --xlsx TỆP (bảng kế hoạch) hoặc --docx TỆP (quyết định).")
    with open_workspace(args) as ws:
        written = []
        if args.xlsx is not None:
            written.append(export_plan_xlsx(ws, args.plan, args.xlsx))
        if args.docx is not None:
            written.append(export_plan_docx(ws, args.plan, args.docx))
    for out in written:
        print(f"Đã xuất kế hoạch ra {out}", file=sys.stdout)
    return 0
