"""``kscdesk plan derive|check|update``: the commune's own plan, its checks, parent revisions.

Registered by ``kscdesk.cli.plan`` (the ``plan`` noun); kept apart to keep each module small.
"""

import argparse
from pathlib import Path
from typing import Any

from kscdesk.cli.common import (
    EXIT_OK,
    EXIT_USER_ERROR,
    data_option,
    json_option,
    open_workspace,
    print_json,
    text_arg,
)


def register_verbs(verbs: Any) -> None:
    derive = verbs.add_parser(
        "derive", help="lập kế hoạch của đơn vị từ kế hoạch cấp trên (hoặc kế hoạch năm trước)"
    )
    derive.add_argument("parent", metavar="MÃ_KẾ_HOẠCH_CẤP_TRÊN", type=text_arg)
    derive.add_argument(
        "--office", metavar="TÊN", type=text_arg, help="tên xã, phường (khi thư mục chưa có)"
    )
    derive.add_argument(
        "--rules",
        metavar="TỆP",
        type=Path,
        help="tệp quy tắc thay từ (.json); không có: dùng quy tắc đã lưu của đơn vị",
    )
    data_option(derive)
    json_option(derive)
    derive.set_defaults(handler=cmd_derive)

    check = verbs.add_parser("check", help="rà soát kế hoạch: từ ngữ cấp trên, năm, lỗi chính tả…")
    check.add_argument("plan", metavar="MÃ_KẾ_HOẠCH|TỆP", type=text_arg)
    check.add_argument("--strict", action="store_true", help="thoát với mã 1 khi có phát hiện")
    data_option(check)
    json_option(check)
    check.set_defaults(handler=cmd_check)

    update = verbs.add_parser("update", help="so sánh với kế hoạch cấp trên ban hành lại")
    update.add_argument("plan", metavar="MÃ_KẾ_HOẠCH", type=text_arg)
    update.add_argument("--parent", metavar="MÃ_KẾ_HOẠCH_MỚI", type=text_arg, required=True)
    update.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không sửa gì")
    data_option(update)
    json_option(update)
    update.set_defaults(handler=cmd_update)


def cmd_derive(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.tailor_plan import derive_plan, read_rules_file

    rules = read_rules_file(args.rules) if args.rules else None
    with open_workspace(args) as ws:
        plan_uid = derive_plan(ws, args.parent, office_name=args.office, rules=rules)
    if args.json:
        print_json({"id": plan_uid})
    else:
        print(f"Đã lập kế hoạch của đơn vị, mã {plan_uid[:8]}.")
    return EXIT_OK


def _is_file(ref: str) -> bool:
    path = Path(ref)
    return path.suffix.lower() in (".docx", ".xlsx", ".json") and path.is_file()


def cmd_check(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.tailor_plan import check_plan_file, check_stored_plan

    if _is_file(args.plan):
        result = check_plan_file(Path(args.plan))
    else:
        with open_workspace(args) as ws:
            result = check_stored_plan(ws, args.plan)
    findings = result.findings
    if args.json:
        print_json(
            {
                "findings": [
                    {
                        "kind": f.kind,
                        "task": f.task,
                        "field": f.field,
                        "text": f.text,
                        "message": f.message,
                        "suggestion": f.suggestion,
                    }
                    for f in findings
                ]
            }
        )
    else:
        print(f"Rà soát: {result.plan_title}")
        for f in findings:
            where = f"Nhiệm vụ {f.task}" if f.task else "Kế hoạch"
            hint = f" → gợi ý: {f.suggestion}" if f.suggestion else ""
            print(f"- {where} ({f.field}): {f.message}{hint}")
        print(f"{len(findings)} phát hiện." if findings else "Không có phát hiện nào.")
    return EXIT_USER_ERROR if args.strict and findings else EXIT_OK


def cmd_update(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.plan_update import apply_upstream, compare_with_parent

    with open_workspace(args) as ws:
        update = compare_with_parent(ws, args.plan, args.parent)
        if not args.dry_run:
            apply_upstream(ws, update)
    comparison = update.comparison
    if args.json:
        print_json(
            {
                "changes": [
                    {
                        "kind": c.kind,
                        "old_number": c.old_number,
                        "new_number": c.new_number,
                        "field": c.field,
                        "old": c.old,
                        "new": c.new,
                    }
                    for c in comparison.changes
                ],
                "unchanged": comparison.unchanged,
            }
        )
        return EXIT_OK
    labels = {
        "upstream": "cấp trên sửa",
        "local": "đơn vị đã sửa (giữ)",
        "both": "cả hai bên sửa (cần quyết định)",
        "added": "cấp trên thêm",
        "removed": "cấp trên bỏ",
    }
    for c in comparison.changes:
        number = c.old_number or c.new_number
        field = f" – {c.field}" if c.field else ""
        print(f"- [{labels[c.kind]}] nhiệm vụ {number}{field}: {c.old[:60]!r} → {c.new[:60]!r}")
    applied = sum(c.kind == "upstream" for c in comparison.changes)
    print(f"{comparison.unchanged} nhiệm vụ không đổi.")
    if args.dry_run:
        print("Chạy thử: chưa sửa gì.")
    else:
        print(f"Đã áp dụng {applied} thay đổi của cấp trên; các mục khác để cán bộ quyết định.")
    return EXIT_OK
