"""Use cases on period reports: draft, keep the officer's edits, build the files, list, remind."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kscdesk import paths
from kscdesk.domain.office_names import area_name, has_committee, place_name
from kscdesk.domain.period import Period, current_reporting_period
from kscdesk.domain.report_draft import (
    PART_TITLES,
    PartState,
    SavedPart,
    draft_report,
    merge_edits,
)
from kscdesk.domain.report_input import Letterhead, ReportInput
from kscdesk.domain.text import nfc
from kscdesk.formats.atomic_write import OutputFileError
from kscdesk.formats.docx_report_writer import write_report_docx
from kscdesk.formats.report_forms import load_form
from kscdesk.formats.xlsx_report_writer import write_report_xlsx
from kscdesk.services.errors import ServiceError
from kscdesk.services.indicators import list_figures, parse_period, report_plan_uid
from kscdesk.services.report_data import gather_report_input
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans, reports
from kscdesk.store.reports import ReportBuild

FORM_FILES = ("bieu_II_06a.json",)
BANNER_DAYS = 10  # a report due within this many days shows the banner


@dataclass(frozen=True)
class ReportPreview:
    """The report of a period as the officer sees it before building the files."""

    plan_uid: str
    data: ReportInput
    parts: list[PartState]

    def texts(self) -> dict[str, str]:
        return {part.key: part.text for part in self.parts}


@dataclass(frozen=True)
class ReportFiles:
    docx: Path
    xlsx: Path


def agency_and_place(office_name: str) -> tuple[tuple[str, ...], str]:
    """The header's issuing-agency lines and the date line's place for an office's name:
    "UBND phường Trần Phú" → ("ỦY BAN NHÂN DÂN", "PHƯỜNG TRẦN PHÚ"), "Trần Phú"."""
    name = nfc(office_name).strip()
    if has_committee(name):
        agency: tuple[str, ...] = ("ỦY BAN NHÂN DÂN", area_name(name).upper())
    else:
        agency = (name.upper(),)
    return agency, place_name(name)


def letterhead_for(ws: Workspace, data: ReportInput) -> Letterhead:
    """Header and closing facts from the office profile ("UBND phường Trần Phú")."""
    return office_letterhead(data.office_name, data.parent_office_name)


def office_letterhead(
    office_name: str, parent_office_name: str | None, extra_recipients: tuple[str, ...] = ()
) -> Letterhead:
    """Agency lines, place and recipients of an office's report ("UBND huyện Sơn Tịnh")."""
    agency, place = agency_and_place(office_name)
    recipients = [parent_office_name] if parent_office_name else []
    recipients.append("Chủ tịch, các Phó Chủ tịch UBND")
    recipients.extend(extra_recipients)
    lines = (*(f"- {r};" for r in recipients), "- Lưu: VT.")
    return Letterhead(
        agency_lines=agency,
        place=place,
        recipients=lines,
    )


def prepare_report(ws: Workspace, period_key: str) -> ReportPreview:
    """Draft the period's report from the data and lay the officer's kept edits over it."""
    period = parse_period(period_key)
    plan_uid = report_plan_uid(ws)
    data = gather_report_input(ws, plan_uid, period)
    saved = reports.load_report_texts(ws.db, plan_uid, period.key)
    return ReportPreview(plan_uid, data, merge_edits(draft_report(data), saved))


def save_part_text(ws: Workspace, period_key: str, part: str, text: str) -> ReportPreview:
    """Keep the officer's text for a part; the current draft is kept with it for later diffs."""
    if part not in PART_TITLES:
        raise ServiceError(f"Không có phần “{part}” trong báo cáo.")
    preview = prepare_report(ws, period_key)
    draft = next(p.draft for p in preview.parts if p.key == part)
    with ws.db.atomic():
        reports.save_report_text(
            ws.db, preview.plan_uid, preview.data.period.key, part, SavedPart(draft, nfc(text))
        )
    return prepare_report(ws, period_key)


def accept_draft(ws: Workspace, period_key: str, part: str) -> ReportPreview:
    """Drop the officer's text of a part: it follows the draft again."""
    preview = prepare_report(ws, period_key)
    with ws.db.atomic():
        reports.delete_report_text(ws.db, preview.plan_uid, preview.data.period.key, part)
    return prepare_report(ws, period_key)


def report_file_stem(period: Period) -> str:
    return f"Bao-cao-KSTTHC-{period.key}"


def build_report(ws: Workspace, period_key: str, out_dir: Path) -> ReportFiles:
    """Write the .docx and the .xlsx of the period's report into ``out_dir`` and list them."""
    preview = prepare_report(ws, period_key)
    data = preview.data
    letterhead = letterhead_for(ws, data)
    figures = list_figures(ws, data.period.key, preview.plan_uid)
    ytd = {f.indicator.number: f.year_to_date for f in figures if f.year_to_date is not None}
    forms = [load_form(paths.resource_path("forms", name)) for name in FORM_FILES]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ServiceError(f"Không tạo được thư mục “{out_dir}”: {error.strerror}.") from error
    stem = report_file_stem(data.period)
    try:
        docx = write_report_docx(data, preview.texts(), letterhead, out_dir / f"{stem}.docx")
        xlsx = write_report_xlsx(data, out_dir / f"{stem}.xlsx", forms, ytd)
    except OutputFileError as error:
        raise ServiceError(str(error)) from error
    with ws.db.atomic():
        reports.record_build(ws.db, preview.plan_uid, data.period.key, str(docx), str(xlsx))
    return ReportFiles(docx, xlsx)


def list_reports(ws: Workspace) -> list[ReportBuild]:
    """Reports built from the plan, newest first."""
    return reports.list_builds(ws.db, report_plan_uid(ws))


def deadline_banner(ws: Workspace, today: date) -> str | None:
    """ "Báo cáo quý I năm 2025 phải gửi trước ngày 17/03/2025 (còn 3 ngày)." or None."""
    summaries = plans.list_plans(ws.db)
    if not summaries:
        return None
    plan = plans.load_plan(ws.db, report_plan_uid(ws))
    period = current_reporting_period(today, plan.submission_day)
    due = period.deadline(plan.submission_day)
    days = (due - today).days
    if days < 0 or days > BANNER_DAYS:
        return None
    built = any(b.period_key == period.key for b in reports.list_builds(ws.db, plan.uid))
    state = "đã lập" if built else "chưa lập"
    when = "hôm nay" if days == 0 else f"còn {days} ngày"
    return (
        f"Báo cáo {period.label[:1].lower()}{period.label[1:]} phải gửi chậm nhất ngày "
        f"{due:%d/%m/%Y} ({when}); báo cáo kỳ này {state}."
    )
