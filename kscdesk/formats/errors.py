"""Errors of file adapters: the file cannot be used. Messages are Vietnamese, naming the file."""

import unicodedata
from pathlib import Path

MAX_NAME_SHOWN = 120  # characters of a file name quoted in a message


def printable(text: str, limit: int = MAX_NAME_SHOWN) -> str:
    """Text from a file (a name, a part name) as one printable line: undecodable bytes and
    control characters (a newline) become "?", and very long text is cut."""
    try:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        text = text.encode("utf-8", "replace").decode("utf-8")
    shown = "".join(
        "?" if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") else ch for ch in text
    )
    return f"{shown[: limit - 1]}…" if len(shown) > limit else shown


def display_name(path: Path | str) -> str:
    """A file's name as shown in a message: one printable line."""
    return printable(Path(path).name or str(path))


class PlanFileError(Exception):
    """Base of every refusal of an input file; ``str(err)`` is the message shown to the user."""

    reason = "Không đọc được tệp."

    def __init__(self, path: Path | str, detail: str = "") -> None:
        self.path = Path(path)
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"Tệp “{display_name(self.path)}”: {self.reason}"
        return f"{text} {self.detail}".strip()


class UnsupportedFileType(PlanFileError):
    reason = (
        "Loại tệp này không được hỗ trợ. Hãy chọn tệp Word (.docx, .doc, .odt), "
        "Excel (.xlsx, .xls, .ods), PDF có chữ hoặc gói kế hoạch (.json)."
    )


class LegacyWordFile(PlanFileError):
    reason = (
        "Đây là tệp Word cũ (.doc). Hãy mở tệp bằng Word và chọn Lưu thành (Save As) "
        "định dạng .docx rồi nhập lại."
    )


class UnreadablePlanFile(PlanFileError):
    reason = "Tệp bị hỏng hoặc không đúng định dạng, không đọc được."


class PasswordProtectedFile(PlanFileError):
    reason = "Tệp được đặt mật khẩu. Hãy gỡ mật khẩu trong Word/Excel rồi nhập lại."


class OversizedFile(PlanFileError):
    reason = "Tệp quá lớn để là một kế hoạch."


class UnsafeFile(PlanFileError):
    reason = "Tệp có cấu trúc bất thường (có thể chứa mã độc hoặc bị làm hỏng) nên không được mở."


class NotAPlan(PlanFileError):
    reason = "Không tìm thấy bảng kế hoạch (cột STT, Nội dung công việc, …) trong tệp."


class EmptyPlanTable(PlanFileError):
    reason = "Bảng kế hoạch không có dòng nhiệm vụ nào."


class NotARegularFile(PlanFileError):
    reason = (
        "Đây không phải là một tệp bình thường (thư mục, thiết bị hoặc đường ống), không mở được."
    )


class PlanTooLarge(PlanFileError):
    reason = "Bảng vượt quá giới hạn mà một kế hoạch thật không bao giờ chạm tới."


class ScannedPdf(PlanFileError):
    reason = (
        "Tệp PDF chỉ có ảnh quét, không có lớp chữ nên không đọc được nội dung kế hoạch; "
        "hãy xin tệp Word hoặc PDF có chữ (xuất trực tiếp từ Word) rồi nhập lại."
    )


class EncryptedPdf(PlanFileError):
    reason = (
        "Tệp PDF được đặt mật khẩu nên không mở được; hãy xin tệp không đặt mật khẩu "
        "hoặc tệp Word rồi nhập lại."
    )


class DamagedPdf(PlanFileError):
    reason = (
        "Tệp PDF bị hỏng hoặc tải về chưa hết, không đọc được; hãy tải lại tệp từ hệ thống "
        "quản lý văn bản hoặc xin tệp Word rồi nhập lại."
    )


class PdfWithoutUnicode(PlanFileError):
    reason = (
        "Chữ trong tệp PDF không đọc được (phông chữ không kèm bảng mã Unicode, thường gặp ở "
        "tệp in từ phông chữ cũ); hãy xin tệp Word hoặc PDF xuất trực tiếp từ Word rồi nhập lại."
    )
