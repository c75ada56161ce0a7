"""``kscdesk progress list|set`` and ``kscdesk todo``: JSON shapes, refusals that store nothing."""

import json
from pathlib import Path

import pytest

from kscdesk.cli import main


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    assert main(["demo", "--data-dir", str(folder)]) == 0
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def listing(capsys: pytest.CaptureFixture[str], folder: Path) -> dict:  # type: ignore[type-arg]
    code, out, _ = run(
        capsys, "progress", "list", "--period", "2023-Q1", "--json", "--data-dir", str(folder)
    )
    assert code == 0
    return json.loads(out)  # type: ignore[no-any-return]


def test_progress_list_prints_the_window_tasks_statuses_and_evidence(
    demo_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = listing(capsys, demo_folder)
    assert data["period"] == "2023-Q1"
    assert data["window"] == ["2022-12-15", "2023-03-14"]
    task = next(t for t in data["tasks"] if t["number"] == "1a")
    assert set(task) >= {"id", "number", "content", "due", "status", "completed_on", "note"}
    assert task["due"] == ["2023-03-31"]
    assert task["status"] == "done_early"
    assert task["completed_on"] == "2023-02-20"
    assert task["evidence"][0]["number"] == "18/KH-UBND"
    assert task["evidence"][0]["date"] == "2023-02-20"
    assert task["evidence"][0]["files"] == []


def test_progress_set_by_section_number_changes_the_listing(
    tmp_path: Path, demo_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "copy"
    folder.mkdir()
    (folder / "kscdesk.sqlite3").write_bytes((demo_folder / "kscdesk.sqlite3").read_bytes())
    code, _, err = run(
        capsys,
        "progress", "set", "II.3", "--period", "2023-Q1", "--status", "done",
        "--date", "10/03/2023", "--note", "Đã góp ý", "--data-dir", str(folder),
    )  # fmt: skip
    assert code == 0, err
    task = next(t for t in listing(capsys, folder)["tasks"] if t["number"] == "3")
    assert (task["status"], task["completed_on"], task["note"]) == (
        "done_early",
        "2023-03-10",
        "Đã góp ý",
    )


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        (["99", "--status", "done"], "“99”"),
        (["6", "--status", "done", "--date", "31/02/2023"], "31/02/2023"),
        (["6", "--status", "done", "--date", "hôm qua"], "hôm qua"),
        (["6", "--status", "done_on_time", "--date", "20/03/2023"], "lý do"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_nothing_is_stored(
    tmp_path: Path,
    demo_folder: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    named: str,
) -> None:
    folder = tmp_path / "copy"
    folder.mkdir()
    (folder / "kscdesk.sqlite3").write_bytes((demo_folder / "kscdesk.sqlite3").read_bytes())
    before = listing(capsys, folder)
    code, _, err = run(
        capsys, "progress", "set", *extra, "--period", "2023-Q1", "--data-dir", str(folder)
    )
    assert code == 1
    assert named in err and "Traceback" not in err
    assert listing(capsys, folder) == before


def test_an_unknown_status_is_a_usage_error_and_help_lists_the_slugs(
    demo_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["progress", "set", "6", "--period", "2023-Q1", "--status", "xong"])
    assert exit_info.value.code == 2
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["progress", "set", "--help"])
    help_text = capsys.readouterr().out
    for slug in ("not_started", "in_progress", "done", "not_occurred", "done_late"):
        assert slug in help_text


def test_todo_json_has_every_group_and_the_next_report(
    demo_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "todo", "--json", "--data-dir", str(demo_folder))
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"overdue", "due_soon", "without_evidence", "next_report", "period"}
    assert data["next_report"]["due"] >= data["today"]


def test_an_unknown_period_or_plan_is_refused_by_name(
    demo_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "progress", "list", "--period", "2025-Q5", "--data-dir", str(demo_folder)
    )
    assert code == 1 and "2025-Q5" in err
    code, _, err = run(
        capsys,
        "progress",
        "list",
        "--period",
        "2023-Q1",
        "--plan",
        "zzzz",
        "--data-dir",
        str(demo_folder),
    )
    assert code == 1 and "zzzz" in err


def test_a_standing_slug_with_a_reason_is_stored_as_an_override(
    tmp_path: Path, demo_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "copy"
    folder.mkdir()
    (folder / "kscdesk.sqlite3").write_bytes((demo_folder / "kscdesk.sqlite3").read_bytes())
    code, out, err = run(
        capsys,
        "progress", "set", "6", "--period", "2023-Q1", "--status", "done_on_time",
        "--date", "20/03/2023", "--reason", "Gia hạn đến 25/3", "--json",
        "--data-dir", str(folder),
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["override"] == "done_on_time"
    task = next(t for t in listing(capsys, folder)["tasks"] if t["number"] == "6")
    assert (task["status"], task["override_reason"]) == ("done_on_time", "Gia hạn đến 25/3")
