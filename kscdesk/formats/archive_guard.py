"""Safety check of an Office Open XML file (.docx/.xlsx) before any parser opens it.

Refuses oversized files, password-protected and legacy binary Office files, corrupt archives, zip
bombs (by the central directory and by inflating each XML part under a byte cap, since declared
sizes can lie) and XML parts that declare a DTD (entity bombs, external entities).
"""

import zipfile
import zlib
from pathlib import Path

from kscdesk.formats.errors import (
    LegacyWordFile,
    OversizedFile,
    PasswordProtectedFile,
    UnreadablePlanFile,
    UnsafeFile,
)

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 100
RATIO_CHECK_MIN_BYTES = 10 * 1024 * 1024
MAX_MEMBERS = 2000

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
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(len(OLE_MAGIC))
    except OSError as exc:
        raise UnreadablePlanFile(path, f"({exc.strerror or exc})") from exc
    if size > MAX_FILE_BYTES:
        raise OversizedFile(path, f"Kích thước {size / 1024 / 1024:.0f} MB, tối đa 50 MB.")
    if head == OLE_MAGIC:
        _refuse_compound_file(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_directory(path, members)
            _check_parts(path, archive, members)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error) as exc:
        raise UnreadablePlanFile(path) from exc
    except (NotImplementedError, RuntimeError) as exc:
        # Unsupported compression method or an encrypted zip member: nothing Office writes.
        raise UnreadablePlanFile(path) from exc
    except OSError as exc:
        raise UnreadablePlanFile(path, f"({exc.strerror or exc})") from exc


def _refuse_compound_file(path: Path) -> None:
    """An OLE compound file: a password-protected OOXML package, an old .doc/.xls, or junk."""
    data = path.read_bytes()  # at most MAX_FILE_BYTES, checked before
    if _ENCRYPTED_PACKAGE in data:
        raise PasswordProtectedFile(path)
    if _WORD_DOCUMENT in data:
        raise LegacyWordFile(path)
    if any(name in data for name in _XLS_WORKBOOK):
        raise UnreadablePlanFile(
            path, "Đây là tệp Excel cũ (.xls): hãy lưu thành định dạng .xlsx rồi nhập lại."
        )
    raise UnreadablePlanFile(path)


def _check_directory(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise UnsafeFile(path, f"Tệp chứa {len(members)} thành phần.")
    total = 0
    for info in members:
        total += info.file_size
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise UnsafeFile(path, "Dữ liệu nén giải ra quá lớn.")
        _check_ratio(path, info, info.file_size)
    if not any(info.filename == "[Content_Types].xml" for info in members):
        raise UnreadablePlanFile(path, "Thiếu thành phần [Content_Types].xml.")


def _check_ratio(path: Path, info: zipfile.ZipInfo, inflated: int) -> None:
    if inflated > RATIO_CHECK_MIN_BYTES and inflated > MAX_MEMBER_RATIO * max(
        info.compress_size, 1
    ):
        raise UnsafeFile(path, f"Thành phần “{info.filename}” có tỉ lệ nén bất thường.")


def _check_parts(path: Path, archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    """Inflate each XML part under the byte caps and look for a DTD in it."""
    total = 0
    for info in members:
        if not info.filename.lower().endswith((".xml", ".rels")):
            continue
        inflated = 0
        tail = b""
        with archive.open(info) as part:
            while chunk := part.read(_CHUNK):
                inflated += len(chunk)
                total += len(chunk)
                if total > MAX_TOTAL_UNCOMPRESSED:
                    raise UnsafeFile(path, "Dữ liệu nén giải ra quá lớn.")
                _check_ratio(path, info, inflated)
                window = tail + chunk
                if any(marker in window for marker in _DTD_MARKERS):
                    raise UnsafeFile(path, f"Thành phần “{info.filename}” khai báo DOCTYPE/ENTITY.")
                tail = window[-_OVERLAP:]
