"""Issue 13: the unseen layouts converted by LibreOffice, held to their answer keys: the Word
variants printed to PDF and saved as .odt, the Excel variants saved as .xls and .ods.

The fixtures step converts the variants of ``plan_variant_docs`` once per session (a LibreOffice
run per target format); without LibreOffice (or its Calc) these tests skip.
"""

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import FIXTURES, SEEDS
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from helpers.docx_builders import write_docx
from helpers.plan_variant_docs import BUILDERS, Variant
from helpers.prose_plan import seed_paragraphs

from kscdesk.formats.doc_conversion import find_soffice
from kscdesk.formats.plan_json import content_to_json
from kscdesk.formats.plan_reader import read_plan

# Two-row headers, restarted numbering, letter sections, sub-item rows, an indicator appendix.
RUNNING_HEADER = "UBND thành phố Quảng Ngãi – Kế hoạch kiểm soát TTHC năm 2023"
PRINTED = [
    "ward_letterhead_tt_pasted_headers",
    "city_restart_phan_zero",
    "city_bold_sections_split_units",
    "province_two_row_header",
    "province_vmerged_subs",
    "ward_hyphens_and_breaks",
]


def _landscape(path: Path) -> None:
    """Print on A4 landscape: the variants' tables are wider than python-docx's default Letter
    page, and text running off the page edge is not printed (no real plan PDF looks like that)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts["word/document.xml"] = re.sub(
        rb"<w:pgSz [^>]*/>",
        b'<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
        parts["word/document.xml"],
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _with_running_header(source: Path, target: Path) -> Path:
    """The city fixture with a running header on every page, the page number as footer and the
    signature block under the plan table."""
    document = docx.Document(str(source))
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn An"):
        document.add_paragraph(line)
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    section.footer.paragraphs[0]._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
    document.save(str(target))
    return target


@pytest.fixture(scope="session")
def pdf_variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Variant]:
    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed: PDF variants cannot be printed")
    folder = tmp_path_factory.mktemp("pdf-variants")
    built = {b.__name__: b(folder) for b in BUILDERS if b.__name__ in PRINTED}
    for variant in built.values():
        _landscape(variant.path)
    seeds = sorted(SEEDS.glob("002_*.txt"))
    prose = [write_docx(folder / "prose002.docx", seed_paragraphs(seeds[0]))] if seeds else []
    if (FIXTURES / "city2023.docx").is_file():
        prose.append(_with_running_header(FIXTURES / "city2023.docx", folder / "city-trang.docx"))
    profile = (folder / "lo-profile").resolve().as_uri()
    words = [str(v.path) for v in built.values()]
    for target, files in (("pdf", [*words, *(str(path) for path in prose)]), ("odt", words)):
        command = [str(soffice), f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        command += ["--convert-to", target, "--outdir", str(folder / target), *files]
        subprocess.run(command, capture_output=True, timeout=300, check=True)
    shutil.rmtree(folder / "lo-profile", ignore_errors=True)
    printed = {}
    for name, variant in built.items():
        pdf = folder / "pdf" / f"{variant.path.stem}.pdf"
        assert pdf.is_file(), f"LibreOffice did not print {variant.path.name}"
        printed[name] = Variant(variant.name, pdf, variant.plan, variant.decision)
    return printed


@pytest.fixture(scope="session")
def prose_pdf(pdf_variants: dict[str, Variant]) -> Path:
    pdf = next(iter(pdf_variants.values())).path.parent / "prose002.pdf"
    if not pdf.is_file():
        pytest.skip("../shared/seeds is not beside the checkout")
    return pdf


def _tasks(content: Any) -> list[dict[str, Any]]:
    tasks: list[dict[str, Any]] = content_to_json(content)["tasks"]
    return tasks


@pytest.mark.parametrize("suffix", [".pdf", ".odt"])
@pytest.mark.parametrize("name", PRINTED)
def test_each_printed_layout_gives_its_answer_key(
    pdf_variants: dict[str, Variant], name: str, suffix: str
) -> None:
    variant = pdf_variants[name]
    path = variant.path
    if suffix == ".odt":  # the same Word file saved as OpenDocument text by LibreOffice
        path = path.parent.parent / "odt" / path.with_suffix(".odt").name
    content = read_plan(path)
    assert _tasks(content) == [t.fields() for t in variant.plan.tasks]
    assert [(s.code, s.title, s.parent_code) for s in content.sections] == variant.plan.sections
    indicators = [
        (i.number, i.name, i.unit, i.target_text, i.coordinating or i.lead)
        for i in content.indicators
    ]
    assert indicators == list(variant.plan.indicators)
    decision = content.plan.decision
    assert ((decision.number, decision.date) if decision else None) == variant.decision


def test_the_prose_plan_printed_to_pdf_reads_like_its_word_file(prose_pdf: Path) -> None:
    from_pdf = content_to_json(read_plan(prose_pdf))
    from_word = content_to_json(read_plan(prose_pdf.parent.parent / "prose002.docx"))
    assert len(from_pdf["tasks"]) == 10
    for key in ("title", "issuer", "sections", "tasks"):
        assert from_pdf[key] == from_word[key], key
    assert from_pdf["warnings"][0].startswith("Kế hoạch này được viết thành văn bản")


def test_running_headers_page_numbers_and_the_signature_block_stay_out_of_the_plan(
    pdf_variants: dict[str, Variant], fixtures_dir: Path
) -> None:
    pdf = next(iter(pdf_variants.values())).path.parent / "city-trang.pdf"
    truth = json.loads((fixtures_dir / "city2023.truth.json").read_text(encoding="utf-8"))
    got = content_to_json(read_plan(pdf))
    expected = [{k: v for k, v in t.items() if k != "units_raw"} for t in truth["tasks"]]
    assert got["tasks"] == expected
    assert got["sections"] == truth["sections"] and got["title"] == truth["title"]
    assert got["warnings"] == []
    assert not any(RUNNING_HEADER in str(task) for task in got["tasks"])
    assert not any("Nguyễn Văn An" in str(task) for task in got["tasks"])


SHEETS = ["ward_xlsx", "city_xlsx_floats", "province_xlsx"]


@pytest.fixture(scope="session")
def sheet_variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Variant]:
    """The Excel variants saved by LibreOffice Calc as .xls and .ods."""
    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed: .xls/.ods variants cannot be saved")
    folder = tmp_path_factory.mktemp("sheet-variants")
    built = {b.__name__: b(folder) for b in BUILDERS if b.__name__ in SHEETS}
    profile = (folder / "lo-profile").resolve().as_uri()
    for target in ("xls", "ods"):
        command = [str(soffice), f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        command += ["--convert-to", target, "--outdir", str(folder / target)]
        command += [str(v.path) for v in built.values()]
        subprocess.run(command, capture_output=True, timeout=300, check=False)
    shutil.rmtree(folder / "lo-profile", ignore_errors=True)
    if not any((folder / "xls").glob("*.xls")):
        pytest.skip("LibreOffice Calc is not installed: .xls/.ods variants cannot be saved")
    return built


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
@pytest.mark.parametrize("name", SHEETS)
def test_each_excel_layout_saved_as_xls_and_ods_gives_its_answer_key(
    sheet_variants: dict[str, Variant], name: str, suffix: str
) -> None:
    variant = sheet_variants[name]
    path = variant.path.parent / suffix[1:] / variant.path.with_suffix(suffix).name
    content = read_plan(path)
    assert _tasks(content) == [t.fields() for t in variant.plan.tasks]
    assert [(s.code, s.title, s.parent_code) for s in content.sections] == variant.plan.sections
    indicators = [
        (i.number, i.name, i.unit, i.target_text, i.coordinating or i.lead)
        for i in content.indicators
    ]
    assert indicators == list(variant.plan.indicators)
