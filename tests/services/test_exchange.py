"""Exchange services: trust on first use, re-keyed and misaddressed packages, identical and
conflicting ids, hostile files (nothing stored), the ledger's deadline rules."""

import hashlib
import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import blake3
import pytest
from helpers.exchange_setup import DISTRICT, derive_and_record, make_commune, make_district
from helpers.packages import edit_manifest, rewrite

from kscdesk.domain.exchange import Standing
from kscdesk.domain.model import Level, ProgressStatus
from kscdesk.formats.package.reader import read_package
from kscdesk.formats.package.signing import load_private_key
from kscdesk.formats.package.writer import write_package
from kscdesk.services.consolidation import build_consolidation
from kscdesk.services.errors import ServiceError
from kscdesk.services.exchange_export import (
    EMAIL_LIMIT_BYTES,
    ExportResult,
    export_report,
    publish_plan,
)
from kscdesk.services.exchange_import import ImportOptions, Outcome, import_packages
from kscdesk.services.exchange_keys import KEY_FILE, own_fingerprint
from kscdesk.services.offices import OfficeSpec, set_office
from kscdesk.services.workspace import Workspace
from kscdesk.store import exchange, receipts

PERIOD = "2025-Q1"


@pytest.fixture
def world(tmp_path: Path) -> dict[str, Path]:
    """A district with its plan published, and commune a that imported it and sent Q1."""
    district = tmp_path / "district"
    plan_uid = make_district(district)
    with Workspace.open(district) as ws:
        plan_file = publish_plan(ws, plan_uid, tmp_path / "out").path
    commune = tmp_path / "a"
    make_commune(commune, "UBND xã Tịnh Hà", "21001")
    with Workspace.open(commune) as ws:
        assert import_packages(ws, plan_file)[0].outcome is Outcome.ACCEPTED
    derive_and_record(commune, PERIOD, [(8, 10), (1, 2)], [ProgressStatus.DONE])
    with Workspace.open(commune) as ws:
        report = export_report(ws, PERIOD, tmp_path / "sent").path
    return {"district": district, "commune": commune, "report": report, "plan": plan_file}


def _import(folder: Path, source: Path, **options: bool) -> list:  # type: ignore[type-arg]
    with Workspace.open(folder) as ws:
        return import_packages(ws, source, ImportOptions(**options))


def _stored(folder: Path) -> tuple[int, int]:
    with Workspace.open(folder) as ws:
        packages = len(exchange.list_packages(ws.db, direction="in"))
        rows = sum(len(r.statuses) for r in exchange.consolidated_reports(ws.db, PERIOD))
    return packages, rows


def test_a_new_communes_key_is_trusted_on_first_import(world: dict[str, Path]) -> None:
    [item] = _import(world["district"], world["report"])
    assert item.outcome is Outcome.ACCEPTED
    with Workspace.open(world["commune"]) as ws:
        fingerprint = own_fingerprint(ws)
    with Workspace.open(world["district"]) as ws:
        [key] = [k for k in exchange.list_trusted_keys(ws.db) if k.name == "UBND xã Tịnh Hà"]
    assert key.fingerprint == fingerprint


def test_a_known_commune_with_a_new_key_is_refused_until_the_officer_accepts_it(
    world: dict[str, Path], tmp_path: Path
) -> None:
    _import(world["district"], world["report"])
    (world["commune"] / KEY_FILE).unlink()  # the commune's PC was reinstalled
    with Workspace.open(world["commune"]) as ws:
        again = export_report(ws, PERIOD, tmp_path / "again").path
    [item] = _import(world["district"], again)
    assert item.outcome is Outcome.REFUSED
    assert "KHÓA KÝ" in item.message and "ĐÃ THAY ĐỔI" in item.message
    assert _stored(world["district"])[0] == 1
    [item] = _import(world["district"], again, accept_new_key=True)
    assert item.outcome is Outcome.SUPERSEDES


def test_a_package_addressed_to_another_office_is_refused(
    world: dict[str, Path], tmp_path: Path
) -> None:
    other = tmp_path / "other"
    with Workspace.open(other) as ws:
        set_office(ws, OfficeSpec("UBND huyện Bình Sơn", Level.DISTRICT, "213"))
    [item] = _import(other, world["report"])
    assert item.outcome is Outcome.REFUSED
    assert "gửi cho" in item.message and DISTRICT in item.message
    assert _stored(other) == (0, 0)


