"""Fuzz cases of exchange packages (.kscx): the zip container, the manifest and data JSON (as
sent, and re-signed by the sender's own key so that the content itself is tried), signature and
hash tampering, path names that climb out of a folder, and huge member counts.

The bases are plan packages of the district that the commune set up by the worker has as its
parent (``helpers.exchange_setup``), and report packages of a commune for that district (the
worker's "district" data folder), signed by a fixed key: the same seed gives the same bytes.
"""

import hashlib
import json
import random
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from helpers.exchange_setup import DISTRICT, DISTRICT_CODE, district_plan
from helpers.packages import COMMUNE, report_json

from fuzz.json_cases import ODD_VALUES, _swap
from fuzz.zip_mutations import _members, rebuild
from kscdesk.domain.exchange import OfficeRef, PackageKind
from kscdesk.formats.package.manifest import Manifest
from kscdesk.formats.package.plan_data import plan_to_package_json
from kscdesk.formats.package.signing import sign
from kscdesk.formats.package.writer import write_package

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
SENDER = OfficeRef(DISTRICT, DISTRICT_CODE, "district")
SLIP_NAMES = (
    "../../kscdesk.sqlite3",
    "/etc/passwd",
    "attachments/../../x",
    "C:\\Windows\\x.dll",
    "attachments\\..\\..\\x",
    "attachments/" + "0" * 64 + "/../x",
    "./data.json",
    "data.json\x00.txt",
    "DATA.JSON",
    "attachments/",
)


def _plan_data(tasks: int) -> dict[str, Any]:
    content = district_plan()
    content.tasks = [
        *content.tasks,
        *[
            type(content.tasks[0])("II", str(n), f"Nhiệm vụ thêm {n}", timeframe="Quý III")
            for n in range(5, 5 + tasks)
        ],
    ]
    data = plan_to_package_json(content)
    data["uid"] = f"fuzz-plan-{tasks}"
    for n, item in enumerate([*data["tasks"], *data["indicators"]]):
        item["uid"] = f"fuzz-{tasks}-{n}"
    return data


def _manifest(kind: PackageKind, sequence: int, sender: OfficeRef = SENDER) -> Manifest:
    report = kind is PackageKind.REPORT
    return Manifest(
        kind=kind,
        sender=sender,
        sender_key="",
        recipient=SENDER if report else None,
        period_key="2025-Q1" if report else None,
        created_at=datetime(2025, 1, 6, 8, 0, tzinfo=UTC),
        app_version="fuzz",
        sequence=sequence,
        members={},
        package_id=f"00000000-0000-4000-8000-{sequence + (1000 if report else 0):012d}",
    )


def bases(folder: Path) -> list[bytes]:
    """Plan packages of the district, for the commune the worker sets up."""
    out = []
    for sequence, tasks in ((1, 0), (2, 40)):
        path = folder / f"kscx-base-{sequence}.kscx"
        write_package(path, _manifest(PackageKind.PLAN, sequence), _plan_data(tasks), KEY)
        out.append(path.read_bytes())
    return out


def report_bases(folder: Path) -> list[bytes]:
    """Report packages of a commune (one with a scanned minute attached), for the district the
    worker sets up: the report data (``report_json``) is tried as the plan data is."""
    scan = folder / "kscx-scan.pdf"
    scan.write_bytes(b"%PDF-1.4 bien ban kiem tra")
    attachments = {hashlib.sha256(scan.read_bytes()).hexdigest(): scan}
    out = []
    for sequence, attached in ((1, None), (2, attachments)):
        path = folder / f"kscx-report-base-{sequence}.kscx"
        manifest = _manifest(PackageKind.REPORT, sequence, COMMUNE)
        write_package(path, manifest, report_json(), KEY, attached)
        out.append(path.read_bytes())
    return out


def _parts(base: bytes) -> dict[str, bytes]:
    return dict(_members(base) or [])


def _signed(parts: dict[str, bytes], manifest: dict[str, Any] | None = None) -> bytes:
    """The members with the manifest's hashes brought up to date and the manifest re-signed."""
    if manifest is None:
        manifest = json.loads(parts["manifest.json"])
        # A package id of its own: the same id with other content is refused before its data
        # is read, which would leave the data's own checks untried.
        digest = hashlib.sha256(parts["data.json"]).digest()
        manifest["package_id"] = str(uuid.UUID(bytes=digest[:16], version=4))
        manifest["members"] = {
            name: hashlib.sha256(data).hexdigest()
            for name, data in parts.items()
            if name not in ("manifest.json", "signature.json")
        }
    text = json.dumps(manifest, ensure_ascii=False).encode()
    parts = {**parts, "manifest.json": text}
    parts["signature.json"] = json.dumps(
        {"algorithm": "Ed25519", "signature": sign(KEY, text)}
    ).encode()
    return rebuild(list(parts.items()))


