"""Draft the text of a period report (DOMAIN §5) from its data, and keep the officer's edits.

The draft is a set of named parts, each plain text: one paragraph per line; a line "1. …" is a
sub-heading and "a) …", "- …" are points. Evidence is cited in full the first time and by type
and number after. Officer edits are kept per part with the draft they were made on; drafting
again keeps the edit and lists what changed in the new draft.
"""

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from kscdesk.domain.indicators import format_count, format_figure, met_label
from kscdesk.domain.report_input import (
    IN_PROGRESS_STANDINGS,
    NOT_OCCURRED,
    EvidenceRef,
    ReportInput,
    ReportTask,
)

PARTS: tuple[tuple[str, str], ...] = (
    ("mo_dau", "Mở đầu"),
    ("chi_dao", "I. Công tác chỉ đạo, điều hành"),
    ("ket_qua", "II. Kết quả thực hiện"),
    ("uu_diem", "III.1. Ưu điểm"),
    ("ton_tai", "III.2. Tồn tại, hạn chế và nguyên nhân"),
    ("phuong_huong", "IV. Phương hướng, nhiệm vụ kỳ tiếp theo"),
    ("kien_nghi", "V. Đề xuất, kiến nghị"),
    ("ket_luan", "Kết thúc"),
)
PART_TITLES = dict(PARTS)
DIRECTIVE_TYPES = frozenset({"Quyết định", "Kế hoạch", "Chỉ thị", "Công văn", "Thông báo"})
TITLE_PREFIX = (
    "Tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính, thực hiện cơ chế "
    "một cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử"
)


def report_title(period_label: str) -> str:
    """The trích yếu: "Tình hình, kết quả … quý I năm 2025"."""
    return f"{TITLE_PREFIX} {period_label[:1].lower()}{period_label[1:]}"


def _d(day: date) -> str:
    return f"{day:%d/%m/%Y}"


CONTENT_CHARS = 160  # a task's content is cut at a word near this length in running text


