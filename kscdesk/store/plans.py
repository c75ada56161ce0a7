"""Plans with their sections, tasks and indicators: save, list, load, search, delete."""

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from kscdesk.domain.model import (
    Decision,
    Level,
    Plan,
    PlanContent,
    PlanKind,
    Section,
    Task,
)
from kscdesk.domain.text import nfc, search_key
from kscdesk.store.clock import date_from_iso, date_to_iso, now_iso
from kscdesk.store.errors import RecordNotFound
from kscdesk.store.indicators import indicator_row, list_indicators

# Stay well below SQLite's limit on bound parameters (999 in old builds).
_CHUNK = 500


@dataclass(frozen=True)
class PlanSummary:
    """One line of the plan list: the header facts and how many rows the plan holds."""

    uid: str
    issuer: str
    year: int
    title: str
    kind: PlanKind
    level: Level
    task_count: int
    section_count: int
    indicator_count: int
    created_at: str
    version: int = 1  # a re-issued parent plan is stored as version 2, 3 …


def _optional_nfc(text: str | None) -> str | None:
    return nfc(text) if text is not None else None


def _plan_row(plan: Plan, created_at: str) -> dict[str, Any]:
    decision = plan.decision
    return {
        "uid": plan.uid,
        "issuer": nfc(plan.issuer),
        "level": plan.level.value,
        "year": plan.year,
        "title": nfc(plan.title),
        "kind": plan.kind.value,
        "decision_number": nfc(decision.number) if decision is not None else None,
        "decision_date": date_to_iso(decision.date) if decision is not None else None,
        "source_name": nfc(plan.source_name),
        "source_sha256": plan.source_sha256,
        "version": plan.version,
        "derived_from_uid": plan.derived_from_uid,
        "office_uid": plan.office_uid,
        "columns": json.dumps([nfc(column) for column in plan.columns], ensure_ascii=False),
        "submission_day": plan.submission_day,
        "version_of": plan.version_of,
        "created_at": created_at,
        "updated_at": created_at,
    }


def _plan_from_row(row: dict[str, Any]) -> Plan:
    decision = None
    if row["decision_number"] is not None:
        decision = Decision(row["decision_number"], date_from_iso(row["decision_date"]))
    return Plan(
        issuer=row["issuer"],
        year=row["year"],
        title=row["title"],
        level=Level(row["level"]),
        kind=PlanKind(row["kind"]),
        decision=decision,
        source_name=row["source_name"],
        source_sha256=row["source_sha256"],
        version=row["version"],
        derived_from_uid=row["derived_from_uid"],
        office_uid=row["office_uid"],
        columns=tuple(json.loads(row["columns"])),
        submission_day=row["submission_day"],
        uid=row["uid"],
        version_of=row.get("version_of"),
    )


def _section_row(plan_uid: str, section: Section) -> dict[str, Any]:
    return {
        "uid": section.uid,
        "plan_uid": plan_uid,
        "code": nfc(section.code),
        "title": nfc(section.title),
        "parent_code": _optional_nfc(section.parent_code),
        "position": section.position,
    }


def _section_from_row(row: dict[str, Any]) -> Section:
    return Section(
        code=row["code"],
        title=row["title"],
        parent_code=row["parent_code"],
        position=row["position"],
        uid=row["uid"],
    )


def task_search_text(task: Task) -> str:
    """What a task search looks in: its texts without tones, lower-case."""
    return search_key(" ".join((task.content, task.output, task.lead, task.coordinating)))


def _task_row(plan_uid: str, task: Task) -> dict[str, Any]:
    return {
        "uid": task.uid,
        "plan_uid": plan_uid,
        "section_code": nfc(task.section_code),
        "number": nfc(task.number),
        "sub": _optional_nfc(task.sub),
        "content": nfc(task.content),
        "output": nfc(task.output),
        "lead": nfc(task.lead),
        "coordinating": nfc(task.coordinating),
        "timeframe": nfc(task.timeframe),
        "position": task.position,
        "parent_task_uid": task.parent_task_uid,
        "is_local": int(task.is_local),
        "not_applicable": int(task.not_applicable),
        "not_applicable_reason": nfc(task.not_applicable_reason),
        "search_text": task_search_text(task),
    }


def _task_from_row(row: dict[str, Any]) -> Task:
    return Task(
        section_code=row["section_code"],
        number=row["number"],
        content=row["content"],
        sub=row["sub"],
        output=row["output"],
        lead=row["lead"],
        coordinating=row["coordinating"],
        timeframe=row["timeframe"],
        position=row["position"],
        parent_task_uid=row["parent_task_uid"],
        is_local=bool(row["is_local"]),
        not_applicable=bool(row["not_applicable"]),
        not_applicable_reason=row["not_applicable_reason"],
        uid=row["uid"],
    )


