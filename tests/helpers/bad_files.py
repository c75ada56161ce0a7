"""Builders of hostile or broken input files: zip bombs, entity bombs, fake encrypted Office files.

Each builder writes a real file into a folder the test owns and returns its path, so the import
tests (formats, services, CLI) can all refuse the same files.
"""

import struct
import zipfile
from pathlib import Path

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>"
)
DOCUMENT_TAIL = "</w:t></w:r></w:p></w:body></w:document>"
MIB = 1024 * 1024


def small_docx(path: Path, document_xml: str | bytes, extra: dict[str, str] | None = None) -> Path:
    """A minimal .docx package with the given main part (and extra parts by name)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("word/document.xml", document_xml)
        for name, text in (extra or {}).items():
            archive.writestr(name, text)
    return path


def zip_bomb_docx(path: Path, inflated_mib: int = 210, parts: int = 1) -> Path:
    """A .docx of a few hundred KB whose document part(s) inflate to ``inflated_mib`` MiB."""
    chunk = b" " * MIB
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        for index in range(parts):
            name = "word/document.xml" if index == 0 else f"word/part{index}.xml"
            with archive.open(name, "w") as part:
                part.write(DOCUMENT_HEAD.encode())
                for _ in range(inflated_mib // parts):
                    part.write(chunk)
                part.write(DOCUMENT_TAIL.encode())
    return path


def lie_about_size(path: Path, member: str, declared: int) -> Path:
    """Rewrite the central-directory (and local) uncompressed size of ``member`` to ``declared``."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_len] == name:
            struct.pack_into("<I", data, central + 24, declared)
            local = struct.unpack_from("<I", data, central + 42)[0]
            struct.pack_into("<I", data, local + 22, declared)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    return path


def billion_laughs_docx(path: Path) -> Path:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    ]
    document = (
        '<?xml version="1.0"?>\n<!DOCTYPE w:document ['
        + "".join(entities)
        + "]>\n"
        + DOCUMENT_HEAD.split("\n", 1)[1]
        + "&lol9;"
        + DOCUMENT_TAIL
    )
    return small_docx(path, document)


def external_entity_docx(path: Path) -> Path:
    """XXE in a relationships part, not in the main document."""
    rels = (
        '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="t" Target="&xxe;"/></Relationships>'
    )
    return small_docx(
        path, DOCUMENT_HEAD + "x" + DOCUMENT_TAIL, {"word/_rels/document.xml.rels": rels}
    )


# --- OLE compound files (MS-CFB, version 3: 512-byte sectors) -----------------------------------

_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _dir_entry(name: str, kind: int, start: int, size: int, child: int = _FREE) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    entry = bytearray(128)
    entry[: len(encoded)] = encoded
    struct.pack_into("<H", entry, 64, len(encoded))
    entry[66] = kind  # 1 storage, 2 stream, 5 root
    entry[67] = 1  # black
    struct.pack_into("<III", entry, 68, _FREE, _FREE, child)
    struct.pack_into("<I", entry, 116, start)
    struct.pack_into("<Q", entry, 120, size)
    return bytes(entry)


def compound_file(path: Path, stream_names: list[str]) -> Path:
    """A small but well-formed compound file holding the named streams (4 KiB of zeros each)."""
    stream_sectors = 8  # 4096 bytes: at the mini-stream cut-off, so stored in normal sectors
    fat = [_FAT, _END]  # sector 0 is the FAT, sector 1 the directory
    starts = []
    for _ in stream_names:
        first = len(fat)
        starts.append(first)
        fat += [first + i + 1 for i in range(stream_sectors - 1)] + [_END]
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 40, 0, 1, 1, 0, 4096, _END, 0, _END)
    struct.pack_into("<I", header, 72, _END)
    struct.pack_into("<I", header, 68, _END)
    difat = [0] + [_FREE] * 108
    struct.pack_into("<109I", header, 76, *difat)
    fat_sector = struct.pack("<128I", *(fat + [_FREE] * (128 - len(fat))))
    entries = [_dir_entry("Root Entry", 5, _END, 0, child=1 if stream_names else _FREE)]
    for index, (name, start) in enumerate(zip(stream_names, starts, strict=True)):
        entry = bytearray(_dir_entry(name, 2, start, stream_sectors * 512))
        if index + 1 < len(stream_names):  # chain siblings to the right
            struct.pack_into("<I", entry, 72, index + 2)
        entries.append(bytes(entry))
    if len(entries) > 4:
        raise ValueError("the builder holds at most 3 streams (one directory sector)")
    unused = bytearray(128)
    struct.pack_into("<III", unused, 68, _FREE, _FREE, _FREE)
    directory = b"".join(entries) + bytes(unused) * (4 - len(entries))
    streams = bytes(512 * stream_sectors * len(stream_names))
    path.write_bytes(bytes(header) + fat_sector + directory + streams)
    return path


def encrypted_office_file(path: Path) -> Path:
    """How Office saves a password-protected .docx/.xlsx: a compound file, not a zip."""
    return compound_file(path, ["EncryptionInfo", "EncryptedPackage"])
