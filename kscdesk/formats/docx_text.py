"""The body paragraphs of a .docx (decision text, Nơi nhận, appendix notes), for the checks."""

import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError

from kscdesk.domain.text import nfc
from kscdesk.formats.errors import UnreadablePlanFile


def read_docx_paragraphs(path: Path) -> list[str]:
    """Every paragraph of the document body outside tables, as lines of NFC text."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadablePlanFile(path) from error
    lines: list[str] = []
    for paragraph in document.paragraphs:
        lines.extend(nfc(paragraph.text).split("\n"))
    return [line for line in lines if line.strip()]
