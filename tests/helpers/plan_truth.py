"""Answer keys (../shared/fixtures/*.truth.json) as domain objects; plans compared by field."""

import json
from pathlib import Path
from typing import Any

from kscdesk.domain.model import Decision, Level, Plan, PlanContent, Section, Task


def load_truth(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def content_from_truth(truth: dict[str, Any], decision: Decision | None = None) -> PlanContent:
    plan = Plan(
        issuer=truth["issuer"],
        year=truth["year"],
        title=truth["title"],
        level=Level(truth["level"]),
        decision=decision,
        columns=tuple(truth["columns"]),
    )
    sections = [
        Section(s["code"], s["title"], s["parent_code"], position=i)
        for i, s in enumerate(truth["sections"])
    ]
    tasks = [
        Task(
            section_code=t["section"],
            number=t["number"],
            sub=t["sub"],
            content=t["content"],
            output=t["output"],
            lead=t["lead"],
            coordinating=t["coordinating"],
            timeframe=t["timeframe"],
            position=i,
        )
        for i, t in enumerate(truth["tasks"])
    ]
    return PlanContent(plan, sections, tasks)


def plan_fields(content: PlanContent) -> dict[str, Any]:
    """Everything an import must reproduce, without ids, positions or warnings."""
    plan = content.plan
    return {
        "issuer": plan.issuer,
        "level": plan.level,
        "year": plan.year,
        "title": plan.title,
        "decision": plan.decision,
        "sections": [(s.code, s.title, s.parent_code) for s in content.sections],
        "tasks": [
            (
                t.section_code,
                t.number,
                t.sub,
                t.content,
                t.output,
                t.lead,
                t.coordinating,
                t.timeframe,
            )
            for t in content.tasks
        ],
        "indicators": [
            (i.number, i.name, i.unit, i.target_text, i.lead, i.coordinating)
            for i in content.indicators
        ],
    }
