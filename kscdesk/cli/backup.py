"""``kscdesk backup list|create|restore``: the data folder's verified backups."""

import argparse
from typing import Any

from kscdesk import paths
from kscdesk.cli.common import (
    UserError,
    add_verbs,
    data_option,
    json_option,
    open_workspace,
    print_json,
)


def register(nouns: Any) -> None:
    verbs = add_verbs(nouns, "backup", "sao lưu: xem, tạo, khôi phục bản sao lưu dữ liệu")

    listing = verbs.add_parser("list", help="danh sách bản sao lưu, mới nhất trước")
    data_option(listing)
    json_option(listing)
    listing.set_defaults(handler=cmd_list)

    create = verbs.add_parser("create", help="sao lưu ngay (bản sao được kiểm tra toàn vẹn)")
    data_option(create)
    json_option(create)
    create.set_defaults(handler=cmd_create)

    restore = verbs.add_parser(
        "restore", help="khôi phục một bản sao lưu (dữ liệu hiện tại được sao lưu trước)"
    )
    restore.add_argument(
        "backup", metavar="BẢN_SAO_LƯU", help="tên tệp (hoặc phần đầu), số thứ tự trong danh sách"
    )
    data_option(restore)
    json_option(restore)
    restore.set_defaults(handler=cmd_restore)


def _item_json(item: Any) -> dict[str, Any]:
    return {
        "name": item.name,
        "path": str(item.path),
        "taken_at": item.taken_at.isoformat(timespec="seconds"),
        "reason": item.reason,
        "label": item.label,
        "size": item.size,
    }


def cmd_list(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.backups import list_backups

    folder = paths.data_dir(getattr(args, "data_dir", None))
    backups = list_backups(folder)
    if args.json:
        print_json([_item_json(item) for item in backups])
        return 0
    if not backups:
        print(f"Chưa có bản sao lưu nào trong {paths.backups_dir(folder)}.")
        return 0
    for number, item in enumerate(backups, start=1):
        when = item.taken_at.strftime("%d/%m/%Y %H:%M:%S")
        print(f"{number:>3}  {when}  {item.size / 1024:>8.0f} KB  {item.label}  {item.name}")
    return 0


def cmd_create(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.backups import create_backup, list_backups

    with open_workspace(args) as ws:
        saved = create_backup(ws)
        item = next(b for b in list_backups(ws.folder) if b.path == saved)
    if args.json:
        print_json(_item_json(item))
    else:
        print(f"Đã sao lưu và kiểm tra: {saved}")
    return 0


def cmd_restore(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.instance import instance_key, is_running
    from kscdesk.services.backups import find_backup, restore_backup

    folder = paths.data_dir(getattr(args, "data_dir", None))
    if is_running(instance_key(folder)):
        raise UserError(
            f"kscdesk đang mở thư mục dữ liệu {folder}. Hãy đóng cửa sổ kscdesk rồi khôi phục, "
            "hoặc khôi phục ngay trong cửa sổ: Tệp → Sao lưu và phục hồi…. Không có gì thay đổi."
        )
    result = restore_backup(folder, find_backup(folder, args.backup))
    if args.json:
        print_json(
            {
                "restored": _item_json(result.restored),
                "safety_copy": str(result.safety_copy) if result.safety_copy else None,
            }
        )
        return 0
    print(f"Đã khôi phục {result.restored.name} ({result.restored.label}).")
    if result.safety_copy is not None:
        print(f"Dữ liệu trước khi khôi phục được giữ tại: {result.safety_copy}")
    return 0