def test_a_plan_from_an_office_that_is_not_the_parent_is_refused(
    world: dict[str, Path], tmp_path: Path
) -> None:
    stranger = tmp_path / "stranger"
    plan_uid = make_district(stranger)
    with Workspace.open(stranger) as ws:
        set_office(ws, OfficeSpec("UBND huyện Bình Sơn", Level.DISTRICT, "213"))
        plan_file = publish_plan(ws, plan_uid, tmp_path / "p2").path
    [item] = _import(world["commune"], plan_file)
    assert item.outcome is Outcome.REFUSED and "không phải cơ quan cấp trên" in item.message


def test_the_same_package_id_with_different_content_is_refused(
    world: dict[str, Path], tmp_path: Path
) -> None:
    _import(world["district"], world["report"])
    original = read_package(world["report"])
    key = load_private_key(world["commune"] / KEY_FILE)
    assert key is not None
    data = dict(original.data)
    data["report_text"] = "khác"
    clash = tmp_path / "clash.kscx"
    write_package(clash, original.manifest, data, key)
    [item] = _import(world["district"], clash)
    assert item.outcome is Outcome.REFUSED and "cùng mã gói" in item.message


def test_a_dry_run_reports_what_would_happen_and_stores_nothing(world: dict[str, Path]) -> None:
    [item] = _import(world["district"], world["report"], dry_run=True)
    assert item.outcome is Outcome.ACCEPTED
    assert _stored(world["district"]) == (0, 0)
    assert not (world["district"] / "backups").exists() or not any(
        "nhan-goi" in p.name for p in (world["district"] / "backups").iterdir()
    )


def test_every_import_takes_a_backup_first(world: dict[str, Path]) -> None:
    _import(world["district"], world["report"])
    assert any("nhan-goi" in p.name for p in (world["district"] / "backups").iterdir())


def _hostile(report: Path, out: Path) -> list[Path]:
    files = [
        rewrite(report, out / "slip.kscx", lambda n, d: d),
        edit_manifest(report, out / "edited.kscx", lambda m: m.update(sequence=7)),
        rewrite(report, out / "data.kscx", lambda n, d: b"{}" if n == "data.json" else d),
    ]
    with zipfile.ZipFile(files[0], "a") as archive:
        archive.writestr("../../evil.txt", b"x")
    (out / "junk.kscx").write_bytes(b"not a zip at all")
    (out / "empty.kscx").write_bytes(b"")
    return [*files, out / "junk.kscx", out / "empty.kscx"]


