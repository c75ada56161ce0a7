"""Building exchange packages for tests, including malformed and hostile ones."""

import io
import json
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kscdesk.domain.exchange import OfficeRef, PackageKind
from kscdesk.formats.package.manifest import Manifest
from kscdesk.formats.package.writer import write_package

COMMUNE = OfficeRef("UBND xã Tịnh Hà", "21001", "commune")
PARENT = OfficeRef("UBND huyện Sơn Tịnh", "212", "district")


def report_json(period: str = "2025-Q1") -> dict[str, Any]:
    return {
        "schema": "kscdesk.report/1",
        "period": period,
        "plan": {"uid": "p1", "title": "Kế hoạch", "year": 2025, "parent_plan_uid": "pp"},
        "tasks": [
            {
                "uid": "t1",
                "parent_task_uid": "pt1",
                "section": "I",
                "number": "1",
                "sub": None,
                "content": "Rà soát",
                "status": "done",
                "completed_on": "2025-02-01",
                "note": "",
            }
        ],
        "evidence": [],
        "indicators": [
            {
                "uid": "i1",
                "number": "1",
                "name": "Tỷ lệ hồ sơ trực tuyến",
                "unit": "%",
                "target": "Tối thiểu 80",
                "numerator": 8,
                "denominator": 10,
                "note": "",
            }
        ],
        "report_text": "",
    }


def make_package(
    out: Path,
    key: Ed25519PrivateKey,
    *,
    kind: PackageKind = PackageKind.REPORT,
    data: dict[str, Any] | None = None,
    sequence: int = 1,
    attachments: dict[str, Path] | None = None,
) -> Manifest:
    manifest = Manifest(
        kind=kind,
        sender=COMMUNE,
        sender_key="",
        recipient=PARENT,
        period_key="2025-Q1",
        created_at=datetime(2025, 3, 16, 9, 0).astimezone(),
        app_version="test",
        sequence=sequence,
        members={},
    )
    return write_package(out, manifest, data or report_json(), key, attachments)


def rewrite(source: Path, out: Path, change: Any) -> Path:
    """Copy a package, letting ``change(name, bytes)`` return new bytes (or None to drop)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(buffer, "w") as new:
        for info in old.infolist():
            result = change(info.filename, old.read(info))
            if result is not None:
                new.writestr(info.filename, result, compress_type=zipfile.ZIP_DEFLATED)
    out.write_bytes(buffer.getvalue())
    return out


def edit_manifest(source: Path, out: Path, edit: Any) -> Path:
    def change(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        edit(manifest)
        return json.dumps(manifest).encode()

    return rewrite(source, out, change)


def resign(source: Path, out: Path, key: Ed25519PrivateKey, change: Any) -> Path:
    """Change members with ``change(name, bytes)``, then fix the manifest hashes and re-sign:
    a package whose signature is valid but whose content is hostile."""
    import hashlib

    from kscdesk.formats.package.signing import sign

    members: dict[str, bytes] = {}
    with zipfile.ZipFile(source) as old:
        for info in old.infolist():
            result = change(info.filename, old.read(info))
            if result is not None:
                members[info.filename] = result
    manifest = json.loads(members["manifest.json"])
    manifest["members"] = {
        name: hashlib.sha256(data).hexdigest()
        for name, data in members.items()
        if name not in ("manifest.json", "signature.json")
    }
    change_manifest = change("manifest.json:edit", b"")
    if callable(change_manifest):
        change_manifest(manifest)
    members["manifest.json"] = json.dumps(manifest).encode()
    members["signature.json"] = json.dumps(
        {"algorithm": "Ed25519", "signature": sign(key, members["manifest.json"])}
    ).encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in members.items():
            new.writestr(name, data)
    return out
