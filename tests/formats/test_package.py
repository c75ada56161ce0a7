"""The .kscx package: written signed, read back, and every malformed or hostile file refused
with a Vietnamese message naming it."""

import json
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.packages import edit_manifest, make_package, report_json, resign, rewrite
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kscdesk.domain.exchange import PackageKind
from kscdesk.formats.package.errors import BadPackage, TamperedPackage, UnsupportedPackageVersion
from kscdesk.formats.package.reader import read_package
from kscdesk.formats.package.report_json import InvalidData, report_from_json, report_to_json
from kscdesk.formats.package.signing import fingerprint, generate_key, public_key_text

KEY = generate_key()


@pytest.fixture
def good(tmp_path: Path) -> Path:
    attachment = tmp_path / "scan.pdf"
    attachment.write_bytes(b"%PDF-1.4 scan")
    import hashlib

    sha = hashlib.sha256(attachment.read_bytes()).hexdigest()
    out = tmp_path / "good.kscx"
    make_package(out, KEY, attachments={sha: attachment})
    return out


def test_a_written_package_reads_back_with_its_manifest_data_and_attachments(good: Path) -> None:
    package = read_package(good)
    assert package.manifest.kind is PackageKind.REPORT
    assert package.manifest.sender.code == "21001"
    assert package.manifest.sender_key == public_key_text(KEY)
    assert package.data == report_json()
    assert len(package.attachment_hashes) == 1
    assert len(package.content_hash) == 64


def test_report_data_survives_a_round_trip_through_json() -> None:
    report = report_from_json(report_json())
    assert report_from_json(report_to_json(report)) == report
    assert report.tasks[0].status == "done"


def test_a_status_from_another_vocabulary_passes_through_as_a_string() -> None:
    data = report_json()
    data["tasks"][0]["status"] = "done_late"
    assert report_from_json(data).tasks[0].status == "done_late"


def test_a_fingerprint_is_eight_groups_of_four_hex_digits() -> None:
    groups = fingerprint(public_key_text(KEY)).split(" ")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)


def _zip(out: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out


def _symlink(out: Path, good: Path) -> Path:
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        link = zipfile.ZipInfo("attachments/" + "a" * 64)
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        new.writestr(link, "/etc/passwd")
    return out


def _bomb(out: Path, good: Path) -> Path:
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
        new.writestr("attachments/" + "b" * 64, b"\0" * (30 * 1024 * 1024))
    return out


def _encrypted(out: Path, good: Path) -> Path:
    raw = bytearray(good.read_bytes())
    central = raw.find(b"PK\x01\x02")  # first central directory entry: set "encrypted"
    raw[central + 8] |= 0x1
    out.write_bytes(bytes(raw))
    return out


def _many(out: Path, good: Path) -> Path:
    with zipfile.ZipFile(out, "w") as new:
        for i in range(5001):
            new.writestr(f"attachments/{i:064x}", b"")
    return out


def _duplicate(out: Path, good: Path) -> Path:
    import warnings

    with zipfile.ZipFile(good) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            new.writestr("data.json", b"{}")
    return out


def _data(change: Callable[[bytes], bytes]) -> Callable[[str, bytes], object]:
    def edit(name: str, data: bytes) -> object:
        return change(data) if name == "data.json" else (None if ":" in name else data)

    return edit


HOSTILE: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "not a zip": (lambda out, g: (out.write_bytes(b"MZ\x90\0 not a zip"), out)[1], "bị hỏng"),
    "empty file": (lambda out, g: (out.write_bytes(b""), out)[1], "bị hỏng"),
    "zip slip": (lambda out, g: _zip(out, {"../../evil.txt": b"x"}), "đường dẫn"),
    "absolute path": (lambda out, g: _zip(out, {"/etc/cron.d/x": b"x"}), "đường dẫn"),
    "windows path": (lambda out, g: _zip(out, {"..\\..\\evil.bat": b"x"}), "đường dẫn"),
    "symlink": (_symlink, "liên kết"),
    "too many members": (_many, "quá nhiều"),
    "compression bomb": (_bomb, "bom nén"),
    "encrypted member": (_encrypted, "mã hóa"),
    "duplicate member": (_duplicate, "hai lần"),
    "missing manifest": (
        lambda out, g: rewrite(g, out, lambda n, d: None if n == "manifest.json" else d),
        "thiếu manifest.json",
    ),
    "missing signature": (
        lambda out, g: rewrite(g, out, lambda n, d: None if n == "signature.json" else d),
        "thiếu signature.json",
    ),
    "manifest not json": (
        lambda out, g: rewrite(g, out, lambda n, d: b"{nope" if n == "manifest.json" else d),
        "không phải JSON",
    ),
    "manifest a list": (
        lambda out, g: rewrite(g, out, lambda n, d: b"[]" if n == "manifest.json" else d),
        "đối tượng JSON",
    ),
    "unknown format": (
        lambda out, g: edit_manifest(g, out, lambda m: m.update(format="kscdesk.package/9")),
        "kscdesk.package/9",
    ),
    "unknown kind": (
        lambda out, g: edit_manifest(g, out, lambda m: m.update(kind="virus")),
        "“kind”",
    ),
    "bad package id": (
        lambda out, g: edit_manifest(g, out, lambda m: m.update(package_id="x")),
        "UUID",
    ),
    "bad period": (
        lambda out, g: edit_manifest(g, out, lambda m: m.update(period="2025-Q7")),
        "2025-Q7",
    ),
    "edited manifest": (
        lambda out, g: edit_manifest(g, out, lambda m: m.update(sequence=99)),
        "chữ ký",
    ),
    "tampered data": (
        lambda out, g: rewrite(
            g, out, lambda n, d: d.replace(b"8", b"9") if n == "data.json" else d
        ),
        "data.json",
    ),
    "tampered attachment": (
        lambda out, g: rewrite(g, out, lambda n, d: b"evil" if n.startswith("attachments/") else d),
        "không khớp",
    ),
    "unlisted member": (
        lambda out, g: (
            resign(g, out, KEY, lambda n, d: None if ":" in n else d)
            and rewrite(out, out, lambda n, d: d)
            and _add(out)
        ),
        "không khớp",
    ),
    "signed garbage data": (
        lambda out, g: resign(g, out, KEY, _data(lambda d: b"\xff\xfe garbage")),
        "không phải JSON",
    ),
    "signed deep json": (
        lambda out, g: resign(g, out, KEY, _data(lambda d: b"[" * 100000)),
        "không phải JSON",
    ),
    "signature not json": (
        lambda out, g: rewrite(g, out, lambda n, d: b"zz" if n == "signature.json" else d),
        "chữ ký",
    ),
}


