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


def register(nouns: Any) -> None:
    verbs = add_verbs(nouns, "plan", "kế hoạch: nhập, liệt kê, xem, xuất")
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

    export = verbs.add_parser("export", help="xuất kế hoạch ra tệp Excel để in")
    export.add_argument("plan", metavar="MÃ_KẾ_HOẠCH", type=text_arg)
    export.add_argument("--xlsx", metavar="TỆP_RA", type=Path, required=True)
    data_option(export)
    export.set_defaults(handler=cmd_export)


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
    print(f"Tệp: {args.file.name}")
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
                }
                for s in summaries
            ]
        )
        return 0
    if not summaries:
        print("Chưa có kế hoạch nào. Nhập bằng lệnh: kscdesk plan import TỆP")
        return 0
    for s in summaries:
        print(f"{s.uid[:8]}  {s.year}  {s.kind.label:<22} {s.issuer} – {s.task_count} nhiệm vụ")
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
    from kscdesk.services.plans import export_plan_xlsx

    with open_workspace(args) as ws:
        out = export_plan_xlsx(ws, args.plan, args.xlsx)
    print(f"Đã xuất kế hoạch ra {out}", file=sys.stdout)
    return 0