def _insert_rows(db: Database, table: str, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    names = list(rows[0])
    sql = (
        f"INSERT INTO {table} ({', '.join(names)}) "  # table and names are ours, not user input
        f"VALUES ({', '.join('?' for _ in names)})"
    )
    # Always called inside db.atomic(), so executemany joins the open transaction.
    db.conn.executemany(sql, [[row[name] for name in names] for row in rows])


def save_plan_content(db: Database, content: PlanContent) -> str:
    """Insert a whole plan (header, sections, tasks, indicators) in one transaction.

    Returns the plan's uid. Fails, writing nothing, if any of its uids is already stored.
    """
    plan_uid = content.plan.uid
    with db.atomic():
        _insert_rows(db, "plans", [_plan_row(content.plan, now_iso())])
        _insert_rows(db, "sections", [_section_row(plan_uid, s) for s in content.sections])
        _insert_rows(db, "tasks", [_task_row(plan_uid, t) for t in content.tasks])
        _insert_rows(db, "indicators", [indicator_row(plan_uid, i) for i in content.indicators])
    return plan_uid


def list_plans(db: Database) -> list[PlanSummary]:
    """Every stored plan, newest year first, then most recently saved first."""
    rows = db.query(
        "SELECT p.uid, p.issuer, p.year, p.title, p.kind, p.level, p.created_at, p.version, "
        "(SELECT count(*) FROM tasks t WHERE t.plan_uid = p.uid) AS task_count, "
        "(SELECT count(*) FROM sections s WHERE s.plan_uid = p.uid) AS section_count, "
        "(SELECT count(*) FROM indicators i WHERE i.plan_uid = p.uid) AS indicator_count "
        "FROM plans p ORDER BY p.year DESC, p.created_at DESC, p.rowid DESC"
    )
    return [
        PlanSummary(
            uid=row["uid"],
            issuer=row["issuer"],
            year=row["year"],
            title=row["title"],
            kind=PlanKind(row["kind"]),
            level=Level(row["level"]),
            task_count=row["task_count"],
            section_count=row["section_count"],
            indicator_count=row["indicator_count"],
            created_at=row["created_at"],
            version=row["version"],
        )
        for row in rows
    ]


def load_plan(db: Database, plan_uid: str) -> Plan:
    """The plan's header facts; RecordNotFound when no plan has this uid."""
    rows = list(db.query("SELECT * FROM plans WHERE uid = ?", [plan_uid]))
    if not rows:
        raise RecordNotFound("kế hoạch", plan_uid)
    return _plan_from_row(rows[0])


def find_plan_by_source(
    db: Database, source_sha256: str, kind: PlanKind | None = None
) -> Plan | None:
    """The earliest stored plan imported from a file with this SHA-256 (of this kind), or None."""
    if not source_sha256:
        return None
    sql = "SELECT * FROM plans WHERE source_sha256 = ?"
    params = [source_sha256]
    if kind is not None:
        sql += " AND kind = ?"
        params.append(kind.value)
    rows = list(db.query(sql + " ORDER BY created_at, rowid LIMIT 1", params))
    return _plan_from_row(rows[0]) if rows else None


def list_sections(db: Database, plan_uid: str) -> list[Section]:
    """The plan's sections in table order."""
    rows = db.query(
        "SELECT * FROM sections WHERE plan_uid = ? ORDER BY position, rowid", [plan_uid]
    )
    return [_section_from_row(row) for row in rows]


def load_plan_content(db: Database, plan_uid: str) -> PlanContent:
    """The whole plan, every list in table order; RecordNotFound when it is not stored."""
    plan = load_plan(db, plan_uid)
    tasks = [
        _task_from_row(row)
        for row in db.query(
            "SELECT * FROM tasks WHERE plan_uid = ? ORDER BY position, rowid", [plan_uid]
        )
    ]
    return PlanContent(
        plan=plan,
        sections=list_sections(db, plan_uid),
        tasks=tasks,
        indicators=list_indicators(db, plan_uid),
    )


def delete_plan(db: Database, plan_uid: str) -> None:
    """Delete the plan with its sections, tasks, progress and indicators.

    Plans derived from it keep their rows; their link to it is cleared.
    """
    with db.atomic():
        cursor = db.execute("DELETE FROM plans WHERE uid = ?", [plan_uid])
        if cursor.rowcount == 0:
            raise RecordNotFound("kế hoạch", plan_uid)


def _like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def task_uids_with_prefix(
    db: Database, prefix: str, plan_uids: list[str], limit: int = 2
) -> list[str]:
    """Uids of tasks of the given plans that start with ``prefix`` (at most ``limit``)."""
    if not plan_uids:
        return []
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    marks = ", ".join("?" for _ in plan_uids)
    rows = db.execute(
        f"SELECT uid FROM tasks WHERE plan_uid IN ({marks}) AND uid LIKE ? ESCAPE '\\' "
        "ORDER BY uid LIMIT ?",
        [*plan_uids, pattern, limit],
    ).fetchall()
    return [str(row[0]) for row in rows]


def list_task_uids(
    db: Database, plan_uid: str, *, section_code: str | None = None, query: str = ""
) -> list[str]:
    """Uids of the plan's tasks in table order, optionally of one section and matching a query.

    Every word of the query must occur in the task's texts, ignoring tones and case, so
    "kiem soat" finds "kiểm soát".
    """
    sql = "SELECT uid FROM tasks WHERE plan_uid = ?"
    params: list[str] = [plan_uid]
    if section_code is not None:
        sql += " AND section_code = ?"
        params.append(nfc(section_code))
    for word in search_key(query).split():
        sql += " AND search_text LIKE ? ESCAPE '\\'"
        params.append(_like_pattern(word))
    sql += " ORDER BY position, rowid"
    return [row[0] for row in db.execute(sql, params).fetchall()]


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def load_tasks(db: Database, uids: Sequence[str]) -> dict[str, Task]:
    """The tasks with these uids, in the order asked; uids not stored are left out."""
    found: dict[str, Task] = {}
    for chunk in _chunks(list(dict.fromkeys(uids))):
        marks = ", ".join("?" for _ in chunk)
        for row in db.query(f"SELECT * FROM tasks WHERE uid IN ({marks})", list(chunk)):
            found[row["uid"]] = _task_from_row(row)
    return {uid: found[uid] for uid in uids if uid in found}


def load_task(db: Database, uid: str) -> Task:
    """One task; RecordNotFound when no task has this uid."""
    task = load_tasks(db, [uid]).get(uid)
    if task is None:
        raise RecordNotFound("nhiệm vụ", uid)
    return task


def plan_uid_of_task(db: Database, task_uid: str) -> str:
    """The uid of the plan a task belongs to; RecordNotFound when the task is not stored."""
    row = db.execute("SELECT plan_uid FROM tasks WHERE uid = ?", [task_uid]).fetchone()
    if row is None:
        raise RecordNotFound("nhiệm vụ", task_uid)
    return str(row[0])


def count_tasks(db: Database, plan_uid: str) -> int:
    """How many task rows (sub-items included) the plan holds."""
    row = db.execute("SELECT count(*) FROM tasks WHERE plan_uid = ?", [plan_uid]).fetchone()
    return int(row[0])


def update_task(db: Database, task: Task) -> None:
    """Replace a stored task's fields (it stays in its plan); RecordNotFound when absent."""
    row = _task_row("", task)
    del row["plan_uid"]
    del row["uid"]
    assignments = ", ".join(f"{name} = ?" for name in row)
    with db.atomic():
        cursor = db.execute(
            f"UPDATE tasks SET {assignments} WHERE uid = ?", [*row.values(), task.uid]
        )
        if cursor.rowcount == 0:
            raise RecordNotFound("nhiệm vụ", task.uid)


def add_task(db: Database, plan_uid: str, task: Task) -> None:
    """Add one task row to a stored plan (a local task, for instance)."""
    with db.atomic():
        load_plan(db, plan_uid)
        _insert_rows(db, "tasks", [_task_row(plan_uid, task)])


def delete_task(db: Database, task_uid: str) -> None:
    """Delete one task with its progress and evidence links; RecordNotFound when absent."""
    with db.atomic():
        cursor = db.execute("DELETE FROM tasks WHERE uid = ?", [task_uid])
        if cursor.rowcount == 0:
            raise RecordNotFound("nhiệm vụ", task_uid)


def find_parent_versions(db: Database, issuer: str, year: int) -> list[Plan]:
    """Stored parent plans of this issuer and year (any version), oldest first."""
    rows = db.query(
        "SELECT * FROM plans WHERE kind = 'parent' AND year = ? ORDER BY created_at, rowid", [year]
    )
    key = search_key(issuer)
    return [_plan_from_row(row) for row in rows if search_key(row["issuer"]) == key]


def insert_section(db: Database, plan_uid: str, section: Section) -> None:
    """Add one section row to a stored plan (a local section)."""
    with db.atomic():
        load_plan(db, plan_uid)
        _insert_rows(db, "sections", [_section_row(plan_uid, section)])
