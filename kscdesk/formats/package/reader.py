"""Reading a package safely: only known member names, bounded sizes and ratios, every hash and
the manifest signature checked before any data is used. Each refusal names the file."""

import hashlib
import io
import json
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kscdesk.domain.exchange import PackageKind, ReportSummary
from kscdesk.formats.errors import PlanFileError
from kscdesk.formats.package.errors import (
    BadPackage,
    TamperedPackage,
    UnsupportedPackageVersion,
    WrongPackageKind,
)
from kscdesk.formats.package.manifest import (
    ATTACHMENT_DIR,
    DATA_NAME,
    MANIFEST_NAME,
    SHA256,
    SIGNATURE_NAME,
    InvalidManifest,
    Manifest,
    UnknownFormat,
    manifest_from_json,
)
from kscdesk.formats.package.plain_zip import PlainArchive, plain_archive
from kscdesk.formats.package.report_fast import decode_report_summary
from kscdesk.formats.package.signing import verify
from kscdesk.formats.parser_boundary import regular_file_size, unreadable_file_boundary

MAX_FILE_BYTES = 300 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_JSON_BYTES = 64 * 1024 * 1024
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 600 * 1024 * 1024
MAX_RATIO = 200  # inflated ÷ compressed, for members over RATIO_MIN_BYTES
RATIO_MIN_BYTES = 1024 * 1024
IN_MEMORY_BYTES = 16 * 1024 * 1024  # a package up to this size is read whole, at once
_CHUNK = 256 * 1024
_Archive = zipfile.ZipFile | PlainArchive


_UNPARSED: Any = object()


@dataclass(frozen=True, eq=False)
class Package:
    """A package that passed every check: its manifest, data and content hash.

    A report whose data took the fast route (report_fast) carries its ``summary``, already
    validated, and its data is parsed as plain JSON only if someone asks for it."""

    path: Path
    manifest: Manifest
    payload: bytes  # data.json as sent (hash-checked, valid UTF-8 JSON)
    content_hash: str  # SHA-256 of manifest.json: it names every member by hash
    summary: ReportSummary | None = None
    deflated: bytes | None = None  # data.json as compressed in the package (raw DEFLATE), if so
    parsed: Any = field(default=_UNPARSED, repr=False)

    @property
    def data(self) -> Any:
        if self.parsed is _UNPARSED:
            object.__setattr__(self, "parsed", json.loads(self.payload))
        return self.parsed

    @property
    def attachment_hashes(self) -> list[str]:
        return [name[len(ATTACHMENT_DIR) :] for name in self.manifest.members if name != DATA_NAME]


def read_package(path: Path, kinds: tuple[PackageKind, ...] | None = None) -> Package:
    """Open and check a package; BadPackage (or a subclass) with the reason when refused.

    Only a regular file is opened (a FIFO would block, a link to /dev/zero never end), and
    whatever zipfile or json raise beyond the cases below is still a BadPackage (the parser
    boundary), never a traceback.
    """
    try:
        size = regular_file_size(path, limit=2**63)
    except PlanFileError as exc:
        text = exc.detail or exc.reason  # not found, not a regular file, no permission
        raise BadPackage(path, text[:1].lower() + text[1:]) from exc
    if size > MAX_FILE_BYTES:
        raise BadPackage(path, f"tệp {size / 1024 / 1024:.0f} MB, quá giới hạn 300 MB.")
    with unreadable_file_boundary(path, refusal=BadPackage):
        return _open(path, kinds, size)


def _open(path: Path, kinds: tuple[PackageKind, ...] | None, size: int) -> Package:
    try:
        source: Path | io.BytesIO = path
        if size <= IN_MEMORY_BYTES:  # the usual package: one read, then no more file calls
            with path.open("rb") as stream:
                content = stream.read(size)
            plain = plain_archive(content)
            if plain is not None:
                return _read(path, plain, kinds)
            source = io.BytesIO(content)
        with zipfile.ZipFile(source) as archive:
            return _read(path, archive, kinds)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error) as exc:
        raise BadPackage(path, "tệp không phải gói .kscx hoặc đã bị hỏng.") from exc
    except (NotImplementedError, RuntimeError) as exc:
        raise BadPackage(path, "gói có thành phần mã hóa hoặc nén kiểu lạ.") from exc
    except OSError as exc:
        raise BadPackage(path, f"không đọc được tệp ({exc.strerror or exc}).") from exc


