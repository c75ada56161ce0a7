"""Administrative documents laid out per NĐ 30/2020/NĐ-CP (Phụ lục I), built from plain data.

Usage::

    spec = DocumentSpec(
        header=Header(("ỦY BAN NHÂN DÂN", "PHƯỜNG TRẦN PHÚ"), "BC-UBND", "Trần Phú", 2025, 3),
        kind="BÁO CÁO",
        summary=("Tình hình, kết quả …",),
        blocks=(Paragraph("I. CÔNG TÁC …", Role.HEADING_1), Paragraph("Nội dung …")),
        closing=Closing(recipient_lines(["UBND thành phố"]), signer_name="Nguyễn Văn A"),
        appendices=(Appendix("KẾ HOẠCH …", "(Kèm theo Quyết định số …)", (Table(...),)),),
    )
    save_document(spec, Path("bao-cao.docx"))   # atomic; OutputFileLocked when open in Word
"""

from kscdesk.formats.nd30.builder import build_document, save_document
from kscdesk.formats.nd30.spec import (
    BLANK_NUMBER,
    Appendix,
    Block,
    Cell,
    CellLike,
    Closing,
    DocumentSpec,
    Header,
    Margins,
    Paragraph,
    Role,
    Run,
    Table,
    recipient_lines,
)

__all__ = [
    "BLANK_NUMBER",
    "Appendix",
    "Block",
    "Cell",
    "CellLike",
    "Closing",
    "DocumentSpec",
    "Header",
    "Margins",
    "Paragraph",
    "Role",
    "Run",
    "Table",
    "build_document",
    "recipient_lines",
    "save_document",
]
