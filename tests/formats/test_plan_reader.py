"""read_plan: one entry point for .docx, .xlsx, .json and .doc plans, and its refusals."""

import json
import subprocess
from pathlib import Path

import pytest
from helpers.docx_builders import HEADER_5, Table, ward_plan_blocks, write_docx

from kscdesk.domain.work import Cancelled, CancelToken
from kscdesk.formats import doc_conversion
from kscdesk.formats.errors import (
    EmptyPlanTable,
    LegacyWordFile,
    NotAPlan,
    OversizedFile,
    UnreadablePlanFile,
    UnsupportedFileType,
)
from kscdesk.formats.plan_json import content_to_json
from kscdesk.formats.plan_reader import read_plan


def truth_without_units_raw(fixtures_dir: Path) -> dict:
    truth = json.loads((fixtures_dir / "city2023.truth.json").read_text(encoding="utf-8"))
    for task in truth["tasks"]:
        del task["units_raw"]
    return truth


@pytest.mark.parametrize("name", ["city2023.docx", "city2023.xlsx"])
def test_word_and_excel_fixtures_give_the_same_answer_key(fixtures_dir: Path, name: str) -> None:
    truth = truth_without_units_raw(fixtures_dir)
    got = content_to_json(read_plan(fixtures_dir / name))
    for key in ("issuer", "level", "year", "title", "columns", "sections", "tasks", "indicators"):
        assert got[key] == truth[key], key


def test_a_plan_exported_as_json_reads_back_the_same(fixtures_dir: Path, tmp_path: Path) -> None:
    data = content_to_json(read_plan(fixtures_dir / "city2023.docx"))
    path = tmp_path / "kehoach.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert content_to_json(read_plan(path)) == data


def test_a_letter_is_not_a_plan(fixtures_dir: Path) -> None:
    with pytest.raises(NotAPlan, match=r"notaplan\.docx"):
        read_plan(fixtures_dir / "notaplan.docx")


def test_a_truncated_file_is_unreadable(fixtures_dir: Path) -> None:
    with pytest.raises(UnreadablePlanFile, match=r"corrupt\.docx"):
        read_plan(fixtures_dir / "corrupt.docx")


def test_a_plan_table_with_only_a_header_is_empty(tmp_path: Path) -> None:
    blocks = ward_plan_blocks()
    plan_table = next(b for b in blocks if isinstance(b, Table) and b.rows[0] == HEADER_5)
    del plan_table.rows[1:]  # keep the header of the plan table only
    with pytest.raises(EmptyPlanTable, match=r"ward\.docx"):
        read_plan(write_docx(tmp_path / "ward.docx", blocks))


def test_a_file_over_50_mb_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "lon.json"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024 + 1)
    with pytest.raises(OversizedFile, match=r"lon\.json"):
        read_plan(path)


def test_other_file_types_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "kehoach.rtf"
    path.write_bytes(b"{\\rtf1}")
    with pytest.raises(UnsupportedFileType, match=r"kehoach\.rtf"):
        read_plan(path)


def test_broken_json_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "kehoach.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(UnreadablePlanFile, match=r"kehoach\.json"):
        read_plan(path)


def test_a_doc_without_libreoffice_asks_to_save_as_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(doc_conversion, "find_soffice", lambda: None)
    path = tmp_path / "kehoach.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(LegacyWordFile, match=r"kehoach\.doc"):
        read_plan(path)


def test_progress_reaches_the_callback_and_cancel_stops_the_import(fixtures_dir: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    read_plan(fixtures_dir / "city2023.docx", progress=lambda *a: calls.append(a))
    assert calls and all(isinstance(what, str) and what for _, _, what in calls)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        read_plan(fixtures_dir / "city2023.docx", cancel=token)


@pytest.mark.slow
def test_a_doc_is_converted_with_libreoffice_when_it_is_installed(tmp_path: Path) -> None:
    soffice = doc_conversion.find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    docx_path = write_docx(tmp_path / "ward.docx", ward_plan_blocks())
    command = [str(soffice), f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless"]
    command += ["--convert-to", "doc", "--outdir", str(tmp_path / "doc"), str(docx_path)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    from_doc = read_plan(tmp_path / "doc" / "ward.doc")
    from_docx = read_plan(docx_path)
    assert from_doc.plan.source_name == "ward.doc"
    assert content_to_json(from_doc)["tasks"] == content_to_json(from_docx)["tasks"]
    assert len(from_doc.indicators) == 2
