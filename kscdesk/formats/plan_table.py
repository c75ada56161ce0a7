"""Plan tables as grids -> sections, tasks and indicators: the layout-agnostic heart of plan import.

Both the .docx and the .xlsx reader hand their tables over as ``Grid``s; everything that depends
on how a plan is laid out (which table, which columns, section rows, numbering, sub-items,
continued rows, repeated headers, combined units column) is decided here.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from kscdesk.domain.model import ImportWarning, Indicator, Plan, PlanContent, Task
from kscdesk.domain.work import CancelToken, ProgressCallback
from kscdesk.formats.cell_text import split_units, tidy_cached, tidy_cell_text
from kscdesk.formats.errors import EmptyPlanTable, NotAPlan
from kscdesk.formats.grid import Grid, clear_text_memos
from kscdesk.formats.plan_columns import (
    Header,
    Role,
    find_header,
    is_column_numbers_row,
    is_repeated_header,
    resolved_row,
)
from kscdesk.formats.plan_preamble import read_preamble
from kscdesk.formats.plan_sections import TASK_NUMBER, SectionRow, SectionTrail, read_section_row

ROW_BATCH = 25  # rows between progress reports and cancel checks

_SUB_CODE = re.compile(r"^([a-zđ])\s*[)./]?$")
_SUB_MARKER = re.compile(r"^([a-zđ])[)/]\s*")


@dataclass
class _Draft:
    """A task row being assembled (continuation rows may still add to it)."""

    section: str
    number: str
    sub: str | None
    fields: dict[Role, str]
    table: int
    row: int
    is_heading_only: bool = False
    # Texts of continuation rows not yet joined to ``fields``: joining them once at the end keeps
    # 8,000 continuation rows linear rather than re-cleaning a growing text on every row.
    pending: dict[Role, list[str]] = field(default_factory=dict)

    def settle(self) -> None:
        for role, texts in self.pending.items():
            self.fields[role] = tidy_cell_text("\n".join([self.fields[role], *texts]))
        self.pending.clear()


@dataclass
class _TableState(SectionTrail):
    """What the row walk knows between rows, across all plan tables of one document."""

    drafts: list[_Draft] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    last_number: int | None = None


def parse_plan(
    grids: list[Grid],
    preamble: list[str],
    source: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> PlanContent:
    """Read a whole plan from the document's tables and the text lines before the plan table."""
    try:
        return _parse_plan(grids, preamble, source, progress, cancel)
    finally:
        clear_text_memos()


