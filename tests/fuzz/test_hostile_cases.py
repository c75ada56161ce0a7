"""The time and memory classes of issue 12, one named file each, through the fuzz harness: the
real command in a worker under the memory ceiling, each file under the time ceiling. Before the
fix each of these took from 11 s to minutes, or grew the process past 4 GB."""

from pathlib import Path

import pytest
from helpers import hostile_files as hf

from fuzz.corpus import Case, plan_import
from fuzz.docx_cases import docx_bytes
from fuzz.harness import SUMMARIES, run_corpus
from fuzz.xlsx_cases import _sheet, _with_rows, _with_sheet
from fuzz.zip_mutations import rebuild
from kscdesk.formats import plan_table

ROWS = 9_999  # just under the row limit: the most a file may make the row walk do


def continuation_docx() -> bytes:
    return docx_bytes(
        rows=[*hf.plan_rows(1), *[["", f"tiếp {n}", "", "", ""] for n in range(ROWS - 1)]]
    )


def continuation_xlsx(base: bytes) -> bytes:
    return _with_rows(base, [["1", "Nhiệm vụ"], *[["", f"tiếp {n}"] for n in range(ROWS - 1)]])


def vmerge_chain() -> bytes:
    first = [
        "1",
        hf.Raw(hf.cell("Nội dung gộp dọc " * 50, '<w:vMerge w:val="restart"/>')),
        "",
        "",
        "",
    ]
    merged = hf.Raw(hf.cell("", "<w:vMerge/>"))
    return docx_bytes(
        rows=[first, *[["", merged, f"kết quả {n}", "", ""] for n in range(ROWS - 1)]]
    )


def lines_cell(count: int) -> bytes:
    cell = hf.Raw(
        "<w:tc><w:p><w:r>"
        + "<w:br/>".join(f"<w:t>dòng {n}</w:t>" for n in range(count))
        + "</w:r></w:p></w:tc>"
    )
    return docx_bytes(rows=[["1", cell, "Báo cáo", "Văn phòng", "Quý I"]])


def padded_empty_paragraphs() -> bytes:
    # 38 MB of empty paragraphs, varied so that the compression ratio looks ordinary: refused by
    # the part size limit (32 MB) before any parser builds 1.4 million elements.
    body = "".join(f'<w:p w:rsidR="{n:08X}"/>' for n in range(1_400_000))
    return docx_bytes(body=body + hf.plan_body(hf.plan_rows(2)))


def xlsx_with(base: bytes, replace: tuple[bytes, bytes]) -> bytes:
    return _with_sheet(base, _sheet(base).replace(replace[0].decode(), replace[1].decode(), 1))


def cases(folder: Path) -> list[Case]:
    base = hf.plan_xlsx(folder / "base.xlsx", merges=["G1:H1"]).read_bytes()
    far = hf.plan_xlsx(folder / "far.xlsx", cells={"AAA100000": "x"}).read_bytes()
    corner = hf.plan_xlsx(folder / "corner.xlsx", cells={"XFD1048576": "x"}).read_bytes()
    roman = docx_bytes(
        body=hf.paragraph("Mở đầu", hf.NUMBERED) + hf.plan_body(hf.plan_rows(2)),
        numbering=hf.numbering_xml("upperRoman", start=10**7),
    )
    span = docx_bytes(
        rows=[["1", "Nhiệm vụ", hf.Raw(hf.cell("x", '<w:gridSpan w:val="1000000000"/>'))]]
    )
    built = {
        "continuation-rows.docx": continuation_docx(),
        "continuation-rows.xlsx": continuation_xlsx(base),
        "vmerge-chain.docx": vmerge_chain(),
        "cell-of-10000-lines.docx": lines_cell(10_000),
        "cell-of-5-MB-of-lines.docx": lines_cell(600_000),
        "upper-roman-from-10-million.docx": roman,
        "grid-span-10-9.docx": span,
        "empty-paragraphs-38-MB.docx": padded_empty_paragraphs(),
        "merge-whole-sheet.xlsx": xlsx_with(base, (b'"G1:H1"', b'"A1:XFD1048576"')),
        "cell-at-XFD1048576.xlsx": corner,
        "cell-at-AAA100000.xlsx": far,
    }
    found = []
    for name, data in built.items():
        path = folder / name
        path.write_bytes(rebuild([]) if data is None else data)
        found.append(Case(name, path, plan_import(path)))
    return found


@pytest.mark.slow
def test_each_time_and_memory_class_stays_under_the_ceilings(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("hostile")
    report = run_corpus(cases(folder), folder / "runs")
    SUMMARIES.append(report.summary().replace("fuzz corpus", "hostile cases of issue 12"))
    found = "\n".join(f"{name}: {problem}" for name, problem in report.violations)
    assert report.cases == 11
    assert not report.violations, found


def test_continuation_rows_clean_each_text_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Re-cleaning the growing text of a task on every continuation row made 8,000 rows take 31 s.
    cleaned: list[int] = []
    real = plan_table.tidy_cell_text

    def counting(text: str) -> str:
        cleaned.append(len(text))
        return real(text)

    monkeypatch.setattr(plan_table, "tidy_cell_text", counting)
    rows = [*hf.plan_rows(1), *[["", f"dòng tiếp theo số {n}", "", "", ""] for n in range(2_000)]]
    from kscdesk.formats.plan_reader import read_plan

    content = read_plan(hf.plan_docx(tmp_path / "tiếp.docx", rows))
    assert content.tasks[0].content.endswith("dòng tiếp theo số 1999")
    assert sum(cleaned) < 3 * len(content.tasks[0].content)
