"""Render a real plan as the rows of a Word plan table, in the ways officers lay it out.

``TableStyle`` names the choices (column order and names, section rows, task numbers, sub-items,
rows continued across a page, pasted headers, line wraps); ``plan_table`` applies them. Cell texts
are the answer key's texts dressed as a document would print them, so the key stays the plan.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from helpers.plan_variants import BR, Cell, KeyTask, Plan, Row, Table

_HEADINGS = {
    "number": "STT",
    "content": "Nội dung công việc",
    "output": "Kết quả công việc",
    "units": "Cơ quan, đơn vị thực hiện",
    "lead": "Cơ quan chủ trì",
    "coordinating": "Cơ quan phối hợp",
    "timeframe": "Thời gian thực hiện",
    "note": "Ghi chú",
}
_SENTENCE_END = re.compile(r"[.;:!?…)]$")
_LOOKS_LIKE_ITEM = re.compile(r"^(?:[-–+•]|\d{1,2}[.)]|\(\d|[a-zđ]\)|[IVX]{1,4}\.)")


def wrapped(text: str, every: int = 6) -> str:
    """Soft line breaks typed inside sentences, every ``every`` words (never where a reader could
    take the next line for a new item or the previous one for a finished sentence)."""
    out = []
    for line in text.split("\n"):
        words = line.split(" ")
        pieces = [words[0]]
        for i, word in enumerate(words[1:], start=1):
            safe = (
                i % every == 0
                and not _SENTENCE_END.search(pieces[-1])
                and not _LOOKS_LIKE_ITEM.match(word)
                and pieces[-1] not in ("-", "–")
            )
            pieces.append(f"{BR}{word}" if safe else f" {word}")
        out.append("".join(pieces))
    return "\n".join(out)


def messy_spaces(text: str) -> str:
    """Double spaces and non-breaking spaces where a typist leaves them."""
    return text.replace(", ", ",  ").replace(" TTHC", "\u00a0TTHC").replace(" UBND", " \u00a0UBND")


def split_for_page(text: str) -> tuple[str, str]:
    """(on this page, on the next): the last line cut in the middle, as a page break typed by
    hand leaves it; the whole text stays when the last line is too short to cut."""
    lines = text.split("\n")
    words = lines[-1].split(" ")
    for cut in range(len(words) // 2, len(words) - 1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if cut >= 2 and not _SENTENCE_END.search(head) and not _LOOKS_LIKE_ITEM.match(tail):
            return "\n".join([*lines[:-1], head]), tail
    return text, ""


@dataclass
class TableStyle:
    columns: list[str]  # roles in printed order
    headings: dict[str, str] = field(default_factory=dict)  # role -> printed header text
    two_row_header: bool = False  # "Phân công thực hiện" over lead | coordinating
    repeat_header: bool = False  # header rows flagged tblHeader
    column_numbers: bool = False  # a row "(1) (2) …" under the header
    section: str = "merged"  # merged | dotted | phan | in_title | bold_only
    number: Callable[[str], str] = str
    auto_number: bool = False  # STT drawn by a Word decimal list
    subs: str = "vmerge"  # vmerge | rows_stt | rows_auto | rows_marker
    split_every: int = 0  # every n-th task continues on a row with an empty STT
    paste_header_at_split: bool = False
    auto_bullets: bool = False  # "- " items drawn by a Word bullet list
    bullet_kind: str = "bullet"  # or "style_bullet": through the paragraph style
    dress: Callable[[str], str] = lambda text: text
    notes: dict[int, str] = field(default_factory=dict)  # task index -> "Ghi chú" text
    headings_of_subs: dict[str, str] = field(default_factory=dict)  # number -> heading row text
    trailing_empty_rows: int = 0


def plan_table(plan: Plan, style: TableStyle) -> Table:
    rows = _header_rows(style)
    if style.column_numbers:
        rows.append(Row([Cell(f"({i})") for i in range(1, len(style.columns) + 1)]))
    header_copy = [Row(list(r.cells)) for r in _header_rows(style)]
    by_number: dict[tuple[int, str], list[KeyTask]] = {}
    for task, section_index in zip(plan.tasks, section_indices(plan), strict=True):
        by_number.setdefault((section_index, task.number), []).append(task)
    index = 0
    for position, (code, title, _parent) in enumerate(plan.sections):
        rows.append(_section_row(code, title, style))
        for (section_index, _number), group in by_number.items():
            if section_index != position:
                continue
            if group[0].sub is None:
                rows.extend(_task_rows(group[0], index, style, header_copy))
            else:
                rows.extend(_sub_rows(group, style))
            index += 1
    rows.extend(Row([Cell() for _ in style.columns]) for _ in range(style.trailing_empty_rows))
    return Table(rows)


def section_indices(plan: Plan) -> list[int]:
    """The position in ``plan.sections`` of each task's section (Roman codes repeat under
    different letters; tasks are listed in document order)."""
    found = []
    current = -1
    for task in plan.tasks:
        if current < 0 or plan.sections[current][0] != task.section:
            current = next(
                i
                for i in range(current + 1, len(plan.sections))
                if plan.sections[i][0] == task.section
            )
        found.append(current)
    return found


def _header_rows(style: TableStyle) -> list[Row]:
    texts = [style.headings.get(role, _HEADINGS[role]) for role in style.columns]
    if not style.two_row_header:
        return [Row([Cell(t, bold=True) for t in texts], header=style.repeat_header)]
    first: list[Cell] = []
    second: list[Cell] = []
    for role, text in zip(style.columns, texts, strict=True):
        if role == "coordinating":
            continue
        if role == "lead":
            first.append(Cell("Phân công thực hiện", bold=True, span=2))
            second.append(Cell(text, bold=True))
            second.append(Cell(style.headings.get("coordinating", "Cơ quan phối hợp"), bold=True))
        else:
            first.append(Cell(text, bold=True, merge="restart"))
            second.append(Cell(merge="continue"))
    return [Row(first, header=style.repeat_header), Row(second, header=style.repeat_header)]


def _section_row(code: str, title: str, style: TableStyle) -> Row:
    width = len(style.columns)
    if style.section == "in_title":
        return Row([Cell(f"{code}. {title}", bold=True, span=width)])
    if style.section == "bold_only":
        return Row([Cell(title, bold=True, span=width)])
    printed = {"dotted": f"{code}.", "phan": f"Phần {code}"}.get(style.section, code)
    if style.section == "dotted":
        cells = [Cell(printed, bold=True)]
        for role in style.columns[1:]:
            cells.append(Cell(title if role == "content" else "", bold=role == "content"))
        return Row(cells)
    return Row([Cell(printed, bold=True), Cell(title, bold=True, span=width - 1)])


def _texts(task: KeyTask) -> dict[str, str]:
    return {
        "content": task.content,
        "output": task.output,
        "units": task.units,
        "lead": task.lead,
        "coordinating": task.coordinating,
        "timeframe": task.timeframe,
    }


def _cell(role: str, text: str, style: TableStyle) -> Cell:
    dressed = style.dress(text) if text else ""
    bullets = style.auto_bullets and text.startswith("- ")
    return Cell(dressed, auto=style.bullet_kind if bullets else None)


def _number_cell(number: str, style: TableStyle) -> Cell:
    if style.auto_number:
        return Cell(number, auto="decimal", list_key="stt")
    return Cell(style.number(number))


def _task_rows(task: KeyTask, index: int, style: TableStyle, header: list[Row]) -> list[Row]:
    texts = _texts(task)
    texts["note"] = style.notes.get(index, "")
    split = style.split_every and index % style.split_every == style.split_every - 1
    first: list[Cell] = []
    second: list[Cell] = []
    for role in style.columns:
        if role == "number":
            first.append(_number_cell(task.number, style))
            second.append(Cell())
            continue
        head, tail = split_for_page(texts[role]) if split else (texts[role], "")
        first.append(_cell(role, head, style))
        second.append(Cell(style.dress(tail)) if tail else Cell())
    if not split:
        return [Row(first)]
    pasted = [Row(list(r.cells)) for r in header] if style.paste_header_at_split else []
    return [Row(first), *pasted, Row(second)]


def _sub_rows(group: list[KeyTask], style: TableStyle) -> list[Row]:
    rows: list[Row] = []
    heading = style.headings_of_subs.get(group[0].number, group[0].content)
    if style.subs != "vmerge":
        cells = []
        for role in style.columns:
            if role == "number":
                cells.append(_number_cell(group[0].number, style))
            else:
                cells.append(Cell(heading if role == "content" else ""))
        rows.append(Row(cells))
    for i, task in enumerate(group):
        merge = "restart" if i == 0 else "continue"
        cells = [_sub_cell(role, task, group, merge, style) for role in style.columns]
        rows.append(Row(cells))
    return rows


def _sub_cell(
    role: str, task: KeyTask, group: list[KeyTask], merge: str, style: TableStyle
) -> Cell:
    """One cell of sub-item row ``task``: the letter goes to the STT cell (rows_stt) or before
    the text that differs between the sub-items; shared texts may be merged vertically."""
    shared_content = len({t.content for t in group}) == 1
    marker_role = "output" if shared_content else "content"
    texts = _texts(task)
    shared = len({_texts(t).get(role, "") for t in group}) == 1
    if role == "number":
        if style.subs == "vmerge":
            return Cell(style.number(task.number), merge=merge)
        return Cell(f"{task.sub})") if style.subs == "rows_stt" else Cell()
    if role == "note":
        return Cell()
    if role == "content" and shared_content:
        if style.subs == "vmerge":
            return Cell(style.dress(task.content), merge=merge)
        return Cell()
    if role == marker_role and style.subs != "rows_stt":
        auto = "letter" if style.subs == "rows_auto" else None
        text = f"{task.sub}) {style.dress(texts[role])}"
        return Cell(text, auto=auto, list_key=f"sub{group[0].number}")
    if shared and role in ("coordinating", "timeframe") and style.subs == "vmerge":
        return Cell(style.dress(texts[role]), merge=merge)
    return _cell(role, texts[role], style)
