"""Issue 3 acceptance: plans in layouts the parser was not written against, from real seed content.

The documents come from ``helpers/plan_variant_docs.py`` (independent of ``docx_builders.py``);
the answer keys follow ../shared/fixtures/README.md. One test measures task-field accuracy over all
of them (>= 98%); one test per layout asserts exact equality.
"""

from typing import Any

import pytest
from helpers.plan_variant_docs import BUILDERS, Variant
from helpers.plan_variants import field_accuracy

from kscdesk.domain.model import PlanContent
from kscdesk.formats.errors import PlanFileError
from kscdesk.formats.plan_json import content_to_json
from kscdesk.formats.plan_reader import read_plan


def _got_tasks(content: PlanContent) -> list[dict[str, Any]]:
    tasks: list[dict[str, Any]] = content_to_json(content)["tasks"]
    return tasks


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> list[Variant]:
    folder = tmp_path_factory.mktemp("unseen")
    return [build(folder) for build in BUILDERS]


def test_at_least_ten_word_and_three_excel_documents_are_built(variants: list[Variant]) -> None:
    suffixes = [v.path.suffix for v in variants]
    assert suffixes.count(".docx") >= 10
    assert suffixes.count(".xlsx") >= 3


def test_task_fields_are_right_in_at_least_98_percent_over_all_documents(
    variants: list[Variant],
) -> None:
    right = total = 0
    for variant in variants:
        expected = [t.fields() for t in variant.plan.tasks]
        try:
            got = _got_tasks(read_plan(variant.path))
        except PlanFileError:
            got = []  # a refused document: every field of it wrong
        r, n = field_accuracy(expected, got)
        print(f"{variant.name}: {r}/{n}")
        right += r
        total += n
    print(f"task-field accuracy on unseen layouts: {right}/{total} = {right / total:.4f}")
    assert right / total >= 0.98


@pytest.mark.parametrize("index", range(len(BUILDERS)), ids=[b.__name__ for b in BUILDERS])
def test_each_layout_gives_its_answer_key_exactly(variants: list[Variant], index: int) -> None:
    variant = variants[index]
    content = read_plan(variant.path)
    assert _got_tasks(content) == [t.fields() for t in variant.plan.tasks]
    assert [(s.code, s.title, s.parent_code) for s in content.sections] == variant.plan.sections
    indicators = [
        (i.number, i.name, i.unit, i.target_text, i.coordinating or i.lead)
        for i in content.indicators
    ]
    assert indicators == list(variant.plan.indicators)
    decision = content.plan.decision
    got = (decision.number, decision.date) if decision is not None else None
    assert got == variant.decision
