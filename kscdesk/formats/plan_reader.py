"""Read a parent plan from any file the officer may have: .docx, .xlsx, .json, an old .doc, a PDF,
.xls, .odt or .ods (``plan_reader_more``)."""

import json
import tempfile
from pathlib import Path

from kscdesk.domain.model import PlanContent
from kscdesk.domain.work import CancelToken, ProgressCallback
from kscdesk.formats.archive_guard import check_ooxml_archive
from kscdesk.formats.errors import LegacyWordFile, UnreadablePlanFile, UnsupportedFileType
from kscdesk.formats.parser_boundary import (
    read_bounded,
    regular_file_size,
    unreadable_file_boundary,
)
from kscdesk.formats.plan_json import content_from_json
from kscdesk.formats.plan_reader_more import MORE_SUFFIXES, parse_tables_or_prose, read_more
from kscdesk.formats.plan_table import parse_plan


def read_plan(
    path: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> PlanContent:
    """The plan in ``path``; a ``PlanFileError`` (Vietnamese message naming the file) otherwise.

    Every reader the dispatch below calls runs inside the parser boundary: whatever a parser
    raises on a damaged file becomes ``UnreadablePlanFile`` (kscdesk.formats.parser_boundary).
    """
    with unreadable_file_boundary(path):
        return _dispatch(path, progress=progress, cancel=cancel)


def _dispatch(
    path: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> PlanContent:
    suffix = path.suffix.lower()
    if suffix not in (".docx", ".xlsx", ".json", ".doc", *MORE_SUFFIXES):
        raise UnsupportedFileType(path)
    regular_file_size(path)  # only a regular file, within the size limit, is ever opened
    if progress is not None:
        progress(0, 1, "Đang mở tệp…")
    if suffix in MORE_SUFFIXES:
        return read_more(path, progress, cancel)
    if suffix == ".json":
        return _read_json(path)
    if suffix == ".xlsx":
        return _read_xlsx(path, progress, cancel)
    if suffix == ".doc":
        return _read_converted_doc(path, progress, cancel)
    try:
        check_ooxml_archive(path)
    except LegacyWordFile:
        return _read_converted_doc(path, progress, cancel)  # a .doc saved under a .docx name
    return _read_docx(path, path, progress, cancel)


def _read_docx(
    path: Path, source: Path, progress: ProgressCallback | None, cancel: CancelToken | None
) -> PlanContent:
    from kscdesk.formats.docx_plan_reader import read_docx_plan_source

    document = read_docx_plan_source(path, source)
    if cancel is not None:
        cancel.raise_if_cancelled()
    # Without a plan table every paragraph is in the preamble: the text of a prose plan.
    texts = (document.grids, document.preamble, document.preamble)
    content = parse_tables_or_prose(texts, source, progress=progress, cancel=cancel)
    content.warnings[:0] = document.warnings
    return content


def _read_xlsx(
    path: Path, progress: ProgressCallback | None, cancel: CancelToken | None
) -> PlanContent:
    from kscdesk.formats.xlsx_plan_reader import read_xlsx_document

    document = read_xlsx_document(path)
    if cancel is not None:
        cancel.raise_if_cancelled()
    content = parse_plan(document.grids, document.preamble, path, progress=progress, cancel=cancel)
    content.warnings[:0] = document.warnings
    return content


def _read_converted_doc(
    path: Path, progress: ProgressCallback | None, cancel: CancelToken | None
) -> PlanContent:
    from kscdesk.formats.doc_conversion import convert_doc_to_docx

    with tempfile.TemporaryDirectory(prefix="kscdesk-doc-") as workdir:
        if progress is not None:
            progress(0, 1, "Đang chuyển tệp .doc sang .docx…")
        converted = convert_doc_to_docx(path, Path(workdir))
        check_ooxml_archive(converted)
        return _read_docx(converted, path, progress, cancel)


def _read_json(path: Path) -> PlanContent:
    try:
        data = json.loads(read_bounded(path).decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise UnreadablePlanFile(path) from exc
    return content_from_json(data, path)
