"""A plan written as prose, not as a table (seed 002), read into the same plan content.

Under a Roman section ("II. GIẢI PHÁP …") each numbered item "1. …" is a task when its block
names who carries it out or when: "a) Nội dung thực hiện:" with its lines, "b) Đơn vị thực
hiện:" (lead; "Đơn vị phối hợp: …" lines are coordinating) and "c) Thời gian: Thường xuyên.".
The item's heading is the task's content and the a) lines are kept with it, so no line of the
section is lost; text between the section heading and its first task is kept in the section.
Numbered items without such labels (Mục đích, yêu cầu; Tổ chức thực hiện) are not tasks.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from kscdesk.domain.model import ImportWarning, Plan, PlanContent, Section, Task
from kscdesk.domain.text import clean_text, nfc, search_key
from kscdesk.formats.cell_text import split_units, tidy_cell_text
from kscdesk.formats.plan_preamble import read_preamble

PROSE_NOTICE = (
    "Kế hoạch này được viết thành văn bản, không có bảng: mỗi mục “1. …” có đơn vị thực hiện "
    "và thời gian được đọc thành một nhiệm vụ. Hãy đối chiếu kỹ với văn bản gốc."
)
PROSE_COLUMNS = ("STT", "Nội dung thực hiện", "Đơn vị thực hiện", "Thời gian")

_SECTION = re.compile(r"^([IVX]{1,5})\s*[.:)]\s*(\S.*)$")
_ITEM = re.compile(r"^(\d{1,2})\s*[.)]\s+(\S.*)$")
_LABEL = re.compile(r"^(?:[a-zđ]\s*[).]\s*)?(?:-\s*)?(?P<label>[^:]{3,40}):\s*(?P<rest>.*)$")
_CONTENT_KEYS = ("noi dung", "nhiem vu cu the", "cong viec")
_UNITS_KEYS = ("don vi thuc hien", "co quan thuc hien", "don vi chu tri", "co quan chu tri")
_COORDINATING_KEYS = ("don vi phoi hop", "co quan phoi hop")
_TIME_KEYS = ("thoi gian", "thoi han", "tien do")
_OUTPUT_KEYS = ("ket qua", "san pham")
_OPENING_WORDS = ("thuc hien ", "can cu ", "de ", "nham ", "theo ", "trien khai ", "tiep tuc ")


@dataclass
class _Item:
    number: str
    heading: list[str]
    content: list[str] = field(default_factory=list)
    output: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    timeframe: list[str] = field(default_factory=list)
    labelled: bool = False  # has a units or time label: a task
    field_name: str = "heading"

    def add(self, line: str) -> None:
        getattr(self, self.field_name).append(line)


@dataclass
class _Block:
    code: str
    title: list[str]
    intro: list[str] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    in_title: bool = True


def _label_of(line: str) -> tuple[str, str] | None:
    """("units", rest) for "b) Đơn vị thực hiện: …"; None when the line is not a label."""
    match = _LABEL.match(line)
    if match is None:
        return None
    key = search_key(match.group("label")).strip()
    for name, keys in (
        ("content", _CONTENT_KEYS),
        ("coordinating", _COORDINATING_KEYS),
        ("units", _UNITS_KEYS),
        ("timeframe", _TIME_KEYS),
        ("output", _OUTPUT_KEYS),
    ):
        if key.startswith(keys):
            return name, match.group("rest").strip()
    return None


def _blocks(lines: list[str]) -> tuple[list[str], list[_Block]]:
    """Lines before the first Roman section, and the sections with their numbered items."""
    before: list[str] = []
    blocks: list[_Block] = []
    for line in lines:
        section = _SECTION.match(line)
        if section is not None and line[: len(section.group(1))].isupper():
            blocks.append(_Block(section.group(1), [section.group(2)]))
            continue
        if not blocks:
            before.append(line)
            continue
        block = blocks[-1]
        item = _ITEM.match(line)
        if item is not None:
            block.in_title = False
            block.items.append(_Item(item.group(1), [item.group(2)]))
        elif block.in_title and line.isupper():
            block.title.append(line)
        elif not block.items:
            block.in_title = False
            block.intro.append(line)
        else:
            _read_item_line(block.items[-1], line)
    return before, blocks


def _read_item_line(item: _Item, line: str) -> None:
    label = _label_of(line)
    if label is None:
        item.add(line)
        return
    name, rest = label
    if name == "coordinating":
        item.labelled = True
        item.units.append(line)  # "- Đơn vị phối hợp: …": kept whole, read as coordinating
        item.field_name = "units"
        return
    item.field_name = name
    item.labelled = item.labelled or name in ("units", "timeframe")
    if rest:
        item.add(rest)


def read_prose_plan(lines: list[str], source: Path) -> PlanContent | None:
    """The plan in these paragraphs, or None when they hold no labelled numbered items."""
    clean = [clean_text(part) for line in lines for part in nfc(line).splitlines()]
    clean = [line for line in clean if line]
    before, blocks = _blocks(clean)
    sections: list[Section] = []
    tasks: list[Task] = []
    for block in blocks:
        items = [item for item in block.items if item.labelled]
        if not items:
            continue
        title = tidy_cell_text("\n".join(block.title)).replace("\n", " ")
        intro = tidy_cell_text("\n".join(block.intro))
        sections.append(
            Section(block.code, f"{title}\n{intro}" if intro else title, position=len(sections))
        )
        for item in items:
            tasks.append(_task(block.code, item, len(tasks) + 1))
    if not tasks:
        return None
    facts = read_preamble(_heading_lines(before))
    plan = Plan(
        issuer=facts.issuer,
        year=facts.year or 0,
        title=facts.title,
        level=facts.level,
        decision=facts.decision,
        source_name=source.name,
        columns=PROSE_COLUMNS,
    )
    warnings = [ImportWarning(PROSE_NOTICE)] + [ImportWarning(text) for text in facts.warnings]
    content = PlanContent(plan, sections, tasks, [], warnings)
    content.read_from_prose = True
    return content


def _heading_lines(lines: list[str]) -> list[str]:
    """The lines before the opening paragraph ("Thực hiện …", "Căn cứ …"), which in a prose
    plan follows the title directly and must not be read as part of it."""
    heading = next(
        (i for i, line in enumerate(lines) if search_key(line) in ("ke hoach", "chuong trinh")),
        None,
    )
    if heading is None:
        return lines
    for index in range(heading + 2, len(lines)):
        if search_key(lines[index]).startswith(_OPENING_WORDS):
            return lines[:index]
    return lines


def _task(section: str, item: _Item, position: int) -> Task:
    heading = tidy_cell_text("\n".join(item.heading)).replace("\n", " ")
    body = tidy_cell_text("\n".join(item.content))
    lead, coordinating = split_units(tidy_cell_text("\n".join(item.units)))
    timeframe = tidy_cell_text("\n".join(item.timeframe))
    return Task(
        section_code=section,
        number=item.number,
        sub=None,
        content=f"{heading}\n{body}" if body else heading,
        output=tidy_cell_text("\n".join(item.output)),
        lead=lead,
        coordinating=coordinating,
        timeframe=timeframe.rstrip("."),
        position=position,
    )