def _read(path: Path, archive: _Archive, kinds: tuple[PackageKind, ...] | None) -> Package:
    infos = _check_directory(path, archive.infolist())
    manifest_bytes, _ = _inflated(path, archive, infos[MANIFEST_NAME], MAX_MANIFEST_BYTES)
    manifest = _manifest(path, manifest_bytes)
    if kinds is not None and manifest.kind not in kinds:
        wanted = ", ".join(k.label for k in kinds)
        raise WrongPackageKind(path, f"đây là gói {manifest.kind.label}, cần gói {wanted}.")
    signature = _json(path, _inflated(path, archive, infos[SIGNATURE_NAME], 4096)[0], "chữ ký")
    if not isinstance(signature, dict) or not isinstance(signature.get("signature"), str):
        raise BadPackage(path, "signature.json không đúng dạng.")
    if not verify(manifest.sender_key, signature["signature"], manifest_bytes):
        raise TamperedPackage(path, "chữ ký của manifest.json không hợp lệ.")
    present = set(infos) - {MANIFEST_NAME, SIGNATURE_NAME}
    listed = set(manifest.members)
    if present != listed or DATA_NAME not in listed:
        raise TamperedPackage(path, "danh sách thành phần không khớp với manifest.json.")
    for name in sorted(listed - {DATA_NAME}):
        if name[len(ATTACHMENT_DIR) :] != manifest.members[name]:
            raise TamperedPackage(path, f"tên tệp đính kèm “{name}” không khớp mã băm.")
        _check_hash(path, archive, infos[name], manifest.members[name])
    payload, deflated = _inflated(path, archive, infos[DATA_NAME], MAX_JSON_BYTES)
    if hashlib.sha256(payload).hexdigest() != manifest.members[DATA_NAME]:
        raise TamperedPackage(path, "mã băm của data.json không khớp.")
    content_hash = hashlib.sha256(manifest_bytes).hexdigest()
    if manifest.kind is PackageKind.REPORT:
        summary = decode_report_summary(payload)  # JSON parsed and every field checked at once
        if summary is not None:
            return Package(path, manifest, payload, content_hash, summary, deflated)
    data = _json(path, payload, "dữ liệu")
    return Package(path, manifest, payload, content_hash, deflated=deflated, parsed=data)


def _check_directory(path: Path, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    if len(infos) > MAX_MEMBERS:
        raise BadPackage(path, f"gói chứa {len(infos)} thành phần, quá nhiều.")
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if not _allowed_name(name):
            raise BadPackage(path, f"thành phần lạ “{name[:80]}” (đường dẫn không cho phép).")
        if name in by_name:
            raise BadPackage(path, f"thành phần “{name}” xuất hiện hai lần.")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode) or (mode and not stat.S_ISREG(mode) and stat.S_IFMT(mode)):
            raise BadPackage(path, f"thành phần “{name}” là liên kết hoặc tệp đặc biệt.")
        if info.flag_bits & 0x1:
            raise BadPackage(path, f"thành phần “{name}” được mã hóa.")
        limit = MAX_ATTACHMENT_BYTES if name.startswith(ATTACHMENT_DIR) else MAX_JSON_BYTES
        if info.file_size > limit:
            raise BadPackage(path, f"thành phần “{name}” quá lớn.")
        _check_ratio(path, info, info.file_size)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise BadPackage(path, "dữ liệu giải nén quá lớn.")
        by_name[name] = info
    for required in (MANIFEST_NAME, SIGNATURE_NAME, DATA_NAME):
        if required not in by_name:
            raise BadPackage(path, f"thiếu {required}.")
    return by_name


def _allowed_name(name: str) -> bool:
    if name in (MANIFEST_NAME, SIGNATURE_NAME, DATA_NAME):
        return True
    return name.startswith(ATTACHMENT_DIR) and bool(SHA256.match(name[len(ATTACHMENT_DIR) :]))


def _check_ratio(path: Path, info: zipfile.ZipInfo, inflated: int) -> None:
    if inflated > RATIO_MIN_BYTES and inflated > MAX_RATIO * max(info.compress_size, 1):
        raise BadPackage(path, f"thành phần “{info.filename}” có tỉ lệ nén bất thường (bom nén).")