def manifest_json(rng: random.Random, base: bytes) -> bytes:
    """Odd values in the manifest, sent as they are (the signature no longer matches) or
    re-signed (the manifest's own checks are all that stands)."""
    parts = _parts(base)
    manifest = json.loads(parts["manifest.json"])
    for _ in range(rng.randint(1, 4)):
        manifest = _swap(rng, manifest)
    if rng.random() < 0.5:
        parts["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
        return rebuild(list(parts.items()))
    return _signed(parts, manifest if isinstance(manifest, dict) else {"x": manifest})


def manifest_fields(rng: random.Random, base: bytes) -> bytes:
    """One field of a re-signed manifest given a value the sender would never write."""
    parts = _parts(base)
    manifest = json.loads(parts["manifest.json"])
    field = rng.choice(
        (
            "format",
            "kind",
            "package_id",
            "created_at",
            "sequence",
            "period",
            "sender",
            "recipient",
            "members",
        )
    )
    manifest[field] = rng.choice(
        (
            *ODD_VALUES,
            "kscdesk.package/999",
            "report",
            "receipt",
            "9999-99-99T99:99:99",
            "2025-Q9",
            2**70,
            {"name": DISTRICT, "code": DISTRICT_CODE, "level": "galaxy", "public_key": "AAAA"},
            {"name": "UBND xã Khác", "code": "1", "level": "commune"},
            {"../x": "0" * 64},
        )
    )
    return _signed(parts, manifest)


def data_json(rng: random.Random, base: bytes) -> bytes:
    """The plan data with odd values, re-signed: only the plan's own checks refuse it."""
    parts = _parts(base)
    edit = rng.choice(("swap", "swap", "deep", "huge-number", "huge-text", "not-json"))
    if edit == "swap":
        data = json.loads(parts["data.json"])
        for _ in range(rng.randint(1, 5)):
            data = _swap(rng, data)
        parts["data.json"] = json.dumps(data, ensure_ascii=False).encode()
    elif edit == "deep":
        depth = rng.choice((1_000, 100_000))
        parts["data.json"] = (
            b'{"schema": "kscdesk.plan/1", "tasks": ' + b"[" * depth + b"]" * depth + b"}"
        )
    elif edit == "huge-number":
        parts["data.json"] = parts["data.json"].replace(b'"year":2025', b'"year":' + b"9" * 5000, 1)
    elif edit == "huge-text":
        data = json.loads(parts["data.json"])
        data["tasks"][0]["content"] = "x" * 200_001
        parts["data.json"] = json.dumps(data).encode()
    else:
        parts["data.json"] = rng.choice((b"\xff\xfe{}", b"", b"[1,", b"NaN", b'"\\ud800"'))
    return _signed(parts)


def tamper(rng: random.Random, base: bytes) -> bytes:
    """Changes the signature no longer covers: data, manifest hashes, the signature, the key."""
    parts = _parts(base)
    edit = rng.choice(("data", "hash", "signature", "key", "algorithm", "foreign-key"))
    if edit == "data":
        parts["data.json"] = parts["data.json"].replace("Quý I".encode(), "Quý IV".encode(), 1)
    elif edit == "hash":
        manifest = json.loads(parts["manifest.json"])
        manifest["members"]["data.json"] = "f" * 64
        parts["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    elif edit == "signature":
        signature = json.loads(parts["signature.json"])
        signature["signature"] = rng.choice(
            ("", "AAAA", "!!!", signature["signature"][::-1], "A" * 100_000)
        )
        parts["signature.json"] = json.dumps(signature).encode()
    elif edit == "key":
        manifest = json.loads(parts["manifest.json"])
        manifest["sender"]["public_key"] = rng.choice(("", "AAAA", "not base64!", "A" * 44))
        parts["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    elif edit == "algorithm":
        parts["signature.json"] = rng.choice((b"[]", b'{"signature": 5}', b"x" * 5000))
    else:
        other = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
        parts["signature.json"] = json.dumps(
            {"algorithm": "Ed25519", "signature": sign(other, parts["manifest.json"])}
        ).encode()
    return rebuild(list(parts.items()))


def slip_names(rng: random.Random, base: bytes) -> bytes:
    """A member whose name climbs out of the folder, is absolute or has a drive, listed in the
    manifest and re-signed (so that nothing but the name check refuses it) or just added."""
    parts = _parts(base)
    name = rng.choice(SLIP_NAMES)
    parts[name] = b"hostile"
    if rng.random() < 0.5:
        return rebuild(list(parts.items()))
    return _signed(parts)


def many_members(rng: random.Random, base: bytes) -> bytes:
    parts = list(_parts(base).items())
    count = rng.choice((5_001, 20_000))
    parts += [(f"attachments/{n:064x}", b"") for n in range(count)]
    return rebuild(parts, method=0)


def bomb(rng: random.Random, base: bytes) -> bytes:
    """A member that inflates a hundredfold and more, listed and signed: data.json padded with
    spaces, or an attachment of zeros."""
    parts = _parts(base)
    if rng.random() < 0.5:
        parts["data.json"] = parts["data.json"] + b" " * rng.choice((3, 70)) * 1024 * 1024
    else:
        zeros = bytes(rng.choice((2, 20)) * 1024 * 1024)
        parts[f"attachments/{hashlib.sha256(zeros).hexdigest()}"] = zeros
    return _signed(parts)


def many_records(rng: random.Random, base: bytes) -> bytes:
    """A signed plan with more tasks or indicators than any plan has."""
    parts = _parts(base)
    data = json.loads(parts["data.json"])
    key = rng.choice([k for k in ("tasks", "indicators", "sections") if data.get(k)])
    count = rng.choice((10_001, 30_000))
    template = data[key][0]
    data[key] = [{**template, "uid": f"u{n}", "number": str(n)} for n in range(count)]
    parts["data.json"] = json.dumps(data, ensure_ascii=False).encode()
    return _signed(parts)


CASES = {
    "manifest-json": (manifest_json, 6),
    "manifest-fields": (manifest_fields, 8),
    "data-json": (data_json, 8),
    "tamper": (tamper, 6),
    "slip-names": (slip_names, 6),
    "many-members": (many_members, 2),
    "bomb": (bomb, 3),
    "many-records": (many_records, 3),
}


def package_import(path: Path) -> list[str]:
    """Every other case is a dry run; the others store what they are given. Older packages are
    taken (--allow-older): a case is not refused for coming after one with a higher number."""
    dry = ["--dry-run"] if int(path.stem.rsplit("-", 1)[-1]) % 2 else []
    return ["package", "import", str(path), *dry, "--allow-older", "--json"]
