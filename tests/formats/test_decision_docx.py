"""The commune's plan as issued: a decision laid out per NĐ 30 with the plan annexed (issue 6)."""

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT

from kscdesk.domain.model import Level, Office, PlanContent
from kscdesk.domain.tailoring import derive_own_plan
from kscdesk.formats.decision_docx import DecisionFacts, plan_title, write_decision_docx
from kscdesk.services.import_plan import parse_plan_file

FACTS = DecisionFacts(
    office_name="UBND phường Trần Phú",
    place="Trần Phú",
    drafted_on=date(2023, 2, 10),
    parent_citation="Quyết định số 236/QĐ-UBND ngày 12/02/2023 của Chủ tịch UBND thành phố",
    parent_name="UBND thành phố Quảng Ngãi",
)


@pytest.fixture(scope="module")
def own_plan() -> PlanContent:
    from conftest import FIXTURES

    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures is not beside the checkout")
    parent = parse_plan_file(FIXTURES / "city2023.docx")
    own = derive_own_plan(parent, Office("Phường Trần Phú", Level.COMMUNE))
    dropped = replace(own.tasks[3], not_applicable=True, not_applicable_reason="Cấp xã không")
    own.tasks[3] = dropped
    return own


def all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_the_decision_names_the_plan_cites_the_parent_and_leaves_number_and_day_blank(
    own_plan: PlanContent, tmp_path: Path
) -> None:
    out = write_decision_docx(own_plan, FACTS, tmp_path / "qd.docx")
    document = docx.Document(str(out))
    text = all_text(document)
    assert "QUYẾT ĐỊNH" in text
    assert "PHƯỜNG TRẦN PHÚ" in text
    assert re.search(r"Số: +/QĐ-UBND", text)  # the clerk writes the number …
    assert re.search(r"Trần Phú, ngày +tháng 02 năm 2023", text)  # … and the day
    assert "Căn cứ Quyết định số 236/QĐ-UBND ngày 12/02/2023" in text
    assert f"Điều 1. Ban hành kèm theo Quyết định này {plan_title(own_plan, FACTS)}." in text
    assert "- UBND thành phố Quảng Ngãi;" in text


def test_the_plan_is_annexed_in_landscape_without_the_tasks_marked_not_applicable(
    own_plan: PlanContent, tmp_path: Path
) -> None:
    document = docx.Document(str(write_decision_docx(own_plan, FACTS, tmp_path / "qd.docx")))
    assert document.sections[0].orientation == WD_ORIENT.PORTRAIT
    assert document.sections[-1].orientation == WD_ORIENT.LANDSCAPE
    plan_table = document.tables[-1]
    first_cells = [row.cells[0].text for row in plan_table.rows]
    contents = [row.cells[1].text for row in plan_table.rows]
    applicable = [t for t in own_plan.tasks if not t.not_applicable]
    dropped = own_plan.tasks[3]
    assert dropped.content not in contents
    for task in applicable:
        assert task.content in contents
    assert [s.code for s in own_plan.sections] == [
        code for code in first_cells if code in {s.code for s in own_plan.sections}
    ]
