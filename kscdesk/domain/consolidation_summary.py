"""Draft the parent office's own summary report of a period from the consolidation: who sent
on time, late or not at all; how many communes did each task; indicator totals summed from the
communes' counts; who was returned for correction; and a per-commune appendix.

The draft is plain data (lines with a role, tables of strings); the NĐ 30 layout is applied by
``kscdesk.formats.docx_summary_writer``.
"""

from collections import Counter
from dataclasses import dataclass
from itertools import zip_longest
from typing import Literal

from kscdesk.domain.consolidation import (
    Consolidation,
    IndicatorTotal,
    LedgerRow,
    StatusKind,
    TaskRow,
)
from kscdesk.domain.exchange import Standing
from kscdesk.domain.indicators import format_count, format_figure
from kscdesk.domain.office_names import area_name

LineRole = Literal["heading_1", "heading_2", "body", "note", "point"]
TITLE_PREFIX = (
    "Tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính, thực hiện cơ chế "
    "một cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử"
)
LAGGING_LISTED = 10  # the highlighted tasks named in the text, fewest done first
RETURNED = "returned"


@dataclass(frozen=True)
class Line:
    text: str
    role: LineRole = "body"


@dataclass(frozen=True)
class Grid:
    """A table as text: ``name`` tells the layout which column widths to use; ``strong`` marks
    the rows to set in bold (section rows, totals, highlighted tasks)."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    strong: frozenset[int] = frozenset()
    spanning: frozenset[int] = frozenset()  # rows whose second cell spans the rest (sections)


Piece = Line | Grid


@dataclass(frozen=True)
class TaskTally:
    number: str
    content: str
    counts: dict[StatusKind, int]

    @property
    def reporting(self) -> int:
        """Communes that reported the task as applying to them."""
        return sum(
            n
            for kind, n in self.counts.items()
            if kind not in (StatusKind.NOT_REPORTED, StatusKind.NOT_OCCURRED)
        )

    @property
    def done(self) -> int:
        return self.counts.get(StatusKind.DONE, 0)

    @property
    def is_lagging(self) -> bool:
        """Most communes the task applies to have not done it."""
        return self.reporting > 0 and self.done * 2 < self.reporting


@dataclass(frozen=True)
class SectionTally:
    code: str
    title: str
    tasks: tuple[TaskTally, ...]


@dataclass(frozen=True)
class SummaryDraft:
    title: str  # the trích yếu
    window: str  # "(Số liệu tính từ ngày … đến ngày …)"
    pieces: tuple[Piece, ...]  # the body
    appendix_title: str
    appendix: tuple[Piece, ...]


def summary_title(view: Consolidation) -> str:
    label = view.period_label[:1].lower() + view.period_label[1:]
    return f"{TITLE_PREFIX} {label} trên địa bàn {area_name(view.office_name)}"


def _names(rows: list[LedgerRow]) -> str:
    return ", ".join(r.name for r in rows)


def _count_of(n: int, total: int) -> str:
    return f"{n}/{total} đơn vị"


def ledger_lines(view: Consolidation) -> list[Line]:
    """The submission ledger in words, every late and missing commune named."""
    total = len(view.ledger)
    by: dict[Standing, list[LedgerRow]] = {s: [] for s in Standing}
    for row in view.ledger:
        by[row.standing].append(row)
    deadline = f"{view.deadline:%d/%m/%Y}"
    lines = [
        Line(
            f"Hạn gửi báo cáo của cấp xã là ngày {deadline}. Tổng số đơn vị cấp xã trên địa bàn: "
            f"{total}; đã gửi báo cáo: {len(by[Standing.ON_TIME]) + len(by[Standing.LATE])}."
        )
    ]
    groups = (
        (Standing.ON_TIME, "Gửi đúng hạn"),
        (Standing.LATE, "Gửi trễ hạn"),
        (Standing.MISSING, "Chưa gửi báo cáo (đã quá hạn)"),
        (Standing.NOT_DUE, "Chưa gửi báo cáo (chưa đến hạn)"),
    )
    for standing, label in groups:
        rows = by[standing]
        if rows or standing in (Standing.ON_TIME, Standing.LATE, Standing.MISSING):
            # Late and missing communes are named; those on time are listed in the appendix.
            if standing is Standing.ON_TIME:
                named = " (chi tiết tại Phụ lục)" if rows else ""
            else:
                named = f": {_names(rows)}" if rows else ""
            lines.append(Line(f"- {label}: {_count_of(len(rows), total)}{named}.", "point"))
    return lines


def tally_tasks(view: Consolidation) -> list[SectionTally]:
    """Tasks grouped by the parent plan's sections (first-seen order), counted by status kind."""
    sections: dict[str, tuple[str, list[TaskTally]]] = {}
    for task in view.tasks:
        entry = sections.setdefault(task.section_code, (task.section_title, []))
        entry[1].append(_tally(task))
    return [SectionTally(code, title, tuple(items)) for code, (title, items) in sections.items()]


