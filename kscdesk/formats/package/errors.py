"""Refusals of an exchange package; every message names the file and says why."""

from pathlib import Path

from kscdesk.formats.errors import PlanFileError


class BadPackage(PlanFileError):
    """The file is not a package kscdesk can take: broken, hostile, tampered or unknown."""

    reason = "Không nhận gói trao đổi này:"

    def __init__(self, path: Path | str, detail: str = "") -> None:
        # Without a detail (the parser boundary's refusal) the message still says why.
        super().__init__(path, detail or "tệp không phải gói .kscx hoặc đã bị hỏng.")


class TamperedPackage(BadPackage):
    reason = "Gói đã bị sửa đổi sau khi đơn vị gửi ký (không khớp chữ ký hoặc mã băm):"


class UnsupportedPackageVersion(BadPackage):
    reason = "Gói được tạo bởi phiên bản kscdesk mới hơn, phiên bản này chưa đọc được:"


class WrongPackageKind(BadPackage):
    reason = "Loại gói không đúng:"
