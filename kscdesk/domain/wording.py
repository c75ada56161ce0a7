"""Wording rules: the substitutions that turn a parent plan's wording into the commune's.

A rule replaces a phrase ("UBND thành phố" → "UBND phường") or drops it from unit lists ("UBND
các xã, phường"). Rules match without regard to case, keep a capital first letter, and never
touch a citation ("… của UBND thành phố" names the issuer of a cited document). Every change is
previewed (task, field, old text, new text) before it is applied.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from kscdesk.domain.citations import is_in_citation
from kscdesk.domain.errors import DomainError
from kscdesk.domain.model import Task
from kscdesk.domain.text import nfc

TEXT_FIELDS = ("content", "output", "lead", "coordinating")
UNIT_FIELDS = ("lead", "coordinating")
FIELD_LABELS = {
    "content": "Nội dung",
    "output": "Kết quả",
    "lead": "Chủ trì",
    "coordinating": "Phối hợp",
    "timeframe": "Thời gian",
    "number": "Số thứ tự",
}
RULES_SCHEMA = "kscdesk.wording/1"


class InvalidRules(DomainError):
    """A rules file that does not hold a list of rules."""


@dataclass(frozen=True)
class WordingRule:
    """Replace ``find`` by ``replacement`` in ``fields``; an empty replacement drops the phrase
    together with the list separator next to it."""

    find: str
    replacement: str = ""
    fields: tuple[str, ...] = TEXT_FIELDS

    @property
    def drops(self) -> bool:
        return not self.replacement.strip()


@dataclass(frozen=True)
class WordingChange:
    """One field of one task as the rules would change it."""

    task_uid: str
    label: str
    field: str
    old: str
    new: str


_TYPES = ("thành phố", "thị trấn", "thị xã", "đặc khu", "tỉnh", "huyện", "quận", "xã", "phường")
_PLACE = re.compile(
    r"^(?:(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+)?(" + "|".join(_TYPES) + r")\s*(.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Place:
    """An office's name as type word and proper name: ("thành phố", "Quảng Ngãi")."""

    kind: str
    name: str


def place_of(office_name: str) -> Place | None:
    match = _PLACE.match(nfc(office_name).strip())
    if match is None:
        return None
    return Place(match.group(1).lower(), match.group(2).strip())


@dataclass
class _Defaults:
    rules: list[WordingRule] = field(default_factory=list)

    def add(self, find: str, replacement: str = "", fields: tuple[str, ...] = TEXT_FIELDS) -> None:
        if find and find.lower() != replacement.lower():
            self.rules.append(WordingRule(find, replacement, fields))


def default_rules(parent_issuer: str, office_name: str, year: int) -> list[WordingRule]:
    """Rules offered for deriving ``office_name``'s plan from ``parent_issuer``'s (DOMAIN §1, §7).

    Plans for 2026 on use the post-2025 vocabulary (province → commune, NĐ 150/2025); earlier
    ones the district → commune vocabulary (NĐ 33/2023).
    """
    parent = place_of(parent_issuer) or Place("huyện", "")
    own = place_of(office_name) or Place("xã", office_name)
    p, o = parent.kind, own.kind
    d = _Defaults()
    if parent.name and own.name:
        d.add(f"{p} {parent.name}", f"{o} {own.name}")
    d.add("UBND các xã, phường", "", UNIT_FIELDS)
    d.add("UBND cấp xã", "", UNIT_FIELDS)
    if year >= 2026 or p == "tỉnh":
        d.add(f"Văn phòng UBND {p}", "Văn phòng HĐND và UBND")
        d.add(f"Trung tâm Phục vụ hành chính công {p}", "Trung tâm Phục vụ hành chính công")
        d.add("Sở Văn hóa, Thể thao và Du lịch", "Phòng Văn hóa – Xã hội")
        d.add("Sở Tư pháp", "Văn phòng HĐND và UBND")
        d.add("Sở Tài chính", "Phòng Kinh tế")
        d.add("Các sở, ban, ngành", "Các phòng, ban, đơn vị")
        d.add(f"Các sở, ban, ngành {p}", "Các phòng, ban, đơn vị")
    else:
        d.add(f"Văn phòng {p}", "Văn phòng – Thống kê")
        d.add(f"Văn phòng HĐND và UBND {p}", "Văn phòng – Thống kê")
        d.add("Phòng Tư pháp", "Tư pháp – Hộ tịch")
        d.add("Phòng Văn hóa và Thông tin", "Văn hóa – Xã hội")
        d.add("Phòng Tài chính - Kế hoạch", "Tài chính – Kế toán")
        d.add("Phòng Tài chính – Kế hoạch", "Tài chính – Kế toán")
        d.add(f"Các phòng, ban, đơn vị thuộc {p}", "Các ban, ngành liên quan")
        d.add(f"Các phòng, ban, đơn vị {p}", "Các ban, ngành liên quan")
        d.add(f"Phòng, ban, đơn vị {p}", "Các ban, ngành liên quan")
        d.add("Các phòng, ban, đơn vị", "Các ban, ngành")
        d.add("Bộ phận Một cửa của UBND các xã, phường", "")
        d.add(f"Bộ phận Tiếp nhận và Trả kết quả giải quyết TTHC {p}", f"Bộ phận Một cửa {o}")
    d.add(f"Chủ tịch UBND {p}", f"Chủ tịch UBND {o}")
    d.add(f"UBND {p}", f"UBND {o}")
    d.add(f"trên địa bàn {p}", f"trên địa bàn {o}")
    d.add(f"Trang thông tin điện tử {p}", f"Trang thông tin điện tử {o}")
    d.add(f"Công an {p}", f"Công an {o}")
    return d.rules


