"""The fast route for a commune's report data at the parent: the JSON bytes are decoded and
type-checked in one pass (msgspec), evidence records included, and only the rows the parent
consolidates are built.

The route accepts a subset of what ``report_json.report_from_json`` accepts (it is at least as
strict on every field); whatever it does not accept, for any reason, returns None and goes the
general way, which refuses with its message naming the fault, or accepts the rarer shapes
(a date in another ISO form, a huge count, a ``not_applicable`` that is not a boolean).
"""

import unicodedata
from datetime import date
from itertools import chain
from operator import attrgetter
from typing import Annotated, Literal

import msgspec

from kscdesk.domain.exchange import IndicatorCountRow, ReportSummary, TaskStatusRow
from kscdesk.domain.period import InvalidPeriod
from kscdesk.domain.text import nfc
from kscdesk.formats.package.manifest import period_key

# A required text: a string, not empty (report_json's ``_text(..., required=True)``).
_Required = Annotated[str, msgspec.Meta(min_length=1)]
_Count = Annotated[int, msgspec.Meta(ge=0)]


class _Task(msgspec.Struct, gc=False):
    uid: _Required
    parent_task_uid: str | None = None
    section: str | None = None
    number: str | None = None
    sub: str | None = None
    content: str | None = None
    not_applicable: bool | None = None
    status: str | None = None
    completed_on: date | None = None
    note: str | None = None


class _Attachment(msgspec.Struct, gc=False):
    sha256: _Required
    file_name: str | None = None
    size: _Count | None = None


class _Evidence(msgspec.Struct, gc=False):
    uid: _Required  # and not only white space: checked after decoding
    doc_type: str | None = None
    number_symbol: str | None = None
    issued_on: date | None = None
    issuer: str | None = None
    summary: str | None = None
    task_uids: list[str] = []
    attachments: list[_Attachment] = []


class _Indicator(msgspec.Struct, gc=False):
    uid: _Required
    number: str | None = None
    name: str | None = None
    unit: str | None = None
    target: str | None = None
    numerator: _Count | None = None
    denominator: _Count | None = None
    note: str | None = None


class _Plan(msgspec.Struct, gc=False):
    uid: _Required
    year: int
    title: str | None = None
    parent_plan_uid: str | None = None


class _Report(msgspec.Struct, gc=False):
    schema: Literal["kscdesk.report/1"]
    period: _Required
    plan: _Plan
    tasks: list[_Task] = []
    evidence: list[_Evidence] = []
    indicators: list[_Indicator] = []
    report_text: str | None = None


_DECODER = msgspec.json.Decoder(_Report)
_UID = attrgetter("uid")
_TASK_TEXTS = tuple(map(attrgetter, ("parent_task_uid", "number", "sub", "status")))
_INDICATOR_TEXTS = tuple(map(attrgetter, ("number", "name", "unit")))


def decode_report_summary(payload: bytes) -> ReportSummary | None:
    """The summary of valid report data, or None to go the general way. Accepted bytes are
    also valid UTF-8 (msgspec checks every string; JSON allows nothing else outside them)."""
    try:
        report = _DECODER.decode(payload)
        period = period_key(nfc(report.period))
    except (msgspec.DecodeError, InvalidPeriod):
        return None
    required = chain(
        map(_UID, report.tasks),
        map(_UID, report.evidence),
        map(_UID, report.indicators),
        (a.sha256 for e in report.evidence for a in e.attachments),
        (report.plan.uid,),
    )
    if any(map(str.isspace, required)):
        return None  # a required text of white space only: refused with its message
    tasks: list[TaskStatusRow] = [
        (
            t.parent_task_uid or None,
            (t.number or "") + (t.sub or ""),
            t.status or None,
            t.not_applicable is True,
        )
        for t in report.tasks
    ]
    indicators: list[IndicatorCountRow] = [
        (i.number or "", i.name or "", i.unit or "", i.numerator, i.denominator)
        for i in report.indicators
    ]
    # One check of every text kept at once: NUL is a starter that composes with nothing, so the
    # joined text is NFC exactly when each piece is (the usual case: nothing to rebuild).
    join = "\0".join
    texts = [join(filter(None, map(field, report.tasks))) for field in _TASK_TEXTS]
    texts += [join(filter(None, map(field, report.indicators))) for field in _INDICATOR_TEXTS]
    if not unicodedata.is_normalized("NFC", join(texts)):
        tasks, indicators = _normalised(report)
    return ReportSummary(period, tasks, indicators)


def _normalised(report: _Report) -> tuple[list[TaskStatusRow], list[IndicatorCountRow]]:
    tasks: list[TaskStatusRow] = [
        (
            nfc(t.parent_task_uid) or None if t.parent_task_uid else None,
            nfc(t.number or "") + (nfc(t.sub or "") or ""),
            nfc(t.status) or None if t.status else None,
            t.not_applicable is True,
        )
        for t in report.tasks
    ]
    indicators: list[IndicatorCountRow] = [
        (nfc(i.number or ""), nfc(i.name or ""), nfc(i.unit or ""), i.numerator, i.denominator)
        for i in report.indicators
    ]
    return tasks, indicators
