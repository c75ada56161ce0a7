"""Read a parent plan from any file the officer may have: .docx, .xlsx, .json, an old .doc, a PDF,
.xls, .odt or .ods (``plan_reader_more``)."""

import json
import tempfile
from pathlib import Path

from kscdesk.domain.model import PlanContent
from kscdesk.domain.work import CancelToken, ProgressCallback
from kscdesk.formats.archive_guard import MAX_FILE_BYTES, check_ooxml_archive
from kscdesk.formats.errors import (
    LegacyWordFile,
    OversizedFile,
    UnreadablePlanFile,
    UnsupportedFileType,
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
    """The plan in ``path``; a ``PlanFileError`` (Vietnamese message naming the file) otherwise."""
    suffix = path.suffix.lower()
    if suffix not in (".docx", ".xlsx", ".json", ".doc", *MORE_SUFFIXES):
        raise UnsupportedFileType(path)
    _check_size(path)
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


def _check_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadablePlanFile(path, f"({exc.strerror or exc})") from exc
    if size > MAX_FILE_BYTES:
        raise OversizedFile(path, f"Kích thước {size / 1024 / 1024:.0f} MB, tối đa 50 MB.")


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
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadablePlanFile(path) from exc
    return content_from_json(data, path)
