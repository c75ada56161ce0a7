"""Letterheads as laid out by NĐ 30/2020, in the line orders a .docx and a PDF give."""

from datetime import date

from kscdesk.domain.documents import DocumentFacts
from kscdesk.domain.letterhead import read_letterhead
from kscdesk.domain.model import EvidenceType as K

DOCX_ORDER = [
    "UBND THỊ XÃ ĐỨC PHỔ",
    "ỦY BAN NHÂN DÂN",
    "PHƯỜNG PHỔ NINH",
    "Số: 35/KH-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Phổ Ninh, ngày 05 tháng 02 năm 2025",
    "",
    "KẾ HOẠCH",
    "Hoạt động kiểm soát thủ tục hành chính năm 2025",
    "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ;",
]

PDF_ORDER = [
    "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "PHƯỜNG ĐỨC PHỔ Độc lập - Tự do - Hạnh phúc",
    "Số: 1631/UBND-VP Đức Phổ, ngày 26 tháng 3 năm 2024",
    "V/v triển khai thực hiện Kế hoạch kiểm soát TTHC",
    "Kính gửi: Các ban, ngành liên quan",
]


def test_a_letterhead_in_docx_order_gives_every_fact() -> None:
    assert read_letterhead(DOCX_ORDER) == DocumentFacts(
        K.PLAN,
        "35/KH-UBND",
        date(2025, 2, 5),
        "UBND phường Phổ Ninh",
        "Hoạt động kiểm soát thủ tục hành chính năm 2025",
    )


def test_a_cong_van_with_both_columns_on_one_line_gives_its_summary_from_v_v() -> None:
    assert read_letterhead(PDF_ORDER) == DocumentFacts(
        K.OFFICIAL_LETTER,
        "1631/UBND-VP",
        date(2024, 3, 26),
        "UBND phường Đức Phổ",
        "Triển khai thực hiện Kế hoạch kiểm soát TTHC",
    )


def test_text_without_a_letterhead_gives_nothing() -> None:
    facts = read_letterhead(["Biên bản họp tổ", "Nội dung: rà soát TTHC"])
    assert facts.is_empty


def test_the_summary_of_a_decision_stops_at_the_authority_line_in_capitals() -> None:
    lines = [
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG TRẦN PHÚ",
        "Số: 35/QĐ-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Trần Phú, ngày 06 tháng 3 năm 2023",
        "QUYẾT ĐỊNH",
        "Về việc kiện toàn Bộ phận Tiếp nhận và Trả kết quả",
        "giải quyết thủ tục hành chính",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TRẦN PHÚ",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    ]
    facts = read_letterhead(lines)
    assert facts.kind is K.DECISION
    assert facts.summary == (
        "Về việc kiện toàn Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính"
    )
