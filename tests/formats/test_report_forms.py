"""Statistical forms as data: the header grid comes from the column tree."""

import json
from pathlib import Path

import pytest

from kscdesk import paths
from kscdesk.formats.errors import UnreadablePlanFile
from kscdesk.formats.report_forms import header_cells, load_form


def test_form_ii_06a_has_thirteen_columns_under_two_header_rows() -> None:
    form = load_form(paths.resource_path("forms", "bieu_II_06a.json"))
    assert form.code == "II.06a" and len(form.leaves) == 13 and form.header_depth == 2
    cells = {(c.text, c.row): c for c in header_cells(form)}
    assert (cells["STT", 0].rowspan, cells["STT", 0].colspan) == (2, 1)
    received = cells["Số hồ sơ nhận giải quyết", 0]
    assert (received.col, received.colspan, received.rowspan) == (2, 4, 1)
    assert cells["Số hồ sơ đang giải quyết", 0].col == 10
    assert [c.text for c in header_cells(form) if c.row == 1][-1] == "Quá hạn"


def test_a_new_form_is_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "form.json"
    tree = {"title": "A", "children": [{"title": "B", "children": [{"title": "C"}]}]}
    path.write_text(
        json.dumps({"schema": "kscdesk.form/1", "code": "X", "columns": [{"title": "STT"}, tree]}),
        encoding="utf-8",
    )
    form = load_form(path)
    assert form.header_depth == 3
    assert [(c.text, c.row, c.rowspan) for c in header_cells(form)] == [
        ("STT", 0, 3),
        ("A", 0, 1),
        ("B", 1, 1),
        ("C", 2, 1),
    ]


def test_a_file_that_is_not_a_form_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "sai.json"
    path.write_text('{"schema": "other"}', encoding="utf-8")
    with pytest.raises(UnreadablePlanFile, match=r"sai\.json"):
        load_form(path)
