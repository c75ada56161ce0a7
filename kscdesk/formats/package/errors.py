"""Refusals of an exchange package; every message names the file and says why."""

from kscdesk.formats.errors import PlanFileError


class BadPackage(PlanFileError):
    """The file is not a package kscdesk can take: broken, hostile, tampered or unknown."""

    reason = "Không nhận gói trao đổi này:"


class TamperedPackage(BadPackage):
    reason = "Gói đã bị sửa đổi sau khi đơn vị gửi ký (không khớp chữ ký hoặc mã băm):"


class UnsupportedPackageVersion(BadPackage):
    reason = "Gói được tạo bởi phiên bản kscdesk mới hơn, phiên bản này chưa đọc được:"


class WrongPackageKind(BadPackage):
    reason = "Loại gói không đúng:"
