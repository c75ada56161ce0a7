"""The directory of a plain package read straight from its bytes: the three JSON members, each
deflated, no comment, no extra fields, no ZIP64, nothing before or between. That is what
kscdesk writes, and what a parent office reads by the thousand; ``zipfile`` takes every other
archive (and says why it refuses one). Whatever this reader returns then goes through the same
checks as the directory ``zipfile`` reads.
"""

import io
import struct
import zipfile
from typing import IO

from kscdesk.formats.package.manifest import DATA_NAME, MANIFEST_NAME, SIGNATURE_NAME

_END = struct.Struct("<4s4H2LH")  # end of central directory record
_ENTRY = struct.Struct("<4s4B4H3L5H2L")  # central directory file header
_ZIP64_LOCATOR = b"PK\x06\x07"
_NAMES = frozenset(name.encode("ascii") for name in (MANIFEST_NAME, SIGNATURE_NAME, DATA_NAME))
_MAX_EXTRACT_VERSION = 63  # zipfile's: an archive needing a newer one is refused there


class PlainArchive:
    """The members of a plain package held in memory, as ``zipfile`` would list them."""

    def __init__(self, content: bytes, infos: list[zipfile.ZipInfo]) -> None:
        self.fp: IO[bytes] | None = io.BytesIO(content)
        self._infos = infos

    def infolist(self) -> list[zipfile.ZipInfo]:
        return self._infos

    def open(self, name: zipfile.ZipInfo) -> IO[bytes]:
        """Never needed: every member of a plain package is deflated and read raw."""
        raise NotImplementedError(name.filename)


def plain_archive(content: bytes) -> PlainArchive | None:
    """The package's members when it is plain; None to let ``zipfile`` read it."""
    size = len(content)
    if size < _END.size or content[-_END.size - 20 : -_END.size - 16] == _ZIP64_LOCATOR:
        return None
    signature, disk, cd_disk, on_disk, count, cd_size, cd_offset, comment = _END.unpack_from(
        content, size - _END.size
    )
    if (
        signature != b"PK\x05\x06"
        or (disk, cd_disk, comment) != (0, 0, 0)
        or on_disk != count
        or count != len(_NAMES)
        or cd_offset + cd_size != size - _END.size
    ):
        return None
    infos = []
    at = cd_offset
    for _ in range(count):
        if at + _ENTRY.size > size:
            return None
        info = _entry(content, at)
        if info is None:
            return None
        infos.append(info)
        at += _ENTRY.size + len(info.orig_filename)
    if at != cd_offset + cd_size or len({i.filename for i in infos}) != count:
        return None
    return PlainArchive(content, infos)


def _entry(content: bytes, at: int) -> zipfile.ZipInfo | None:
    (
        signature,
        create_version,
        create_system,
        extract_version,
        reserved,
        flag_bits,
        compress_type,
        time,
        date,
        crc,
        compress_size,
        file_size,
        name_length,
        extra_length,
        comment_length,
        disk_start,
        internal_attr,
        external_attr,
        header_offset,
    ) = _ENTRY.unpack_from(content, at)
    name = content[at + _ENTRY.size : at + _ENTRY.size + name_length]
    if (
        signature != b"PK\x01\x02"
        or name not in _NAMES
        or (extra_length, comment_length, disk_start) != (0, 0, 0)
        or compress_type != zipfile.ZIP_DEFLATED
        or extract_version > _MAX_EXTRACT_VERSION
    ):
        return None
    filename = name.decode("ascii")
    info = zipfile.ZipInfo(
        filename,
        (
            (date >> 9) + 1980,
            (date >> 5) & 0xF,
            date & 0x1F,
            time >> 11,
            (time >> 5) & 0x3F,
            (time & 0x1F) * 2,
        ),
    )
    info.create_version, info.create_system = create_version, create_system
    info.extract_version, info.reserved = extract_version, reserved
    info.flag_bits, info.compress_type, info.CRC = flag_bits, compress_type, crc
    info.compress_size, info.file_size = compress_size, file_size
    info.internal_attr, info.external_attr = internal_attr, external_attr
    info.header_offset = header_offset
    return info
