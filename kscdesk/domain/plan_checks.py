"""Checks of a tailored plan: what a careful officer looks for before the plan is signed.

Leftover parent-level wording (outside citations), a year other than the plan's, a task
without lead unit or timeframe, a timeframe the interpreter cannot read, numbering and section
codes out of sequence, and the misspellings of a maintained list of known confusions.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kscdesk.domain.citations import is_in_citation, reference_spans
from kscdesk.domain.findings import Finding
from kscdesk.domain.model import PlanContent, Task
from kscdesk.domain.plan_numbering import numbering_findings, restarts_per_section
from kscdesk.domain.timeframe import parse_timeframe
from kscdesk.domain.wording import TEXT_FIELDS, WordingRule, apply_rule, place_of


@dataclass(frozen=True)
class Confusion:
    wrong: str
    right: str


@dataclass(frozen=True)
class CheckContext:
    """What the checks need besides the plan: who the parent is, the rules, the confusions."""

    parent_kinds: tuple[str, ...]  # place words naming the parent: ("thành phố",)
    own_name: str = ""
    rules: tuple[WordingRule, ...] = ()
    confusions: tuple[Confusion, ...] = ()


_DISTRICT_KINDS = ("thành phố", "thị xã", "huyện", "quận")
# Words that name the parent's own units or its communes, wrong in a commune's plan.
_PARENT_UNITS = (
    "các xã, phường",
    "các xã, thị trấn",
    "UBND cấp xã",
    "phòng, ban",
    "sở, ban, ngành",
    "thuộc thẩm quyền giải quyết của tỉnh",
)


def parent_kinds_for(parent_issuer: str | None, year: int) -> tuple[str, ...]:
    """The place words that name the parent office: its own, or the district words before 2026."""
    place = place_of(parent_issuer) if parent_issuer else None
    if place is not None and place.kind not in ("xã", "phường", "thị trấn", "đặc khu"):
        return (place.kind,)
    return _DISTRICT_KINDS if year < 2026 else ()


def _word(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _suggestion(text: str, start: int, end: int, rules: Sequence[WordingRule], name: str) -> str:
    """The first rule whose phrase covers the finding, as "phrase → replacement"."""
    for rule in rules:
        if name not in rule.fields:
            continue
        for match in _word(rule.find).finditer(text):
            if match.start() <= start and end <= match.end():
                return apply_rule(rule, match.group(0)) or "(bỏ)"
    return ""


def _leftovers(
    text: str, name: str, ctx: CheckContext, where: tuple[str, str | None]
) -> Iterable[Finding]:
    own = ctx.own_name.lower()
    phrases = [*ctx.parent_kinds, *_PARENT_UNITS]
    seen: set[int] = set()
    for phrase in phrases:
        for match in _word(phrase).finditer(text):
            start, end = match.span()
            if start in seen or is_in_citation(text, start):
                continue
            if own and text[start:].lower().startswith(own):
                continue
            seen.add(start)
            yield Finding(
                "leftover",
                where[0],
                name,
                match.group(0),
                f"Còn từ ngữ của cấp trên: “{match.group(0)}”.",
                _suggestion(text, start, end, ctx.rules, name),
                where[1],
                start,
            )


_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)
_YEAR_ALLOWED_BEFORE = re.compile(r"(?:đến|tầm nhìn|kết quả[^;.]*trong|từ)\s*$", re.IGNORECASE)


def _years(text: str, name: str, year: int, where: tuple[str, str | None]) -> Iterable[Finding]:
    references = reference_spans(text)
    for match in _YEAR.finditer(text):
        found = int(match.group(1))
        if found == year or any(a <= match.start() < b for a, b in references):
            continue
        if _YEAR_ALLOWED_BEFORE.search(text[max(0, match.start() - 80) : match.start()]):
            continue
        yield Finding(
            "year",
            where[0],
            name,
            match.group(0),
            f"Năm {found} khác năm của kế hoạch ({year}).",
            f"năm {year}",
            where[1],
            match.start(),
        )


def _spelling(
    text: str, name: str, confusions: Sequence[Confusion], where: tuple[str, str | None]
) -> Iterable[Finding]:
    for confusion in confusions:
        for match in _word(confusion.wrong).finditer(text):
            right = confusion.right
            first = match.group(0)[:1]
            head = right[:1].upper() if first.isupper() else right[:1].lower()
            right = head + right[1:]
            yield Finding(
                "spelling",
                where[0],
                name,
                match.group(0),
                f"Có thể gõ nhầm: “{match.group(0)}”.",
                right,
                where[1],
                match.start(),
            )


def check_text(
    text: str, name: str, year: int, ctx: CheckContext, where: tuple[str, str | None] = ("", None)
) -> list[Finding]:
    """Leftover wording, other years and misspellings in one text."""
    return [
        *_leftovers(text, name, ctx, where),
        *_years(text, name, year, where),
        *_spelling(text, name, ctx.confusions, where),
    ]


def _task_findings(task: Task, year: int, ctx: CheckContext, printed: str) -> list[Finding]:
    where = (printed, task.uid)
    found: list[Finding] = []
    for name in TEXT_FIELDS:
        found.extend(check_text(getattr(task, name), name, year, ctx, where))
    found.extend(_spelling(task.timeframe, "timeframe", ctx.confusions, where))
    if not task.lead.strip():
        found.append(
            Finding(
                "missing_lead",
                *where[:1],
                "lead",
                "",
                "Chưa có cơ quan chủ trì.",
                task_uid=task.uid,
            )
        )
    timeframe = parse_timeframe(task.timeframe, year)
    if timeframe.is_blank:
        found.append(
            Finding(
                "missing_timeframe",
                printed,
                "timeframe",
                "",
                "Chưa có thời gian thực hiện.",
                task_uid=task.uid,
            )
        )
    elif timeframe.is_flagged:
        parts = ", ".join(f"“{p}”" for p in timeframe.unknown_parts) or f"“{task.timeframe}”"
        found.append(
            Finding(
                "timeframe",
                printed,
                "timeframe",
                task.timeframe,
                f"Chưa hiểu thời gian thực hiện: {parts}.",
                task_uid=task.uid,
            )
        )
    return found


def check_plan(content: PlanContent, ctx: CheckContext) -> list[Finding]:
    """Every finding of the plan, in table order; tasks marked not applicable are skipped."""
    year = content.plan.year
    findings = check_text(content.plan.title, "title", year, ctx)
    for section in content.sections:
        findings.extend(check_text(section.title, "section", year, ctx, (section.code, None)))
    tasks = [task for task in content.tasks if not task.not_applicable]
    restart = restarts_per_section(content.sections, tasks)
    for task in tasks:
        findings.extend(_task_findings(task, year, ctx, printed_number(task, restart)))
    findings.extend(numbering_findings(content.sections, tasks))
    return findings


def printed_number(task: Task, restart: bool) -> str:
    """The number as an officer names the task: "1a"; "II.3" when numbering restarts per
    section (task 3 of section II)."""
    return f"{task.section_code}.{task.label}" if restart else task.label


_SKIP_LEFTOVERS = re.compile(r"^\s*(?:\*?căn cứ|\(ban hành kèm theo)", re.IGNORECASE)
_RECIPIENTS = re.compile(r"^\W*nơi nhận", re.IGNORECASE)
_AFTER_RECIPIENTS = re.compile(
    r"^\W*(?:kế hoạch|tm\.|kt\.|chủ tịch|phó chủ tịch)\W*$", re.IGNORECASE
)


def check_document_lines(lines: Sequence[str], year: int, ctx: CheckContext) -> list[Finding]:
    """The decision and appendix paragraphs of a plan document: the parent is named legitimately
    in the "Căn cứ" lines and in Nơi nhận, which the leftover check skips."""
    findings: list[Finding] = []
    in_recipients = False
    for number, line in enumerate(lines, 1):
        if _RECIPIENTS.match(line):
            in_recipients = True
            continue
        if in_recipients and _AFTER_RECIPIENTS.match(line):
            in_recipients = False
        where = (f"dòng {number}", None)
        skip = in_recipients or _SKIP_LEFTOVERS.match(line) is not None
        if not skip:
            findings.extend(_leftovers(line, "document", ctx, where))
            findings.extend(_years(line, "document", year, where))
        findings.extend(_spelling(line, "document", ctx.confusions, where))
    return [_line_in_message(f) for f in findings]


def _line_in_message(finding: Finding) -> Finding:
    # Document lines have no task number: the line is said in the message instead.
    if finding.task.startswith("dòng "):
        return Finding(
            finding.kind,
            "",
            finding.field,
            finding.text,
            f"{finding.task.capitalize()}: {finding.message}",
            finding.suggestion,
            None,
            finding.start,
        )
    return finding
