"""Readers registered in ``plan_reader``'s dispatch for PDF, .xls, .odt and .ods, and the prose
fallback shared by every reader whose document has paragraphs but no plan table."""

from pathlib import Path

from kscdesk.domain.model import ImportWarning, PlanContent
from kscdesk.domain.work import CancelToken, ProgressCallback
from kscdesk.formats.errors import NotAPlan
from kscdesk.formats.grid import Grid
from kscdesk.formats.plan_prose import read_prose_plan
from kscdesk.formats.plan_table import parse_plan

MORE_SUFFIXES = (".pdf", ".xls", ".odt", ".ods")
_NO_RULED_TABLE = (
    "Tệp PDF không có bảng kẻ ô nào; nếu bảng kế hoạch không kẻ ô hoặc là ảnh chụp, "
    "hãy xin tệp Word (.docx) rồi nhập lại."
)


def parse_tables_or_prose(
    texts: tuple[list[Grid], list[str], list[str]],
    source: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> PlanContent:
    """The plan table's content; a plan written as prose when there is no plan table.

    ``texts``: the document's grids, the lines before its plan table, and all its paragraphs.
    """
    grids, preamble, body = texts
    try:
        return parse_plan(grids, preamble, source, progress=progress, cancel=cancel)
    except NotAPlan:
        content = read_prose_plan(body, source)
        if content is None:
            raise
        return content


def read_more(
    path: Path, progress: ProgressCallback | None, cancel: CancelToken | None
) -> PlanContent:
    """Read a .pdf, .xls, .odt or .ods plan (the suffix says which)."""
    suffix = path.suffix.lower()
    warnings: list[ImportWarning] = []
    if suffix == ".pdf":
        from kscdesk.formats.pdf_plan_reader import read_pdf_plan_source
        from kscdesk.formats.pdf_signature import signature_notices

        pdf = read_pdf_plan_source(path, cancel=cancel, progress=progress)
        grids, preamble, body = pdf.grids, pdf.preamble, pdf.body
        warnings = [*signature_notices(path), *pdf.warnings]
    elif suffix == ".odt":
        from kscdesk.formats.odf_plan_reader import read_odt_document

        odt = read_odt_document(path)
        grids, preamble, body, warnings = odt.grids, odt.preamble, odt.body, odt.warnings
    else:
        from kscdesk.formats.odf_plan_reader import read_ods_document
        from kscdesk.formats.xls_plan_reader import read_xls_document

        sheets = read_xls_document(path) if suffix == ".xls" else read_ods_document(path)
        grids, preamble, body, warnings = sheets.grids, sheets.preamble, [], sheets.warnings
    if cancel is not None:
        cancel.raise_if_cancelled()
    texts = (grids, preamble, body)
    try:
        content = parse_tables_or_prose(texts, path, progress=progress, cancel=cancel)
    except NotAPlan as exc:
        if suffix == ".pdf" and not grids:
            raise NotAPlan(path, _NO_RULED_TABLE) from exc
        raise
    content.warnings[:0] = warnings
    return content
