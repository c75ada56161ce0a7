"""The office's signing key (made on first use) and the keys it trusts for other offices."""

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kscdesk.domain.exchange import OfficeRef, office_key, same_office
from kscdesk.domain.model import Office
from kscdesk.formats.package.signing import (
    fingerprint,
    generate_key,
    load_private_key,
    public_key_text,
    save_private_key,
)
from kscdesk.services.errors import ServiceError
from kscdesk.services.workspace import Workspace
from kscdesk.store import exchange, offices, settings

KEY_FILE = Path("keys") / "signing_key.pem"
PUBLIC_KEY_SETTING = "signing_public_key"
FINGERPRINT_SETTING = "signing_fingerprint"
SEQUENCE_SETTING = "package_sequence"


class KeyChanged(ServiceError):
    """A known office signed with a new key: refused until the officer accepts it."""


def signing_key(ws: Workspace) -> Ed25519PrivateKey:
    """The office's private key, made and recorded on first use."""
    path = ws.folder / KEY_FILE
    key = load_private_key(path)
    if key is None:
        key = generate_key()
        save_private_key(key, path)
    public = public_key_text(key)
    if settings.get_setting(ws.db, PUBLIC_KEY_SETTING) != public:
        with ws.db.atomic():
            settings.set_setting(ws.db, PUBLIC_KEY_SETTING, public)
            settings.set_setting(ws.db, FINGERPRINT_SETTING, fingerprint(public))
    return key


def own_fingerprint(ws: Workspace) -> str:
    """The fingerprint officers compare by phone (the key is made if there is none yet)."""
    return fingerprint(public_key_text(signing_key(ws)))


def next_sequence(ws: Workspace) -> int:
    """The next sequence number of a package this office writes (1, 2, …)."""
    number = int(settings.get_setting(ws.db, SEQUENCE_SETTING, "0") or "0") + 1
    settings.set_setting(ws.db, SEQUENCE_SETTING, str(number))
    return number


def office_ref(office: Office) -> OfficeRef:
    return OfficeRef(name=office.name, code=office.code, level=office.level.value)


def check_known_key(  # noqa: PLR0913 - the key found and what the package says
    ws: Workspace,
    known: exchange.TrustedKey | None,
    sender: OfficeRef,
    public_key: str,
    office_uid: str | None,
    accept: bool,
) -> None:
    """Trust a new office's key on first use; refuse loudly when a known office's key changed,
    unless the officer accepts the new key (``accept``). ``known``: the key trusted for the
    office, as looked up."""
    if known is not None and not accept and known.public_key == public_key:
        return
    new_fp = fingerprint(public_key)
    if known is None or accept:
        key = office_key(sender.name, sender.code)
        exchange.trust_key(ws.db, key, office_uid, sender.name, public_key, new_fp)
        return
    raise KeyChanged(
        f"KHÓA KÝ CỦA “{sender.label}” ĐÃ THAY ĐỔI. Vân tay đã biết: {known.fingerprint}; "
        f"vân tay trong gói: {new_fp}. Hãy gọi điện cho đơn vị để so vân tay; chỉ khi đúng "
        "mới chấp nhận khóa mới (nhập lại với tùy chọn --accept-new-key)."
    )


def find_office(ws: Workspace, ref: OfficeRef, parent_uid: str | None) -> Office | None:
    """A stored office matching the reference by code (when both have one) or by name."""
    for uid, name, code in exchange.offices_under(ws.db, parent_uid, ref.code):
        if same_office(OfficeRef(name, code), ref):
            return offices.load_office(ws.db, uid)
    return None
