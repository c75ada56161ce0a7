"""Digital signatures of a PDF (the document system signs decisions): who signed, when, and
whether the file was changed after signing. Reported in the import preview; never blocks import.

Read with pdfminer (the form field of type /Sig) and cryptography (the signer's certificate in the
PKCS#7 blob). "Changed after signing": bytes appended after the signed byte range (an incremental
update), or signed bytes that no longer hash to the digest the signature carries. The certificate
chain is not verified (no internet, no trust store): the signer's name is as the certificate says.
"""

import datetime as dt
import hashlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kscdesk.domain.model import ImportWarning
from kscdesk.domain.text import nfc

log = logging.getLogger(__name__)

_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?")
_MAX_FIELDS = 200


@dataclass(frozen=True)
class PdfSignature:
    signer: str
    signed_at: dt.datetime | None
    changed_after: bool


def read_signatures(path: Path) -> list[PdfSignature]:
    """Every signature field with a value, in the order of the form."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    size = path.stat().st_size
    found: list[PdfSignature] = []
    with path.open("rb") as stream:
        document = PDFDocument(PDFParser(stream))
        form = resolve1(document.catalog.get("AcroForm"))
        if not isinstance(form, dict):
            return []
        pending = [(ref, "") for ref in resolve1(form.get("Fields")) or []]
        seen = 0
        while pending and seen < _MAX_FIELDS:
            seen += 1
            ref, inherited = pending.pop(0)
            field = resolve1(ref)
            if not isinstance(field, dict):
                continue
            kind = _name(field.get("FT")) or inherited  # a widget inherits its field's type
            pending.extend((kid, kind) for kid in resolve1(field.get("Kids")) or [])
            value = resolve1(field.get("V"))
            if kind == "Sig" and isinstance(value, dict):
                found.append(_signature(path, value, size, resolve1))
    return found


def _name(value: Any) -> str:
    return str(getattr(value, "name", value or ""))


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff"):
            return nfc(value[2:].decode("utf-16-be", errors="replace"))
        return nfc(value.decode("latin-1"))
    return nfc(str(value or ""))


def _signature(path: Path, value: dict[str, Any], size: int, resolve: Any) -> PdfSignature:
    contents = resolve(value.get("Contents"))
    signer = _certificate_name(contents) if isinstance(contents, bytes) else ""
    signer = signer or _text(resolve(value.get("Name")))
    byte_range = [int(resolve(v)) for v in resolve(value.get("ByteRange")) or []]
    covered = byte_range[2] + byte_range[3] if len(byte_range) == 4 else size
    intact = isinstance(contents, bytes) and _digest_matches(path, byte_range, contents)
    changed = covered < size - 2 or not intact
    return PdfSignature(signer, _pdf_date(_text(resolve(value.get("M")))), changed)


def _digest_matches(path: Path, byte_range: list[int], blob: bytes) -> bool:
    """The signed bytes still hash to the digest the signature carries (its messageDigest
    attribute holds the raw hash, so it is found inside the PKCS#7 blob)."""
    if len(byte_range) != 4 or min(byte_range) < 0:
        return False
    with path.open("rb") as stream:
        size = os.fstat(stream.fileno()).st_size  # a range of 900 MB must not allocate 900 MB
        stream.seek(byte_range[0])
        first = stream.read(min(byte_range[1], size))
        stream.seek(byte_range[2])
        second = stream.read(min(byte_range[3], size))
    for name in ("sha256", "sha1", "sha384", "sha512"):
        digest = hashlib.new(name, first + second).digest()
        if digest in blob:
            return True
    return False


def _certificate_name(blob: bytes) -> str:
    """The common name (and organisation) of the signer's certificate in a PKCS#7 blob."""
    from cryptography.hazmat.primitives.serialization import pkcs7
    from cryptography.x509.oid import NameOID

    try:
        certificates = pkcs7.load_der_pkcs7_certificates(blob.rstrip(b"\0"))
    except Exception:  # any malformed blob: fall back on the /Name entry
        return ""
    for certificate in certificates:
        if certificate.subject != certificate.issuer or len(certificates) == 1:
            subject = certificate.subject
            names = [str(a.value) for a in subject.get_attributes_for_oid(NameOID.COMMON_NAME)]
            units = [
                str(a.value) for a in subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
            ]
            name = names[0] if names else ""
            if units and units[0] != name:
                name = f"{name} ({units[0]})" if name else units[0]
            return nfc(name)
    return ""


def _pdf_date(text: str) -> dt.datetime | None:
    match = _PDF_DATE.search(text)
    if match is None:
        return None
    parts = [int(g) if g else 0 for g in match.groups()]
    try:
        return dt.datetime(*parts)  # type: ignore[arg-type]
    except ValueError:
        return None


def signature_notices(path: Path) -> list[ImportWarning]:
    """One preview line per signature; nothing when the file has none or cannot say."""
    try:
        signatures = read_signatures(path)
    except Exception as exc:  # a damaged form dictionary must not stop the import
        log.info("PDF signature not readable: %s", type(exc).__name__)
        return []
    return [ImportWarning(describe(signature)) for signature in signatures]


def describe(signature: PdfSignature) -> str:
    who = f"của “{signature.signer}”" if signature.signer else "(không rõ người ký)"
    when = f", ký lúc {signature.signed_at:%H:%M ngày %d/%m/%Y}" if signature.signed_at else ""
    state = (
        "tệp ĐÃ BỊ THAY ĐỔI sau khi ký, hãy đối chiếu với bản gốc"
        if signature.changed_after
        else "tệp không bị thay đổi sau khi ký"
    )
    return f"Tệp PDF có chữ ký số {who}{when}; {state}."