def _pattern(find: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in nfc(find).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _in_citation(text: str, start: int, end: int) -> bool:
    if is_in_citation(text, start):
        return True
    return any(
        is_in_citation(text, start + offset + 1)
        for offset, ch in enumerate(text[start:end])
        if ch == " "
    )


_COMMON_FIRST_WORDS = ("Các ", "Những ", "Cơ quan ")


def _keep_case(found: str, replacement: str) -> str:
    """A capital first letter stays a capital; a rule written at a sentence start ("Các ban,
    ngành") is lowered in mid-sentence, but a unit's proper name ("Văn phòng – Thống kê") not."""
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    if found[:1].islower() and replacement.startswith(_COMMON_FIRST_WORDS):
        return replacement[:1].lower() + replacement[1:]
    return replacement


_SEPARATOR_BEFORE = re.compile(r"(?:\s*[;,]\s*|\s+và\s+)$")
_SEPARATOR_AFTER = re.compile(r"^(?:\s*[;,]\s*|\s+và\s+)")
_EMPTY_ITEM = re.compile(r"^[\s\-–•+.;,]*$")


def _drop(text: str, start: int, end: int) -> str:
    before, after = text[:start], text[end:]
    line_start = before.rfind("\n") + 1
    line_end = after.find("\n")
    rest = after if line_end < 0 else after[:line_end]
    if _EMPTY_ITEM.match(before[line_start:]) and rest.strip()[:1].islower():
        # The phrase was the subject of a list item ("- UBND các xã, phường phối hợp."):
        # what is left has no subject, so the item goes.
        return before[:line_start] + ("" if line_end < 0 else after[line_end + 1 :])
    sep = _SEPARATOR_BEFORE.search(before)
    if sep is not None and not before[: sep.start()].rstrip().endswith(("-", "\n")):
        before = before[: sep.start()]
        if after[:1].isalpha():
            after = " " + after
    else:
        sep_after = _SEPARATOR_AFTER.match(after)
        if sep_after is not None:
            after = after[sep_after.end() :]
        elif after.startswith(" "):
            after = after.lstrip(" ")
    return before + after


def _tidy(text: str) -> str:
    lines = [re.sub(r"[ \t]{2,}", " ", line).rstrip() for line in text.split("\n")]
    return "\n".join(line for line in lines if not _EMPTY_ITEM.match(line)).strip()


def apply_rule(rule: WordingRule, text: str) -> str:
    """``text`` with every match of the rule outside citations replaced (or dropped)."""
    pattern = _pattern(rule.find)
    pieces: list[str] = []
    position = 0
    dropped = False
    result = text
    for match in pattern.finditer(text):
        if _in_citation(text, match.start(), match.end()):
            continue
        if rule.drops:
            dropped = True
            continue
        pieces.append(text[position : match.start()])
        pieces.append(_keep_case(match.group(0), nfc(rule.replacement)))
        position = match.end()
    if pieces:
        pieces.append(text[position:])
        result = "".join(pieces)
    if dropped:
        # Drop from the end so earlier positions stay valid.
        for match in reversed(list(pattern.finditer(result))):
            if not _in_citation(result, match.start(), match.end()):
                result = _drop(result, match.start(), match.end())
        result = _tidy(result)
    return result


def _ordered(rules: Iterable[WordingRule]) -> list[WordingRule]:
    # In the officer's order: a rule listed first ("thành phố Quảng Ngãi") wins over a shorter
    # one listed later ("thành phố"). The defaults list the longer phrases first.
    return list(rules)


def reword(text: str, rules: Sequence[WordingRule], field_name: str) -> str:
    for rule in _ordered(rules):
        if field_name in rule.fields:
            text = apply_rule(rule, text)
    return text


def preview_rules(tasks: Sequence[Task], rules: Sequence[WordingRule]) -> list[WordingChange]:
    """Every field every rule would change, with its text before and after, in table order."""
    changes: list[WordingChange] = []
    ordered = _ordered(rules)
    for task in tasks:
        for name in TEXT_FIELDS:
            old = getattr(task, name)
            new = reword(old, ordered, name)
            if new != old:
                changes.append(WordingChange(task.uid, task.label, name, old, new))
    return changes


def apply_changes(tasks: Sequence[Task], changes: Sequence[WordingChange]) -> list[Task]:
    """The tasks with the previewed changes made (the officer may have unticked some)."""
    by_task: dict[str, dict[str, str]] = {}
    for change in changes:
        by_task.setdefault(change.task_uid, {})[change.field] = change.new
    return [with_fields(t, by_task[t.uid]) if t.uid in by_task else t for t in tasks]


def with_fields(task: Task, values: dict[str, str]) -> Task:
    """The task with some of its text fields replaced."""
    fields: dict[str, Any] = dict(values)
    return replace(task, **fields)


def rules_to_json(rules: Sequence[WordingRule]) -> dict[str, Any]:
    return {
        "schema": RULES_SCHEMA,
        "rules": [
            {"find": r.find, "replace": r.replacement, "fields": list(r.fields)} for r in rules
        ],
    }


def rules_from_json(data: object, source: str) -> list[WordingRule]:
    """Rules from the small JSON file ``rules_to_json`` writes (or a bare list of rules)."""
    items = data.get("rules") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InvalidRules(f"Tệp quy tắc “{source}” không có danh sách quy tắc (“rules”).")
    rules = []
    for index, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("find"), str):
            raise InvalidRules(f"Tệp quy tắc “{source}”, quy tắc {index}: thiếu cụm từ “find”.")
        fields = item.get("fields", list(TEXT_FIELDS))
        if not isinstance(fields, list) or any(f not in TEXT_FIELDS for f in fields):
            raise InvalidRules(f"Tệp quy tắc “{source}”, quy tắc {index}: “fields” không hợp lệ.")
        find = nfc(item["find"]).strip()
        if not find:
            raise InvalidRules(f"Tệp quy tắc “{source}”, quy tắc {index}: cụm từ “find” trống.")
        rules.append(WordingRule(find, nfc(str(item.get("replace", ""))).strip(), tuple(fields)))
    return rules


