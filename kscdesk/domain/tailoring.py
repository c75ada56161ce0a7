"""Deriving an office's own plan from its parent plan, every row traceable to its parent row."""

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from kscdesk.domain.model import Level, Office, Plan, PlanContent, PlanKind, Task, new_uid
from kscdesk.domain.wording import TEXT_FIELDS, WordingRule, reword, with_fields


def derive_own_plan(
    parent: PlanContent,
    office: Office,
    *,
    year: int | None = None,
    rules: Sequence[WordingRule] = (),
) -> PlanContent:
    """A fresh own plan for ``office``: the parent's sections and tasks copied with new uids.

    Each copied task keeps ``parent_task_uid`` pointing at the parent's row, so later changes to
    wording, units, dropped and added tasks stay traceable. ``parent`` may be last year's own
    plan: then ``year`` is the new year and the old year's mentions ("năm 2024") are moved on.
    ``rules`` are the wording rules applied to every copied task and the title.
    """
    new_year = parent.plan.year if year is None else year
    shift = _year_shift(parent.plan.year, new_year)
    plan = Plan(
        issuer=office.name,
        year=new_year,
        title=reword(shift(parent.plan.title), rules, "content"),
        level=office.level if isinstance(office.level, Level) else Level(office.level),
        kind=PlanKind.OWN,
        derived_from_uid=parent.plan.uid,
        office_uid=office.uid,
        columns=parent.plan.columns,
        submission_day=parent.plan.submission_day,
    )
    sections = [replace(section, uid=new_uid()) for section in parent.sections]
    tasks = [
        _reworded(replace(task, uid=new_uid(), parent_task_uid=task.uid), rules, shift)
        for task in parent.tasks
    ]
    indicators = [replace(ind, uid=new_uid()) for ind in parent.indicators]
    return PlanContent(plan=plan, sections=sections, tasks=tasks, indicators=indicators)


def _year_shift(old: int, new: int) -> Callable[[str], str]:
    if old == new:
        return lambda text: text
    pattern = re.compile(rf"\bnăm\s+{old}\b", re.IGNORECASE)
    return lambda text: pattern.sub(f"năm {new}", text)


def _reworded(task: Task, rules: Sequence[WordingRule], shift: Callable[[str], str]) -> Task:
    values = {name: reword(shift(getattr(task, name)), rules, name) for name in TEXT_FIELDS}
    changed = {name: text for name, text in values.items() if text != getattr(task, name)}
    return with_fields(task, changed) if changed else task
