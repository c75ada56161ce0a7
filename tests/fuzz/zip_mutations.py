"""Mutations of any zip-based file (.docx, .xlsx, .ods, exchange packages): the container level.

Each mutation takes a seeded ``random.Random`` and the original bytes and returns new bytes; none
of them knows what the parts mean, so every zip-based format shares them.
"""

import random
import re
import struct
import warnings
import zipfile
from collections.abc import Callable
from io import BytesIO

ZipMutation = Callable[[random.Random, bytes], bytes]

EXOTIC_METHODS = (1, 6, 9, 12, 14, 19, 93, 95, 97, 98, 99, 0xFFFF)


def _central(data: bytes) -> list[tuple[int, int]]:
    """(central record offset, local header offset) of every entry."""
    found = []
    offset = data.find(b"PK\x01\x02")
    while offset != -1 and offset + 46 <= len(data):
        name_len = struct.unpack_from("<H", data, offset + 28)[0]
        found.append((offset, struct.unpack_from("<I", data, offset + 42)[0]))
        offset = data.find(b"PK\x01\x02", offset + 46 + name_len)
    return found


def _pick(
    rng: random.Random, data: bytes, among: list[tuple[int, int]] | None = None
) -> tuple[bytearray, int, int]:
    out = bytearray(data)
    entries = among or _central(data) or [(0, 0)]
    central, local = rng.choice(entries)
    return out, central, min(local, max(len(out) - 30, 0))


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(0, max(len(data), 1))]


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def zero_region(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    start = rng.randrange(len(out))
    length = rng.randint(1, 512)
    out[start : start + length] = bytes(len(out[start : start + length]))
    return bytes(out)


def encrypted_flag(
    rng: random.Random, data: bytes, among: list[tuple[int, int]] | None = None
) -> bytes:
    out, central, local = _pick(rng, data, among)
    for offset in (central + 8, local + 6):
        if offset + 2 <= len(out):
            value = struct.unpack_from("<H", out, offset)[0]
            struct.pack_into("<H", out, offset, value | rng.choice((0x1, 0x41, 0x2001)))
    return bytes(out)


def exotic_method(
    rng: random.Random, data: bytes, among: list[tuple[int, int]] | None = None
) -> bytes:
    out, central, local = _pick(rng, data, among)
    method = rng.choice(EXOTIC_METHODS)
    for offset in (central + 10, local + 8):
        if offset + 2 <= len(out):
            struct.pack_into("<H", out, offset, method)
    return bytes(out)


def lie_about_size(rng: random.Random, data: bytes) -> bytes:
    out, central, local = _pick(rng, data)
    size = rng.choice((0, 1, 2**31 - 1, 2**32 - 1, rng.randrange(2**32)))
    for offset in (central + 24, local + 22):
        if offset + 4 <= len(out):
            struct.pack_into("<I", out, offset, size)
    return bytes(out)


def corrupt_stream(
    rng: random.Random, data: bytes, among: list[tuple[int, int]] | None = None
) -> bytes:
    out, central, local = _pick(rng, data, among)
    size = struct.unpack_from("<I", out, central + 20)[0] if central + 24 <= len(out) else 0
    if local + 30 > len(out):
        return bytes(out)
    name_len, extra_len = struct.unpack_from("<HH", out, local + 26)
    start = local + 30 + name_len + extra_len + rng.randrange(max(size, 1))
    for i in range(start, min(start + rng.randint(1, 16), len(out))):
        out[i] = rng.randrange(256)
    return bytes(out)


def _members(data: bytes) -> list[tuple[str, bytes]] | None:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return [(info.filename, archive.read(info)) for info in archive.infolist()]
    except Exception:
        return None


def rebuild(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile: "Duplicate name"
        with zipfile.ZipFile(buffer, "w", method, compresslevel=1) as archive:
            for name, content in members:
                # A fixed time stamp: the same seed gives the same bytes.
                info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = method
                archive.writestr(info, content)
    return buffer.getvalue()


def duplicate_entry(rng: random.Random, data: bytes) -> bytes:
    members = _members(data)
    if not members:
        return data
    name, content = rng.choice(members)
    twin = content if rng.random() < 0.5 else b"<junk/>"
    if rng.random() < 0.3:
        name = name.upper()  # part names are case-insensitive
    members.insert(rng.randrange(len(members) + 1), (name, twin))
    return rebuild(members)


def drop_entry(rng: random.Random, data: bytes) -> bytes:
    members = _members(data)
    if not members:
        return data
    members.pop(rng.randrange(len(members)))
    return rebuild(members)


def shuffle_entries(rng: random.Random, data: bytes) -> bytes:
    members = _members(data)
    if not members:
        return data
    rng.shuffle(members)
    return rebuild(members, rng.choice((zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)))


def binary_part(rng: random.Random, data: bytes) -> bytes:
    """A picture or other part the importer never reads, flagged encrypted, claiming an exotic
    method or with a broken stream (a damaged thumbnail)."""
    members = _members(data)
    if not members:
        return data
    if not any(not name.endswith((".xml", ".rels")) for name, _ in members):
        members.append(("docProps/thumbnail.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8))
        data = rebuild(members)
    targets = [
        (central, local)
        for central, local in _central(data)
        if not data[central + 46 : central + 46 + struct.unpack_from("<H", data, central + 28)[0]]
        .lower()
        .endswith((b".xml", b".rels"))
    ]
    mutate = rng.choice((encrypted_flag, exotic_method, corrupt_stream))
    return mutate(rng, data, targets)


ZIP_MUTATIONS: dict[str, ZipMutation] = {
    "binary-part": binary_part,
    "truncate": truncate,
    "flip-bytes": flip_bytes,
    "zero-region": zero_region,
    "encrypted-flag": encrypted_flag,
    "exotic-method": exotic_method,
    "lie-about-size": lie_about_size,
    "corrupt-stream": corrupt_stream,
    "duplicate-entry": duplicate_entry,
    "drop-entry": drop_entry,
    "shuffle-entries": shuffle_entries,
}


def replace_member(data: bytes, member: str, content: bytes) -> bytes:
    """The archive with ``member`` replaced (or added)."""
    members = _members(data) or []
    names = [name for name, _ in members]
    if member in names:
        members[names.index(member)] = (member, content)
    else:
        members.append((member, content))
    return rebuild(members)


def member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return archive.read(name)


_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*")


def normalized(data: bytes) -> bytes:
    """The archive with fixed time stamps (zip entries, document properties): a base file built
    today and one built tomorrow give the same corpus."""
    members = _members(data)
    if members is None:
        return data
    return rebuild([(n, _STAMP.sub(rb"\g<1>2026-01-01T00:00:00Z", c)) for n, c in members])
