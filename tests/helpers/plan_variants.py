"""Independent builders of plan documents in the layouts real officers use, with answer keys.

Written apart from ``docx_builders.py`` on purpose (issue 3: "checked on documents the project has
not seen"). Word tables are written as raw OOXML so that every trick of a real file is available:
gridSpan, vMerge, tblHeader, soft line breaks, tabs, optional hyphens and Word auto-numbered lists.
In a cell text, "\\n" starts a new paragraph, ``BR`` is a soft line break (w:br), ``TAB`` a tab and
``SHY`` an optional hyphen (w:softHyphen). The plan data is real: seed 000 through the fixture's
answer key, seeds 002 and 003 through ``plan_variants.json`` (rows reconstructed from the text).
"""

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar

import docx
import openpyxl
from docx.oxml import parse_xml
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared"
BR, TAB, SHY = "\u23ce", "\u21e5", "\u00ac"  # markers only; never part of real text
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --- the answer key ---------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyTask:
    """One task as the import must give it, plus ``units``: the combined units cell as printed."""

    section: str
    number: str
    sub: str | None
    content: str
    output: str
    lead: str
    coordinating: str
    timeframe: str
    units: str = ""

    def fields(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "number": self.number,
            "sub": self.sub,
            "content": self.content,
            "output": self.output,
            "lead": self.lead,
            "coordinating": self.coordinating,
            "timeframe": self.timeframe,
        }


@dataclass(frozen=True)
class Plan:
    """Sections (code, title, parent code) and tasks of one real plan."""

    sections: list[tuple[str, str, str | None]]
    tasks: list[KeyTask]
    indicators: list[tuple[str, str, str, str, str]] = field(default_factory=list)


def units_split(units: str) -> tuple[str, str]:
    """The fixtures README rule, written again here: a line saying "phối hợp" (but not "chủ trì,
    phối hợp") is coordinating, every other line lead; no coordinating line: all is lead."""
    lines = units.split("\n")
    coordinating = [
        line
        for line in lines
        if "phối hợp" in line.lower() and not re.search(r"chủ trì\s*,\s*phối hợp", line.lower())
    ]
    if not coordinating:
        return units, ""
    return "\n".join(x for x in lines if x not in coordinating), "\n".join(coordinating)


def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HERE / "plan_variants.json").read_text(encoding="utf-8"))
    return data


def city_plan() -> Plan:
    """Seed 000 (Quảng Ngãi city 2023): sections I–XIII, 34 tasks, task 1 with sub-items a), b)."""
    truth = json.loads((SHARED / "fixtures" / "city2023.truth.json").read_text(encoding="utf-8"))
    sections = [(s["code"], s["title"], s["parent_code"]) for s in truth["sections"]]
    tasks = [
        KeyTask(
            t["section"],
            t["number"],
            t["sub"],
            t["content"],
            t["output"],
            t["lead"],
            t["coordinating"],
            t["timeframe"],
            t["units_raw"],
        )
        for t in truth["tasks"]
    ]
    return Plan(sections, tasks)


def ward_plan() -> Plan:
    """Seed 003 (Phổ Ninh ward 2025): letters A–E, Roman I–VII under C, 30 tasks, 7 indicators."""
    data = _data()
    tasks = []
    for section, number, content, output, units, timeframe in data["ward_tasks"]:
        lead, coordinating = units_split(units)
        tasks.append(
            KeyTask(section, number, None, content, output, lead, coordinating, timeframe, units)
        )
    sections = [tuple(s) for s in data["ward_sections"]]
    indicators = [tuple(i) for i in data["ward_indicators"]]
    return Plan(sections, tasks, indicators)  # type: ignore[arg-type]


def province_plan() -> Plan:
    """Seed 002 (provincial office plan 2021) as a province-style table: letters A, B holding Roman
    subsections, numbering restarting in each, task 1 split into sub-items a)–c) with own units."""
    data = _data()
    tasks = [
        KeyTask(*t, units="\n".join(x for x in (t[5], t[6]) if x)) for t in data["province_tasks"]
    ]
    return Plan([tuple(s) for s in data["province_sections"]], tasks)  # type: ignore[misc]


