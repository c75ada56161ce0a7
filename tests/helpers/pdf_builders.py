"""Small PDF files written byte by byte: the PDFs an importer must refuse (scanned, encrypted)
and a plain one-page letter. Real plan PDFs come from LibreOffice (see ``pdf_variants``)."""

from pathlib import Path


def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer_extra)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _page_objects(content: bytes, resources: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources "
        + resources
        + b" >>",
        _stream(content),
    ]


def scanned_pdf(path: Path) -> Path:
    """One page holding nothing but a picture (a grey 8x8 image), as a scanner makes it."""
    image = _stream(
        bytes(range(0, 256, 4)),
        b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 ",
    )
    objects = _page_objects(b"q 500 0 0 700 40 60 cm /Im1 Do Q", b"<< /XObject << /Im1 5 0 R >> >>")
    path.write_bytes(_pdf([*objects, image]))
    return path


def text_pdf(path: Path, lines: list[str], font_name: str = "Helvetica") -> Path:
    """A one-page letter (text as Latin-1 bytes, WinAnsi encoding) in ``font_name``."""
    content = (
        b"BT /F1 12 Tf 72 780 Td 16 TL "
        + b" ".join(b"(" + line.encode("latin-1") + b") '" for line in lines)
        + b" ET"
    )
    name = font_name.encode("ascii")
    widths = b" ".join([b"500"] * 224)
    font = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /" + name + b" /Encoding /WinAnsiEncoding "
        b"/FirstChar 32 /LastChar 255 /Widths [" + widths + b"] /FontDescriptor 6 0 R >>"
    )
    descriptor = (
        b"<< /Type /FontDescriptor /FontName /" + name + b" /Flags 32 "
        b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 "
        b"/StemV 80 >>"
    )
    objects = _page_objects(content, b"<< /Font << /F1 5 0 R >> >>")
    path.write_bytes(_pdf([*objects, font, descriptor]))
    return path


def encrypted_pdf(path: Path) -> Path:
    """A PDF that needs a password to open (standard security handler, user password set)."""
    objects = _page_objects(b"BT ET", b"<< >>")
    encrypt = (
        b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
        b"/O <" + b"6b" * 32 + b"> /U <" + b"3c" * 32 + b"> >>"
    )
    file_id = b"<" + b"a1" * 16 + b">"
    data = _pdf([*objects, encrypt], b"/Encrypt 5 0 R /ID [" + file_id + b" " + file_id + b"] ")
    path.write_bytes(data)
    return path


def sign_pdf(source: Path, target: Path, signer: str, signed_at: str) -> Path:
    """``source`` with a detached PKCS#7 signature by a self-signed certificate for ``signer``,
    added as an incremental update (as signing tools do). ``signed_at``: "D:YYYYMMDDhhmmss"."""
    import datetime as dt
    import re

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs7
    from cryptography.x509.oid import NameOID

    data = source.read_bytes()
    tail = data[-1024:]
    root = int(re.findall(rb"/Root (\d+) 0 R", tail)[-1])
    size = int(re.findall(rb"/Size (\d+)", tail)[-1])
    prev = int(re.findall(rb"startxref\s+(\d+)", tail)[-1])
    body = re.search(rb"\n%d 0 obj\s*(.*?)\s*endobj" % root, data, re.S)
    assert body is not None
    catalog = body.group(1).rstrip()[:-2] + b"/AcroForm << /Fields [%d 0 R] /SigFlags 3 >> >>" % (
        size + 1
    )
    hex_size = 8192
    sig_body = (
        b"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached "
        b"/M (" + signed_at.encode("ascii") + b") /ByteRange [0 ~~~~~~~~~~ ~~~~~~~~~~ ~~~~~~~~~~] "
        b"/Contents <" + b"0" * hex_size + b"> >>"
    )
    field = (
        b"<< /FT /Sig /T (Signature1) /V %d 0 R /Type /Annot /Subtype /Widget "
        b"/Rect [0 0 0 0] /F 132 >>" % size
    )
    update = bytearray(b"\n")
    offsets = {}
    for number, obj in ((size, sig_body), (size + 1, field), (root, catalog)):
        offsets[number] = len(data) + len(update)
        update += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(data) + len(update)
    update += b"xref\n0 1\n0000000000 65535 f \n"
    for number in sorted(offsets):
        update += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    update += b"trailer\n<< /Size %d /Root %d 0 R /Prev %d >>\n" % (size + 2, root, prev)
    update += b"startxref\n%d\n%%%%EOF\n" % xref
    signed = bytearray(data + update)
    start = signed.index(b"/Contents <" + b"0" * 16, len(data)) + len(b"/Contents ")
    end = start + hex_size + 2
    ranges = b"%010d %010d %010d" % (start, end, len(signed) - end)
    placeholder = signed.index(b"~~~~~~~~~~ ~~~~~~~~~~ ~~~~~~~~~~")
    signed[placeholder : placeholder + len(ranges)] = ranges
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, signer)])
    now = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=3650))
        .sign(key, hashes.SHA256())
    )
    blob = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(bytes(signed[:start] + signed[end:]))
        .add_signer(certificate, key, hashes.SHA256())
        .sign(
            serialization.Encoding.DER,
            [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary],
        )
    )
    hex_blob = blob.hex().encode("ascii").ljust(hex_size, b"0")
    signed[start + 1 : end - 1] = hex_blob
    target.write_bytes(bytes(signed))
    return target


def unmapped_font_pdf(path: Path) -> Path:
    """Text in a font without a Unicode map: the characters come out as "(cid:65)"."""
    codes = b"".join(b"%04x" % (0x41 + i % 20) for i in range(60))
    content = b"BT /F1 12 Tf 72 700 Td <" + codes + b"> Tj ET"
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+VnTimes /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] >>"
    )
    descendant = (
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+VnTimes /DW 500 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 7 0 R >>"
    )
    descriptor = (
        b"<< /Type /FontDescriptor /FontName /ABCDEF+VnTimes /Flags 4 "
        b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 "
        b"/StemV 80 >>"
    )
    objects = _page_objects(content, b"<< /Font << /F1 5 0 R >> >>")
    path.write_bytes(_pdf([*objects, font, descendant, descriptor]))
    return path