def _content(task: ReportTask) -> str:
    text = " ".join(task.content.split()).rstrip(".;:")
    if len(text) <= CONTENT_CHARS:
        return text
    return text[:CONTENT_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _numbers(tasks: list[ReportTask]) -> str:
    return ", ".join(task.number for task in tasks)


class _Citer:
    """Full citation the first time a document is cited, type and number after."""

    def __init__(self) -> None:
        self.cited: set[str] = set()

    def cite(self, evidence: EvidenceRef) -> str:
        if evidence.uid in self.cited:
            return evidence.short_citation
        self.cited.add(evidence.uid)
        return evidence.full_citation

    def cite_all(self, items: tuple[EvidenceRef, ...]) -> str:
        return "; ".join(self.cite(item) for item in items)


def _current(data: ReportInput) -> list[ReportTask]:
    """The tasks the period itself reports on (not those listed only for the next period)."""
    return [task for task in data.tasks if task.in_period]


def _opening(data: ReportInput) -> str:
    label = data.period.label[:1].lower() + data.period.label[1:]
    return (
        f"Thực hiện {data.plan_citation}; {data.office_name} báo cáo tình hình, kết quả thực "
        f"hiện công tác kiểm soát thủ tục hành chính (TTHC) {label} như sau:"
    )


def _direction(data: ReportInput, citer: _Citer) -> str:
    seen: dict[str, EvidenceRef] = {}
    for task in _current(data):
        for item in task.evidence:
            issued = item.issued_on
            if item.type_label in DIRECTIVE_TYPES and issued and data.period.contains(issued):
                seen.setdefault(item.uid, item)
    documents = sorted(seen.values(), key=lambda e: (e.issued_on or date.min, e.number_symbol))
    lines = [
        f"{data.office_name} tiếp tục chỉ đạo các bộ phận chuyên môn triển khai thực hiện "
        f"{data.plan_citation}."
    ]
    if documents:
        lines[0] += (
            f" Trong kỳ, đã ban hành {format_count(len(documents))} văn bản chỉ đạo, điều hành:"
        )
        lines.extend(f"- {citer.cite(item)};" for item in documents)
        lines[-1] = lines[-1][:-1] + "."
    return "\n".join(lines)


def _task_result(task: ReportTask, citer: _Citer) -> str:
    text = f"- Nhiệm vụ {task.number} ({_content(task)}): "
    if task.is_done():
        text += "đã hoàn thành" + (f" ngày {_d(task.completed_on)}" if task.completed_on else "")
    else:
        text += "đang triển khai thực hiện"
    if task.evidence:
        text += f" ({citer.cite_all(task.evidence)})"
    text += "."
    if task.note:
        text += f" {task.note.strip().rstrip('.')}."
    return text


def _results(data: ReportInput, citer: _Citer) -> str:
    lines: list[str] = []
    number = 0
    for code, title in data.sections:
        tasks = [
            t
            for t in _current(data)
            if t.section_code == code and (t.is_done() or t.standing in IN_PROGRESS_STANDINGS)
        ]
        if not tasks:
            continue
        number += 1
        lines.append(f"{number}. {title}")
        lines.extend(_task_result(task, citer) for task in tasks)
    if not lines:
        lines.append("Trong kỳ chưa có nhiệm vụ nào được ghi nhận kết quả.")
    return "\n".join(lines)


def indicators_heading_number(draft_results: str) -> int:
    """The number of the indicator sub-heading that follows the results' own sub-headings."""
    count = sum(1 for line in draft_results.splitlines() if line[:1].isdigit() and ". " in line)
    return count + 1


def _strengths(data: ReportInput) -> str:
    done = [t for t in _current(data) if t.is_done()]
    timely = [t for t in done if t.standing != "done_late"]
    going = [t for t in _current(data) if t.standing in IN_PROGRESS_STANDINGS]
    lines = [
        f"- Trong kỳ đã hoàn thành {format_count(len(done))} nhiệm vụ "
        f"({format_count(len(timely))} nhiệm vụ đúng hạn hoặc trước hạn); "
        f"{format_count(len(going))} nhiệm vụ đang được triển khai."
    ]
    measured = [i for i in data.indicators if i.met is not None]
    if measured:
        met = sum(1 for i in measured if i.met)
        lines.append(
            f"- {format_count(met)}/{format_count(len(measured))} chỉ tiêu có số liệu đạt "
            "chỉ tiêu được giao."
        )
    return "\n".join(lines)


def _weaknesses(data: ReportInput) -> str:
    as_of = data.period.end
    lines: list[str] = []
    unreported: list[ReportTask] = []
    for task in _current(data):
        if task.standing == NOT_OCCURRED:
            continue
        due = ", ".join(_d(d) for d in task.due_dates if d < as_of)
        note = f" {task.note.strip().rstrip('.')}." if task.note else ""
        if task.is_overdue(as_of):
            state = "chưa triển khai" if task.standing == "not_started" else "chưa hoàn thành"
            lines.append(
                f"- Nhiệm vụ {task.number} ({_content(task)}) đã quá hạn"
                f"{f' (hạn {due})' if due else ''}, {state}.{note}"
            )
        elif task.standing == "not_started" and task.note:
            lines.append(f"- Nhiệm vụ {task.number} ({_content(task)}) chưa triển khai.{note}")
        elif task.standing == "not_started":
            unreported.append(task)
        elif task.standing == "done_late":
            lines.append(
                f"- Nhiệm vụ {task.number} ({_content(task)}) hoàn thành chậm so với thời hạn"
                f"{f' ({due})' if due else ''}.{note}"
            )
    if unreported:
        lines.append(
            f"- {format_count(len(unreported))} nhiệm vụ chưa triển khai hoặc chưa ghi nhận kết "
            f"quả trong kỳ (nhiệm vụ số {_numbers(unreported)})."
        )
    for item in data.indicators:
        if item.met is False and item.numerator is not None and item.denominator is not None:
            lines.append(
                f"- Chỉ tiêu {item.name.rstrip('.')} chưa đạt: "
                f"{format_figure(item.numerator, item.denominator)}, chỉ tiêu {item.target_text}."
            )
    if not lines:
        lines.append("- Không có nhiệm vụ quá hạn hoặc chưa triển khai trong kỳ.")
    lines.append("- Nguyên nhân: ")
    return "\n".join(lines)


def _next_tasks(data: ReportInput) -> str:
    lines = [
        f"Tiếp tục triển khai thực hiện {data.plan_citation}; trọng tâm "
        f"{data.next_period_label or 'kỳ tiếp theo'}:"
    ]
    as_of = data.period.end
    for task in _current(data):
        if task.is_overdue(as_of):
            lines.append(f"- Khẩn trương hoàn thành nhiệm vụ {task.number} ({_content(task)}).")
    upcoming = [
        t for t in data.tasks if t.due_next_period and not t.is_done() and not t.is_overdue(as_of)
    ]
    for task in upcoming:
        if not task.recurring:
            when = " ".join(task.timeframe.split())
            lines.append(
                f"- Nhiệm vụ {task.number}: {_content(task)}{f' ({when})' if when else ''}."
            )
    recurring = [task for task in upcoming if task.recurring]
    if recurring:
        lines.append(
            "- Tiếp tục thực hiện thường xuyên, định kỳ các nhiệm vụ số "
            f"{_numbers(recurring)} theo Kế hoạch."
        )
    return "\n".join(lines)


def draft_report(data: ReportInput) -> dict[str, str]:
    """The drafted text of every part, keyed as in PARTS (kiến nghị left to the officer)."""
    citer = _Citer()
    label = data.period.label[:1].lower() + data.period.label[1:]
    return {
        "mo_dau": _opening(data),
        "chi_dao": _direction(data, citer),
        "ket_qua": _results(data, citer),
        "uu_diem": _strengths(data),
        "ton_tai": _weaknesses(data),
        "phuong_huong": _next_tasks(data),
        "kien_nghi": "",
        "ket_luan": (
            f"Trên đây là báo cáo tình hình, kết quả thực hiện công tác kiểm soát TTHC {label} "
            f"của {data.office_name}./."
        ),
    }


def indicator_rows(data: ReportInput) -> list[tuple[str, str, str, str, str]]:
    """(STT, chỉ tiêu, giao, đạt, đạt/không đạt) for the report's indicator table."""
    rows = []
    for item in data.indicators:
        if item.numerator is None or item.denominator is None:
            figure = "Chưa có số liệu"
        else:
            figure = format_figure(item.numerator, item.denominator)
        rows.append((item.number, item.name, item.target_text, figure, met_label(item.met)))
    return rows


# --- Officer edits -------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedPart:
    """An officer's text for a part and the draft it was edited from."""

    draft: str
    text: str


@dataclass(frozen=True)
class PartState:
    """A part as the officer sees it: the text used, whether edited, what the new draft changed."""

    key: str
    title: str
    text: str
    draft: str
    edited: bool
    changes: tuple[str, ...] = ()


def describe_changes(old: str, new: str) -> tuple[str, ...]:
    """Lines the new draft added ("Thêm: …") or dropped ("Bỏ: …") against the old one."""
    changes = []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        if line.startswith("+ "):
            changes.append(f"Thêm: {line[2:]}")
        elif line.startswith("- "):
            changes.append(f"Bỏ: {line[2:]}")
    return tuple(changes)


def merge_edits(draft: Mapping[str, str], saved: Mapping[str, SavedPart]) -> list[PartState]:
    """Every part: the officer's text where edited (with what the draft changed), else the draft."""
    states = []
    for key, title in PARTS:
        new = draft.get(key, "")
        kept = saved.get(key)
        if kept is None or kept.text == kept.draft:
            states.append(PartState(key, title, new, new, edited=False))
            continue
        changes = describe_changes(kept.draft, new) if kept.draft != new else ()
        states.append(PartState(key, title, kept.text, new, edited=True, changes=changes))
    return states
