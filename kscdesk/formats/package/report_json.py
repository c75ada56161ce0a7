"""A commune's report data as JSON ("kscdesk.report/1") and the receipt ("kscdesk.receipt/1")."""

from datetime import date
from typing import Any

from kscdesk.domain.exchange import (
    ReceiptData,
    ReceiptDecision,
    ReportAttachment,
    ReportData,
    ReportEvidence,
    ReportIndicator,
    ReportTask,
    TaskComment,
)
from kscdesk.domain.period import InvalidPeriod, parse_period_key
from kscdesk.domain.text import nfc

REPORT_SCHEMA = "kscdesk.report/1"
RECEIPT_SCHEMA = "kscdesk.receipt/1"


class InvalidData(Exception):
    """The data JSON does not have the expected shape; the message (Vietnamese) says where."""


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def report_to_json(report: ReportData) -> dict[str, Any]:
    return {
        "schema": REPORT_SCHEMA,
        "period": report.period_key,
        "plan": {
            "uid": report.plan_uid,
            "title": report.plan_title,
            "year": report.plan_year,
            "parent_plan_uid": report.parent_plan_uid,
        },
        "tasks": [
            {
                "uid": t.uid,
                "parent_task_uid": t.parent_task_uid,
                "section": t.section,
                "number": t.number,
                "sub": t.sub,
                "content": t.content,
                "not_applicable": t.not_applicable,
                "status": t.status,
                "completed_on": _iso(t.completed_on),
                "note": t.note,
            }
            for t in report.tasks
        ],
        "evidence": [
            {
                "uid": e.uid,
                "doc_type": e.doc_type,
                "number_symbol": e.number_symbol,
                "issued_on": _iso(e.issued_on),
                "issuer": e.issuer,
                "summary": e.summary,
                "task_uids": list(e.task_uids),
                "attachments": [
                    {"sha256": a.sha256, "file_name": a.file_name, "size": a.size}
                    for a in e.attachments
                ],
            }
            for e in report.evidence
        ],
        "indicators": [
            {
                "uid": i.uid,
                "number": i.number,
                "name": i.name,
                "unit": i.unit,
                "target": i.target,
                "numerator": i.numerator,
                "denominator": i.denominator,
                "note": i.note,
            }
            for i in report.indicators
        ],
        "report_text": report.report_text,
    }


def report_from_json(data: object, *, build_evidence: bool = True) -> ReportData:
    """Validate report data; with ``build_evidence`` False the evidence records are checked just
    as strictly but not built (the parent keeps them as received and needs only the counts)."""
    record = _mapping(data, "dữ liệu")
    if not build_evidence:
        _check_evidence(record.get("evidence", []))
    _schema(record, REPORT_SCHEMA)
    plan = _mapping(record.get("plan"), "plan")
    year = plan.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        raise InvalidData("“plan.year” phải là số năm")
    tasks = tuple(
        ReportTask(
            uid=_text(t, "uid", required=True),
            parent_task_uid=_optional(t, "parent_task_uid"),
            section=_text(t, "section"),
            number=_text(t, "number"),
            sub=_optional(t, "sub"),
            content=_text(t, "content"),
            not_applicable=t.get("not_applicable") is True,
            status=_optional(t, "status"),
            completed_on=_date(t, "completed_on"),
            note=_text(t, "note"),
        )
        for t in _records(record, "tasks")
    )
    evidence = (
        ()
        if not build_evidence
        else tuple(
            ReportEvidence(
                uid=_text(e, "uid", required=True),
                doc_type=_text(e, "doc_type"),
                number_symbol=_text(e, "number_symbol"),
                issued_on=_date(e, "issued_on"),
                issuer=_text(e, "issuer"),
                summary=_text(e, "summary"),
                task_uids=tuple(_strings(e, "task_uids")),
                attachments=tuple(
                    ReportAttachment(
                        sha256=_text(a, "sha256", required=True),
                        file_name=_text(a, "file_name"),
                        size=_count(a, "size") or 0,
                    )
                    for a in _records(e, "attachments")
                ),
            )
            for e in _records(record, "evidence")
        )
    )
    indicators = tuple(
        ReportIndicator(
            uid=_text(i, "uid", required=True),
            number=_text(i, "number"),
            name=_text(i, "name"),
            unit=_text(i, "unit"),
            target=_text(i, "target"),
            numerator=_count(i, "numerator"),
            denominator=_count(i, "denominator"),
            note=_text(i, "note"),
        )
        for i in _records(record, "indicators")
    )
    return ReportData(
        period_key=_period(record),
        plan_uid=_text(plan, "uid", required=True),
        plan_title=_text(plan, "title"),
        plan_year=year,
        parent_plan_uid=_optional(plan, "parent_plan_uid"),
        tasks=tasks,
        evidence=evidence,
        indicators=indicators,
        report_text=_text(record, "report_text"),
    )


