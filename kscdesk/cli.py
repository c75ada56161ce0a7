"""Headless commands: ``kscdesk <noun> <verb>`` over the same services the window uses.

Exit codes: 0 success, 1 a user error (Vietnamese message on stderr, no traceback), 2 a usage error.
"""

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from kscdesk import __version__, cli_plan, paths
from kscdesk.cli_plan import open_workspace, print_json

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_USAGE = 2


class GuiLauncher(Protocol):
    """The window side, injected by __main__ so that this module never imports Qt."""

    def run_app(self, data_dir: Path) -> int: ...

    def run_selftest(self, data_dir: Path | None) -> int: ...


class UserError(Exception):
    """Raised by a command to end with exit code 1 and this message."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own usage errors: exit code 2
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Lỗi cú pháp lệnh: {message}\n")


def _data_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # On subcommands the default is SUPPRESS, so they don't overwrite a value given before them.
    parser.add_argument(
        "--data-dir",
        default=None if top else argparse.SUPPRESS,
        metavar="THƯ_MỤC",
        help=f"thư mục dữ liệu (mặc định: biến {paths.DATA_ENV} hoặc thư mục của người dùng)",
    )


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kscdesk",
        description="kscdesk – kế hoạch kiểm soát thủ tục hành chính cho UBND xã, phường. "
        "Không có lệnh con: mở cửa sổ chương trình.",
    )
    parser.add_argument("--version", action="version", version=f"kscdesk {__version__}")
    _data_option(parser, top=True)
    nouns = parser.add_subparsers(dest="noun", metavar="LỆNH", parser_class=_Parser)

    demo = nouns.add_parser("demo", help="nạp dữ liệu mẫu vào thư mục dữ liệu trống")
    _data_option(demo)
    _json_option(demo)
    demo.set_defaults(handler=_cmd_demo)

    selftest = nouns.add_parser("selftest", help="tự kiểm tra: mở cửa sổ trên bản sao dữ liệu mẫu")
    selftest.set_defaults(handler=_cmd_selftest)

    info = nouns.add_parser("info", help="thông tin phiên bản và thư mục dữ liệu")
    _data_option(info)
    _json_option(info)
    info.set_defaults(handler=_cmd_info)

    plan = nouns.add_parser("plan", help="kế hoạch: nhập, liệt kê, xem, xuất")
    verbs = plan.add_subparsers(dest="verb", metavar="VIỆC", parser_class=_Parser, required=True)

    cli_plan.add_plan_commands(verbs, _data_option, _json_option)
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
    # Text arguments are NFC-normalised by their argparse `type` (kscdesk.cli_plan.text_arg).
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        if gui is None:
            parser.print_help()
            return EXIT_OK
        return gui.run_app(paths.data_dir(args.data_dir))
    try:
        return handler(args, gui)
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