def test_hostile_packages_in_a_folder_are_each_refused_with_a_message_and_nothing_stored(
    world: dict[str, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    files = _hostile(world["report"], folder)
    items = _import(world["district"], folder)
    assert len(items) == len(files)
    for item in items:
        assert item.outcome is Outcome.REFUSED
        assert f"“{item.file.name}”" in item.message
    assert _stored(world["district"]) == (0, 0)


def test_a_report_imported_at_a_commune_is_refused(world: dict[str, Path], tmp_path: Path) -> None:
    [item] = _import(world["commune"], world["report"])
    assert item.outcome is Outcome.REFUSED and "chính đơn vị này" in item.message
    other = tmp_path / "other-commune"
    make_commune(other, "UBND xã Tịnh Phong")
    [item] = _import(other, world["report"])
    assert item.outcome is Outcome.REFUSED and "cấp xã" in item.message


def test_an_empty_folder_is_a_clear_error(world: dict[str, Path], tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    with pytest.raises(ServiceError, match="không có gói"):
        _import(world["district"], tmp_path / "nothing")


def test_a_package_over_twenty_megabytes_warns_about_email() -> None:
    small = ExportResult(Path("a.kscx"), 300 * 1024, "x")
    big = ExportResult(Path("b.kscx"), EMAIL_LIMIT_BYTES + 1, "x")
    assert not small.too_big_for_email and small.size_text == "300 KB"
    assert big.too_big_for_email and big.size_text == "20,0 MB"


def test_attachments_travel_with_the_report_and_land_in_the_parents_store(
    world: dict[str, Path], tmp_path: Path
) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF scan")
    derive_and_record(world["commune"], PERIOD, [(8, 10), (1, 2)], [], scan)
    with Workspace.open(world["commune"]) as ws:
        with_files = export_report(ws, PERIOD, tmp_path / "w").path
        without = export_report(ws, PERIOD, tmp_path / "wo", with_attachments=False).path
    assert read_package(with_files).attachment_hashes == [hashlib.sha256(b"%PDF scan").hexdigest()]
    assert read_package(without).attachment_hashes == []
    _import(world["district"], with_files)
    with Workspace.open(world["district"]) as ws:
        stored = ws.attachments.path_of(blake3.blake3(b"%PDF scan").hexdigest())
        assert stored.read_bytes() == b"%PDF scan"


def test_the_ledger_says_on_time_late_missing_or_not_yet_due(
    world: dict[str, Path], tmp_path: Path
) -> None:
    _import(world["district"], world["report"])
    late_commune = tmp_path / "b"
    make_commune(late_commune, "UBND xã Tịnh Sơn")
    with Workspace.open(world["district"]) as ws:
        from kscdesk.domain.model import Office
        from kscdesk.store.offices import get_home_office, save_office

        home = get_home_office(ws.db)
        assert home is not None
        save_office(ws.db, Office("UBND xã Tịnh Bắc", Level.COMMUNE, parent_uid=home.uid))
        sent = datetime.fromisoformat(read_package(world["report"]).manifest.created_at.isoformat())
        deadline = date(2025, 3, 17)
        view = build_consolidation(ws, PERIOD, today=date(2025, 3, 10))
        standings = {r.name: r.standing for r in view.ledger}
    expected = Standing.ON_TIME if sent.date() <= deadline else Standing.LATE
    assert standings["UBND xã Tịnh Hà"] is expected
    assert standings["UBND xã Tịnh Bắc"] is Standing.NOT_DUE
    with Workspace.open(world["district"]) as ws:
        view = build_consolidation(ws, PERIOD, today=date(2025, 3, 18))
    assert {r.name: r.standing for r in view.ledger}["UBND xã Tịnh Bắc"] is Standing.MISSING
    assert view.deadline == deadline


def test_the_report_json_carries_status_strings_and_counts(world: dict[str, Path]) -> None:
    data = read_package(world["report"]).data
    assert data["schema"] == "kscdesk.report/1"
    assert data["tasks"][0]["status"] == "done"
    assert [(i["numerator"], i["denominator"]) for i in data["indicators"]] == [(8, 10), (1, 2)]
    assert json.dumps(data, ensure_ascii=False)


def test_an_accepted_receipt_reaches_the_commune_without_comments(
    world: dict[str, Path], tmp_path: Path
) -> None:
    from kscdesk.services.exchange_export import write_receipt

    _import(world["district"], world["report"])
    with Workspace.open(world["district"]) as ws:
        receipt = write_receipt(ws, "21001", PERIOD, tmp_path / "r").path
        with pytest.raises(ServiceError, match="không có nhiệm vụ số 99"):
            write_receipt(ws, "Tịnh Hà", PERIOD, tmp_path / "r", return_text="99: sai")
        with pytest.raises(ServiceError, match="Chưa nhận báo cáo"):
            write_receipt(ws, "Tịnh Hà", "2025-Q2", tmp_path / "r")
    [item] = _import(world["commune"], receipt)
    assert item.outcome is Outcome.ACCEPTED
    with Workspace.open(world["commune"]) as ws:
        [received] = receipts.list_received_receipts(ws.db)
    assert (received.decision, received.task_comments) == ("accepted", ())


def test_a_received_packages_data_is_kept_as_it_was_sent(world: dict[str, Path]) -> None:
    _import(world["district"], world["report"])
    with zipfile.ZipFile(world["report"]) as archive:
        sent = archive.read("data.json").decode("utf-8")
    package_id = read_package(world["report"]).manifest.package_id
    with Workspace.open(world["district"]) as ws:
        assert exchange.package_data(ws.db, package_id) == sent


def test_the_consolidation_shows_each_task_as_the_commune_wrote_it(
    world: dict[str, Path],
) -> None:
    _import(world["district"], world["report"])
    sent = read_package(world["report"]).data["tasks"]
    with Workspace.open(world["district"]) as ws:
        view = build_consolidation(ws, PERIOD, today=date(2025, 3, 10))
    by_number = {row.number: row for row in view.tasks}
    for task in sent:
        label = task["number"] + (task["sub"] or "")
        assert by_number[label].content == task["content"]