def renumbered_per_section(plan: Plan) -> Plan:
    """The same plan with numbering restarting at 1 in every section (seed 004's habit)."""
    tasks: list[KeyTask] = []
    counters: dict[str, int] = {}
    last: tuple[str, str] | None = None
    for task in plan.tasks:
        if last != (task.section, task.number):
            counters[task.section] = counters.get(task.section, 0) + 1
            last = (task.section, task.number)
        tasks.append(replace(task, number=str(counters[task.section])))
    return Plan(plan.sections, tasks, plan.indicators)


def field_accuracy(expected: list[dict[str, Any]], got: list[dict[str, Any]]) -> tuple[int, int]:
    """(fields right, fields in all) over tasks × 8 fields; a missing or extra task counts all its
    fields wrong. Tasks are paired in order after aligning on their content."""
    import difflib

    keys = list(expected[0]) if expected else []
    matcher = difflib.SequenceMatcher(
        None, [e["content"][:50] for e in expected], [g["content"][:50] for g in got], False
    )
    right = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "replace"):
            for e, g in zip(expected[i1:i2], got[j1:j2], strict=False):
                right += sum(1 for k in keys if e[k] == g[k])
    total = max(len(expected), len(got)) * len(keys)
    return right, total


# --- Word documents ---------------------------------------------------------------------------


@dataclass
class Cell:
    """A table cell. ``auto``: its paragraphs are Word list items ("bullet" "- ", "letter" "a) ",
    "decimal" "1.", "style_bullet": "- " drawn through the "List Bullet" paragraph style): the
    printed marker is left out of the text and drawn by numbering.
    ``list_key``: cells with the same key continue one list; None starts a new list."""

    text: str = ""
    bold: bool = False
    span: int = 1
    merge: str | None = None  # "restart" or "continue" (vertical merge)
    auto: str | None = None
    list_key: str | None = None


@dataclass
class Row:
    cells: list[Cell]
    header: bool = False  # Word's "repeat as header row at the top of each page"


@dataclass
class Table:
    rows: list[Row]


Block = str | Table


def cells(*texts: str, bold: bool = False) -> list[Cell]:
    return [Cell(t, bold=bold) for t in texts]


def write_docx(path: Path, blocks: list[Block]) -> Path:
    document = docx.Document()
    lists = _Lists(document)
    body = document.element.body
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block.replace(BR, "\n"))
        else:
            body.sectPr.addprevious(parse_xml(_table_xml(block, lists)))
    document.add_paragraph()
    document.save(str(path))
    return path


