"""What an administrative document laid out per NĐ 30/2020/NĐ-CP is made of, as plain data.

A `DocumentSpec` names every part of the document (header, kind, summary, body blocks, closing,
appendices); `kscdesk.formats.nd30.build_document` turns it into a Word document. No layout
lives here and no data lives in the builder, so a report, a decision with its annexed plan and
a consolidated summary are all the same builder fed different specs.
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Literal

Align = Literal["left", "center", "right", "justify"]

BLANK_NUMBER = "      "  # drafts leave the number and the day blank for the clerk (văn thư)


class Role(StrEnum):
    """How a body paragraph is set."""

    BODY = "body"  # 14 pt, justified, first-line indent, 6 pt after
    HEADING_1 = "heading_1"  # "I. KẾT QUẢ …": upper case, bold
    HEADING_2 = "heading_2"  # "1. Công tác …": bold
    HEADING_3 = "heading_3"  # "1.1. …" or "a) …" as a heading: bold italic
    POINT = "point"  # "a) …", "- …": a body paragraph (same indent and size)
    CENTERED = "centered"  # "QUYẾT ĐỊNH:", "Điều …" titles: centred, bold
    NOTE = "note"  # italic body paragraph ("Số liệu tính từ ngày …")


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph with its own weight ("Điều 1." bold, then plain text)."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: either ``text`` or, when set, its ``runs``."""

    text: str = ""
    role: Role = Role.BODY
    runs: tuple[Run, ...] = ()


@dataclass(frozen=True)
class Cell:
    """A table cell; ``colspan``/``rowspan`` merge it with its right/lower neighbours."""

    text: str
    bold: bool = False
    italic: bool = False
    align: Align = "left"
    colspan: int = 1
    rowspan: int = 1


CellLike = Cell | str


@dataclass(frozen=True)
class Table:
    """A ruled table; header rows are bold, centred and repeated on every page."""

    widths: tuple[float, ...]  # relative column widths; scaled to the text width
    header_rows: tuple[tuple[CellLike, ...], ...] = ()
    rows: tuple[tuple[CellLike, ...], ...] = ()
    font_size: float = 12
    number_row: bool = False  # a row (1), (2), … under the header, as statistical forms have
    # How the body's plain-text cells (str, not Cell) are set: per column alignment (left when
    # not given) and the body rows, counted from 0, set in bold. A big table given as rows of
    # strings is written without a Cell object per cell.
    align: tuple[Align, ...] = ()
    strong_rows: frozenset[int] = frozenset()


Block = Paragraph | Table


@dataclass(frozen=True)
class Header:
    """The header table: issuing agency on the left, national motto on the right."""

    issuing_agency: tuple[str, ...]  # bold: ("ỦY BAN NHÂN DÂN", "PHƯỜNG TRẦN PHÚ")
    symbol: str  # the part after the number: "BC-UBND", "QĐ-UBND"
    place: str  # "Trần Phú" in "Trần Phú, ngày … tháng … năm …"
    year: int
    month: int
    day: int | None = None  # None in a draft: the day is left blank
    number: str = ""  # "" in a draft: "Số:      /BC-UBND"
    parent_agency: tuple[str, ...] = ()  # not bold, above the issuing agency

    @classmethod
    def dated(  # noqa: PLR0913 - the header's own facts
        cls,
        issuing_agency: tuple[str, ...],
        symbol: str,
        place: str,
        issued_on: date,
        number: str = "",
        parent_agency: tuple[str, ...] = (),
    ) -> "Header":
        return cls(
            issuing_agency=issuing_agency,
            symbol=symbol,
            place=place,
            year=issued_on.year,
            month=issued_on.month,
            day=issued_on.day,
            number=number,
            parent_agency=parent_agency,
        )

    @property
    def number_line(self) -> str:
        """ "Số: 05/BC-UBND" (leading zero below 10), or "Số:      /BC-UBND" in a draft."""
        number = self.number.strip()
        if number.isdigit() and int(number) < 10:
            number = f"{int(number):02d}"
        return f"Số:{' ' + number if number else BLANK_NUMBER}/{self.symbol}"

    @property
    def date_line(self) -> str:
        """ "Trần Phú, ngày 05 tháng 01 năm 2026": day two digits, month 0-padded only for 1, 2."""
        day = f"{self.day:02d}" if self.day else BLANK_NUMBER
        month = f"{self.month:02d}" if self.month <= 2 else str(self.month)
        return f"{self.place}, ngày {day} tháng {month} năm {self.year}"

    @property
    def issued_text(self) -> str:
        """ "ngày 05 tháng 01 năm 2026" (day blank in a draft), for "(Kèm theo … số …)"."""
        return self.date_line.split(", ", 1)[1]


@dataclass(frozen=True)
class Closing:
    """The closing table: recipients on the left, the signer's block on the right."""

    recipients: tuple[str, ...]  # "- UBND thành phố Quảng Ngãi;" … "- Lưu: VT, VP."
    authority: str = "TM. ỦY BAN NHÂN DÂN"  # or "KT. CHỦ TỊCH"
    title: str = "CHỦ TỊCH"  # or "PHÓ CHỦ TỊCH"
    signer_name: str = ""


@dataclass(frozen=True)
class Appendix:
    """An annex in its own section (landscape by default), after the closing."""

    title: str  # set upper case: "SỐ LIỆU CHỈ TIÊU …"
    attached_to: str  # "(Kèm theo Báo cáo số      /BC-UBND ngày … của UBND …)"
    blocks: tuple[Block, ...] = ()
    label: str = "Phụ lục"  # "Phụ lục", "Phụ lục I", "KẾ HOẠCH"
    landscape: bool = True


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres (NĐ 30: top, bottom 20–25; left 30–35; right 15–20)."""

    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 15


@dataclass(frozen=True)
class DocumentSpec:
    """A whole document: header, kind and summary, body, closing, appendices."""

    header: Header
    kind: str  # "BÁO CÁO", "QUYẾT ĐỊNH", "KẾ HOẠCH"
    summary: tuple[str, ...]  # the trích yếu, one or more centred bold lines
    blocks: tuple[Block, ...] = ()
    closing: Closing | None = None
    appendices: tuple[Appendix, ...] = ()
    body_size: float = 14  # one size for the whole body (13 or 14)
    header_size: float = 13  # agency and motto lines (12 or 13)
    font: str = "Times New Roman"
    margins: Margins = field(default_factory=Margins)


def recipient_lines(recipients: list[str], archive: str = "VT") -> tuple[str, ...]:
    """ "- A;" per recipient, then "- Lưu: VT." as NĐ 30 writes the Nơi nhận list."""
    lines = [f"- {name.strip().rstrip(';.')};" for name in recipients if name.strip()]
    lines.append(f"- Lưu: {archive}.")
    return tuple(lines)