def change_excerpts(old: str, new: str, context: int = 4) -> tuple[str, str]:
    """The changed words of a field in «» with a few words around them, before and after:
    ("… của Chủ tịch UBND «thành phố» ban hành …", "… của Chủ tịch UBND «phường» ban hành …")."""
    from difflib import SequenceMatcher

    a, b = old.split(), new.split()
    before: list[str] = []
    after: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        start_a, start_b = max(0, i1 - context), max(0, j1 - context)
        lead_a = ("… " if start_a else "") + " ".join(a[start_a:i1])
        lead_b = ("… " if start_b else "") + " ".join(b[start_b:j1])
        tail_a = " ".join(a[i2 : i2 + context]) + (" …" if i2 + context < len(a) else "")
        tail_b = " ".join(b[j2 : j2 + context]) + (" …" if j2 + context < len(b) else "")
        before.append(f"{lead_a} «{' '.join(a[i1:i2]) or '…'}» {tail_a}".strip())
        after.append(f"{lead_b} «{' '.join(b[j1:j2]) or '(bỏ)'}» {tail_b}".strip())
    return "\n".join(before), "\n".join(after)


_UNIT_NAME = re.compile(
    r"(?<!\w)(?:Văn phòng|Phòng|Bộ phận|Trung tâm|Công an|Ban|Đội|Hội)\s[^,;.()\n]*?"
    r"(?=\s+(?:chủ trì|phối hợp|thực hiện|theo dõi|tổng hợp|hướng dẫn|tiếp nhận|thẩm định|"
    r"triển khai|có ý kiến|được giao)\b|\s*[,;.()\n]|\s*$)"
)


def parent_unit_names(tasks: Sequence[Task]) -> list[str]:
    """The unit names a parent plan's unit cells mention ("Phòng Tư pháp", "Văn phòng thành
    phố"), once each in table order: the left side of the unit crosswalk."""
    seen: dict[str, None] = {}
    for task in tasks:
        for name in UNIT_FIELDS:
            for match in _UNIT_NAME.finditer(getattr(task, name)):
                text = match.group(0).strip()
                if len(text.split()) >= 2:
                    seen.setdefault(text, None)
    return list(seen)
