"""The office's signing key (made on first use) and the keys it trusts for other offices."""

from collections.abc import Iterable
from itertools import chain
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kscdesk.domain.exchange import OfficeRef, office_key, same_office
from kscdesk.domain.model import Office
from kscdesk.domain.text import nfc
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


_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_Row = tuple[str, str, str, str]  # uid, name, code, and the code as find_office's query sees it


def _row(uid: str, name: str, code: str) -> _Row:
    return uid, name, code, code.strip(" ").translate(_ASCII_UPPER)  # SQLite's upper(trim())


class OfficesBelow:
    """`find_office` under one office for a batch that matches many senders there: the offices
    are read once, in the store's order, instead of all again for each new sender; those the
    batch adds follow. An office added is counted once its package is kept (`keep`), and
    forgotten when it is not (`drop`). Only for a batch holding the write transaction."""

    def __init__(self, parent_uid: str) -> None:
        self.parent_uid = parent_uid
        self._rows: list[_Row] | None = None  # read on first use
        self._by_code: dict[str, list[int]] = {}  # code as the query sees it → rows
        self._added: list[_Row] = []  # by the package being imported

    def find(self, ws: Workspace, ref: OfficeRef) -> Office | None:
        """``find_office(ws, ref, parent_uid)``, from the offices already read."""
        if self._rows is None:
            self._rows = []
            for uid, name, code in exchange.offices_under(ws.db, self.parent_uid):
                self._append(_row(uid, name, code))
        rows: Iterable[_Row] = self._rows
        code = ref.code.strip().upper() if ref.code.strip() else ""
        if code:  # only the offices find_office's query keeps: no code, or this one
            kept = sorted(chain(self._by_code.get("", ()), self._by_code.get(code, ())))
            rows = [self._rows[n] for n in kept]
        for uid, name, stored, compared in chain(rows, self._added):
            if code and compared not in ("", code):
                continue
            if same_office(OfficeRef(name, stored), ref):
                return offices.load_office(ws.db, uid)
        return None

    def _append(self, row: _Row) -> None:
        assert self._rows is not None
        self._by_code.setdefault(row[3], []).append(len(self._rows))
        self._rows.append(row)

    def add(self, office: Office) -> None:
        """An office just saved under ``parent_uid`` (as the store keeps it: NFC)."""
        if self._rows is not None:  # else the first read will find it, if it is kept
            self._added.append(_row(office.uid, nfc(office.name), nfc(office.code)))

    def keep(self) -> None:
        for row in self._added:
            self._append(row)
        self._added = []

    def drop(self) -> None:
        self._added = []
