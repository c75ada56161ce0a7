"""Deriving an office's own plan from its parent plan, every row traceable to its parent row."""

from dataclasses import replace

from kscdesk.domain.model import Level, Office, Plan, PlanContent, PlanKind, new_uid


def derive_own_plan(parent: PlanContent, office: Office) -> PlanContent:
    """A fresh own plan for ``office``: the parent's sections and tasks copied with new uids.

    Each copied task keeps ``parent_task_uid`` pointing at the parent's row, so later changes to
    wording, units, dropped and added tasks stay traceable.
    """
    plan = Plan(
        issuer=office.name,
        year=parent.plan.year,
        title=parent.plan.title,
        level=office.level if isinstance(office.level, Level) else Level(office.level),
        kind=PlanKind.OWN,
        derived_from_uid=parent.plan.uid,
        office_uid=office.uid,
        columns=parent.plan.columns,
        submission_day=parent.plan.submission_day,
    )
    sections = [replace(section, uid=new_uid()) for section in parent.sections]
    tasks = [replace(task, uid=new_uid(), parent_task_uid=task.uid) for task in parent.tasks]
    indicators = [replace(ind, uid=new_uid()) for ind in parent.indicators]
    return PlanContent(plan=plan, sections=sections, tasks=tasks, indicators=indicators)
