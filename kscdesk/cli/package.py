"""``kscdesk package …``: export, import and answer exchange packages; ``kscdesk consolidate``."""

import argparse
import sys
from pathlib import Path
from typing import Any

from kscdesk.cli.common import (
    EXIT_OK,
    EXIT_USER_ERROR,
    UserError,
    add_verbs,
    data_option,
    json_option,
    open_workspace,
    print_json,
    text_arg,
)


def register(nouns: Any) -> None:
    verbs = add_verbs(nouns, "package", "gói trao đổi với cấp trên / cấp xã (.kscx)")

    export = verbs.add_parser("export", help="ghi gói báo cáo của kỳ (cấp xã) hoặc gói kế hoạch")
    what = export.add_mutually_exclusive_group(required=True)
    what.add_argument("--period", metavar="KỲ", help="kỳ báo cáo: 2025-Q1 … 2025-Q4, 2025-H1 …")
    what.add_argument("--plan", metavar="KẾ_HOẠCH", help="mã kế hoạch phát hành cho cấp xã")
    export.add_argument("--out", metavar="THƯ_MỤC", required=True, type=Path)
    export.add_argument("--no-attachments", action="store_true", help="không kèm tệp minh chứng")
    data_option(export)
    json_option(export)
    export.set_defaults(handler=cmd_export)

    imp = verbs.add_parser("import", help="nhập một gói hoặc mọi gói trong một thư mục")
    imp.add_argument("source", metavar="TỆP_HOẶC_THƯ_MỤC", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không lưu")
    imp.add_argument(
        "--accept-new-key", action="store_true", help="chấp nhận khóa mới (đã so vân tay)"
    )
    imp.add_argument("--allow-older", action="store_true", help="nhập lại có chủ ý gói cũ hơn")
    data_option(imp)
    json_option(imp)
    imp.set_defaults(handler=cmd_import)

    receipt = verbs.add_parser("receipt", help="biên nhận báo cáo: tiếp nhận hoặc trả lại")
    receipt.add_argument("--office", metavar="ĐƠN_VỊ", type=text_arg, required=True)
    receipt.add_argument("--period", metavar="KỲ", required=True)
    answer = receipt.add_mutually_exclusive_group(required=True)
    answer.add_argument("--accept", action="store_true", help="tiếp nhận báo cáo")
    answer.add_argument(
        "--return",
        dest="return_text",
        metavar="Ý_KIẾN",
        type=text_arg,
        help='trả lại để chỉnh sửa; dòng "3: …" là ý kiến về nhiệm vụ 3',
    )
    receipt.add_argument("--out", metavar="THƯ_MỤC", required=True, type=Path)
    data_option(receipt)
    json_option(receipt)
    receipt.set_defaults(handler=cmd_receipt)

    key = verbs.add_parser("key", help="vân tay khóa ký của đơn vị (để so qua điện thoại)")
    data_option(key)
    json_option(key)
    key.set_defaults(handler=cmd_key)

    consolidate = nouns.add_parser("consolidate", help="tổng hợp báo cáo của cấp xã cho một kỳ")
    consolidate.add_argument("--period", metavar="KỲ", required=True)
    consolidate.add_argument("--out", metavar="THƯ_MỤC", required=True, type=Path)
    data_option(consolidate)
    json_option(consolidate)
    consolidate.set_defaults(handler=cmd_consolidate)


def _written(result: Any, as_json: bool) -> None:
    if as_json:
        print_json({"file": str(result.path), "size": result.size, "package_id": result.package_id})
        return
    print(result.path)
    if result.too_big_for_email:
        print(
            f"Cảnh báo: gói {result.size_text}, lớn hơn mức thư điện tử thường nhận (20 MB). "
            "Hãy chép bằng USB hoặc xuất không kèm minh chứng (--no-attachments).",
            file=sys.stderr,
        )


def cmd_export(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.exchange_export import export_report, publish_plan

    with open_workspace(args) as ws:
        if args.plan:
            result = publish_plan(ws, args.plan, args.out)
        else:
            result = export_report(
                ws, args.period, args.out, with_attachments=not args.no_attachments
            )
    _written(result, args.json)
    return EXIT_OK


def cmd_import(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.exchange_import import ImportOptions, import_packages

    options = ImportOptions(args.dry_run, args.accept_new_key, args.allow_older)
    with open_workspace(args) as ws:
        items = import_packages(ws, args.source, options)
    refused = [item for item in items if not item.accepted]
    if args.json:
        print_json(
            {
                "dry_run": args.dry_run,
                "accepted": len(items) - len(refused),
                "refused": len(refused),
                "items": [
                    {
                        "file": str(item.file),
                        "outcome": item.outcome.value,
                        "message": item.message,
                        "kind": item.kind,
                        "sender": item.sender,
                        "period": item.period,
                        "sequence": item.sequence,
                    }
                    for item in items
                ],
            }
        )
    else:
        prefix = "[Thử, chưa lưu] " if args.dry_run else ""
        for item in items:
            if item.accepted:
                print(f"{prefix}{item.file.name}: {item.outcome.label}. {item.message}")
        for item in refused:
            print(f"{prefix}Từ chối – {item.message}", file=sys.stderr)
    return EXIT_USER_ERROR if refused else EXIT_OK


def cmd_receipt(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.exchange_export import write_receipt

    if args.return_text is not None and not args.return_text:
        raise UserError("Hãy ghi ý kiến sau --return.")
    with open_workspace(args) as ws:
        result = write_receipt(ws, args.office, args.period, args.out, return_text=args.return_text)
    _written(result, args.json)
    return EXIT_OK


def cmd_key(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.exchange_keys import own_fingerprint

    with open_workspace(args) as ws:
        fp = own_fingerprint(ws)
    if args.json:
        print_json({"fingerprint": fp})
    else:
        print(f"Vân tay khóa ký của đơn vị: {fp}")
    return EXIT_OK


def cmd_consolidate(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.consolidation import consolidate, consolidation_json

    with open_workspace(args) as ws:
        result = consolidate(ws, args.period, args.out)
    if args.json:
        print_json(consolidation_json(result))
        return EXIT_OK
    view = result.view
    print(f"{view.period_label} – hạn nộp {view.deadline:%d/%m/%Y}")
    for row in view.ledger:
        print(f"  {row.name}: {row.standing.label}" + (f" ({row.sent_at})" if row.sent_at else ""))
    for path in result.files:
        print(path)
    return EXIT_OK