def _stream(path: Path, archive: _Archive, info: zipfile.ZipInfo, limit: int) -> Any:
    """Yield the member's bytes, refusing as soon as it inflates past the limit or the ratio
    (declared sizes can lie)."""
    inflated = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            inflated += len(chunk)
            if inflated > limit:
                raise BadPackage(path, f"thành phần “{info.filename}” giải nén quá lớn.")
            _check_ratio(path, info, inflated)
            yield chunk


def _member_bytes(path: Path, archive: _Archive, info: zipfile.ZipInfo, limit: int) -> bytes:
    return b"".join(_stream(path, archive, info, limit))


def _inflated(
    path: Path, archive: _Archive, info: zipfile.ZipInfo, limit: int
) -> tuple[bytes, bytes | None]:
    """A member's bytes and, when it is deflated, its compressed bytes as they are in the
    package (data.json is kept as history so, in a seventh of the room). Inflated at once, with
    the limits of ``_stream``: no more than ``limit``, nor past the ratio."""
    if info.compress_type != zipfile.ZIP_DEFLATED or archive.fp is None:
        return _member_bytes(path, archive, info, limit), None
    raw = _raw_member(path, archive.fp, info)
    allowed = min(limit, max(RATIO_MIN_BYTES, MAX_RATIO * max(info.compress_size, 1)))
    inflater = zlib.decompressobj(-15)
    payload = inflater.decompress(raw, allowed + 1)
    if len(payload) > limit:
        raise BadPackage(path, f"thành phần “{info.filename}” giải nén quá lớn.")
    _check_ratio(path, info, len(payload))
    if not inflater.eof or len(payload) != info.file_size:
        raise BadPackage(path, "tệp không phải gói .kscx hoặc đã bị hỏng.")
    return payload, raw


_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, …, name length, extra field length


def _raw_member(path: Path, fp: IO[bytes], info: zipfile.ZipInfo) -> bytes:
    """A member's stored bytes, after its local header (checked as zipfile checks it)."""
    fp.seek(info.header_offset)
    header = fp.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size:
        raise BadPackage(path, "tệp không phải gói .kscx hoặc đã bị hỏng.")
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    if signature != b"PK\x03\x04" or fp.read(name_length) != info.orig_filename.encode():
        raise BadPackage(path, "tệp không phải gói .kscx hoặc đã bị hỏng.")
    fp.seek(extra_length, 1)
    raw = fp.read(info.compress_size)
    if len(raw) != info.compress_size:
        raise BadPackage(path, "tệp không phải gói .kscx hoặc đã bị hỏng.")
    return raw


def _check_hash(path: Path, archive: _Archive, info: zipfile.ZipInfo, sha256: str) -> None:
    digest = hashlib.sha256()
    for chunk in _stream(path, archive, info, MAX_ATTACHMENT_BYTES):
        digest.update(chunk)
    if digest.hexdigest() != sha256:
        raise TamperedPackage(path, f"mã băm của “{info.filename}” không khớp.")


def _utf8(path: Path, payload: bytes, what: str) -> str:
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadPackage(path, f"phần {what} không phải JSON hợp lệ.") from exc


def _json(path: Path, payload: bytes | str, what: str) -> Any:
    text = payload if isinstance(payload, str) else _utf8(path, payload, what)
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:  # ValueError: also a number of 5,000 digits
        raise BadPackage(path, f"phần {what} không phải JSON hợp lệ.") from exc


def _manifest(path: Path, payload: bytes) -> Manifest:
    data = _json(path, payload, "manifest.json")
    try:
        return manifest_from_json(data)
    except UnknownFormat as exc:
        raise UnsupportedPackageVersion(path, str(exc)) from exc
    except InvalidManifest as exc:
        raise BadPackage(path, f"manifest.json: {exc}") from exc


def extract_attachment(package: Package, sha256: str, target: Path) -> None:
    """Copy one attachment (already hash-checked by read_package) to ``target``."""
    with zipfile.ZipFile(package.path) as archive, target.open("wb") as out:
        info = archive.getinfo(ATTACHMENT_DIR + sha256)
        digest = hashlib.sha256()
        for chunk in _stream(package.path, archive, info, MAX_ATTACHMENT_BYTES):
            digest.update(chunk)
            out.write(chunk)
    if digest.hexdigest() != sha256:
        raise TamperedPackage(package.path, f"tệp đính kèm {sha256[:12]}… đã thay đổi.")
