"""Builders of plan .docx files in the layouts real offices use, with python-docx.

A document is a list of blocks: a ``str`` is a paragraph, a ``Table`` is a table. In a table row,
``LEFT`` marks a position covered by the cell to its left (gridSpan) and ``UP`` one covered by
the cell above (vMerge); "\\n" in a text starts a new paragraph inside the cell. The plan data is
modelled on seeds 000 (city 2023) and 003 (ward 2025).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

LEFT = "<left>"
UP = "<up>"


@dataclass
class Table:
    rows: list[list[str]]
    repeat_header_rows: set[int] = field(default_factory=set)  # 0-based rows marked tblHeader
    legacy_font: str | None = None  # e.g. ".VnTime", for the texts of ``legacy_columns``
    legacy_columns: set[int] = field(default_factory=set)  # their texts are legacy-encoded
    bullets: bool = False  # cell lines "• x" become Word auto-bullets "-"


def write_docx(path: Path, blocks: list["str | Table"]) -> Path:
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            _add_table(document, block)
    if blocks and not isinstance(blocks[-1], str):
        document.add_paragraph()  # Word wants a paragraph after the last table
    document.save(str(path))
    return path


def _add_table(document: docx.document.Document, spec: Table) -> None:
    width = max(len(r) for r in spec.rows)
    table = document.add_table(rows=len(spec.rows), cols=width)
    table.style = "Table Grid"
    numbering = _dash_numbering(document) if spec.bullets else None
    for r, row in enumerate(spec.rows):
        for c, text in enumerate(row):
            if text in (LEFT, UP):
                continue
            font = spec.legacy_font if c in spec.legacy_columns else None
            _fill(table.cell(r, c), text, font, numbering)
    for r, row in enumerate(spec.rows):
        for c, text in enumerate(row):
            if text == LEFT:
                origin = c - 1
                while row[origin] == LEFT:
                    origin -= 1
                table.cell(r, origin).merge(table.cell(r, c))
            elif text == UP:
                origin = r - 1
                while spec.rows[origin][c] == UP:
                    origin -= 1
                table.cell(origin, c).merge(table.cell(r, c))
    for r in spec.repeat_header_rows:
        tr_pr = table.rows[r]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))


def _fill(
    cell: "docx.table._Cell", text: str, legacy_font: str | None, numbering: str | None
) -> None:
    lines = text.split("\n")
    cell.text = ""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        if numbering is not None and line.startswith("• "):
            line = line[2:]
            num_pr = OxmlElement("w:numPr")
            ilvl, num_id = OxmlElement("w:ilvl"), OxmlElement("w:numId")
            ilvl.set(qn("w:val"), "0")
            num_id.set(qn("w:val"), numbering)
            num_pr.extend([ilvl, num_id])
            paragraph._p.get_or_add_pPr().append(num_pr)
        run = paragraph.add_run(line)
        if legacy_font is not None:
            run.font.name = legacy_font


def _dash_numbering(document: docx.document.Document) -> str:
    """Add a one-level "-" bullet list definition to the numbering part; return its numId."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:numFmt", "bullet"), ("w:lvlText", "-")):
        node = OxmlElement(tag)
        node.set(qn("w:val"), value)
        level.append(node)
    abstract.append(level)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "90"


# --- Plan data (seed 003, ward Phổ Ninh 2025; seed 000, city Quảng Ngãi 2023) -------------------

WARD_PREAMBLE = [
    "ỦY BAN NHÂN DÂN",
    "PHƯỜNG PHỔ NINH",
    "KẾ HOẠCH",
    "Hoạt động kiểm soát thủ tục hành chính năm 2025 trên địa bàn phường Phổ Ninh",
    "(Ban hành kèm theo Quyết định số 35/QĐ-UBND ngày 14/02/2025 "
    "của Chủ tịch UBND phường Phổ Ninh)",
]
HEADER_5 = [
    "STT",
    "Nội dung công việc",
    "Kết quả công việc",
    "Cơ quan, đơn vị thực hiện",
    "Thời gian thực hiện",
]
T6_CONTENT = (
    "Triển khai thực hiện việc đánh giá, tái cấu trúc quy trình, tích hợp, cung cấp thêm dịch vụ "
    "công trực tuyến một phần, toàn trình trên tổng số TTHC thuộc thẩm quyền giải quyết của tỉnh."
)


