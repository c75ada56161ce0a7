"""Plan files written straight as XML, and byte-level edits of zip archives, for hostile inputs.

``plan_docx`` writes a small but complete plan .docx without python-docx (fast enough to build
hundreds of variants); ``raw`` cells carry hand-written cell XML (spans, merges). The zip edits
(``set_entry_flag``, ``set_entry_method``, ``with_duplicate``, ``replace_part`` …) work on any
Office package. The regression tests and the fuzz corpus (tests/fuzz) share them.
"""

import struct
import warnings
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADER = ["STT", "Nội dung công việc", "Kết quả công việc", "Cơ quan chủ trì", "Thời gian"]
PREAMBLE = ["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC PHỔ", "KẾ HOẠCH", "Kiểm soát thủ tục hành chính năm 2024"]

_TYPES_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
)
_NUMBERING_TYPE = (
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.numbering+xml"/>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_STYLES_TYPE = (
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
)
_REL = (
    '<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/{kind}" Target="{kind}.xml"/>'
)


@dataclass(frozen=True)
class Raw:
    """A table cell given as its own ``<w:tc>`` XML."""

    xml: str


def paragraph(text: str, props: str = "") -> str:
    pr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f'<w:p>{pr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def cell(text: str, props: str = "") -> str:
    paragraphs = "".join(paragraph(line) for line in text.split("\n")) or "<w:p/>"
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{paragraphs}</w:tc>"


def table(rows: Iterable[list["str | Raw"]], columns: int = len(HEADER)) -> str:
    grid = "".join('<w:gridCol w:w="1800"/>' for _ in range(columns))
    body = "".join(
        "<w:tr>" + "".join(c.xml if isinstance(c, Raw) else cell(c) for c in row) + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def plan_rows(count: int) -> list[list["str | Raw"]]:
    return [
        [str(n), f"Nhiệm vụ số {n}", "Báo cáo", "Văn phòng", "Quý I"] for n in range(1, count + 1)
    ]


def document_xml(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )


def plan_body(
    rows: Iterable[list["str | Raw"]], preamble: Iterable[str] = PREAMBLE, columns: int = 5
) -> str:
    head = "".join(paragraph(line) for line in preamble)
    return head + table([list[str | Raw](HEADER), *rows], columns) + "<w:p/>"


def plan_docx(
    path: "Path | IO[bytes]",
    rows: Iterable[list["str | Raw"]] | None = None,
    *,
    preamble: Iterable[str] = PREAMBLE,
    body: str | None = None,
    numbering: str | None = None,
    styles: str | None = None,
    document: str | bytes | None = None,
) -> "Path | IO[bytes]":
    """A plan .docx: a preamble, the header and ``rows`` (default: 5 numbered tasks)."""
    if document is None:
        document = document_xml(body or plan_body(plan_rows(5) if rows is None else rows, preamble))
    types = _TYPES_HEAD + (_NUMBERING_TYPE if numbering else "") + (_STYLES_TYPE if styles else "")
    rels = [
        _REL.format(id=f"rId{n}", kind=kind)
        for n, (kind, part) in enumerate((("numbering", numbering), ("styles", styles)))
        if part is not None
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zipped:
        archive = _Stamped(zipped)
        archive.writestr("[Content_Types].xml", types + "</Types>")
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("word/document.xml", document)
        if rels:
            archive.writestr(
                "word/_rels/document.xml.rels",
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                f'relationships">{"".join(rels)}</Relationships>',
            )
        if numbering is not None:
            archive.writestr("word/numbering.xml", numbering)
        if styles is not None:
            archive.writestr("word/styles.xml", styles)
    return path


def numbering_xml(fmt: str = "upperRoman", start: int = 1, ilvl: str = "0") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">'
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )


def style_chain_xml(length: int, list_style: bool = True) -> str:
    """Paragraph styles s0 … sN, each based on the next: a basedOn chain ``length`` long."""
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="s{n}"><w:basedOn w:val="s{n + 1}"/></w:style>'
        for n in range(length)
    )
    last = '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>' if list_style else ""
    last += '<w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr>'
    end = f'<w:style w:type="paragraph" w:styleId="s{length}">{last}</w:style>'
    return f'<w:styles xmlns:w="{W_NS}">{styles}{end}</w:styles>'


NUMBERED = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'


