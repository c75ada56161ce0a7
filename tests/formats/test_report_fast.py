"""The fast route for report data at the parent: it accepts only what the general way accepts,
keeps the same rows, and leaves every other document to the general way."""

import json
import unicodedata
from typing import Any

import pytest
from helpers.packages import report_json
from hypothesis import given, settings
from hypothesis import strategies as st

from kscdesk.domain.exchange import ReportSummary, report_summary
from kscdesk.formats.package.report_fast import decode_report_summary
from kscdesk.formats.package.report_json import InvalidData, report_from_json

EVIDENCE = {
    "uid": "e1",
    "doc_type": "KH",
    "number_symbol": "1/KH",
    "issued_on": "2025-01-02",
    "issuer": "",
    "summary": "",
    "task_uids": ["t1"],
    "attachments": [{"sha256": "a" * 64, "file_name": "x.pdf", "size": 3}],
}

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=5)
    | st.sampled_from(["2025-02-30", "2025-01-05", " ", "\u0065\u0301"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
PLACES = ["schema", "period", "plan", "tasks", "evidence", "indicators", "report_text"]
RECORDS = {"tasks": 0, "indicators": 0, "evidence": 0}


def _general(document: Any) -> ReportSummary | None:
    try:
        return report_summary(report_from_json(document, build_evidence=False))
    except InvalidData:
        return None


def _document() -> dict[str, Any]:
    document = report_json()
    document["evidence"] = [dict(EVIDENCE)]
    return document


def test_a_valid_report_takes_the_fast_route_with_the_general_ways_rows() -> None:
    document = _document()
    fast = decode_report_summary(json.dumps(document).encode())
    assert fast is not None
    assert fast == _general(document)
    assert fast.tasks == [("pt1", "1", "done", False)]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_fast_route_accepts_nothing_the_general_way_refuses_and_keeps_the_same_rows(
    data: st.DataObject,
) -> None:
    document = _document()
    place = data.draw(st.sampled_from([*PLACES, *(f"{key}.0" for key in RECORDS)]))
    value = data.draw(JSON)
    if "." in place:
        head = place.split(".")[0]
        field = data.draw(st.sampled_from(sorted(document[head][0])))
        document[head][0] = {**document[head][0], field: value}
    elif place == "plan":
        document["plan"] = {
            **document["plan"],
            data.draw(st.sampled_from(["uid", "year", "title", "parent_plan_uid"])): value,
        }
    else:
        document[place] = value
    fast = decode_report_summary(json.dumps(document).encode())
    if fast is not None:
        assert fast == _general(document)


def test_decomposed_text_is_kept_composed_as_the_general_way_keeps_it() -> None:
    document = _document()
    decomposed = unicodedata.normalize("NFD", "Rà soát thủ tục")
    document["tasks"][0]["status"] = decomposed
    document["tasks"][0]["sub"] = unicodedata.normalize("NFD", "ế")
    document["indicators"][0]["name"] = unicodedata.normalize("NFD", "Tỷ lệ")
    fast = decode_report_summary(json.dumps(document, ensure_ascii=False).encode())
    assert fast is not None and fast == _general(document)
    assert fast.tasks[0][2] == "Rà soát thủ tục"
    assert fast.tasks[0][1] == "1ế"
    assert fast.indicators[0][1] == "Tỷ lệ"


@pytest.mark.parametrize("part", ["evidence", "tasks", "indicators", "plan"])
def test_a_required_text_of_spaces_goes_the_general_way_which_refuses_it(part: str) -> None:
    document = _document()
    record = document[part] if part == "plan" else document[part][0]
    record["uid"] = " \r "
    assert decode_report_summary(json.dumps(document).encode()) is None
    assert _general(document) is None


def test_shapes_the_general_way_accepts_but_the_fast_route_does_not_go_the_general_way() -> None:
    for change in (
        lambda d: d["tasks"][0].update(not_applicable="yes"),  # any value: only true counts
        lambda d: d["tasks"][0].update(completed_on="20250201"),  # another ISO 8601 form
    ):
        document = _document()
        change(document)
        assert decode_report_summary(json.dumps(document).encode()) is None
        assert _general(document) is not None


def test_bytes_that_are_not_utf8_or_not_json_go_the_general_way() -> None:
    good = json.dumps(_document(), ensure_ascii=False).encode()
    for bad in (good.replace("Rà".encode(), b"R\xe0"), good[:-1], b"\xef\xbb\xbf" + good):
        assert decode_report_summary(bad) is None
