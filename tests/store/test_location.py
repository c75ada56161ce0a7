"""Where the data folder lives decides the journal mode: no WAL on network shares or USB drives."""

from pathlib import Path

import pytest

from kscdesk.store import location
from kscdesk.store.database import close_database, open_database
from kscdesk.store.location import (
    DRIVE_REMOTE,
    DRIVE_REMOVABLE,
    Storage,
    StorageKind,
    classify_linux,
    classify_windows,
    journal_mode_for,
    parse_mounts,
    storage_notice,
)

MOUNTS = """\
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
/dev/nvme0n1p3 /home ext4 rw,relatime 0 0
//nas/ubnd /mnt/ubnd cifs rw,vers=3.0,username=kstt 0 0
nas:/export/data /srv/data nfs4 rw,relatime 0 0
kstt@server:/data /home/kstt/remote fuse.sshfs rw,nosuid,nodev 0 0
/dev/sdb1 /media/kstt/USB\\040KSTT vfat rw,nosuid,nodev 0 0
/dev/sdc1 /media/kstt/backup-disk ext4 rw 0 0
"""


def never_removable(device: str) -> bool:
    return False


def only_sdb(device: str) -> bool:
    return device.startswith("/dev/sdb")


@pytest.mark.parametrize(
    ("folder", "kind", "fs_type"),
    [
        ("/home/kstt/.local/share/kscdesk", StorageKind.LOCAL, "ext4"),
        ("/mnt/ubnd/kscdesk", StorageKind.NETWORK, "cifs"),
        ("/mnt/ubnd", StorageKind.NETWORK, "cifs"),
        ("/mnt/ubnd-local/kscdesk", StorageKind.LOCAL, "ext4"),  # a prefix is not a parent
        ("/srv/data/kscdesk", StorageKind.NETWORK, "nfs4"),
        ("/home/kstt/remote/kscdesk", StorageKind.NETWORK, "fuse.sshfs"),
        ("/media/kstt/USB KSTT/kscdesk", StorageKind.REMOVABLE, "vfat"),
        ("/media/kstt/backup-disk/kscdesk", StorageKind.LOCAL, "ext4"),
    ],
)
def test_a_linux_folder_is_classified_by_the_mount_that_holds_it(
    folder: str, kind: StorageKind, fs_type: str
) -> None:
    storage = classify_linux(Path(folder), MOUNTS, only_sdb)
    assert (storage.kind, storage.fs_type) == (kind, fs_type)


def test_mount_points_with_escaped_spaces_are_read_back() -> None:
    mounts = parse_mounts(MOUNTS)
    assert mounts[6].mount_point == "/media/kstt/USB KSTT"


def test_an_unknown_network_type_given_as_a_share_path_is_still_network() -> None:
    storage = classify_linux(Path("/x/y"), "//server/share /x weirdfs rw 0 0\n", never_removable)
    assert storage.kind is StorageKind.NETWORK


@pytest.mark.parametrize(
    ("path", "drive_type", "kind"),
    [
        ("C:\\Users\\kstt\\AppData\\Local\\kscdesk", 3, StorageKind.LOCAL),
        ("E:\\kscdesk", DRIVE_REMOVABLE, StorageKind.REMOVABLE),
        ("Z:\\kscdesk", DRIVE_REMOTE, StorageKind.NETWORK),
        ("\\\\may-chu\\chung\\kscdesk", 3, StorageKind.NETWORK),
    ],
)
def test_a_windows_folder_is_classified_by_its_drive_type(
    path: str, drive_type: int, kind: StorageKind
) -> None:
    roots: list[str] = []

    def get_drive_type(root: str) -> int:
        roots.append(root)
        return drive_type

    assert classify_windows(path, get_drive_type).kind is kind
    assert all(root.endswith("\\") for root in roots)  # GetDriveTypeW wants the root


def test_only_a_local_disk_gets_the_write_ahead_log_and_the_others_are_explained() -> None:
    assert journal_mode_for(Storage(StorageKind.LOCAL)) == "wal"
    assert journal_mode_for(Storage(StorageKind.NETWORK, "cifs")) == "delete"
    assert journal_mode_for(Storage(StorageKind.REMOVABLE, "vfat")) == "delete"
    assert storage_notice(Storage(StorageKind.LOCAL)) is None
    assert "ổ mạng" in (storage_notice(Storage(StorageKind.NETWORK)) or "")
    assert "USB" in (storage_notice(Storage(StorageKind.REMOVABLE)) or "")


def test_a_database_on_a_network_share_is_opened_without_wal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kscdesk.sqlite3"
    close_database(open_database(path))  # first on a local disk: WAL
    monkeypatch.setattr(
        "kscdesk.store.database.detect_storage", lambda folder: Storage(StorageKind.NETWORK)
    )
    db = open_database(path)
    try:
        assert db.journal_mode == "delete"
    finally:
        close_database(db)
    assert not Path(f"{path}-wal").exists()


def test_removable_block_devices_are_read_from_sysfs(tmp_path: Path) -> None:
    (tmp_path / "sdb").mkdir()
    (tmp_path / "sdb" / "removable").write_text("1\n")
    (tmp_path / "sda").mkdir()
    (tmp_path / "sda" / "removable").write_text("0\n")
    assert location.removable_block_device("/dev/sdb1", tmp_path)
    assert not location.removable_block_device("/dev/sda2", tmp_path)
    assert not location.removable_block_device("tmpfs", tmp_path)