def _add(path: Path) -> Path:
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("attachments/" + "c" * 64, b"extra")
    return path


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_or_malformed_package_is_refused_with_a_message_naming_it(
    case: str, good: Path, tmp_path: Path
) -> None:
    build, expected = HOSTILE[case]
    bad = build(tmp_path / "xấu.kscx", good)
    with pytest.raises(BadPackage) as caught:
        read_package(bad)
    message = str(caught.value)
    assert "“xấu.kscx”" in message
    assert expected in message


def test_an_unknown_format_version_says_a_newer_kscdesk_is_needed(
    good: Path, tmp_path: Path
) -> None:
    bad = edit_manifest(good, tmp_path / "new.kscx", lambda m: m.update(format="kscdesk.package/2"))
    with pytest.raises(UnsupportedPackageVersion):
        read_package(bad)


def test_a_package_of_the_wrong_kind_is_refused(good: Path) -> None:
    with pytest.raises(BadPackage, match="cần gói kế hoạch"):
        read_package(good, (PackageKind.PLAN,))


def test_a_package_signed_by_another_key_than_it_names_is_tampered(
    good: Path, tmp_path: Path
) -> None:
    other = public_key_text(generate_key())
    bad = edit_manifest(good, tmp_path / "k.kscx", lambda m: m["sender"].update(public_key=other))
    with pytest.raises(TamperedPackage):
        read_package(bad)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_a_package_with_random_bytes_changed_is_refused_or_read_never_crashes(
    good: Path, tmp_path: Path, data: st.DataObject
) -> None:
    raw = bytearray(good.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    bad = tmp_path / "flip.kscx"
    bad.write_bytes(bytes(raw))
    try:
        package = read_package(bad)
    except BadPackage as error:
        assert "“flip.kscx”" in str(error)
    else:  # the flip hit a byte nothing reads (zip comment, timestamps): content unchanged
        assert package.data == report_json()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_report_data_of_any_shape_is_read_or_refused_with_invalid_data(data: st.DataObject) -> None:
    document = report_json()
    key = data.draw(st.sampled_from([*document.keys(), "tasks.0", "indicators.0", "plan"]))
    value = data.draw(JSON)
    if "." in key:
        head, _ = key.split(".")
        document[head][0] = value if not isinstance(value, dict) else {**document[head][0], **value}
    else:
        document[key] = value
    try:
        report_from_json(document)
    except InvalidData as error:
        assert str(error)


def test_the_manifest_lists_every_member_with_its_sha256(good: Path) -> None:
    with zipfile.ZipFile(good) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist()) - {"manifest.json", "signature.json"}
    assert set(manifest["members"]) == names
    assert {
        "format",
        "kind",
        "package_id",
        "sender",
        "recipient",
        "period",
        "created_at",
        "app_version",
        "sequence",
    } <= set(manifest)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_evidence_checked_without_building_it_is_refused_exactly_when_building_refuses(
    data: st.DataObject,
) -> None:
    document = report_json()
    record = {
        "uid": "e1",
        "doc_type": "KH",
        "number_symbol": "1/KH",
        "issued_on": "2025-01-02",
        "issuer": "",
        "summary": "",
        "task_uids": ["t1"],
        "attachments": [{"sha256": "a" * 64, "file_name": "x.pdf", "size": 3}],
    }
    key = data.draw(st.sampled_from([*record.keys(), "attachments.0"]))
    value = data.draw(JSON)
    if key == "attachments.0":
        record["attachments"] = [value]
    else:
        record[key] = value
    document["evidence"] = [record]
    outcomes = []
    for build in (True, False):
        try:
            report_from_json(document, build_evidence=build)
            outcomes.append(None)
        except InvalidData as error:
            outcomes.append(type(error))
    assert outcomes[0] == outcomes[1]
