"""Write a built document as a .docx package, with the tables' rows put in as XML text.

The same parts, in the same order and with the same content as python-docx's own `save`; the
deflate level is lower, and `kscdesk.formats.nd30.blocks.add_table` left each big table's rows as
XML text behind a mark: they go into word/document.xml as bytes, never parsed into elements and
serialised back.
"""

import re
import zipfile
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem

from kscdesk.formats.nd30.blocks import ROWS_MARK

# Deflate level 3: as fast as the fastest on a report's repetitive XML, and a little smaller
# (python-docx's default, 6, takes three times as long for a file a fifth smaller).
COMPRESSION = 3
_MARK = re.compile(f"<!--{ROWS_MARK}(\\d+)-->".encode())


def write_package(
    doc: DocxDocument, tables: list[bytes], path: Path, styles: bytes | None = None
) -> None:
    """The package of ``doc`` at ``path``; mark N in the document part becomes ``tables[N]``,
    and ``styles``, when given, is the styles part as written (it must be the same XML)."""
    package = doc.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESSION) as archive:
        types = _ContentTypesItem.from_parts(parts)  # type: ignore[no-untyped-call]
        archive.writestr(CONTENT_TYPES_URI.membername, types.blob)
        archive.writestr(PACKAGE_URI.rels_uri.membername, package.rels.xml)
        for part in parts:
            if styles is not None and part.content_type == CT.WML_STYLES:
                blob = styles
            else:
                blob = part.blob
            if part is doc.part and tables:
                blob = _MARK.sub(lambda mark: tables[int(mark[1])], blob)
            archive.writestr(part.partname.membername, blob)
            if len(part.rels):
                archive.writestr(part.partname.rels_uri.membername, part.rels.xml)
