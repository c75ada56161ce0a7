"""Task numbers and section codes: checking their sequence, and renumbering a tailored plan."""

from collections.abc import Sequence
from dataclasses import replace

from kscdesk.domain.findings import Finding
from kscdesk.domain.model import Section, Task

_ROMAN = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
    "XVIII",
    "XIX",
    "XX",
)
_LETTERS = ("A", "B", "C", "D", "Đ", "E", "G", "H", "I", "K", "L", "M", "N", "O", "P", "Q")
_SUBS = "abcdđeghiklmnopqrstuvxy"


def restarts_per_section(sections: Sequence[Section], tasks: Sequence[Task]) -> bool:
    """True when numbering starts again at 1 in each section (seed 004), not continuous."""
    firsts: dict[str, str] = {}
    for task in tasks:
        firsts.setdefault(task.section_code, task.number)
    return sum(1 for number in list(firsts.values())[1:] if number == "1") > 0


def _section_findings(sections: Sequence[Section]) -> list[Finding]:
    found: list[Finding] = []
    groups: dict[str | None, list[Section]] = {}
    for section in sections:
        groups.setdefault(section.parent_code, []).append(section)
    for members in groups.values():
        sequence = _LETTERS if members[0].code in ("A",) else _ROMAN
        if members[0].code not in sequence:
            sequence = _LETTERS if members[0].code in _LETTERS else _ROMAN
        for index, section in enumerate(members):
            expected = sequence[index] if index < len(sequence) else ""
            if section.code != expected:
                found.append(
                    Finding(
                        "section",
                        section.code,
                        "section",
                        section.code,
                        f"Mục “{section.code}” không theo thứ tự (chờ “{expected}”).",
                        expected,
                    )
                )
    return found


def _number_finding(task: Task, message: str, suggestion: str, restart: bool = False) -> Finding:
    printed = f"{task.section_code}.{task.label}" if restart else task.label
    return Finding("numbering", printed, "number", task.label, message, suggestion, task.uid)


def numbering_findings(sections: Sequence[Section], tasks: Sequence[Task]) -> list[Finding]:
    """Duplicate and skipped task numbers, sub-items out of order, section codes out of order."""
    found = _section_findings(sections)
    restart = restarts_per_section(sections, tasks)
    previous: int | None = None
    section: str | None = None
    seen: set[tuple[str, str]] = set()
    last_sub: dict[str, str] = {}
    for task in tasks:
        scope = task.section_code if restart else ""
        key = (scope, task.label)
        if key in seen:
            found.append(_number_finding(task, f"Số thứ tự “{task.label}” bị trùng.", "", restart))
            continue
        seen.add(key)
        if restart and task.section_code != section:
            previous = 0
        section = task.section_code
        if not task.number.isdigit():
            continue
        number = int(task.number)
        if task.sub:
            before = last_sub.get(task.number)
            expected_sub = (
                _SUBS[_SUBS.index(before) + 1] if before and before in _SUBS[:-1] else "a"
            )
            if before is None and previous is not None and number == previous:
                expected_sub = "a"
            if task.sub != expected_sub and before is not None:
                found.append(
                    _number_finding(
                        task,
                        f"Tiểu mục “{task.label}” không theo "
                        f"thứ tự (chờ “{task.number}{expected_sub}”).",
                        f"{task.number}{expected_sub}",
                        restart,
                    )
                )
            last_sub[task.number] = task.sub
            if previous is not None and number == previous:
                continue
        expected = 1 if previous is None else previous + 1
        if number > expected:
            missing = f"{expected}" if number == expected + 1 else f"{expected}–{number - 1}"
            found.append(
                _number_finding(
                    task,
                    f"Bỏ sót số thứ tự {missing} trước “{task.label}”.",
                    str(expected),
                    restart,
                )
            )
        elif number < expected:
            found.append(
                _number_finding(
                    task,
                    f"Số thứ tự “{task.label}” không theo thứ tự (chờ {expected}).",
                    str(expected),
                    restart,
                )
            )
        previous = number
    return found


def renumber(
    sections: Sequence[Section], tasks: Sequence[Task], *, restart: bool | None = None
) -> list[Task]:
    """Tasks numbered again in table order, continuously or per section as the plan was.

    Sub-items keep sharing their task's number and get letters a, b, … in order; tasks marked
    not applicable keep their number out of the sequence (they are left out of documents).
    """
    if restart is None:
        restart = restarts_per_section(sections, tasks)
    result: list[Task] = []
    counter = 0
    section: str | None = None
    previous_original: tuple[str, str] | None = None
    sub_index = 0
    for task in tasks:
        if task.not_applicable:
            result.append(task)
            continue
        if restart and task.section_code != section:
            counter = 0
            previous_original = None
        section = task.section_code
        original = (task.section_code, task.number)
        if task.sub and original == previous_original:
            sub_index += 1
        else:
            counter += 1
            sub_index = 0
        previous_original = original
        sub = _SUBS[sub_index] if task.sub else None
        result.append(replace(task, number=str(counter), sub=sub))
    return result