def _tally(task: TaskRow) -> TaskTally:
    return TaskTally(task.number, " ".join(task.content.split()), dict(Counter(task.kinds)))


TASK_HEADER = (
    "STT",
    "Nội dung công việc",
    "Hoàn thành",
    "Đang thực hiện",
    "Quá hạn",
    "Chưa thực hiện",
    "Không phát sinh",
    "Chưa báo cáo",
)
_TASK_KINDS = (
    StatusKind.DONE,
    StatusKind.IN_PROGRESS,
    StatusKind.OVERDUE,
    StatusKind.NOT_STARTED,
    StatusKind.NOT_OCCURRED,
    StatusKind.NOT_REPORTED,
)


def task_pieces(view: Consolidation) -> list[Piece]:
    sections = tally_tasks(view)
    if not sections:
        return [Line("Chưa có đơn vị cấp xã nào gửi số liệu thực hiện nhiệm vụ trong kỳ.")]
    pieces: list[Piece] = [
        Line(
            "Số đơn vị cấp xã theo tình trạng thực hiện từng nhiệm vụ của kế hoạch "
            "(theo báo cáo đã nhận):"
        )
    ]
    rows: list[tuple[str, ...]] = []
    strong: set[int] = set()
    spanning: set[int] = set()
    lagging: list[TaskTally] = []
    for section in sections:
        if section.code or section.title:
            strong.add(len(rows))
            spanning.add(len(rows))
            rows.append((section.code, section.title, *[""] * len(_TASK_KINDS)))
        for task in section.tasks:
            if task.is_lagging:
                strong.add(len(rows))
                lagging.append(task)
            counts = (str(task.counts.get(kind, 0)) for kind in _TASK_KINDS)
            rows.append((task.number, task.content, *counts))
        done = sum(t.done for t in section.tasks)
        applying = sum(t.reporting for t in section.tasks)
        label = f"{section.code}. {section.title}" if section.code else "Nhiệm vụ khác"
        pieces.append(
            Line(
                f"- {label}: {len(section.tasks)} nhiệm vụ; số lượt đơn vị hoàn thành "
                f"{format_count(done)}/{format_count(applying)} lượt nhiệm vụ phải thực hiện.",
                "point",
            )
        )
    pieces.append(Grid("tasks", TASK_HEADER, tuple(rows), frozenset(strong), frozenset(spanning)))
    if lagging:
        worst = sorted(lagging, key=lambda t: t.done / t.reporting)[:LAGGING_LISTED]
        named = "; ".join(
            f"nhiệm vụ {t.number} ({_short(t.content)}): {t.done}/{t.reporting} đơn vị hoàn thành"
            for t in worst
        )
        more = len(lagging) - len(worst)
        rest = f"; và {more} nhiệm vụ khác" if more else ""
        pieces.append(
            Line(
                f"Có {len(lagging)} nhiệm vụ phần lớn đơn vị chưa hoàn thành (in đậm trong bảng "
                f"trên), ít đơn vị hoàn thành nhất là: {named}{rest}."
            )
        )
    else:
        pieces.append(Line("Mỗi nhiệm vụ đều đã được quá nửa số đơn vị báo cáo hoàn thành."))
    return pieces


def _short(text: str, limit: int = 80) -> str:
    text = text.rstrip(".;:")
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


INDICATOR_HEADER = ("STT", "Chỉ tiêu", "Số đơn vị báo cáo", "Kết quả toàn địa bàn")


def indicator_figure(total: IndicatorTotal) -> str:
    """Summed counts and the rate of the sums; "N/A" when nothing was counted."""
    return format_figure(total.numerator, total.denominator)


def _reporting(total: IndicatorTotal) -> int:
    return sum(1 for c in total.counts if c.numerator is not None and c.denominator is not None)


def indicator_pieces(view: Consolidation) -> list[Piece]:
    if not view.indicators:
        return [Line("Chưa có số liệu chỉ tiêu do cấp xã gửi trong kỳ.")]
    rows = tuple(
        (
            t.number,
            f"{t.name} ({t.unit})" if t.unit else t.name,
            str(_reporting(t)),
            indicator_figure(t),
        )
        for t in view.indicators
    )
    return [
        Line(
            "Kết quả toàn địa bàn là tổng số liệu đếm của các đơn vị (tử số/mẫu số); tỷ lệ tính "
            "trên tổng, không lấy trung bình tỷ lệ của các đơn vị:"
        ),
        Grid("indicators", INDICATOR_HEADER, rows),
    ]


def returned_lines(view: Consolidation) -> list[Line]:
    returned = [r for r in view.ledger if r.receipt == RETURNED]
    if not returned:
        return [Line("Không có đơn vị nào phải chỉnh sửa, bổ sung báo cáo trong kỳ.")]
    return [
        Line(
            f"Đã trả lại báo cáo để chỉnh sửa, bổ sung: {len(returned)} đơn vị "
            f"({_names(returned)})."
        )
    ]


