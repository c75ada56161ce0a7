"""A plan in a package: the "kscdesk.plan/1" shape plus the uids of the plan, its tasks and its
indicators, so that a commune's rows stay traceable to the parent's rows."""

from dataclasses import replace
from pathlib import Path
from typing import Any

from kscdesk.domain.model import PlanContent
from kscdesk.formats.errors import UnreadablePlanFile
from kscdesk.formats.plan_json import content_from_json, content_to_json


class InvalidPlanData(Exception):
    """The plan data is not a valid "kscdesk.plan/1" document; the message says why."""


def plan_to_package_json(content: PlanContent) -> dict[str, Any]:
    data = content_to_json(content)
    data["uid"] = content.plan.uid
    data["submission_day"] = content.plan.submission_day
    for item, task in zip(data["tasks"], content.tasks, strict=True):
        item["uid"] = task.uid
    for item, indicator in zip(data["indicators"], content.indicators, strict=True):
        item["uid"] = indicator.uid
    return data


def plan_from_package_json(data: object, source: Path) -> PlanContent:
    try:
        content = content_from_json(data, source)
    except UnreadablePlanFile as exc:
        raise InvalidPlanData(exc.detail) from exc
    assert isinstance(data, dict)  # content_from_json checked it
    plan_uid = _uid(data)
    day = data.get("submission_day", 17)
    if not isinstance(day, int) or isinstance(day, bool) or not 1 <= day <= 31:
        raise InvalidPlanData("“submission_day” phải từ 1 đến 31")
    content.plan = replace(content.plan, uid=plan_uid or content.plan.uid, submission_day=day)
    content.tasks = [
        replace(task, uid=_uid(item) or task.uid)
        for task, item in zip(content.tasks, data.get("tasks", []), strict=True)
    ]
    content.indicators = [
        replace(indicator, uid=_uid(item) or indicator.uid)
        for indicator, item in zip(content.indicators, data.get("indicators", []), strict=True)
    ]
    return content


def _uid(record: dict[str, Any]) -> str | None:
    value = record.get("uid")
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        raise InvalidPlanData("“uid” phải là chuỗi mã bản ghi")
    return value
