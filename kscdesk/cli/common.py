"""What every command module shares: options, the workspace opener, JSON output, text arguments."""

import argparse
import json
import os
import re
import sys
from typing import Any

from kscdesk import paths
from kscdesk.domain.text import nfc

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_USAGE = 2


class UserError(Exception):
    """Raised by a command to end with exit code 1 and this message."""


# argparse's own words, in the order they are tried (Python 3.11 wording).
_ARGPARSE_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^argument (\S+): ", r"tham số \1: "),
        (
            r"invalid choice: (.*) \(choose from (.*)\)",
            r"lựa chọn không hợp lệ: \1 (chọn một trong \2)",
        ),
        (r"the following arguments are required: (.*)", r"thiếu tham số bắt buộc: \1"),
        (r"unrecognized arguments: (.*)", r"tham số không nhận ra: \1"),
        (r"expected one argument", "cần đúng một giá trị"),
        (r"expected at most one argument", "cần nhiều nhất một giá trị"),
        (r"expected at least one argument", "cần ít nhất một giá trị"),
        (r"invalid (\S+) value: (.*)", r"giá trị \1 không hợp lệ: \2"),
        (r"one of the arguments (.*) is required", r"cần một trong các tham số \1"),
        (r"not allowed with argument (.*)", r"không dùng cùng tham số \1"),
        (r"ambiguous option: (\S+) could match (.*)", r"tùy chọn \1 mơ hồ, có thể là \2"),
    )
)


def vietnamese_argparse_message(message: str) -> str:
    """An argparse error message in Vietnamese (unknown wordings pass through unchanged)."""
    for pattern, replacement in _ARGPARSE_WORDS:
        message = pattern.sub(replacement, message)
    return message


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An argparse parser that speaks Vietnamese: usage, --help headings and its own errors,
    which end with exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help="hiện trợ giúp này rồi thoát",
            )

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Lỗi cú pháp lệnh: {vietnamese_argparse_message(message)}\n")


def end_on_closed_pipe() -> int:
    """The reader of our output went away (``kscdesk plan show … | head``): end quietly, exit 0.

    Python would still try to flush stdout at exit and print "Broken pipe"; pointing stdout at
    the null device first stops that (the recipe of the Python signal documentation).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (tests): nothing to flush
        pass
    return EXIT_OK


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
