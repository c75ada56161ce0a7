"""Read the letterhead of an attached .docx or PDF (with a text layer) into document facts.

Only the first lines matter: the header table, the title and the summary. Reading is a
suggestion to the officer, so a file that cannot be read gives None, never an error.
"""

import logging
from pathlib import Path

from kscdesk.domain.documents import DocumentFacts
from kscdesk.domain.letterhead import read_letterhead
from kscdesk.formats.archive_guard import check_ooxml_archive
from kscdesk.formats.errors import PlanFileError

log = logging.getLogger(__name__)

_MAX_LINES = 80
_MAX_PDF_BYTES = 50 * 1024 * 1024
LETTERHEAD_SUFFIXES = frozenset({".docx", ".pdf"})


def docx_first_lines(path: Path) -> list[str]:
    """Paragraph texts from the start of the body, header-table cells in reading order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_ooxml_archive(path)
    document = docx.Document(str(path))
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(Paragraph(child, document).text.splitlines())
        elif tag == "tbl":
            for row in Table(child, document).rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        lines.extend(paragraph.text.splitlines())
        if len(lines) >= _MAX_LINES:
            break
    return lines[:_MAX_LINES]


def pdf_first_lines(path: Path) -> list[str]:
    """The text layer of the first page, line by line (empty for a scanned page)."""
    import pdfplumber

    if path.stat().st_size > _MAX_PDF_BYTES:
        return []
    with pdfplumber.open(str(path)) as pdf:
        if not pdf.pages:
            return []
        text = pdf.pages[0].extract_text() or ""
    return text.splitlines()[:_MAX_LINES]


def read_letterhead_file(path: Path) -> DocumentFacts | None:
    """Number, date, issuer, kind and summary from a .docx or PDF; None when nothing is found."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            lines = docx_first_lines(path)
        elif suffix == ".pdf":
            lines = pdf_first_lines(path)
        else:
            return None
    except (PlanFileError, OSError, ValueError, KeyError) as error:
        log.info("No letterhead read from %s: %s", path.name, error)
        return None
    except Exception as error:  # a damaged file in a third-party parser: no suggestion
        log.info("No letterhead read from %s: %r", path.name, error)
        return None
    facts = read_letterhead(lines)
    return None if facts.is_empty else facts
