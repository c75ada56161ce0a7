"""``kscdesk evidence …`` commands: add an evidence record with its files, list records."""

import argparse
from pathlib import Path
from typing import Any

from kscdesk.cli.common import (
    add_verbs,
    data_option,
    json_option,
    open_workspace,
    print_json,
    text_arg,
)
from kscdesk.domain.model import Evidence, EvidenceType

KIND_CHOICES = [kind.value for kind in EvidenceType]


def register(nouns: Any) -> None:
    verbs = add_verbs(nouns, "evidence", "minh chứng: thêm, xem danh sách")

    add = verbs.add_parser(
        "add",
        help="thêm một minh chứng cho một hoặc nhiều nhiệm vụ",
        description="Thêm minh chứng. TASK là số thứ tự như trong kế hoạch (1a, II.3) hoặc "
        "các ký tự đầu của mã nhiệm vụ. Ví dụ: kscdesk evidence add --task 1a "
        '--citation "Kế hoạch số 56/KH-UBND ngày 09/3/2022 của UBND phường về …" --file kh56.pdf',
    )
    add.add_argument("--task", metavar="TASK", type=text_arg, action="append", required=True)
    add.add_argument("--file", metavar="TỆP", action="append", default=[], help="tệp đính kèm")
    add.add_argument("--kind", choices=KIND_CHOICES, help="loại văn bản (mặc định: theo số hiệu)")
    add.add_argument("--number", metavar="SỐ", type=text_arg, default="", help="số, ký hiệu")
    add.add_argument("--date", metavar="NGÀY", type=text_arg, default="", help="dd/mm/yyyy")
    add.add_argument("--issuer", metavar="CƠ_QUAN", type=text_arg, default="")
    add.add_argument("--summary", metavar="TRÍCH_YẾU", type=text_arg, default="")
    add.add_argument(
        "--citation", metavar="TRÍCH_DẪN", type=text_arg, default="", help="trích dẫn văn bản"
    )
    data_option(add)
    json_option(add)
    add.set_defaults(handler=cmd_add)

    listing = verbs.add_parser("list", help="danh sách minh chứng")
    listing.add_argument("--task", metavar="TASK", type=text_arg, help="chỉ của một nhiệm vụ")
    listing.add_argument("--search", metavar="TỪ_KHÓA", type=text_arg, help="tìm không dấu")
    listing.add_argument(
        "--period", metavar="KỲ", type=text_arg, help="kiểm tra theo kỳ, vd 2025-Q1"
    )
    data_option(listing)
    json_option(listing)
    listing.set_defaults(handler=cmd_list)


def evidence_json(evidence: Evidence, labels: dict[str, str]) -> dict[str, Any]:
    return {
        "id": evidence.uid,
        "kind": evidence.doc_type.value,
        "number": evidence.number_symbol,
        "date": evidence.issued_on.isoformat() if evidence.issued_on else None,
        "issuer": evidence.issuer,
        "summary": evidence.summary,
        "tasks": [labels.get(uid, uid) for uid in evidence.task_uids],
        "files": [
            {"name": item.file_name, "digest": item.digest, "size": item.size}
            for item in evidence.attachments
        ],
    }


def _task_labels(ws: Any, evidence: list[Evidence]) -> dict[str, str]:
    from kscdesk.store import plans

    uids = [uid for item in evidence for uid in item.task_uids]
    return {uid: task.label for uid, task in plans.load_tasks(ws.db, uids).items()}


def _print_line(evidence: Evidence, labels: dict[str, str]) -> None:
    tasks = ", ".join(labels.get(uid, uid[:8]) for uid in evidence.task_uids)
    files = f" · {len(evidence.attachments)} tệp" if evidence.attachments else ""
    issuer = f" của {evidence.issuer}" if evidence.issuer else ""
    print(f"{evidence.uid[:8]}  {evidence.citation}{issuer} – {evidence.summary}")
    print(f"          nhiệm vụ {tasks}{files}")


def cmd_add(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services.evidence import EvidenceDraft, add_evidence
    from kscdesk.services.task_lookup import find_task

    with open_workspace(args) as ws:
        task_uids = tuple(find_task(ws, ref).uid for ref in args.task)
        draft = EvidenceDraft(
            task_uids=task_uids,
            kind=EvidenceType(args.kind) if args.kind else None,
            number=args.number,
            date_text=args.date,
            issuer=args.issuer,
            summary=args.summary,
            citation=args.citation,
        )
        change = add_evidence(ws, draft, [Path(name) for name in args.file])
        labels = _task_labels(ws, [change.evidence])
        if args.json:
            print_json(evidence_json(change.evidence, labels))
        else:
            print("Đã thêm minh chứng:")
            _print_line(change.evidence, labels)
    return 0


def cmd_list(args: argparse.Namespace, gui: Any) -> int:
    from kscdesk.services import evidence as service
    from kscdesk.services.task_lookup import find_task

    with open_workspace(args) as ws:
        warnings: list[Any] = []
        if args.task:
            task = find_task(ws, args.task)
            found = service.evidence_for_task(ws, task.uid)
            warnings = service.warnings_for_task(ws, task.uid, args.period)
        elif args.search:
            found = service.search_evidence(ws, args.search)
        else:
            found = service.search_evidence(ws, "")
        if args.search and args.task:
            matching = {item.uid for item in service.search_evidence(ws, args.search)}
            found = [item for item in found if item.uid in matching]
        labels = _task_labels(ws, found)
        if args.json:
            data: dict[str, Any] = {"evidence": [evidence_json(item, labels) for item in found]}
            if args.task:
                data["warnings"] = [
                    {"problem": w.problem.value, "message": w.message} for w in warnings
                ]
            print_json(data)
            return 0
        if not found:
            print("Chưa có minh chứng nào.")
        for item in found:
            _print_line(item, labels)
        for warning in warnings:
            print(f"Cảnh báo: {warning.message}")
    return 0
