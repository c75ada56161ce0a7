"""The parent office's summary report of a period as a Word document on the NĐ 30/2020 builder:
the drafted text of `kscdesk.domain.consolidation_summary`, its tables, the closing table and a
landscape appendix with the per-commune tables."""

from pathlib import Path

from kscdesk.domain.consolidation import Consolidation
from kscdesk.domain.consolidation_summary import Grid, Line, Piece, SummaryDraft, draft_summary
from kscdesk.domain.report_input import Letterhead
from kscdesk.formats.nd30 import (
    Appendix,
    Block,
    Cell,
    CellLike,
    Closing,
    DocumentSpec,
    Header,
    Paragraph,
    Role,
    Table,
    save_document,
)

SUMMARY_SYMBOL = "BC-UBND"
_ROLES = {
    "heading_1": Role.HEADING_1,
    "heading_2": Role.HEADING_2,
    "body": Role.BODY,
    "note": Role.NOTE,
    "point": Role.POINT,
}
# Relative column widths per table; the columns after the named ones share the last width.
_WIDTHS: dict[str, tuple[float, ...]] = {
    "tasks": (1.3, 5.6, 1.7, 1.7, 1.5, 1.7, 1.7, 1.7),
    "indicators": (1.3, 7.0, 2.2, 4.6),
    "communes": (1.2, 4.4, 2.6, 3.2, 1.6, 1.6, 1.4, 1.6, 1.6, 1.6, 2.2),
    "commune_indicators": (1.2, 4.6, 3.4),
}
_TEXT_COLUMNS = {1}  # the content/name column is left-aligned; the others are centred
_SMALL_TABLES = {"communes", "commune_indicators"}  # 11 pt in the landscape appendix


def _widths(grid: Grid) -> tuple[float, ...]:
    named = _WIDTHS[grid.name]
    columns = len(grid.header)
    return tuple(named[min(n, len(named) - 1)] for n in range(columns))


def _section_row(row: tuple[str, ...], bold: bool) -> tuple[Cell, ...]:
    """A section row: its code, and its title spanning the count columns."""
    return (
        Cell(row[0], bold=bold, align="center"),
        Cell(row[1], bold=bold, colspan=len(row) - 1),
    )


def grid_table(grid: Grid) -> Table:
    """The grid's rows as they are (plain text: bold in the strong rows, the text column
    left-aligned and the others centred); a section row spans the count columns."""
    rows: tuple[tuple[CellLike, ...], ...] = grid.rows
    if grid.spanning:
        rows = tuple(
            _section_row(row, index in grid.strong) if index in grid.spanning else row
            for index, row in enumerate(grid.rows)
        )
    columns = len(grid.header)
    return Table(
        _widths(grid),
        header_rows=(grid.header,),
        rows=rows,
        font_size=11 if grid.name in _SMALL_TABLES else 12,
        align=tuple("left" if n in _TEXT_COLUMNS else "center" for n in range(columns)),
        strong_rows=grid.strong,
    )


def _blocks(pieces: tuple[Piece, ...]) -> list[Block]:
    blocks: list[Block] = []
    for piece in pieces:
        if isinstance(piece, Line):
            blocks.append(Paragraph(piece.text, _ROLES[piece.role]))
        else:
            blocks.append(grid_table(piece))
    return blocks


def summary_spec(view: Consolidation, draft: SummaryDraft, letterhead: Letterhead) -> DocumentSpec:
    """The NĐ 30 spec of the summary; number and day left blank (a draft for the clerk)."""
    deadline = view.deadline
    header = Header(
        issuing_agency=letterhead.agency_lines,
        parent_agency=letterhead.parent_agency,
        symbol=SUMMARY_SYMBOL,
        place=letterhead.place,
        year=deadline.year,
        month=deadline.month,
    )
    body: list[Block] = [Paragraph(draft.window, Role.NOTE)] if draft.window else []
    body += _blocks(draft.pieces)
    appendix = Appendix(
        title=draft.appendix_title,
        attached_to=(
            f"(Kèm theo Báo cáo số      /{SUMMARY_SYMBOL} {header.issued_text} "
            f"của {view.office_name})"
        ),
        blocks=tuple(_blocks(draft.appendix)),
    )
    return DocumentSpec(
        header=header,
        kind="BÁO CÁO",
        summary=(draft.title,),
        blocks=tuple(body),
        closing=Closing(
            recipients=letterhead.recipients,
            authority=letterhead.signer_authority,
            title=letterhead.signer_title,
            signer_name=letterhead.signer_name,
        ),
        appendices=(appendix,),
    )


def write_summary_docx(view: Consolidation, letterhead: Letterhead, path: Path) -> Path:
    """Draft and write the summary atomically; OutputFileLocked when the file is open in Word."""
    return save_document(summary_spec(view, draft_summary(view), letterhead), path)
