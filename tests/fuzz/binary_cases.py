"""Fuzz cases of the byte-level formats, PDF and .xls: chunks cut, doubled or lost, flipped bytes,
and (cheaply, in the PDF's own text) huge numbers, deep nesting and objects that point nowhere."""

import random
import re
import struct
import zlib
from pathlib import Path

from helpers import pdf_builders

from fuzz.zip_mutations import flip_bytes, truncate, zero_region

HUGE_NUMBERS = (b"99999999999999999999", b"-2147483649", b"1e999", b"4294967296", b"0", b"-1")
PDF_KEYS = (b"/Count", b"/Length", b"/Size", b"/First", b"/N", b"/W", b"/MediaBox", b"/Widths")


def duplicate_chunk(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data))
    chunk = data[start : start + rng.randint(1, 4096)]
    at = rng.randrange(len(data) + 1)
    return data[:at] + chunk * rng.randint(1, 8) + data[at:]


def remove_chunk(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 4096) :]


BYTE_CASES = {
    "truncate": (truncate, 5),
    "flip-bytes": (flip_bytes, 6),
    "zero-region": (zero_region, 4),
    "duplicate-chunk": (duplicate_chunk, 4),
    "remove-chunk": (remove_chunk, 4),
}


def pdf_bases(folder: Path) -> list[bytes]:
    from fuzz.corpus import fixture_bytes

    letter = pdf_builders.text_pdf(
        folder / "pdf-base-letter.pdf",
        ["UBND HUYEN SON TINH", "KE HOACH kiem soat TTHC nam 2024", "1. Ra soat TTHC Quy I"],
    )
    scanned = pdf_builders.scanned_pdf(folder / "pdf-base-scanned.pdf")
    return [*fixture_bytes("city2023.pdf") * 2, letter.read_bytes(), scanned.read_bytes()]


def pdf_numbers(rng: random.Random, data: bytes) -> bytes:
    """A count, length, size or box of the PDF's own text replaced by a huge or odd number."""
    keys = [k for k in PDF_KEYS if k in data] or [b"/Length"]
    key = rng.choice(keys)
    huge = rng.choice(HUGE_NUMBERS)
    pattern = re.escape(key) + rb"\s*(\[[^\]]*\]|[-+.\d]+)"
    hits = list(re.finditer(pattern, data))
    if not hits:
        return data
    hit = rng.choice(hits)
    value = b"[0 0 " + huge + b" " + huge + b"]" if hit.group(1).startswith(b"[") else huge
    return data[: hit.start(1)] + value + data[hit.end(1) :]


def pdf_objects(rng: random.Random, data: bytes) -> bytes:
    """Objects that nest deeply, refer to themselves or to numbers no table holds."""
    edit = rng.choice(("nest-array", "nest-dict", "bad-ref", "self-kids", "xref-offsets"))
    if edit == "nest-array":
        depth = rng.choice((500, 5_000, 100_000))
        return data.replace(b"/Kids [", b"/Kids [" + b"[" * depth + b"]" * depth + b" ", 1)
    if edit == "nest-dict":
        depth = rng.choice((500, 5_000, 50_000))
        return data.replace(
            b"/Type /Page ",
            b"/Type /Page /X " + b"<< /A " * depth + b"1" + b" >>" * depth + b" ",
            1,
        )
    if edit == "bad-ref":
        return re.sub(
            rb"\b(\d+) 0 R\b",
            lambda _: b"%s 0 R" % rng.choice((*HUGE_NUMBERS[:2], b"99999")),
            data,
            count=rng.randint(1, 6),
        )
    if edit == "self-kids":
        return re.sub(rb"/Parent \d+ 0 R", b"/Parent 3 0 R", data, count=1).replace(
            b"/Kids [", b"/Kids [2 0 R 2 0 R ", 1
        )
    return re.sub(rb"\b\d{10} 00000 n", lambda _: b"%010d 00000 n" % rng.randrange(10**10), data)


def drawing_bomb(rng: random.Random, data: bytes) -> bytes:
    """A one-page PDF of a few kilobytes whose drawing instructions run to megabytes: one
    compressed content stream, or a small form XObject drawn thousands of times."""
    return drawing_bomb_pdf(rng.choice(("stream", "form", "form-in-form", "self-form", "text")))


def drawing_bomb_pdf(kind: str) -> bytes:
    from helpers.pdf_builders import _page_objects, _pdf, _stream

    form = b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
    if kind == "text":  # 100,000 characters on one page, 300 KB of text
        line = b"(" + b" ".join([b"ab"] * 100) + b") '"
        font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        content = b"BT /F1 1 Tf 0 800 Td 0.04 TL " + b" ".join([line] * 1000) + b" ET"
        return _pdf([*_page_objects(content, b"<< /Font << /F1 5 0 R >> >>"), font])
    if kind == "stream":
        packed = zlib.compress(b"0 0 m 1 1 l S " * 1_500_000, 9)
        objects = _page_objects(b"", b"<< >>")
        objects[3] = _stream(packed, b"/Filter /FlateDecode ")
        return _pdf(objects)
    resources = b"<< /XObject << /Fm 5 0 R >> >>"
    if kind == "form":
        drawn = _stream(b"0 0 m 1 1 l S " * 2_000, form)
    elif kind == "form-in-form":
        drawn = _stream(b"/Fm2 Do " * 200, form + b"/Resources << /XObject << /Fm2 6 0 R >> >> ")
    else:
        drawn = _stream(b"/Fm Do ", form + b"/Resources " + resources + b" ")
    objects = _page_objects(b"/Fm Do " * 200, resources)
    return _pdf([*objects, drawn, _stream(b"0 0 m 1 1 l S " * 200, form)])


