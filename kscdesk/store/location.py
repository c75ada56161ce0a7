"""Where the data folder is stored (local disk, USB drive, network share), and the journal mode
that keeps the database safe there.

SQLite's write-ahead log needs shared memory between the processes that open the file, which
network file systems (SMB, NFS …) do not provide: WAL there can corrupt the database. On a
network share or a removable drive kscdesk uses the rollback journal (DELETE) instead, so every
committed change is in the one database file even if the drive is pulled or the file is copied
alone, and the officer is told why.
"""

import ctypes
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path, PureWindowsPath


class StorageKind(Enum):
    LOCAL = "local"
    REMOVABLE = "removable"
    NETWORK = "network"


@dataclass(frozen=True)
class Storage:
    kind: StorageKind
    fs_type: str = ""  # "ext4", "cifs", "NTFS" … ("" when unknown)
    mount_point: str = ""


# Linux file-system types of network mounts (as /proc/mounts names them).
NETWORK_FS_TYPES = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p",
        "ceph", "glusterfs", "lustre", "gpfs", "davfs", "coda",
        "fuse.sshfs", "sshfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs", "fuse.glusterfs",
        "fuse.cephfs", "fuse.smbnetfs", "fuse.gvfsd-fuse",
    }
)  # fmt: skip

# Windows GetDriveTypeW results.
DRIVE_REMOVABLE = 2
DRIVE_REMOTE = 4


@dataclass(frozen=True)
class Mount:
    device: str
    mount_point: str
    fs_type: str


def _unescape(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes (\\040 …)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def parse_mounts(text: str) -> list[Mount]:
    """The lines of /proc/mounts (or /etc/mtab) as Mount records."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append(Mount(_unescape(fields[0]), _unescape(fields[1]), fields[2]))
    return mounts


def _mount_of(path: Path, mounts: list[Mount]) -> Mount | None:
    """The mount holding ``path``: the longest mount point it lies under (the last one wins)."""
    best: Mount | None = None
    text = str(path)
    for mount in mounts:
        point = mount.mount_point.rstrip("/") or "/"
        under = text == point or text.startswith(point if point == "/" else point + "/")
        if under and (best is None or len(point) >= len(best.mount_point.rstrip("/") or "/")):
            best = mount
    return best


def removable_block_device(device: str, sys_block: Path = Path("/sys/block")) -> bool:
    """True when /dev/sdb1's disk is marked removable or sits on a USB bus (Linux sysfs)."""
    if not device.startswith("/dev/"):
        return False
    name = Path(os.path.realpath(device)).name
    disk = name
    while disk and not (sys_block / disk).exists():
        disk = disk[:-1]  # sdb1 → sdb, mmcblk0p1 → mmcblk0p → mmcblk0
    if not disk:
        return False
    try:
        if (sys_block / disk / "removable").read_text().strip() == "1":
            return True
        return "/usb" in os.path.realpath(sys_block / disk)
    except OSError:
        return False


def classify_linux(
    path: Path, mounts_text: str, is_removable: Callable[[str], bool] = removable_block_device
) -> Storage:
    mount = _mount_of(path, parse_mounts(mounts_text))
    if mount is None:
        return Storage(StorageKind.LOCAL)
    fs_type = mount.fs_type.lower()
    if fs_type in NETWORK_FS_TYPES or mount.device.startswith("//"):
        return Storage(StorageKind.NETWORK, mount.fs_type, mount.mount_point)
    if is_removable(mount.device):
        return Storage(StorageKind.REMOVABLE, mount.fs_type, mount.mount_point)
    return Storage(StorageKind.LOCAL, mount.fs_type, mount.mount_point)


def classify_windows(path: str, drive_type: Callable[[str], int]) -> Storage:
    """``drive_type`` is GetDriveTypeW of the root ("D:\\"); UNC paths are network shares."""
    win = PureWindowsPath(path)
    if win.drive.startswith("\\\\") or str(win).startswith("\\\\"):
        return Storage(StorageKind.NETWORK, "", win.drive)
    root = win.anchor or str(win)
    kind = drive_type(root)
    if kind == DRIVE_REMOTE:
        return Storage(StorageKind.NETWORK, "", root)
    if kind == DRIVE_REMOVABLE:
        return Storage(StorageKind.REMOVABLE, "", root)
    return Storage(StorageKind.LOCAL, "", root)


def _windows_drive_type(root: str) -> int:
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return 0
    return int(windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def detect_storage(folder: Path) -> Storage:
    """Where ``folder`` is stored; LOCAL when it cannot be told."""
    resolved = folder.resolve()
    if sys.platform == "win32":
        return classify_windows(str(resolved), _windows_drive_type)
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return Storage(StorageKind.LOCAL)
    return classify_linux(resolved, mounts)


def journal_mode_for(storage: Storage) -> str:
    """ "wal" on a local disk; "delete" (the rollback journal) on a network share or USB drive."""
    return "wal" if storage.kind is StorageKind.LOCAL else "delete"


def storage_notice(storage: Storage) -> str | None:
    """What the officer is told about a data folder off the local disk (None on a local disk)."""
    if storage.kind is StorageKind.NETWORK:
        return (
            "Thư mục dữ liệu nằm trên ổ mạng: kscdesk ghi dữ liệu ở chế độ an toàn cho ổ mạng "
            "(không dùng WAL), chậm hơn một chút. Chỉ mở dữ liệu này từ một máy tại một thời "
            "điểm; nên đặt dữ liệu trên ổ đĩa của máy và sao lưu ra ổ mạng."
        )
    if storage.kind is StorageKind.REMOVABLE:
        return (
            "Thư mục dữ liệu nằm trên ổ USB (ổ rời): mỗi thay đổi được ghi thẳng vào tệp dữ "
            "liệu. Hãy đóng kscdesk trước khi rút ổ USB."
        )
    return None