def ward_plan_blocks() -> list["str | Table"]:
    """Seed 003's layout: letters A–Đ with Roman subsections under C, one combined units column,
    a task continued on the next page with an empty STT cell, the header pasted again mid-table,
    and the indicator appendix."""
    rows = [
        HEADER_5,
        [
            "A",
            "Ban hành văn bản quản lý nhà nước về kiểm soát thủ tục hành chính (TTHC)",
            LEFT,
            LEFT,
            LEFT,
        ],
        [
            "1",
            "Xây dựng, ban hành các văn bản về kiểm soát TTHC năm 2025.",
            "Quyết định của Chủ tịch UBND phường ban hành các kế hoạch.",
            "- Văn phòng – Thống kê\n- Các ban, ngành liên quan phối hợp.",
            "Quý I",
        ],
        ["B", "Rà soát, đơn giản hóa TTHC", LEFT, LEFT, LEFT],
        [
            "2",
            "Thực hiện rà soát, đánh giá TTHC trên các lĩnh vực.",
            "- Báo cáo kết quả rà soát.\n- Phương án đơn giản hóa, sáng kiến cải cách TTHC.",
            "Các ngành liên quan phối hợp.",
            "Theo kế hoạch",
        ],
        [
            "C",
            "Thực hiện, giải quyết TTHC, cung cấp dịch vụ công cho tổ chức, công dân",
            LEFT,
            LEFT,
            LEFT,
        ],
        ["I", "Công bố, công khai TTHC", LEFT, LEFT, LEFT],
        [
            "3",
            "Thực hiện niêm yết, đăng tải công khai TTHC.",
            "Niêm yết tại trụ sở.",
            "Văn phòng – Thống kê",
            "Thường xuyên",
        ],
        ["II", "Tổ chức thực hiện cơ chế một cửa, một cửa liên thông", LEFT, LEFT, LEFT],
        [
            "4",
            "Triển khai thực hiện việc đánh giá, tái cấu trúc quy trình, "
            "tích hợp, cung cấp thêm dịch vụ",
            "- Văn bản triển khai thực hiện.\n- Văn bản của UBND thị xã "
            "đề xuất danh mục dịch vụ công trực",
            "- Văn phòng – Thống kê;\n- Các ngành liên quan phối",
            "Thường xuyên",
        ],
        HEADER_5,
        [
            "",
            "công trực tuyến một phần, toàn trình trên tổng số TTHC "
            "thuộc thẩm quyền giải quyết của tỉnh.",
            "tuyển tích hợp trên Cổng Dịch vụ công Quốc gia.",
            "hợp.",
            "",
        ],
        ["D", "Chỉ đạo, điều hành trên môi trường điện tử gắn với cải cách TTHC", LEFT, LEFT, LEFT],
        [
            "5",
            "Thực hiện các nhiệm vụ của Nghị quyết số 131/NQ-CP.",
            "Báo cáo kết quả.",
            "- Văn phòng – Thống kê;\n- Các ngành liên quan phối hợp.",
            "Theo lộ",
        ],
        ["", "", "", "", "trình Kế hoạch"],
        ["Đ", "Tổ chức tập huấn chuyên môn, nghiệp vụ kiểm soát TTHC", LEFT, LEFT, LEFT],
        [
            "6",
            "Tham gia đầy đủ các lớp tập huấn do cấp trên tổ chức",
            "Nâng cao kỹ năng cho cán bộ đầu mối.",
            "- Văn phòng – Thống kê;\n- Các ngành liên quan phối hợp.",
            "Thường xuyên",
        ],
    ]
    indicators = [
        ["Stt", "Nội dung chỉ tiêu", "Đơn vị", "Chỉ tiêu năm 2025", "Cơ quan thực hiện"],
        [
            "1",
            "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết TTHC.",
            "%",
            "Tối thiểu 80",
            "Các ngành liên quan phối hợp",
        ],
        ["2", "Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn.", "%", "100", "Văn phòng – Thống kê"],
    ]
    return [
        Table(
            [
                [
                    "ỦY BAN NHÂN DÂN\nPHƯỜNG PHỔ NINH\nSố: 35/QĐ-UBND",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
                ]
            ]
        ),
        "QUYẾT ĐỊNH",
        "Ban hành Kế hoạch hoạt động kiểm soát thủ tục hành chính "
        "năm 2025 trên địa bàn phường Phổ Ninh",
        *WARD_PREAMBLE,
        Table(rows, repeat_header_rows={0}),
        "Phụ lục",
        "VỀ CHỈ TIÊU LIÊN QUAN CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
        Table(indicators),
    ]