def receipt_to_json(receipt: ReceiptData) -> dict[str, Any]:
    return {
        "schema": RECEIPT_SCHEMA,
        "period": receipt.period_key,
        "decision": receipt.decision.value,
        "about_package": receipt.about_package,
        "comment": receipt.comment,
        "tasks": [
            {"task_uid": c.task_uid, "number": c.number, "comment": c.comment}
            for c in receipt.task_comments
        ],
    }


def receipt_from_json(data: object) -> ReceiptData:
    record = _mapping(data, "dữ liệu")
    _schema(record, RECEIPT_SCHEMA)
    try:
        decision = ReceiptDecision(_text(record, "decision"))
    except ValueError as exc:
        raise InvalidData("“decision” phải là accepted hoặc returned") from exc
    return ReceiptData(
        period_key=_period(record),
        decision=decision,
        about_package=_optional(record, "about_package"),
        comment=_text(record, "comment"),
        task_comments=tuple(
            TaskComment(
                task_uid=_text(c, "task_uid", required=True),
                number=_text(c, "number"),
                comment=_text(c, "comment"),
            )
            for c in _records(record, "tasks")
        ),
    )


def _schema(record: dict[str, Any], schema: str) -> None:
    if record.get("schema") != schema:
        raise InvalidData(f"“schema” phải là “{schema}”")


def _period(record: dict[str, Any]) -> str:
    try:
        return parse_period_key(_text(record, "period", required=True)).key
    except InvalidPeriod as exc:
        raise InvalidData(str(exc)) from exc


def _mapping(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidData(f"“{what}” phải là một đối tượng JSON")
    return value


def _records(record: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = record.get(key, [])
    if not isinstance(value, list):
        raise InvalidData(f"“{key}” phải là một danh sách")
    return [_mapping(item, f"phần tử của {key}") for item in value]


def _text(record: dict[str, Any], key: str, *, required: bool = False) -> str:
    value = record.get(key)
    if type(value) is str and (not required or (value and not value.isspace())):
        return value if value.isascii() else nfc(value)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise InvalidData(f"“{key}” phải là chuỗi" + (" không trống" if required else ""))
    return nfc(value)


def _optional(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidData(f"“{key}” phải là chuỗi hoặc null")
    return nfc(value) or None


def _strings(record: dict[str, Any], key: str) -> list[str]:
    value = record.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidData(f"“{key}” phải là danh sách chuỗi")
    return list(value)


def _count(record: dict[str, Any], key: str) -> int | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidData(f"“{key}” phải là số nguyên không âm")
    return value


def _date(record: dict[str, Any], key: str) -> date | None:
    value = record.get(key)
    if value is None:
        return None
    try:
        return date.fromisoformat(value) if isinstance(value, str) else _bad_date(key)
    except ValueError as exc:
        raise InvalidData(f"“{key}” phải có dạng YYYY-MM-DD") from exc


def _bad_date(key: str) -> date:
    raise InvalidData(f"“{key}” phải có dạng YYYY-MM-DD")


_EVIDENCE_TEXT = ("doc_type", "number_symbol", "issuer", "summary")


def _check_evidence(value: object) -> None:
    """The checks ``report_from_json`` makes of evidence records, without building them."""
    if not isinstance(value, list):
        raise InvalidData("“evidence” phải là một danh sách")
    for item in value:
        if type(item) is not dict:
            raise InvalidData("“phần tử của evidence” phải là một đối tượng JSON")
        uid = item.get("uid")
        if type(uid) is not str or not uid.strip():
            raise InvalidData("“uid” phải là chuỗi không trống")
        for key in _EVIDENCE_TEXT:
            text = item.get(key)
            if text is not None and type(text) is not str:
                raise InvalidData(f"“{key}” phải là chuỗi")
        if item.get("issued_on") is not None:
            _date(item, "issued_on")
        task_uids = item.get("task_uids", [])
        if type(task_uids) is not list or any(type(v) is not str for v in task_uids):
            _strings(item, "task_uids")  # the general check, which names the fault
        attachments = item.get("attachments", [])
        if attachments:  # most evidence records have none: skip building an empty list
            for attachment in _records(item, "attachments"):
                _text(attachment, "sha256", required=True)
                _text(attachment, "file_name")
                _count(attachment, "size")
        elif type(attachments) is not list:
            _records(item, "attachments")  # raises with the message
