"""Wording rules: substitutions with preview, drops from unit lists, citations left alone."""

import pytest

from kscdesk.domain.model import Task
from kscdesk.domain.wording import (
    InvalidRules,
    WordingRule,
    apply_changes,
    apply_rule,
    default_rules,
    preview_rules,
    reword,
    rules_from_json,
    rules_to_json,
)

CITY_TO_WARD = default_rules("UBND thành phố Quảng Ngãi", "Phường Phổ Ninh", 2023)


@pytest.mark.parametrize(
    ("field", "before", "after"),
    [
        ("lead", "- Văn phòng thành phố chủ trì.", "- Văn phòng – Thống kê chủ trì."),
        ("lead", "- Phòng Tư pháp thẩm định.", "- Tư pháp – Hộ tịch thẩm định."),
        (
            "coordinating",
            "- Phòng, ban, đơn vị thành phố; UBND các xã, phường phối hợp.",
            "- Các ban, ngành liên quan phối hợp.",
        ),
        ("coordinating", "- UBND các xã, phường phối hợp.", ""),
        ("lead", "- Văn phòng thành phố.\n- UBND các xã, phường.", "- Văn phòng – Thống kê."),
        (
            "output",
            "Quyết định của Chủ tịch UBND thành phố ban hành các kế hoạch",
            "Quyết định của Chủ tịch UBND phường ban hành các kế hoạch",
        ),
        (
            "content",
            "trên địa bàn thành phố Quảng Ngãi theo Kế hoạch số 56/KH-UBND ngày 09/3/2022 "
            "của UBND thành phố.",
            "trên địa bàn phường Phổ Ninh theo Kế hoạch số 56/KH-UBND ngày 09/3/2022 "
            "của UBND thành phố.",
        ),
        # "UBND các xã, phường" is dropped from unit lists only, not from content.
        ("content", "UBND các xã, phường thực hiện", "UBND các xã, phường thực hiện"),
    ],
)
def test_default_city_to_ward_rules_reword_each_field(field: str, before: str, after: str) -> None:
    assert reword(before, CITY_TO_WARD, field) == after


def test_post_2025_defaults_speak_of_the_province_and_new_commune_units() -> None:
    rules = default_rules("UBND tỉnh Quảng Ngãi", "UBND phường Đức Phổ", 2026)
    text = "- Văn phòng UBND tỉnh chủ trì; Sở Tư pháp phối hợp."
    assert reword(text, rules, "lead") == (
        "- Văn phòng HĐND và UBND chủ trì; Văn phòng HĐND và UBND phối hợp."
    )


def test_a_rule_keeps_a_capital_first_letter() -> None:
    rule = WordingRule("các phòng, ban, đơn vị", "các ban, ngành")
    assert apply_rule(rule, "Các phòng, ban, đơn vị thực hiện") == "Các ban, ngành thực hiện"


def test_preview_lists_every_change_and_applying_it_changes_only_those() -> None:
    tasks = [
        Task("I", "1", "Xây dựng văn bản.", lead="- Văn phòng thành phố chủ trì."),
        Task("I", "2", "Không đổi.", lead="Văn phòng – Thống kê"),
    ]
    changes = preview_rules(tasks, CITY_TO_WARD)
    assert [(c.label, c.field, c.new) for c in changes] == [
        ("1", "lead", "- Văn phòng – Thống kê chủ trì.")
    ]
    updated = apply_changes(tasks, changes)
    assert updated[0].lead == "- Văn phòng – Thống kê chủ trì."
    assert updated[1] is tasks[1]


def test_rules_round_trip_through_their_json_file_shape() -> None:
    assert rules_from_json(rules_to_json(CITY_TO_WARD), "x.json") == CITY_TO_WARD


@pytest.mark.parametrize(
    "data",
    [{"rules": "x"}, [{"replace": "a"}], [{"find": "  "}], [{"find": "a", "fields": ["x"]}]],
)
def test_a_malformed_rules_file_is_refused_with_its_name(data: object) -> None:
    with pytest.raises(InvalidRules, match=r"r\.json"):
        rules_from_json(data, "r.json")


def test_change_excerpts_mark_the_changed_words_with_a_little_context() -> None:
    from kscdesk.domain.wording import change_excerpts

    old = "Quyết định của Chủ tịch UBND thành phố ban hành các kế hoạch rà soát, đánh giá TTHC"
    new = "Quyết định của Chủ tịch UBND phường ban hành các kế hoạch rà soát, đánh giá TTHC"
    assert change_excerpts(old, new, context=2) == (
        "… tịch UBND «thành phố» ban hành …",
        "… tịch UBND «phường» ban hành …",
    )


def test_the_parent_units_are_listed_once_for_the_crosswalk() -> None:
    from kscdesk.domain.wording import parent_unit_names

    tasks = [
        Task(
            "I",
            "1",
            "x",
            lead="- Văn phòng thành phố chủ trì.",
            coordinating="- Phòng Tư pháp; Phòng Văn hóa và Thông tin phối hợp.",
        ),
        Task("I", "2", "y", lead="- Phòng Tư pháp thẩm định.", coordinating="Công an thành phố"),
    ]
    assert parent_unit_names(tasks) == [
        "Văn phòng thành phố",
        "Phòng Tư pháp",
        "Phòng Văn hóa và Thông tin",
        "Công an thành phố",
    ]


def test_a_rule_lowers_a_common_first_word_in_mid_sentence() -> None:
    rule = WordingRule("Các phòng, ban, đơn vị", "Các ban, ngành")
    assert apply_rule(rule, "Thủ trưởng các phòng, ban, đơn vị chỉ đạo") == (
        "Thủ trưởng các ban, ngành chỉ đạo"
    )
