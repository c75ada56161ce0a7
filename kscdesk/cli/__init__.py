"""Headless commands: ``kscdesk <noun> <verb>`` over the same services the window uses.

Exit codes: 0 success, 1 a user error (Vietnamese message on stderr, no traceback), 2 a usage error.
"""

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from kscdesk import __version__, paths
from kscdesk.cli import backup, evidence, indicator, office, package, plan, progress, report, todo
from kscdesk.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    EXIT_USER_ERROR,
    Parser,
    UserError,
    data_option,
    end_on_closed_pipe,
    json_option,
    open_workspace,
    print_json,
)
from kscdesk.cli.last_resort import command_log

# One module per noun (kscdesk/cli/<noun>.py), each with ``register(nouns)``; listed in help order.
NOUN_MODULES = (plan, office, progress, evidence, todo, indicator, report, package, backup)

__all__ = ["EXIT_OK", "EXIT_USAGE", "EXIT_USER_ERROR", "GuiLauncher", "UserError", "main"]


class GuiLauncher(Protocol):
    """The window side, injected by __main__ so that this module never imports Qt."""

    def run_app(self, data_dir: Path, open_file: Path | None = None) -> int: ...

    def run_selftest(self, data_dir: Path | None) -> int: ...


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="kscdesk",
        description="kscdesk – kế hoạch kiểm soát thủ tục hành chính cho UBND xã, phường. "
        "Không có lệnh con: mở cửa sổ chương trình.",
    )
    parser.add_argument(
        "--version", action="version", version=f"kscdesk {__version__}", help="in số phiên bản"
    )
    data_option(parser, top=True)
    parser.add_argument(
        "--open",
        metavar="TỆP",
        help="mở cửa sổ và mở tệp này (kế hoạch, gói .kscx); nếu kscdesk đang chạy, "
        "tệp được chuyển cho cửa sổ đang mở",
    )
    nouns = parser.add_subparsers(dest="noun", metavar="LỆNH", parser_class=Parser)

    demo = nouns.add_parser("demo", help="nạp dữ liệu mẫu vào thư mục dữ liệu trống")
    data_option(demo)
    json_option(demo)
    demo.set_defaults(handler=_cmd_demo)

    selftest = nouns.add_parser("selftest", help="tự kiểm tra: mở cửa sổ trên bản sao dữ liệu mẫu")
    selftest.set_defaults(handler=_cmd_selftest)

    info = nouns.add_parser("info", help="thông tin phiên bản và thư mục dữ liệu")
    data_option(info)
    json_option(info)
    info.set_defaults(handler=_cmd_info)

    for module in NOUN_MODULES:
        module.register(nouns)
    return parser


def _cmd_demo(args: argparse.Namespace, gui: GuiLauncher | None) -> int:
    from kscdesk.services.demo import load_demo

    with open_workspace(args) as ws:
        result = load_demo(ws)
        if args.json:
            print_json(
                {
                    "data_dir": str(ws.folder),
                    "parent_plan": result.parent_plan_uid,
                    "own_plan": result.own_plan_uid,
                    "office": result.office_name,
                    "tasks": result.task_count,
                }
            )
        else:
            print(
                f"Đã nạp dữ liệu mẫu vào {ws.folder}: {result.office_name}, "
                f"{result.task_count} nhiệm vụ, {result.progress_count} bản ghi tiến độ, "
                f"{result.evidence_count} minh chứng."
            )
    return EXIT_OK


def _cmd_selftest(args: argparse.Namespace, gui: GuiLauncher | None) -> int:
    if gui is None:
        raise UserError("Không có giao diện đồ họa trong bản cài đặt này.")
    return gui.run_selftest(Path(args.data_dir) if args.data_dir else None)


def _cmd_info(args: argparse.Namespace, gui: GuiLauncher | None) -> int:
    folder = paths.data_dir(args.data_dir)
    if args.json:
        print_json({"version": __version__, "data_dir": str(folder)})
    else:
        print(f"kscdesk {__version__}\nThư mục dữ liệu: {folder}")
    return EXIT_OK


def _user_error_types() -> tuple[type[BaseException], ...]:
    from kscdesk.domain.errors import DomainError
    from kscdesk.formats.errors import PlanFileError
    from kscdesk.services.errors import ServiceError
    from kscdesk.store.errors import StoreError

    return (UserError, DomainError, PlanFileError, ServiceError, StoreError, OSError)


Handler = Callable[[argparse.Namespace, GuiLauncher | None], int]


def main(argv: Sequence[str] | None = None, gui: GuiLauncher | None = None) -> int:
    # File paths are passed on as typed: a name stored decomposed (NFD) must still be found.
    # Text arguments are NFC-normalised by their argparse `type` (kscdesk.cli.common.text_arg).
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        if gui is None:
            parser.print_help()
            return EXIT_OK
        opened = Path(args.open) if args.open else None
        return gui.run_app(paths.data_dir(args.data_dir), opened)
    try:
        with command_log(getattr(args, "data_dir", None), _user_error_types()):
            return handler(args, gui)
    except BrokenPipeError:
        return end_on_closed_pipe()
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return EXIT_USER_ERROR
    except _user_error_types() as err:
        print(f"Lỗi: {_message(err)}", file=sys.stderr)
        return EXIT_USER_ERROR


def _message(err: BaseException) -> str:
    if isinstance(err, PermissionError):
        return f"Không có quyền truy cập “{err.filename}”. Tệp có đang mở trong chương trình khác?"
    if isinstance(err, FileNotFoundError):
        return f"Không tìm thấy tệp “{err.filename}”."
    if isinstance(err, OSError) and err.strerror:
        where = f" “{err.filename}”" if err.filename else ""
        return f"Lỗi đọc/ghi tệp{where}: {err.strerror}"
    return str(err)