class _Lists:
    """Word numbering definitions: one abstract list per kind, one list instance per key."""

    _KINDS: ClassVar[
        dict[str, tuple[int, str, str]]
    ] = {  # kind -> (abstractNumId, numFmt, lvlText)
        "bullet": (90, "bullet", "-"),
        "letter": (91, "lowerLetter", "%1)"),
        "decimal": (92, "decimal", "%1."),
    }

    def __init__(self, document: Any) -> None:
        self._numbering = document.part.numbering_part.element
        first_num = self._numbering.find(f"{{{W_NS}}}num")
        for abstract_id, fmt, text in self._KINDS.values():
            node = parse_xml(
                f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
                f'<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                "</w:lvl></w:abstractNum>"
            )
            if first_num is not None:
                first_num.addprevious(node)
            else:
                self._numbering.append(node)
        self._ids: dict[str, int] = {}
        self._next = 200

    def num_id(self, kind: str, key: str | None) -> int:
        if key is not None and key in self._ids:
            return self._ids[key]
        self._next += 1
        abstract_id = self._KINDS[kind][0]
        self._numbering.append(
            parse_xml(
                f'<w:num xmlns:w="{W_NS}" w:numId="{self._next}">'
                f'<w:abstractNumId w:val="{abstract_id}"/><w:lvlOverride w:ilvl="0">'
                '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            )
        )
        if key is not None:
            self._ids[key] = self._next
        return self._next


_MARKERS = {
    "bullet": re.compile(r"^[-–]\s*"),
    "letter": re.compile(r"^[a-zđ]\)\s*"),
    "decimal": re.compile(r"^\d+\.?\s*"),
}


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _runs_xml(text: str, bold: bool) -> str:
    props = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    out = []
    for part in re.split(f"([{BR}{TAB}{SHY}])", text):
        if part == BR:
            out.append(f"<w:r>{props}<w:br/></w:r>")
        elif part == TAB:
            out.append(f"<w:r>{props}<w:tab/></w:r>")
        elif part == SHY:
            out.append(f"<w:r>{props}<w:softHyphen/></w:r>")
        elif part:
            out.append(f'<w:r>{props}<w:t xml:space="preserve">{_esc(part)}</w:t></w:r>')
    return "".join(out)


def _cell_xml(cell: Cell, lists: _Lists) -> str:
    props = ""
    if cell.span > 1:
        props += f'<w:gridSpan w:val="{cell.span}"/>'
    if cell.merge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif cell.merge == "continue":
        props += "<w:vMerge/>"
    paragraphs = []
    text = "" if cell.merge == "continue" else cell.text
    by_style = cell.auto == "style_bullet"  # the "List Bullet" style carries the numbering
    num_id = lists.num_id(cell.auto, cell.list_key) if cell.auto and text and not by_style else None
    for line in text.split("\n"):
        ppr = ""
        if by_style and line:
            line = _MARKERS["bullet"].sub("", line, count=1)
            ppr = '<w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>'
        elif num_id is not None and cell.auto and line:
            line = _MARKERS[cell.auto].sub("", line, count=1)
            ppr = (
                f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
            )
        paragraphs.append(f"<w:p>{ppr}{_runs_xml(line, cell.bold)}</w:p>")
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(paragraphs)}</w:tc>"


def _table_xml(table: Table, lists: _Lists) -> str:
    width = max(sum(c.span for c in row.cells) for row in table.rows)
    grid = "".join('<w:gridCol w:w="1800"/>' for _ in range(width))
    rows = []
    for row in table.rows:
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if row.header else ""
        rows.append(f"<w:tr>{trpr}{''.join(_cell_xml(c, lists) for c in row.cells)}</w:tr>")
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblW w:w="0" w:type="auto"/>'
        f"<w:tblBorders>{borders}</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        f"{''.join(rows)}</w:tbl>"
    )


# --- Excel workbooks --------------------------------------------------------------------------


@dataclass
class Sheet:
    title: str
    rows: list[list[Any]]  # None: an empty cell
    merges: list[str] = field(default_factory=list)  # "A5:E5"
    bold_rows: set[int] = field(default_factory=set)  # 1-based


def write_xlsx(path: Path, sheets: list[Sheet]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for spec in sheets:
        sheet = workbook.create_sheet(spec.title)
        for r, values in enumerate(spec.rows, start=1):
            for c, value in enumerate(values, start=1):
                if value is None:
                    continue
                cell = sheet.cell(row=r, column=c, value=value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if r in spec.bold_rows:
                    cell.font = Font(name="Times New Roman", bold=True)
        for merged in spec.merges:
            sheet.merge_cells(merged)
    workbook.save(str(path))
    return path


def with_heading_tasks(plan: Plan, headings: dict[str, str]) -> Plan:
    """The key when a numbered row with its own text introduces sub-items that have texts of
    their own: that row stays a task (number, no sub, its text), so no text of the document is
    lost."""
    tasks: list[KeyTask] = []
    for task in plan.tasks:
        if task.sub == "a" and task.number in headings:
            tasks.append(
                KeyTask(task.section, task.number, None, headings[task.number], "", "", "", "")
            )
        tasks.append(task)
    return replace(plan, tasks=tasks)
