"""``kscdesk todo``: what needs doing (the start page's Việc cần làm), headless."""

import argparse
from typing import Any

from kscdesk.cli.common import data_option, json_option, open_workspace, print_json
from kscdesk.domain.dates import format_date


def register(nouns: Any) -> None:
    todo = nouns.add_parser("todo", help="việc cần làm: quá hạn, sắp đến hạn, chưa có minh chứng")
    data_option(todo)
    json_option(todo)
    todo.set_defaults(handler=cmd_todo)


def _items(items: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": i.task_uid,
            "number": i.number,
            "content": i.content,
            "due": i.due.isoformat() if i.due else None,
            "status": i.standing,
        }
        for i in items
    ]


def cmd_todo(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.todo import todo

    with open_workspace(args) as ws:
        result = todo(ws)
    groups = (
        ("overdue", "Quá hạn", result.overdue),
        ("due_soon", "Đến hạn trong 30 ngày", result.due_soon),
        ("without_evidence", "Thường xuyên, chưa có minh chứng kỳ này", result.without_evidence),
        ("waiting_for_event", "Chờ ghi ngày sự kiện để tính hạn", result.waiting_for_event),
    )
    if args.json:
        data: dict[str, Any] = {
            "today": result.today.isoformat(),
            "plan": result.plan_uid,
            "period": result.period.key,
            "next_report": {
                "period": result.next_report.key,
                "due": result.next_report_due.isoformat(),
            },
        }
        for key, _, items in groups:
            data[key] = _items(items)
        print_json(data)
        return 0
    print(
        f"Báo cáo tiếp theo: {result.next_report.label}, hạn nộp "
        f"{format_date(result.next_report_due)}."
    )
    for _, title, items in groups:
        print(f"\n{title}: {len(items)}")
        for item in items:
            due = f" (hạn {format_date(item.due)})" if item.due else ""
            print(f"  {item.number:<6} {item.content[:70]}{due}")
    return 0