def _parse_plan(
    grids: list[Grid],
    preamble: list[str],
    source: Path,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> PlanContent:
    state = _TableState()
    indicators: list[Indicator] = []
    columns: tuple[str, ...] = ()
    plan_header: Header | None = None
    total = sum(len(g.rows) for g in grids)
    done = 0
    for grid in grids:
        header = find_header(grid)
        start = header.last_row + 1 if header else 0
        if header is None and _continues_plan_table(grid, plan_header):
            header = plan_header  # the plan table continued as a new table without its header
        if header is None:
            done += len(grid.rows)
            continue
        if header.is_plan_table:
            plan_header = header
            columns = columns or header.columns
            _walk_plan_rows(grid, header, start, state, _Progress(progress, cancel, done, total))
        elif header.is_indicator_table:
            indicators.extend(_read_indicators(grid, header, start, len(indicators)))
        done += len(grid.rows)
    if plan_header is None:
        raise NotAPlan(source)
    tasks = _finish_tasks(state)
    if not tasks:
        raise EmptyPlanTable(source)
    facts = read_preamble(preamble)
    plan = Plan(
        issuer=facts.issuer,
        year=facts.year or 0,
        title=facts.title,
        level=facts.level,
        decision=facts.decision,
        source_name=source.name,
        columns=columns,
    )
    warnings = [ImportWarning(text) for text in facts.warnings] + state.warnings
    return PlanContent(plan, state.sections, tasks, indicators, warnings)


def _continues_plan_table(grid: Grid, plan_header: Header | None) -> bool:
    """A headerless table as wide as the plan table, right after it: the plan table continued."""
    return plan_header is not None and grid.width == len(plan_header.columns) >= 4


@dataclass(frozen=True)
class _Progress:
    callback: ProgressCallback | None
    cancel: CancelToken | None
    done: int  # rows of the tables before this one
    total: int

    def report(self, row: int) -> None:
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()
        if self.callback is not None:
            self.callback(self.done + row, self.total, "Đang đọc bảng kế hoạch…")


def _walk_plan_rows(
    grid: Grid, header: Header, start: int, state: _TableState, progress: _Progress
) -> None:
    for index in range(start, len(grid.rows)):
        if (index - start) % ROW_BATCH == 0:
            progress.report(index)
        _read_plan_row(grid, header, index, state)


def _read_plan_row(grid: Grid, header: Header, index: int, state: _TableState) -> None:
    raw = resolved_row(grid, index)
    flagged = index < len(grid.is_repeat_header) and grid.is_repeat_header[index]
    if flagged or is_repeated_header(raw, header) or is_column_numbers_row(raw):
        return
    cells = grid.rows[index]
    texts = [tidy_cached(t) for t in raw]
    own = [
        "" if i >= len(cells) or cells[i].merged_up or cells[i].merged_left else texts[i]
        for i in range(len(texts))
    ]
    if not any(texts):
        return
    where = (grid.table_index, index + 1)
    number_col = header.roles.get(Role.NUMBER)
    own_number = own[number_col] if number_col is not None else ""
    number_merged = number_col is not None and not own_number and texts[number_col] != ""
    section_row = SectionRow(
        texts,
        own,
        [cell.bold for cell in cells],
        len(cells) > 1 and all(cell.merged_left for cell in cells[1:]),
        number_col,
        header.roles.get(Role.CONTENT, 1),
    )
    if read_section_row(section_row, state):
        return
    fields = {role: texts[col] for role, col in header.roles.items() if col < len(texts)}
    own_fields = {role: own[col] for role, col in header.roles.items() if col < len(own)}
    number_match = TASK_NUMBER.match(own_number)
    sub_match = _SUB_CODE.match(own_number)
    sub = sub_match.group(1) if sub_match else _take_sub_marker(fields, own_fields)
    if number_match:
        _start_task(_plain_number(number_match.group(1)), sub, fields, where, state)
    elif sub is not None or number_merged:
        if not state.drafts:
            _warn_unclassified(where, state)
        elif sub is not None:
            _start_sub(sub, fields, own_fields, where, state)
        else:
            _continue_task(own_fields, state)
    elif not own_number and state.drafts:
        _continue_task(own_fields, state)
    else:
        _warn_unclassified(where, state)


def _plain_number(number: str) -> str:
    """ "01" -> "1"; "1.2" stays as printed."""
    return str(int(number)) if number.isdigit() else number


def _take_sub_marker(fields: dict[Role, str], own_fields: dict[Role, str]) -> str | None:
    """A sub-item letter written at the start of the row's own content or output text."""
    for role in (Role.CONTENT, Role.OUTPUT):
        text = own_fields.get(role, "")
        match = _SUB_MARKER.match(text)
        if match is None:
            continue
        later = [line for line in text.split("\n")[1:] if _SUB_MARKER.match(line)]
        if later:
            return None  # a list of points inside one cell, not a sub-item row
        stripped = text[match.end() :]
        fields[role] = stripped
        own_fields[role] = stripped
        return match.group(1)
    return None


def _start_task(
    number: str,
    sub: str | None,
    fields: dict[Role, str],
    where: tuple[int, int],
    state: _TableState,
) -> None:
    value = int(number) if number.isdigit() else None
    last = state.last_number
    in_sequence = last is None or value in (last, last + 1)
    restarted = value == 1 and state.section_changed
    if value is not None and not in_sequence and not restarted:
        message = f"Số thứ tự {number} không liền mạch (sau {last})."
        position = len(state.drafts) + 1
        state.warnings.append(ImportWarning(message, *where, task_position=position))
    if value is not None:
        state.last_number = value
    state.section_changed = False
    heading_only = sub is None and not any(
        fields.get(r) for r in (Role.OUTPUT, Role.UNITS, Role.LEAD, Role.TIMEFRAME)
    )
    draft = _Draft(state.section, number, sub, dict(fields), *where, heading_only)
    state.drafts.append(draft)


def _start_sub(
    sub: str,
    fields: dict[Role, str],
    own_fields: dict[Role, str],
    where: tuple[int, int],
    state: _TableState,
) -> None:
    parent = state.drafts[-1]
    parent.settle()
    inherits = not own_fields.get(Role.CONTENT) and not fields.get(Role.CONTENT)
    heading = parent.fields.get(Role.CONTENT, "")
    if (
        parent.sub is None
        and parent.is_heading_only
        and (inherits or not heading or fields.get(Role.CONTENT) == heading)
    ):
        # The numbered row only introduced its sub-items a), b), which carry its text. When
        # they have texts of their own, the numbered row stays a task: its text is not lost.
        state.drafts.pop()
    merged = dict(fields)
    if inherits:
        merged[Role.CONTENT] = heading
    state.drafts.append(_Draft(parent.section, parent.number, sub, merged, *where))


def _continue_task(own_fields: dict[Role, str], state: _TableState) -> None:
    draft = state.drafts[-1]
    for role, text in own_fields.items():
        if text and role is not Role.NUMBER:
            if draft.fields.get(role, ""):
                draft.pending.setdefault(role, []).append(text)
            else:
                draft.fields[role] = text
    if any(own_fields.get(r) for r in (Role.OUTPUT, Role.UNITS, Role.LEAD, Role.TIMEFRAME)):
        draft.is_heading_only = False


def _warn_unclassified(where: tuple[int, int], state: _TableState) -> None:
    state.warnings.append(ImportWarning("Không xác định được dòng này thuộc nhiệm vụ nào.", *where))


def _finish_tasks(state: _TableState) -> list[Task]:
    tasks: list[Task] = []
    for draft in state.drafts:
        draft.settle()
        position = len(tasks) + 1
        fields = draft.fields
        if Role.LEAD in fields or Role.COORDINATING in fields:
            lead, coordinating = fields.get(Role.LEAD, ""), fields.get(Role.COORDINATING, "")
        else:
            lead, coordinating = split_units(fields.get(Role.UNITS, ""))
        content = fields.get(Role.CONTENT, "")
        if not content:
            state.warnings.append(
                ImportWarning("Nhiệm vụ không có nội dung.", draft.table, draft.row, position)
            )
        tasks.append(
            Task(
                section_code=draft.section,
                number=draft.number,
                sub=draft.sub,
                content=content,
                output=fields.get(Role.OUTPUT, ""),
                lead=lead,
                coordinating=coordinating,
                timeframe=fields.get(Role.TIMEFRAME, ""),
                position=position,
            )
        )
    state.warnings.sort(key=lambda w: (w.table or 0, w.row or 0))
    return tasks


def _read_indicators(grid: Grid, header: Header, start: int, before: int) -> list[Indicator]:
    rows: list[dict[Role, list[str]]] = []  # per indicator row, the texts of each field
    for index in range(start, len(grid.rows)):
        raw = resolved_row(grid, index)
        if is_repeated_header(raw, header) or is_column_numbers_row(raw):
            continue
        texts = {
            role: tidy_cached(raw[col]) for role, col in header.roles.items() if col < len(raw)
        }
        number = texts.get(Role.NUMBER, "")
        if TASK_NUMBER.match(number):
            rows.append({role: [text] for role, text in texts.items()})
        elif not number and rows and any(texts.values()):
            for role, text in texts.items():
                parts = rows[-1].setdefault(role, [])
                if text and parts != [text]:  # a merged cell repeats the text above
                    parts.append(text)
    joined = [
        {role: tidy_cell_text("\n".join(parts)) for role, parts in row.items()} for row in rows
    ]
    indicators = []
    for offset, texts in enumerate(joined, start=1):
        if Role.LEAD in texts or Role.COORDINATING in texts:
            lead, coordinating = texts.get(Role.LEAD, ""), texts.get(Role.COORDINATING, "")
        else:
            lead, coordinating = split_units(texts.get(Role.UNITS, ""))
        indicators.append(
            Indicator(
                number=_plain_number(texts[Role.NUMBER].rstrip(".) ")),
                name=texts.get(Role.CONTENT, ""),
                unit=texts.get(Role.MEASURE, ""),
                target_text=texts.get(Role.TARGET, ""),
                lead=lead,
                coordinating=coordinating,
                position=before + offset,
            )
        )
    return indicators
