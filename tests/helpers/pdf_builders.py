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


def text_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page letter in Helvetica (ASCII text only)."""
    content = (
        b"BT /F1 12 Tf 72 780 Td 16 TL "
        + b" ".join(b"(" + line.encode("ascii") + b") '" for line in lines)
        + b" ET"
    )
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objects = _page_objects(content, b"<< /Font << /F1 5 0 R >> >>")
    path.write_bytes(_pdf([*objects, font]))
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
