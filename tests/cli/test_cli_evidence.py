"""``kscdesk evidence add|list``: records with files, the JSON shape, and refusals by name."""

import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.evidence_plan import save_ward_plan

from kscdesk.cli import main
from kscdesk.services.workspace import Workspace

CITATION = "Kế hoạch số 56/KH-UBND ngày 09/3/2025 của UBND phường về rà soát TTHC năm 2025"


@pytest.fixture
def data(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    with Workspace.open(folder) as ws:
        save_ward_plan(ws)
    yield folder


def run(data: Path, *argv: str) -> int:
    return main([*argv, "--data-dir", str(data)])


def test_evidence_add_from_a_citation_with_a_file_for_two_tasks(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "KH 56.pdf"
    file.write_bytes(b"%PDF-1.4 plan")
    argv = ["evidence", "add", "--task", "1a", "--task", "II.3", "--citation", CITATION]
    assert run(data, *argv, "--file", str(file), "--json") == 0
    added = json.loads(capsys.readouterr().out)
    assert {k: added[k] for k in ("kind", "number", "date", "issuer", "tasks")} == {
        "kind": "KH",
        "number": "56/KH-UBND",
        "date": "2025-03-09",
        "issuer": "UBND phường",
        "tasks": ["1a", "3"],
    }
    assert [f["name"] for f in added["files"]] == ["KH 56.pdf"]
    assert run(data, "evidence", "list", "--task", "1a", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["id"] for e in listed["evidence"]] == [added["id"]]
    assert listed["warnings"] == []
    assert run(data, "evidence", "list", "--search", "ra soat", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)["evidence"]) == 1


def test_evidence_add_with_typed_fields_prints_the_record(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["evidence", "add", "--task", "1b", "--number", "12/BC-UBND", "--date", "20/3/2025"]
    assert run(data, *argv, "--issuer", "UBND phường", "--summary", "Kết quả quý I") == 0
    out = capsys.readouterr().out
    assert "Báo cáo số 12/BC-UBND ngày 20/03/2025 của UBND phường – Kết quả quý I" in out


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--task", "9z", "--number", "1/BC-UBND"], "nhiệm vụ “9z”"),
        (["--task", "1a", "--number", "12BC"], "“12BC” không phải số, ký hiệu văn bản"),
        (["--task", "1a", "--number", "1/BC-UBND", "--date", "hôm qua"], "“hôm qua”"),
        (["--task", "1a", "--number", "1/BC-UBND", "--file", "/không/có.pdf"], "/không/có.pdf"),
        (["--task", "1a", "--citation", "Kế hoạch của UBND"], "không phải số, ký hiệu"),
    ],
)
def test_bad_input_exits_1_with_a_vietnamese_message_and_stores_nothing(
    data: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert run(data, "evidence", "add", *extra) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert run(data, "evidence", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == {"evidence": []}


def test_decomposed_text_on_the_command_line_is_stored_nfc(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = unicodedata.normalize("NFD", "Kết quả rà soát")
    argv = ["evidence", "add", "--task", "2", "--number", "4/BC-UBND", "--summary", summary]
    assert run(data, *argv, "--json") == 0
    assert json.loads(capsys.readouterr().out)["summary"] == "Kết quả rà soát"
