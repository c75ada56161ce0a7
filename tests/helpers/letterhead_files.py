"""Small official documents with a NĐ 30/2020 letterhead, as .docx and as a PDF with text."""

import ctypes
from pathlib import Path

import docx

LEFT = ["ỦY BAN NHÂN DÂN", "PHƯỜNG ĐỨC PHỔ", "Số: 12/BC-UBND"]
RIGHT = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Đức Phổ, ngày 05 tháng 01 năm 2026",
]
TITLE = ["BÁO CÁO", "Kết quả kiểm soát thủ tục hành chính quý IV năm 2025"]
BODY = ["Thực hiện Kế hoạch số 56/KH-UBND ngày 09/3/2025 của UBND tỉnh, UBND phường báo cáo:"]

FONT_CANDIDATES = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"),
    Path("C:/Windows/Fonts/times.ttf"),
    Path("C:/Windows/Fonts/arial.ttf"),
]


def make_letterhead_docx(path: Path) -> Path:
    """A report: the borderless two-column header table, the title, the summary, a body line."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (LEFT, RIGHT), strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for line in [*TITLE, *BODY]:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def unicode_font() -> Path | None:
    return next((font for font in FONT_CANDIDATES if font.is_file()), None)


def make_letterhead_pdf(path: Path, font: Path) -> Path:
    """The same report as a one-page PDF with a text layer (drawn with pdfium, font embedded)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    font_data = font.read_bytes()
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    buffer = (ctypes.c_uint8 * len(font_data)).from_buffer_copy(font_data)
    handle = raw.FPDFText_LoadFont(pdf.raw, buffer, len(font_data), raw.FPDF_FONT_TRUETYPE, 1)
    rows = [(LEFT[i], RIGHT[i]) for i in range(3)]
    y = 800.0
    for left, right in rows:
        for x, text in ((60.0, left), (300.0, right)):
            _draw(raw, pdf, page, handle, text, x, y)
        y -= 18
    for text in [*TITLE, *BODY]:
        _draw(raw, pdf, page, handle, text, 60.0, y)
        y -= 18
    raw.FPDFPage_GenerateContent(page.raw)
    pdf.save(str(path))
    page.close()
    pdf.close()
    return path


def _draw(
    raw: object, pdf: object, page: object, font: object, text: str, x: float, y: float
) -> None:
    obj = raw.FPDFPageObj_CreateTextObj(pdf.raw, font, 10.0)  # type: ignore[attr-defined]
    encoded = (text + "\0").encode("utf-16-le")
    chars = ctypes.create_string_buffer(encoded, len(encoded))
    raw.FPDFText_SetText(obj, ctypes.cast(chars, ctypes.POINTER(raw.FPDF_WCHAR)))  # type: ignore[attr-defined]
    raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)  # type: ignore[attr-defined]
    raw.FPDFPage_InsertObject(page.raw, obj)  # type: ignore[attr-defined]
