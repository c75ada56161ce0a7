"""Writing a signed package: members hashed into the manifest, the manifest signed, written
to a temporary file and moved into place."""

import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kscdesk.formats.package.manifest import (
    ATTACHMENT_DIR,
    DATA_NAME,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    Manifest,
)
from kscdesk.formats.package.signing import public_key_text, sign

PACKAGE_SUFFIX = ".kscx"


def data_bytes(data: Mapping[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_package(
    out: Path,
    manifest: Manifest,
    data: Mapping[str, Any],
    key: Ed25519PrivateKey,
    attachments: Mapping[str, Path] | None = None,
) -> Manifest:
    """Write the package to ``out``; ``attachments`` maps each SHA-256 to the file holding it.

    Returns the manifest as written (member hashes and sender key filled in).
    """
    payload = data_bytes(data)
    members = {DATA_NAME: hashlib.sha256(payload).hexdigest()}
    for sha256 in attachments or {}:
        members[ATTACHMENT_DIR + sha256] = sha256
    manifest = replace(manifest, members=members, sender_key=public_key_text(key))
    manifest_bytes = manifest.to_bytes()
    signature = json.dumps({"algorithm": "Ed25519", "signature": sign(key, manifest_bytes)})
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".kscx-", suffix=".tmp", dir=out.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST_NAME, manifest_bytes)
            archive.writestr(SIGNATURE_NAME, signature)
            archive.writestr(DATA_NAME, payload)
            for sha256, path in (attachments or {}).items():
                # Attachments are mostly PDFs and scans: stored, not compressed again.
                archive.write(path, ATTACHMENT_DIR + sha256, compress_type=zipfile.ZIP_STORED)
        os.replace(temp, out)
    finally:
        temp.unlink(missing_ok=True)
    return manifest