def _per_commune_tasks(view: Consolidation) -> Grid:
    header = (
        "STT",
        "Đơn vị",
        "Tình trạng gửi",
        "Thời điểm gửi",
        *TASK_HEADER[2:],
        "Biên nhận",
    )
    # Each commune's column of the task grid (a task with fewer columns counts for none).
    columns = list(zip_longest(*(t.kinds for t in view.tasks)))
    receipt = {"accepted": "Đã tiếp nhận", RETURNED: "Trả lại chỉnh sửa"}
    rows = []
    for column, row in enumerate(view.ledger):
        counts = Counter(columns[column] if column < len(columns) else ())
        rows.append(
            (
                str(column + 1),
                row.name,
                row.standing.label,
                row.sent_at or "",
                *(str(counts.get(kind, 0)) for kind in _TASK_KINDS),
                receipt.get(row.receipt or "", ""),
            )
        )
    return Grid("communes", header, tuple(rows))


INDICATORS_PER_TABLE = 4


def _per_commune_indicators(view: Consolidation) -> list[Grid]:
    """Each commune's counts, a few indicators per table so the columns stay readable."""
    grids = []
    names = [r.name for r in view.ledger]
    for start in range(0, len(view.indicators), INDICATORS_PER_TABLE):
        chunk = view.indicators[start : start + INDICATORS_PER_TABLE]
        header = ("STT", "Đơn vị", *(f"Chỉ tiêu {t.number}" for t in chunk))
        by_office = [{c.office: c for c in t.counts} for t in chunk]
        rows = []
        for n, name in enumerate(names, start=1):
            cells = []
            for counts in by_office:
                count = counts.get(name)
                if count is None or count.numerator is None or count.denominator is None:
                    cells.append("Chưa báo cáo")
                else:
                    cells.append(format_figure(count.numerator, count.denominator))
            rows.append((str(n), name, *cells))
        rows.append(("", "Tổng cộng", *(indicator_figure(t) for t in chunk)))
        grids.append(Grid("commune_indicators", header, tuple(rows), frozenset({len(rows) - 1})))
    return grids


def _closing_lines(view: Consolidation) -> list[Line]:
    sent = sum(1 for r in view.ledger if r.standing in (Standing.ON_TIME, Standing.LATE))
    on_time = sum(1 for r in view.ledger if r.standing is Standing.ON_TIME)
    behind = sum(1 for r in view.ledger if r.standing in (Standing.LATE, Standing.MISSING))
    lagging = any(
        kind in (StatusKind.OVERDUE, StatusKind.NOT_STARTED) for t in view.tasks for kind in t.kinds
    )
    total = len(view.ledger)
    area = area_name(view.office_name)
    text = (
        f"Trong kỳ, {sent}/{total} đơn vị cấp xã đã gửi báo cáo, trong đó {on_time} đơn vị "
        "gửi đúng hạn."
    )
    if behind:
        text += (
            " Đề nghị các đơn vị chưa gửi hoặc gửi trễ hạn chấn chỉnh, gửi báo cáo đúng thời "
            "hạn quy định."
        )
    if lagging:
        text += " Các đơn vị có nhiệm vụ quá hạn, chưa thực hiện khẩn trương triển khai thực hiện."
    return [
        Line(text),
        Line(
            f"Trên đây là báo cáo tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành "
            f"chính {view.period_label[:1].lower()}{view.period_label[1:]} trên địa bàn {area}."
        ),
    ]


def draft_summary(view: Consolidation) -> SummaryDraft:
    """The whole summary report of the consolidating office for the period."""
    area = area_name(view.office_name)
    pieces: list[Piece] = [
        Line(
            f"Trên cơ sở báo cáo của các đơn vị cấp xã gửi về, {view.office_name} tổng hợp tình "
            "hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính trên địa bàn "
            f"{area} như sau:"
        ),
        Line("I. Tình hình gửi báo cáo của cấp xã", "heading_1"),
        *ledger_lines(view),
        Line("II. Kết quả thực hiện các nhiệm vụ của kế hoạch", "heading_1"),
        *task_pieces(view),
        Line("III. Kết quả thực hiện các chỉ tiêu", "heading_1"),
        *indicator_pieces(view),
        Line("IV. Các đơn vị phải chỉnh sửa, bổ sung báo cáo", "heading_1"),
        *returned_lines(view),
        Line("V. Đánh giá chung, đề xuất", "heading_1"),
        *_closing_lines(view),
    ]
    appendix: list[Piece] = [
        Line("1. Tình hình gửi báo cáo và thực hiện nhiệm vụ", "heading_2"),
        _per_commune_tasks(view),
    ]
    if view.indicators:
        appendix.append(Line("2. Số liệu chỉ tiêu của từng đơn vị", "heading_2"))
        appendix.extend(_per_commune_indicators(view))
    label = view.period_label[:1].lower() + view.period_label[1:]
    return SummaryDraft(
        title=summary_title(view),
        window=f"({view.window_text})" if view.window_text else "",
        pieces=tuple(pieces),
        appendix_title=f"Tình hình, kết quả thực hiện của từng đơn vị cấp xã {label}",
        appendix=tuple(appendix),
    )