ODD_RANGES = (
    b"[0 10 20 30]",
    b"[0 900000000 900000000 900000000]",
    b"[-5 10 0 -1]",
    b"[0 99999999999999999999 0 1]",
    b"[1 2 3]",
    b"[(a) /b 1 2]",
    b"5 0 R",
)


def fake_signature(rng: random.Random, data: bytes) -> bytes:
    """A signature form field added as an incremental update, as signing tools add it, with an
    odd byte range, a blob that is no PKCS#7, odd dates and names."""
    tail = data[-1024:]
    roots = re.findall(rb"/Root (\d+) 0 R", tail)
    sizes = re.findall(rb"/Size (\d+)", tail)
    starts = re.findall(rb"startxref\s+(\d+)", tail)
    body = re.search(rb"\n%s 0 obj\s*(.*?)\s*endobj" % roots[-1], data, re.S) if roots else None
    if not (roots and sizes and starts and body):
        return data
    root, size = int(roots[-1]), int(sizes[-1])
    blob = rng.choice(
        (b"", b"00" * 64, bytes(rng.randrange(256) for _ in range(300)).hex().encode())
    )
    sig = (
        b"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /M ("
        + rng.choice((b"D:20240101120000", b"D:99999999999999", b"D:2024", b"", b"\xff\xfe"))
        + b") /Name ("
        + rng.choice((b"Nguyen Van A", b"\xfe\xff\xd8\x00", b"x" * 5000))
        + b") /ByteRange "
        + rng.choice(ODD_RANGES)
        + b" /Contents <"
        + blob
        + b"> >>"
    )
    field = rng.choice(
        (
            b"<< /FT /Sig /T (S1) /V %d 0 R >>" % size,
            b"<< /T (S1) /Kids [%d 0 R %d 0 R] >>" % (size + 1, size + 1),  # a field its own kid
            b"<< /FT /Sig /V 5 >>",
        )
    )
    catalog = body.group(1).rstrip()[:-2] + b"/AcroForm << /Fields [%d 0 R] >> >>" % (size + 1)
    update = bytearray(b"\n")
    offsets = {}
    for number, obj in ((size, sig), (size + 1, field), (root, catalog)):
        offsets[number] = len(data) + len(update)
        update += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(data) + len(update)
    update += b"xref\n0 1\n0000000000 65535 f \n"
    for number in sorted(offsets):
        update += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    update += b"trailer\n<< /Size %d /Root %d 0 R /Prev %s >>\n" % (size + 2, root, starts[-1])
    return data + bytes(update) + b"startxref\n%d\n%%%%EOF\n" % xref


PDF_CASES = {
    **BYTE_CASES,
    "numbers": (pdf_numbers, 6),
    "objects": (pdf_objects, 6),
    "drawing-bomb": (drawing_bomb, 4),
    "fake-signature": (fake_signature, 8),
}


def xls_bases(folder: Path) -> list[bytes]:
    from fuzz.corpus import fixture_bytes

    return fixture_bytes("city2023.xls")


def ole_header(rng: random.Random, data: bytes) -> bytes:
    """The compound file header's counts and first sectors set to huge or looping values."""
    out = bytearray(data)
    if len(out) < 0x200:
        return data
    offset = rng.choice((0x1E, 0x2C, 0x30, 0x38, 0x3C, 0x40, 0x44, 0x48, 0x4C))
    value = rng.choice((0, 1, 0xFFFFFFFE, 0xFFFFFFFF, 0x7FFFFFFF, rng.randrange(2**32)))
    struct.pack_into(
        "<I" if offset != 0x1E else "<H",
        out,
        offset,
        value & (0xFFFF if offset == 0x1E else 0xFFFFFFFF),
    )
    return bytes(out)


def biff_records(rng: random.Random, data: bytes) -> bytes:
    """A cell, the sheet's dimensions or a merged range of the workbook stream set far out:
    row 65,535, column 255, a shared-string index past the table, a merge of the whole sheet."""
    out = bytearray(data)
    edit = rng.choice(("label", "dimensions", "merge"))
    if edit == "label":  # LABELSST: row, column, format, string index
        hits = [m.start() for m in re.finditer(rb"\xfd\x00\x0a\x00", data)]
        for at in rng.sample(hits, min(len(hits), rng.randint(1, 3))):
            field, fmt = rng.choice(((4, "<H"), (6, "<H"), (8, "<H"), (10, "<I")))
            struct.pack_into(fmt, out, at + field, rng.choice((0xFFFF, 0xFF, 0xFFFE, 0x1000)))
    elif edit == "dimensions":  # DIMENSIONS: first row, last row + 1, first column, last + 1
        for m in re.finditer(rb"\x00\x02\x0e\x00", data):
            struct.pack_into("<IIHH", out, m.start() + 4, 0, 0xFFFFFFFF, 0, 0xFFFF)
    else:  # MERGEDCELLS: count, then first row, last row, first column, last column
        for m in re.finditer(rb"\xe5\x00(..)", data, re.S):
            if struct.unpack("<H", m.group(1))[0] >= 10:
                ref = rng.choice(((0, 65535, 0, 255), (5, 4, 3, 2), (0, 0xFFFF, 0, 0xFFFF)))
                struct.pack_into("<HHHH", out, m.start() + 6, *ref)
    return bytes(out)


XLS_CASES = {**BYTE_CASES, "ole-header": (ole_header, 4), "biff-records": (biff_records, 8)}
