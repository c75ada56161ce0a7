"""Refusals of a use case that the user can act on; messages are Vietnamese."""


class ServiceError(Exception):
    """The request cannot be carried out as asked; ``str(err)`` is shown to the user."""


class PlanAlreadyImported(ServiceError):
    def __init__(self, file_name: str, title: str) -> None:
        super().__init__(
            f"Tệp “{file_name}” đã được nhập trước đây (kế hoạch “{title}”). Không nhập lại."
        )


class PlanNotFound(ServiceError):
    def __init__(self, ref: str) -> None:
        super().__init__(
            f"Không tìm thấy kế hoạch “{ref}”. Xem danh sách bằng lệnh: kscdesk plan list"
        )


class AmbiguousPlanReference(ServiceError):
    def __init__(self, ref: str) -> None:
        super().__init__(f"Mã “{ref}” khớp với nhiều kế hoạch. Hãy gõ thêm ký tự của mã.")
