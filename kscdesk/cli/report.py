"""``kscdesk report build``: the period report as .docx and .xlsx (also on the demo data)."""

import argparse
import tempfile
from pathlib import Path
from typing import Any

from kscdesk.cli.common import UserError, add_verbs, data_option, open_workspace, text_arg

DEMO_PERIOD = "2023-Q1"  # the quarter the bundled demo data records


def register(nouns: Any) -> None:
    verbs = add_verbs(nouns, "report", "báo cáo: lập báo cáo định kỳ (.docx và .xlsx)")
    build = verbs.add_parser("build", help="lập báo cáo của một kỳ ra tệp Word và Excel")
    build.add_argument("--period", metavar="KỲ", type=text_arg, help="vd. 2025-Q1, 2025-H1")
    build.add_argument("--out", metavar="THƯ_MỤC", type=Path, required=True)
    build.add_argument(
        "--demo", action="store_true", help="lập trên dữ liệu mẫu (thư mục tạm, không cần cài đặt)"
    )
    data_option(build)
    build.set_defaults(handler=cmd_build)


def cmd_build(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.demo import load_demo
    from kscdesk.services.reports import build_report
    from kscdesk.services.workspace import Workspace

    if args.demo:
        with (
            tempfile.TemporaryDirectory(prefix="kscdesk-demo-") as folder,
            Workspace.open(Path(folder)) as ws,
        ):
            load_demo(ws)
            files = build_report(ws, args.period or DEMO_PERIOD, args.out)
    else:
        if not args.period:
            raise UserError("Hãy cho biết kỳ báo cáo: --period 2025-Q1 (hoặc dùng --demo).")
        with open_workspace(args) as ws:
            files = build_report(ws, args.period, args.out)
    print(files.docx)
    print(files.xlsx)
    return 0
