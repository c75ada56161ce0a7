"""The "kscdesk.plan/1" JSON shape: writing, reading back, refusing malformed documents."""

from datetime import date
from pathlib import Path

import pytest

from kscdesk.domain.model import (
    Decision,
    ImportWarning,
    Indicator,
    Level,
    Plan,
    PlanContent,
    Section,
    Task,
)
from kscdesk.formats.errors import UnreadablePlanFile
from kscdesk.formats.plan_json import SCHEMA, content_from_json, content_to_json

SOURCE = Path("kehoach.json")


def sample() -> PlanContent:
    plan = Plan(
        issuer="UBND phường Phổ Ninh",
        year=2025,
        title="Hoạt động kiểm soát thủ tục hành chính năm 2025",
        level=Level.COMMUNE,
        decision=Decision("35/QĐ-UBND", date(2025, 2, 14)),
        columns=("STT", "Nội dung công việc"),
    )
    return PlanContent(
        plan,
        [Section("C", "Thực hiện TTHC"), Section("I", "Công bố, công khai TTHC", "C")],
        [
            Task(
                "I",
                "1",
                "Xây dựng văn bản.",
                sub="a",
                output="Quyết định.",
                lead="Văn phòng",
                timeframe="Quý I",
            )
        ],
        [
            Indicator(
                "1",
                "Tỷ lệ hồ sơ trực tuyến.",
                "%",
                "Tối thiểu 80",
                coordinating="Các ngành phối hợp",
            )
        ],
        [ImportWarning("Số thứ tự 3 không liền mạch (sau 1).", table=2, row=7)],
    )


def test_the_json_has_the_shape_of_the_issue() -> None:
    data = content_to_json(sample())
    assert data["schema"] == SCHEMA
    assert data["decision"] == {"number": "35/QĐ-UBND", "date": "2025-02-14"}
    assert data["sections"][1] == {
        "code": "I",
        "title": "Công bố, công khai TTHC",
        "parent_code": "C",
    }
    assert data["tasks"][0] == {
        "section": "I",
        "number": "1",
        "sub": "a",
        "content": "Xây dựng văn bản.",
        "output": "Quyết định.",
        "lead": "Văn phòng",
        "coordinating": "",
        "timeframe": "Quý I",
    }
    assert data["indicators"][0]["target"] == "Tối thiểu 80"
    assert data["warnings"] == ["Bảng 2, dòng 7: Số thứ tự 3 không liền mạch (sau 1)."]


def test_reading_the_json_back_gives_the_same_json() -> None:
    data = content_to_json(sample())
    again = content_from_json(data, SOURCE)
    assert content_to_json(again) == data
    assert again.plan.source_name == "kehoach.json"
    assert (again.warnings[0].table, again.warnings[0].row) == (2, 7)


def test_text_read_from_json_is_nfc() -> None:
    data = content_to_json(sample())
    data["tasks"][0]["timeframe"] = "Quy\u0301 I"
    assert content_from_json(data, SOURCE).tasks[0].timeframe == "Quý I"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"schema": "other/1"}, "schema"),
        ({"level": "ward"}, "level"),
        ({"year": "2025"}, "year"),
        ({"tasks": {}}, "tasks"),
        ({"decision": {"number": "1/QĐ", "date": "14/02/2025"}}, "decision.date"),
        ({"tasks": [{"section": "IX", "number": "1", "content": "x"}]}, "IX"),
        ({"sections": [{"code": 1, "title": "x"}]}, "code"),
    ],
)
def test_malformed_json_is_refused_naming_the_file_and_the_field(change: dict, words: str) -> None:
    data = content_to_json(sample()) | change
    with pytest.raises(UnreadablePlanFile) as caught:
        content_from_json(data, SOURCE)
    assert "kehoach.json" in str(caught.value) and words in str(caught.value)


def test_a_json_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(UnreadablePlanFile):
        content_from_json([1, 2], SOURCE)