class _Stamped:
    """Writes entries with a fixed time stamp, so that the same input gives the same bytes."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive

    def writestr(self, name: str, content: str | bytes) -> None:
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        self.archive.writestr(info, content)


# --- byte-level edits of a zip archive ---------------------------------------------------------


def _central_entries(data: bytes) -> Iterable[tuple[int, str]]:
    """(offset of the central directory record, entry name) for each entry."""
    offset = data.find(b"PK\x01\x02")
    while offset != -1:
        name_len = struct.unpack_from("<H", data, offset + 28)[0]
        yield offset, data[offset + 46 : offset + 46 + name_len].decode("utf-8", "replace")
        offset = data.find(b"PK\x01\x02", offset + 46 + name_len)


def _edit_entry(path: Path, member: str, edit: Callable[[bytearray, int, int], None]) -> Path:
    """Apply ``edit(data, central_offset, local_offset)`` to the headers of ``member``."""
    data = bytearray(path.read_bytes())
    for central, name in list(_central_entries(bytes(data))):
        if name == member:
            local = struct.unpack_from("<I", data, central + 42)[0]
            edit(data, central, local)
    path.write_bytes(bytes(data))
    return path


def set_entry_flag(path: Path, member: str, flag: int = 0x1) -> Path:
    """Set a general-purpose flag (0x1: encrypted) on ``member`` in both headers."""

    def edit(data: bytearray, central: int, local: int) -> None:
        for offset in (central + 8, local + 6):
            struct.pack_into("<H", data, offset, struct.unpack_from("<H", data, offset)[0] | flag)

    return _edit_entry(path, member, edit)


def set_entry_method(path: Path, member: str, method: int = 12) -> Path:
    """Claim another compression method (12: bzip2, 99: AES) for ``member``."""

    def edit(data: bytearray, central: int, local: int) -> None:
        struct.pack_into("<H", data, central + 10, method)
        struct.pack_into("<H", data, local + 8, method)

    return _edit_entry(path, member, edit)


def corrupt_entry_data(path: Path, member: str, at: float = 0.5) -> Path:
    """Overwrite bytes in the middle of ``member``'s compressed data (a broken deflate stream)."""

    def edit(data: bytearray, central: int, local: int) -> None:
        size = struct.unpack_from("<I", data, central + 20)[0]
        name_len, extra_len = struct.unpack_from("<HH", data, local + 26)
        start = local + 30 + name_len + extra_len + int(size * at)
        for i in range(start, min(start + 8, len(data))):
            data[i] = 0xFF

    return _edit_entry(path, member, edit)


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rewrite(
    path: Path, parts: dict[str, bytes | str], extra: Iterable[tuple[str, bytes]] = ()
) -> Path:
    """Write ``parts`` (in order) as a new archive at ``path``, then ``extra`` entries as they are
    (a name may repeat: the same part twice)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile: "Duplicate name"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for name, content in parts.items():
                archive.writestr(name, content)
            for name, content in extra:
                archive.writestr(name, content)
    return path


def replace_part(path: Path, member: str, transform: Callable[[bytes], bytes | str]) -> Path:
    parts: dict[str, bytes | str] = dict(entries(path))
    parts[member] = transform(entries(path)[member])
    return rewrite(path, parts)


def with_duplicate(path: Path, member: str, content: bytes | None = None) -> Path:
    """The same part name twice in the archive (the second copy differs when ``content`` is set)."""
    parts = entries(path)
    return rewrite(path, dict(parts), [(member, parts[member] if content is None else content)])


def with_thumbnail(path: Path, data: bytes = b"\x89PNG\r\n\x1a\n" + bytes(64)) -> Path:
    """Add docProps/thumbnail.png, the picture Office shows in Explorer (never read on import)."""
    parts: dict[str, bytes | str] = dict(entries(path))
    parts["docProps/thumbnail.png"] = data
    return rewrite(path, parts)


def plan_xlsx(
    path: Path,
    rows: Iterable[list[object]] | None = None,
    *,
    hidden_copy: bool = False,
    cells: dict[str, object] | None = None,
    merges: Iterable[str] = (),
) -> Path:
    """A plan workbook: title rows, the header and ``rows`` (default: 5 numbered tasks)."""
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Kế hoạch"
    sheet.append(["ỦY BAN NHÂN DÂN HUYỆN ĐỨC PHỔ"])
    sheet.append(["KẾ HOẠCH"])
    sheet.append(["Kiểm soát thủ tục hành chính năm 2024"])
    sheet.append(HEADER)
    for values in plan_rows(5) if rows is None else rows:
        sheet.append(list(values))
    sheet["B5"].font = Font(bold=True)
    for ref, value in (cells or {}).items():
        sheet[ref] = value
    for ref in merges:
        sheet.merge_cells(ref)
    if hidden_copy:
        copy = workbook.copy_worksheet(sheet)
        copy.title = "Bản sao"
        copy.sheet_state = "hidden"
    workbook.save(path)
    return path