def two_row_header_blocks() -> list["str | Table"]:
    """A two-row header ("Phân công thực hiện" over lead | coordinating), columns in another
    order, a row of column numbers, numbering restarting per section, sub-items as own rows."""
    rows = [
        ["TT", "Nhiệm vụ", "Phân công thực hiện", LEFT, "Thời hạn", "Sản phẩm"],
        [UP, UP, "Cơ quan chủ trì", "Cơ quan phối hợp", UP, UP],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["I", "Kiểm soát việc ban hành quy định TTHC", "", "", "", ""],
        [
            "1",
            "Thẩm định quy định về TTHC trong dự thảo văn bản quy phạm pháp luật.",
            "Phòng Tư pháp",
            "Các phòng, ban soạn thảo văn bản",
            "Thường xuyên",
            "Văn bản thẩm định.",
        ],
        ["2", "Xây dựng, ban hành các văn bản về kiểm soát TTHC năm 2023.", "", "", "", ""],
        [
            "a)",
            "Kế hoạch rà soát, đánh giá TTHC.",
            "Văn phòng thành phố",
            "UBND các xã, phường",
            "Quý I",
            "Quyết định ban hành kế hoạch.",
        ],
        [
            "b)",
            "Kiện toàn đội ngũ cán bộ đầu mối kiểm soát TTHC.",
            "Văn phòng thành phố",
            "",
            "Quý IV",
            "Văn bản trình Chủ tịch UBND tỉnh.",
        ],
        ["II", "Công tác thông tin, báo cáo", "", "", "", ""],
        [
            "1",
            "Báo cáo về tình hình, kết quả kiểm soát TTHC định kỳ.",
            "Văn phòng thành phố",
            "Các phòng, ban, đơn vị",
            "- Định kỳ 3 tháng/lần.\n- Đột xuất theo thời điểm yêu cầu.",
            "Báo cáo tổng hợp.",
        ],
        [
            "3",
            "Triển khai các chế độ báo cáo trên Hệ thống thông tin báo cáo.",
            "Văn phòng thành phố",
            "",
            "Định kỳ theo quy định",
            "Báo cáo trên Hệ thống.",
        ],
    ]
    return [
        "ỦY BAN NHÂN DÂN",
        "TỈNH QUẢNG NGÃI",
        "KẾ HOẠCH",
        "Hoạt động kiểm soát thủ tục hành chính năm 2024",
        "trên địa bàn tỉnh Quảng Ngãi",
        "(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày      /01/2024 của Chủ tịch UBND tỉnh)",
        Table(rows),
    ]


def synonyms_blocks(legacy_lead: str) -> list["str | Table"]:
    """Header synonyms with separate lead and coordinating columns, section titles merged across
    the whole row ("I. …"), a line wrapped by hand inside a sentence, Word auto-bullets, a lead
    unit typed in TCVN3 with a .VnTime font (``legacy_lead`` is already encoded), and the table
    continued as a second table without its header."""
    header = [
        "Số TT",
        "Nội dung nhiệm vụ",
        "Kết quả dự kiến",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian hoàn thành",
    ]
    first = [
        header,
        ["I. Niêm yết, công khai TTHC", LEFT, LEFT, LEFT, LEFT, LEFT],
        [
            "1.",
            "Thực hiện niêm yết, đăng tải công khai TTHC trên "
            "Trang\nthông tin điện tử sau khi được công bố.",
            "• Niêm yết tại trụ sở.\n• Đăng tải trên Trang thông tin điện tử.",
            "Văn phòng thị xã",
            "UBND các xã, phường",
            "Thường xuyên",
        ],
        [
            "2.",
            "Tiếp nhận, phân loại và chuyển phản ánh, kiến nghị.",
            "Văn bản trả lời.",
            "",
            "",
            "",
        ],
    ]
    second = [
        ["II. Công tác thông tin, báo cáo", LEFT, LEFT, LEFT, LEFT, LEFT],
        [
            "3.",
            "Đôn đốc, kiểm tra việc xử lý phản ánh, kiến nghị.",
            "Báo cáo tổng hợp.",
            legacy_lead,
            "",
            "Hàng quý/năm",
        ],
    ]
    return [
        "ỦY BAN NHÂN DÂN",
        "THỊ XÃ ĐỨC PHỔ",
        "KẾ HOẠCH",
        "Kiểm soát thủ tục hành chính năm 2025",
        Table(first, bullets=True),
        "",
        Table(second, legacy_font=".VnTime", legacy_columns={3}),
        "CHỦ TỊCH",
    ]


def _seed_cell(text: str) -> str:
    """A cell of the seed's text tables: HTML lists become one line per item, tags go."""
    text = re.sub(r"</li>\s*<li>|</p>\s*<p>", "\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _seed_paragraph(line: str) -> str:
    return re.sub(r"^#+\s*|\*\*|(?<!\*)\*(?!\*)", "", line).strip()


def seed_003_blocks(seed: Path) -> list["str | Table"]:
    """The ward 2025 plan (seed 003) as the Word file it was: the letterhead the seed text
    leaves out, then every paragraph and table of the seed, tables split at page breaks joined
    into one with the header repeated where the page broke."""
    blocks: list[str | Table] = [
        Table(
            [
                [
                    "ỦY BAN NHÂN DÂN\nPHƯỜNG PHỔ NINH\nSố: 35/QĐ-UBND",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
                ]
            ]
        )
    ]
    rows: list[list[str]] = []
    for raw in seed.read_text(encoding="utf-8").splitlines():
        if "\t" in raw:
            cells = [_seed_cell(cell) for cell in raw.split("\t")]
            if len(cells) >= 3 and cells[1] and all(not c for c in cells[2:]) and cells[0]:
                cells = [cells[0], cells[1], *[LEFT] * (len(cells) - 2)]
            rows.append(cells)
            continue
        if not raw.strip():
            continue
        if rows:
            blocks.append(Table(rows, repeat_header_rows={0}))
            rows = []
        text = _seed_paragraph(raw)
        if text:
            blocks.append(text)
    if rows:
        blocks.append(Table(rows, repeat_header_rows={0}))
    return blocks
