"""A plan as JSON ("kscdesk.plan/1"): what `plan import --json` prints and packages carry."""

import re
from datetime import date
from pathlib import Path
from typing import Any

from kscdesk.domain.model import (
    Decision,
    ImportWarning,
    Indicator,
    Level,
    Plan,
    PlanContent,
    Section,
    Task,
)
from kscdesk.domain.text import nfc
from kscdesk.formats.errors import UnreadablePlanFile
from kscdesk.formats.grid import MAX_CELL_CHARS, MAX_ROWS, limit_text

SCHEMA = "kscdesk.plan/1"
_WHERE = re.compile(r"^Bảng (\d+)(?:, dòng (\d+))?: (.*)$", re.S)


def content_to_json(content: PlanContent) -> dict[str, Any]:
    """The plan in the "kscdesk.plan/1" shape (text as stored: NFC)."""
    plan = content.plan
    decision = None
    if plan.decision is not None:
        when = plan.decision.date
        decision = {"number": plan.decision.number, "date": when.isoformat() if when else None}
    return {
        "schema": SCHEMA,
        "issuer": plan.issuer,
        "level": plan.level.value,
        "year": plan.year,
        "title": plan.title,
        "decision": decision,
        "columns": list(plan.columns),
        "sections": [
            {"code": s.code, "title": s.title, "parent_code": s.parent_code}
            for s in content.sections
        ],
        "tasks": [
            {
                "section": t.section_code,
                "number": t.number,
                "sub": t.sub,
                "content": t.content,
                "output": t.output,
                "lead": t.lead,
                "coordinating": t.coordinating,
                "timeframe": t.timeframe,
            }
            for t in content.tasks
        ],
        "indicators": [
            {
                "number": i.number,
                "name": i.name,
                "unit": i.unit,
                "target": i.target_text,
                "lead": i.lead,
                "coordinating": i.coordinating,
            }
            for i in content.indicators
        ],
        "warnings": [str(w) for w in content.warnings],
    }


class _Invalid(Exception):
    """A field of the JSON does not have the expected shape; the message says which."""


def content_from_json(data: object, source: Path) -> PlanContent:
    """Validate a "kscdesk.plan/1" document and build the plan; UnreadablePlanFile when invalid."""
    try:
        return _content(data, source)
    except _Invalid as exc:
        raise UnreadablePlanFile(source, f"Nội dung JSON không hợp lệ: {exc}") from exc


def _content(data: object, source: Path) -> PlanContent:
    record = _mapping(data, "tài liệu")
    if record.get("schema") != SCHEMA:
        raise _Invalid(f"“schema” phải là “{SCHEMA}”")
    level_text = _text(record, "level")
    try:
        level = Level(level_text)
    except ValueError as exc:
        raise _Invalid("“level” phải là province, district hoặc commune") from exc
    year = record.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        raise _Invalid("“year” phải là số năm")
    sections = [
        Section(
            code=_text(s, "code"),
            title=_text(s, "title"),
            parent_code=_optional_text(s, "parent_code"),
            position=position,
        )
        for position, s in enumerate(_records(record, "sections"), start=1)
    ]
    codes = {s.code for s in sections}
    tasks = []
    for position, item in enumerate(_records(record, "tasks"), start=1):
        section = _text(item, "section")
        if section and section not in codes:
            raise _Invalid(
                f"nhiệm vụ thứ {position} thuộc mục “{section}” không có trong “sections”"
            )
        tasks.append(
            Task(
                section_code=section,
                number=_text(item, "number"),
                sub=_optional_text(item, "sub"),
                content=_text(item, "content"),
                output=_text(item, "output"),
                lead=_text(item, "lead"),
                coordinating=_text(item, "coordinating"),
                timeframe=_text(item, "timeframe"),
                position=position,
            )
        )
    indicators = [
        Indicator(
            number=_text(i, "number"),
            name=_text(i, "name"),
            unit=_text(i, "unit"),
            target_text=_text(i, "target"),
            lead=_text(i, "lead"),
            coordinating=_text(i, "coordinating"),
            position=position,
        )
        for position, i in enumerate(_records(record, "indicators"), start=1)
    ]
    columns = record.get("columns", [])
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise _Invalid("“columns” phải là danh sách tên cột")
    plan = Plan(
        issuer=_text(record, "issuer"),
        year=year,
        title=_text(record, "title"),
        level=level,
        decision=_decision(record.get("decision")),
        source_name=source.name,
        columns=tuple(nfc(c) for c in columns),
    )
    warnings = [_warning(w) for w in record.get("warnings", []) or []]
    return PlanContent(plan, sections, tasks, indicators, warnings)


def _mapping(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(f"{what} phải là một đối tượng JSON")
    return value


def _records(record: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = record.get(key, [])
    if not isinstance(value, list):
        raise _Invalid(f"“{key}” phải là một danh sách")
    if len(value) > MAX_ROWS:  # the limit of a plan table's rows, for every list of the plan
        raise _Invalid(
            f"“{key}” có hơn {limit_text(MAX_ROWS)} mục (giới hạn {limit_text(MAX_ROWS)})"
        )
    return [_mapping(item, f"phần tử của “{key}”") for item in value]


def _text(record: dict[str, Any], key: str) -> str:
    value = record.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise _Invalid(f"“{key}” phải là chuỗi")
    if len(value) > MAX_CELL_CHARS:
        raise _Invalid(f"“{key}” có hơn {limit_text(MAX_CELL_CHARS)} ký tự")
    return nfc(value)


def _optional_text(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Invalid(f"“{key}” phải là chuỗi hoặc null")
    return nfc(value) or None


def _decision(value: object) -> Decision | None:
    if value is None:
        return None
    record = _mapping(value, "“decision”")
    number = _text(record, "number")
    when = record.get("date")
    if when is None:
        return Decision(number, None)
    if not isinstance(when, str):
        raise _Invalid("“decision.date” phải có dạng YYYY-MM-DD")
    try:
        return Decision(number, date.fromisoformat(when))
    except ValueError as exc:
        raise _Invalid("“decision.date” phải có dạng YYYY-MM-DD") from exc


def _warning(value: object) -> ImportWarning:
    if not isinstance(value, str):
        raise _Invalid("“warnings” phải là danh sách chuỗi")
    match = _WHERE.match(nfc(value))
    if match is None:
        return ImportWarning(nfc(value))
    table, row, message = match.groups()
    return ImportWarning(message, int(table), int(row) if row else None)
