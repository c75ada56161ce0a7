"""What every command module shares: options, the workspace opener, JSON output, text arguments."""

import argparse
import json
import sys
from typing import Any

from kscdesk import paths
from kscdesk.domain.text import nfc

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_USAGE = 2


class UserError(Exception):
    """Raised by a command to end with exit code 1 and this message."""


class Parser(argparse.ArgumentParser):
    """An argparse parser whose own usage errors end with exit code 2 and a Vietnamese line."""

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Lỗi cú pháp lệnh: {message}\n")


def data_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """--data-dir; on subcommands the default is SUPPRESS so it keeps a value given before them."""
    parser.add_argument(
        "--data-dir",
        default=None if top else argparse.SUPPRESS,
        metavar="THƯ_MỤC",
        help=f"thư mục dữ liệu (mặc định: biến {paths.DATA_ENV} hoặc thư mục của người dùng)",
    )


def json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")


def add_verbs(nouns: Any, noun: str, help_text: str) -> Any:
    """A noun's parser (``kscdesk plan``) and the subparsers its verbs are added to."""
    parser = nouns.add_parser(noun, help=help_text)
    return parser.add_subparsers(dest="verb", metavar="VIỆC", parser_class=Parser, required=True)


def text_arg(value: str) -> str:
    """Text typed on the command line, NFC-normalised like every other way text comes in."""
    return nfc(value).strip()


def open_workspace(args: argparse.Namespace) -> Any:
    """The workspace of --data-dir (or KSCDESK_DATA, or the user's folder); every command's."""
    from kscdesk.services.workspace import Workspace

    return Workspace.open(paths.data_dir(getattr(args, "data_dir", None)))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
