"""Following the parent's revisions: tasks matched by content, compared three ways per field.

The base is the parent version the commune plan was derived from, ``new`` the re-issued parent
plan, ``own`` the commune plan. Tasks are matched by what they say, not by their number, so a
renumbering alone is no change. Carry forward uses the same matching to offer last year's local
edits on next year's parent plan.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from kscdesk.domain.model import Task
from kscdesk.domain.text import search_key

COMPARED_FIELDS = ("content", "output", "lead", "coordinating", "timeframe")
NOT_APPLICABLE = "not_applicable"  # a carried edit that marks the row not applicable
_THRESHOLD = 0.55


def _key(text: str) -> str:
    # Years are blanked so "năm 2023" and "năm 2024" read the same across plan years.
    return re.sub(r"\b(?:19|20)\d\d\b", "#", search_key(text))


def _similarity(a: Task, b: Task) -> float:
    content = SequenceMatcher(None, _key(a.content), _key(b.content), autojunk=False).ratio()
    output = SequenceMatcher(None, _key(a.output), _key(b.output), autojunk=False).ratio()
    return 0.7 * content + 0.3 * output


def match_tasks(old: Sequence[Task], new: Sequence[Task]) -> dict[str, str]:
    """Old task uid → new task uid, best pairs first; a task left unmatched was removed/added."""
    pairs: list[tuple[float, int, int]] = []
    quick = {(_key(t.content), _key(t.output)): i for i, t in enumerate(new)}
    matched: dict[str, str] = {}
    used_new: set[int] = set()
    for task in old:
        j = quick.get((_key(task.content), _key(task.output)))
        if j is not None and j not in used_new:
            matched[task.uid] = new[j].uid
            used_new.add(j)
    for i, task in enumerate(old):
        if task.uid in matched:
            continue
        for j, other in enumerate(new):
            if j in used_new:
                continue
            score = _similarity(task, other)
            if score >= _THRESHOLD:
                # Near positions break ties between similar rows (sub-items of one task).
                pairs.append((score - abs(i - j) * 1e-4, i, j))
    used_old = set(matched)
    for _score, i, j in sorted(pairs, reverse=True):
        if old[i].uid in used_old or j in used_new:
            continue
        matched[old[i].uid] = new[j].uid
        used_old.add(old[i].uid)
        used_new.add(j)
    return matched


@dataclass(frozen=True)
class Change:
    """One difference the update shows: a field changed (upstream, local, both) or a task
    added or removed upstream."""

    kind: str  # upstream | local | both | added | removed
    old_number: str  # the commune plan's number ("" for a task added upstream)
    new_number: str  # the new parent version's number ("" for a task removed upstream)
    field: str  # "" for added and removed
    old: str  # upstream: the text now in the commune plan; local/both: the base text
    new: str  # upstream: the new parent's text; local: the commune's; both: the new parent's
    own_text: str = ""  # both: the commune's text, shown beside the new parent's
    own_task_uid: str | None = None
    new_task_uid: str | None = None


@dataclass(frozen=True)
class Comparison:
    changes: list[Change]
    unchanged: int  # tasks matched on all three sides with no difference at all


def compare_three_way(base: Sequence[Task], new: Sequence[Task], own: Sequence[Task]) -> Comparison:
    """Per task and field: what changed upstream, locally, or on both sides."""
    base_to_new = match_tasks(base, new)
    new_by_uid = {t.uid: t for t in new}
    own_by_parent: dict[str, Task] = {}
    for task in own:
        if task.parent_task_uid:
            own_by_parent.setdefault(task.parent_task_uid, task)
    changes: list[Change] = []
    unchanged = 0
    for b in base:
        mine = own_by_parent.get(b.uid)
        n_uid = base_to_new.get(b.uid)
        if n_uid is None:
            if mine is not None and not mine.not_applicable:
                changes.append(
                    Change("removed", mine.label, "", "", mine.content, "", own_task_uid=mine.uid)
                )
            continue
        if mine is None:
            continue
        n = new_by_uid[n_uid]
        task_changes = _field_changes(b, n, mine)
        changes.extend(task_changes)
        unchanged += not task_changes
    matched_new = set(base_to_new.values())
    for n in new:
        if n.uid not in matched_new and n.uid not in own_by_parent:
            changes.append(Change("added", "", n.label, "", "", n.content, new_task_uid=n.uid))
    return Comparison(changes, unchanged)


def _field_changes(b: Task, n: Task, mine: Task) -> list[Change]:
    changes = []
    for name in COMPARED_FIELDS:
        base_text, new_text, own_text = getattr(b, name), getattr(n, name), getattr(mine, name)
        upstream = base_text != new_text
        local = own_text != base_text
        if upstream and local and own_text != new_text:
            kind = "both"
            old, shown = base_text, new_text
        elif upstream and not local:
            kind, old, shown = "upstream", own_text, new_text
        elif local and not upstream:
            kind, old, shown = "local", base_text, own_text
        else:
            continue
        changes.append(
            Change(kind, mine.label, n.label, name, old, shown, own_text, mine.uid, n.uid)
        )
    return changes


@dataclass(frozen=True)
class CarriedEdit:
    """A local edit of last year's plan, offered on the matching row of this year's plan."""

    task_uid: str  # the row of this year's plan
    label: str
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Uncarried:
    """A local edit that could not be carried, and why."""

    label: str
    field: str
    text: str
    reason: str


def _shift_years(text: str, old_year: int, new_year: int) -> str:
    return re.sub(rf"\b{old_year}\b", str(new_year), text)


def carry_forward(
    last_parent: Sequence[Task],
    last_own: Sequence[Task],
    new_own: Sequence[Task],
    years: tuple[int, int],
) -> tuple[list[CarriedEdit], list[Uncarried]]:
    """Last year's edits (own vs its parent) offered on this year's derived rows.

    ``new_own`` is freshly derived from this year's parent, so its texts are the new parent's.
    An edit is carried when the new parent's text equals last year's parent text (years
    aside); otherwise the parent changed that field and the edit is listed as not carried.
    """
    old_year, new_year = years
    parent_by_uid = {t.uid: t for t in last_parent}
    edited = [
        (mine, parent_by_uid[mine.parent_task_uid])
        for mine in last_own
        if mine.parent_task_uid in parent_by_uid
    ]
    match = match_tasks([p for _mine, p in edited], new_own)
    new_by_uid = {t.uid: t for t in new_own}
    carried: list[CarriedEdit] = []
    lost: list[Uncarried] = []
    for mine in last_own:
        if mine.is_local:
            lost.append(
                Uncarried(
                    mine.label,
                    "task",
                    mine.content,
                    "Nhiệm vụ riêng năm trước: thêm lại nếu vẫn cần.",
                )
            )
    for mine, parent in edited:
        target = new_by_uid.get(match.get(parent.uid, ""))
        if mine.not_applicable and target is not None and not target.not_applicable:
            reason = mine.not_applicable_reason
            carried.append(CarriedEdit(target.uid, target.label, NOT_APPLICABLE, "", reason))
        for name in COMPARED_FIELDS:
            before, after = getattr(parent, name), getattr(mine, name)
            if before == after:
                continue
            if target is None:
                lost.append(Uncarried(mine.label, name, after, "Không còn nhiệm vụ tương ứng."))
                continue
            current = getattr(target, name)
            if _key(current) != _key(before):
                lost.append(
                    Uncarried(mine.label, name, after, "Cấp trên đã sửa nội dung này năm nay.")
                )
                continue
            proposed = _shift_years(after, old_year, new_year)
            if proposed != current:
                carried.append(CarriedEdit(target.uid, target.label, name, current, proposed))
    return carried, lost
