"""The package manifest ("kscdesk.package/1"): who sends what to whom, and every member's hash."""

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from kscdesk.domain.exchange import OfficeRef, PackageKind
from kscdesk.domain.period import InvalidPeriod, parse_period_key
from kscdesk.domain.text import nfc

FORMAT = "kscdesk.package/1"
FORMAT_PREFIX = "kscdesk.package/"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "signature.json"
DATA_NAME = "data.json"
ATTACHMENT_DIR = "attachments/"
SHA256 = re.compile(r"^[0-9a-f]{64}$")


@lru_cache(maxsize=256)
def period_key(text: str) -> str:
    """The period key as written by `Period.key` (InvalidPeriod if it is none): a parent reads
    the same few keys thousands of times, in each manifest and its report."""
    return parse_period_key(text).key


class InvalidManifest(Exception):
    """A manifest field is missing or of the wrong shape; the message (Vietnamese) says which."""


class UnknownFormat(InvalidManifest):
    """The manifest names a package format this version does not know."""


@dataclass(frozen=True)
class Manifest:
    kind: PackageKind
    sender: OfficeRef
    sender_key: str  # base64 Ed25519 public key of the sending office
    recipient: OfficeRef | None  # None: every commune of the sender (plan packages)
    period_key: str | None  # None for plans
    created_at: datetime
    app_version: str
    sequence: int
    members: dict[str, str]  # member name → SHA-256 (data.json and attachments)
    package_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def to_bytes(self) -> bytes:
        data = {
            "format": FORMAT,
            "kind": self.kind.value,
            "package_id": self.package_id,
            "sender": {**_office_json(self.sender), "public_key": self.sender_key},
            "recipient": _office_json(self.recipient) if self.recipient else None,
            "period": self.period_key,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "app_version": self.app_version,
            "sequence": self.sequence,
            "members": dict(sorted(self.members.items())),
        }
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _office_json(office: OfficeRef) -> dict[str, str]:
    return {"name": office.name, "code": office.code, "level": office.level}


def manifest_from_json(data: object) -> Manifest:
    """Validate a parsed manifest; InvalidManifest (or UnknownFormat) says what is wrong."""
    if not isinstance(data, dict):
        raise InvalidManifest("manifest.json phải là một đối tượng JSON.")
    fmt = data.get("format")
    if not isinstance(fmt, str) or not fmt.startswith(FORMAT_PREFIX):
        raise InvalidManifest("manifest.json không phải của gói kscdesk (thiếu “format”).")
    if fmt != FORMAT:
        raise UnknownFormat(f"định dạng “{fmt}” (phiên bản này đọc “{FORMAT}”).")
    try:
        kind = PackageKind(_text(data, "kind"))
    except ValueError as exc:
        raise InvalidManifest("“kind” phải là plan, report hoặc receipt.") from exc
    package_id = _text(data, "package_id")
    try:
        uuid.UUID(package_id)
    except ValueError as exc:
        raise InvalidManifest("“package_id” không phải UUID.") from exc
    sender_data = _mapping(data.get("sender"), "sender")
    sender_key = _text(sender_data, "public_key")
    recipient_data = data.get("recipient")
    recipient = None if recipient_data is None else _office(recipient_data, "recipient")
    period = data.get("period")
    if period is not None:
        if not isinstance(period, str):
            raise InvalidManifest("“period” phải là chuỗi.")
        try:
            period = period_key(period)
        except InvalidPeriod as exc:
            raise InvalidManifest(str(exc)) from exc
    try:
        created_at = datetime.fromisoformat(_text(data, "created_at"))
    except ValueError as exc:
        raise InvalidManifest("“created_at” không phải thời điểm ISO 8601.") from exc
    sequence = data.get("sequence")
    if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 0:
        raise InvalidManifest("“sequence” phải là số nguyên không âm.")
    members = _mapping(data.get("members"), "members")
    for name, digest in members.items():
        if not isinstance(digest, str) or not SHA256.match(digest):
            raise InvalidManifest(f"mã băm của “{name}” không phải SHA-256.")
    return Manifest(
        kind=kind,
        sender=_office(sender_data, "sender"),
        sender_key=sender_key,
        recipient=recipient,
        period_key=period,
        created_at=created_at,
        app_version=_text(data, "app_version"),
        sequence=sequence,
        members=dict(members),
        package_id=package_id,
    )


def _mapping(value: object, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidManifest(f"“{what}” phải là một đối tượng JSON.")
    return value


def _text(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if not isinstance(value, str):
        raise InvalidManifest(f"thiếu “{key}” hoặc “{key}” không phải chuỗi.")
    return nfc(value)


def _office(value: object, what: str) -> OfficeRef:
    record = _mapping(value, what)
    name = _text(record, "name").strip()
    if not name:
        raise InvalidManifest(f"“{what}.name” trống.")
    code = record.get("code") or ""
    level = record.get("level") or ""
    if not isinstance(code, str) or not isinstance(level, str):
        raise InvalidManifest(f"“{what}.code” và “{what}.level” phải là chuỗi.")
    return OfficeRef(name=name, code=nfc(code).strip(), level=level)
