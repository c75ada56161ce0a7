"""``kscdesk office …`` commands: show and set the office this data folder serves."""

import argparse
from typing import Any

from kscdesk.cli.common import (
    add_verbs,
    data_option,
    json_option,
    open_workspace,
    print_json,
    text_arg,
)
from kscdesk.domain.model import Level, Office

LEVEL_CHOICES = [level.value for level in Level]


def register(nouns: Any) -> None:
    verbs = add_verbs(nouns, "office", "đơn vị: xem, đặt đơn vị của thư mục dữ liệu")

    show = verbs.add_parser("show", help="xem đơn vị và cơ quan cấp trên")
    data_option(show)
    json_option(show)
    show.set_defaults(handler=cmd_show)

    put = verbs.add_parser("set", help="đặt đơn vị của thư mục dữ liệu và cơ quan cấp trên")
    put.add_argument("--name", metavar="TÊN", type=text_arg, required=True)
    put.add_argument("--level", choices=LEVEL_CHOICES, required=True, help="cấp của đơn vị")
    put.add_argument("--code", metavar="MÃ", type=text_arg, default="", help="mã đơn vị hành chính")
    put.add_argument("--parent", metavar="TÊN", type=text_arg, help="tên cơ quan cấp trên")
    put.add_argument("--parent-level", choices=LEVEL_CHOICES, help="cấp của cơ quan cấp trên")
    put.add_argument("--parent-code", metavar="MÃ", type=text_arg, default="")
    data_option(put)
    json_option(put)
    put.set_defaults(handler=cmd_set)


def _office_json(office: Office | None) -> dict[str, Any] | None:
    if office is None:
        return None
    return {"name": office.name, "level": office.level.value, "code": office.code}


def _print_profile(profile: Any, as_json: bool) -> None:
    office, parent = profile.office, profile.parent
    if as_json:
        data = _office_json(office) or {"name": None, "level": None, "code": None}
        print_json({**data, "parent": _office_json(parent)})
        return
    if office is None:
        print("Chưa đặt đơn vị. Đặt bằng lệnh: kscdesk office set --name TÊN --level commune")
        return
    code = f", mã {office.code}" if office.code else ""
    print(f"Đơn vị: {office.name} ({office.level.label}{code})")
    print(
        f"Cơ quan cấp trên: {parent.name} ({parent.level.label})"
        if parent
        else "Cơ quan cấp trên: chưa đặt"
    )


def cmd_show(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.offices import get_profile

    with open_workspace(args) as ws:
        _print_profile(get_profile(ws), args.json)
    return 0


def cmd_set(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.offices import OfficeSpec, set_office

    with open_workspace(args) as ws:
        parent = None
        if args.parent:
            parent_level = Level(args.parent_level) if args.parent_level else None
            parent = OfficeSpec(args.parent, parent_level, args.parent_code)
        profile = set_office(ws, OfficeSpec(args.name, Level(args.level), args.code), parent)
    _print_profile(profile, args.json)
    return 0
