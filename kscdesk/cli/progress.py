"""``kscdesk progress list|set``: progress per task and period."""

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
from kscdesk.domain.dates import format_date
from kscdesk.domain.model import ProgressStatus, Standing

_RECORDED = {s.value: s.label for s in ProgressStatus}
_LABELS = {**_RECORDED, **{s.value: s.label for s in Standing if s.value not in _RECORDED}}
STATUS_SLUGS = list(_LABELS)
_STATUS_HELP = "; ".join(f"{slug} = {label}" for slug, label in _LABELS.items())


def register(nouns: Any) -> None:
    verbs = add_verbs(nouns, "progress", "tiến độ thực hiện nhiệm vụ theo kỳ báo cáo")
    lst = verbs.add_parser("list", help="tiến độ các nhiệm vụ trong một kỳ")
    lst.add_argument("--period", metavar="KỲ", type=text_arg, required=True, help="vd. 2025-Q1")
    lst.add_argument("--plan", metavar="MÃ_KẾ_HOẠCH", type=text_arg)
    data_option(lst)
    json_option(lst)
    lst.set_defaults(handler=cmd_list)

    put = verbs.add_parser(
        "set",
        help="ghi tình trạng một nhiệm vụ trong một kỳ",
        description=f"Tình trạng (STATUS): {_STATUS_HELP}.",
    )
    put.add_argument("task", metavar="NHIỆM_VỤ", type=text_arg, help='số như in: "1a", "II.3"')
    put.add_argument("--period", metavar="KỲ", type=text_arg, required=True)
    put.add_argument(
        "--status",
        choices=STATUS_SLUGS,
        required=True,
        metavar="STATUS",
        help=f"một trong: {', '.join(STATUS_SLUGS)}",
    )
    put.add_argument("--date", metavar="NGÀY", type=text_arg, help="ngày hoàn thành dd/mm/yyyy")
    put.add_argument("--note", metavar="GHI_CHÚ", type=text_arg, default="")
    put.add_argument(
        "--reason",
        metavar="LÝ_DO",
        type=text_arg,
        default="",
        help="lý do khi tình trạng khác với tình trạng tự tính",
    )
    put.add_argument("--plan", metavar="MÃ_KẾ_HOẠCH", type=text_arg)
    data_option(put)
    json_option(put)
    put.set_defaults(handler=cmd_set)


def _plan(ws: Any, ref: str | None) -> str:
    from kscdesk.services.plans import find_plan_uid
    from kscdesk.services.progress import default_plan_uid

    return find_plan_uid(ws, ref) if ref else default_plan_uid(ws)


def cmd_list(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.progress import progress_table

    with open_workspace(args) as ws:
        table = progress_table(ws, args.period, _plan(ws, args.plan))
    period = table.period
    tasks = []
    for row in table.rows:
        record = row.progress
        tasks.append(
            {
                "id": row.task.uid,
                "number": row.number,
                "section": row.task.section_code,
                "content": row.task.content,
                "due": [d.isoformat() for d in row.assessment.dues],
                "expected": row.assessment.expected,
                "status": row.standing.value,
                "recorded_status": record.status.value if record else None,
                "completed_on": record.completed_on.isoformat()
                if record and record.completed_on
                else None,
                "note": record.note if record else "",
                "override_reason": record.override_reason if record else "",
                "evidence": [
                    {
                        "id": e.uid,
                        "number": e.number_symbol,
                        "date": e.issued_on.isoformat() if e.issued_on else None,
                        "summary": e.summary,
                        "files": [a.file_name for a in e.attachments],
                        "in_period": e.issued_on is None or period.contains(e.issued_on),
                    }
                    for e in row.evidence
                ],
            }
        )
    if args.json:
        print_json(
            {
                "period": period.key,
                "window": [period.start.isoformat(), period.end.isoformat()],
                "plan": table.plan_uid,
                "tasks": tasks,
            }
        )
        return 0
    print(f"{table.plan_title} – {period.label} ({period.window_text.lower()})")
    for row in table.rows:
        due = ", ".join(format_date(d) for d in row.assessment.dues) or "–"
        print(
            f"{row.full_number:<8} {row.standing.label:<28} hạn {due:<12} {row.task.content[:60]}"
        )
    return 0


def cmd_set(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.domain.dates import parse_date
    from kscdesk.domain.period import parse_period_key
    from kscdesk.services.progress import find_task
    from kscdesk.services.record_progress import ProgressChange, set_progress

    period = parse_period_key(args.period)
    completed = parse_date(args.date) if args.date else None
    if args.status in _RECORDED:
        status, override = ProgressStatus(args.status), None
    else:
        override = Standing(args.status)
        status = override.status
    with open_workspace(args) as ws:
        task = find_task(ws, _plan(ws, args.plan), args.task)
        record = set_progress(
            ws,
            task.uid,
            period.key,
            ProgressChange(status, completed, args.note, override, args.reason),
        )
    if args.json:
        print_json(
            {
                "id": task.uid,
                "period": record.period_key,
                "status": record.status.value,
                "override": record.override.value if record.override else None,
                "completed_on": record.completed_on.isoformat() if record.completed_on else None,
                "note": record.note,
            }
        )
    else:
        print(f"Đã ghi: nhiệm vụ {task.label}, {period.label}: {status.label}.")
    return 0
