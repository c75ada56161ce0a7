"""Safety check of an Office Open XML file (.docx/.xlsx) before any parser opens it.

Refuses what no real plan has: a file that is not a regular file or is oversized, password-protected
and legacy binary Office files, corrupt archives (every part is inflated and its CRC checked), zip
bombs (by the central directory and by inflating each part under byte caps, since declared sizes
can lie), entries that are encrypted or use a compression method other than stored/deflate (even a
thumbnail the importer never reads), the same part name twice, parts larger than a real plan's
however well they compress, and XML parts that declare a DTD (entity bombs, external entities).
"""

import zipfile
from pathlib import Path

from kscdesk.formats.errors import (
    LegacyWordFile,
    PasswordProtectedFile,
    UnreadablePlanFile,
    UnsafeFile,
    printable,
)
from kscdesk.formats.parser_boundary import (
    MAX_INPUT_BYTES,
    read_bounded,
    regular_file_size,
    unreadable_file_boundary,
)

MAX_FILE_BYTES = MAX_INPUT_BYTES
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_XML_PART_BYTES = 32 * 1024 * 1024  # a Word plan of 10,000 rows comes near; real ones: < 1 MB
MAX_XML_TAGS = 2_000_000  # "<" in one XML part: bounds the element tree a parser builds
MAX_PART_BYTES = MAX_INPUT_BYTES  # a picture or other binary part
MAX_MEMBER_RATIO = 100
RATIO_CHECK_MIN_BYTES = 10 * 1024 * 1024
MAX_MEMBERS = 2000
ALLOWED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_ENCRYPTED_FLAG = 0x1

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 64 * 1024


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


# Stream names as they sit in a compound file's directory entries (UTF-16LE).
_ENCRYPTED_PACKAGE = _utf16("EncryptedPackage")
_WORD_DOCUMENT = _utf16("WordDocument")
_XLS_WORKBOOK = (_utf16("Workbook"), _utf16("Book"))

# A DTD is the only way to declare entities; OOXML parts never carry one. Parts may be UTF-16.
_DTD_MARKERS = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("ascii", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(m) for m in _DTD_MARKERS) - 1


def check_ooxml_archive(path: Path) -> None:
    """Raise a ``PlanFileError`` when ``path`` is not a safe, readable .docx/.xlsx archive."""
    regular_file_size(path, MAX_FILE_BYTES)
    with unreadable_file_boundary(path), path.open("rb") as stream:
        head = stream.read(len(OLE_MAGIC))
    if head == OLE_MAGIC:
        _refuse_compound_file(path)
    with unreadable_file_boundary(path), zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        _check_directory(path, members)
        _check_parts(path, archive, members)


def _refuse_compound_file(path: Path) -> None:
    """An OLE compound file: a password-protected OOXML package, an old .doc/.xls, or junk."""
    data = read_bounded(path, MAX_FILE_BYTES)
    if _ENCRYPTED_PACKAGE in data:
        raise PasswordProtectedFile(path)
    if _WORD_DOCUMENT in data:
        raise LegacyWordFile(path)
    if any(name in data for name in _XLS_WORKBOOK):
        raise UnreadablePlanFile(
            path, "Đây là tệp Excel cũ (.xls): hãy lưu thành định dạng .xlsx rồi nhập lại."
        )
    raise UnreadablePlanFile(path)


def _is_xml(info: zipfile.ZipInfo) -> bool:
    return info.filename.lower().endswith((".xml", ".rels"))


def _part(info: zipfile.ZipInfo) -> str:
    return printable(info.filename)


def _check_directory(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise UnsafeFile(path, f"Tệp chứa {len(members)} thành phần (tối đa {MAX_MEMBERS}).")
    total = 0
    seen: set[str] = set()
    for info in members:
        if info.flag_bits & _ENCRYPTED_FLAG:
            raise UnsafeFile(path, f"Thành phần “{_part(info)}” được mã hóa.")
        if info.compress_type not in ALLOWED_METHODS:
            raise UnsafeFile(
                path, f"Thành phần “{_part(info)}” dùng kiểu nén lạ ({info.compress_type})."
            )
        # Part names are case-insensitive in an Office package (ECMA-376 part 2, §6.2.2).
        key = info.filename.replace("\\", "/").lstrip("/").casefold()
        if key in seen:
            raise UnsafeFile(path, f"Thành phần “{_part(info)}” xuất hiện hai lần.")
        seen.add(key)
        _check_part_size(path, info, info.file_size)
        total += info.file_size
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise UnsafeFile(path, "Dữ liệu nén giải ra quá lớn.")
        _check_ratio(path, info, info.file_size)
    if "[content_types].xml" not in seen:
        raise UnreadablePlanFile(path, "Thiếu thành phần [Content_Types].xml.")


def _check_part_size(path: Path, info: zipfile.ZipInfo, inflated: int) -> None:
    limit = MAX_XML_PART_BYTES if _is_xml(info) else MAX_PART_BYTES
    if inflated > limit:
        raise UnsafeFile(
            path,
            f"Thành phần “{_part(info)}” quá lớn (tối đa {limit // 1024 // 1024} MB khi giải nén).",
        )


def _check_ratio(path: Path, info: zipfile.ZipInfo, inflated: int) -> None:
    if inflated > RATIO_CHECK_MIN_BYTES and inflated > MAX_MEMBER_RATIO * max(
        info.compress_size, 1
    ):
        raise UnsafeFile(path, f"Thành phần “{_part(info)}” có tỉ lệ nén bất thường.")


def _check_parts(path: Path, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    """Inflate every part under the byte caps (zipfile checks each CRC at its end); in XML parts
    look for a DTD and count the tags a parser would build."""
    total = 0
    for info in members:
        xml = _is_xml(info)
        inflated = tags = 0
        tail = b""
        with archive.open(info) as part:
            while chunk := part.read(_CHUNK):
                inflated += len(chunk)
                total += len(chunk)
                if total > MAX_TOTAL_UNCOMPRESSED:
                    raise UnsafeFile(path, "Dữ liệu nén giải ra quá lớn.")
                _check_part_size(path, info, inflated)
                _check_ratio(path, info, inflated)
                if not xml:
                    continue
                tags += chunk.count(b"<")
                if tags > MAX_XML_TAGS:
                    raise UnsafeFile(path, f"Thành phần “{_part(info)}” có quá nhiều phần tử.")
                window = tail + chunk
                if any(marker in window for marker in _DTD_MARKERS):
                    raise UnsafeFile(path, f"Thành phần “{_part(info)}” khai báo DOCTYPE/ENTITY.")
                tail = window[-_OVERLAP:]
