"""`kscdesk plan derive|check|update` on the shared fixtures and seed 003 (issue 6)."""

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from kscdesk.cli import main
from kscdesk.domain.model import Task
from kscdesk.formats.plan_json import content_to_json
from tests.conftest import SEEDS
from tests.helpers.docx_builders import seed_003_blocks, write_docx
from tests.helpers.plan_truth import content_from_truth, load_truth

CITATION = "Kế hoạch số 56/KH-UBND ngày 09/3/2022 của UBND thành phố"


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def city_parent(fixtures_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    data = run_json(
        capsys,
        "plan",
        "import",
        str(fixtures_dir / "city2023.docx"),
        "--json",
        "--data-dir",
        str(tmp_path),
    )
    assert isinstance(data, dict)
    return str(data["id"])


def derive(capsys: pytest.CaptureFixture[str], folder: Path, parent: str, *extra: str) -> str:
    data = run_json(
        capsys,
        "plan",
        "derive",
        parent,
        "--office",
        "Phường Trần Phú",
        "--json",
        "--data-dir",
        str(folder),
        *extra,
    )
    assert isinstance(data, dict) and set(data) == {"id"}
    return str(data["id"])


def test_check_lists_every_leftover_city_wording_and_nothing_inside_a_citation(
    city_parent: str, fixtures_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = derive(capsys, tmp_path, city_parent)
    data = run_json(capsys, "plan", "check", own, "--json", "--data-dir", str(tmp_path))
    assert isinstance(data, dict)
    findings = data["findings"]
    assert all(
        set(f) == {"kind", "task", "field", "text", "message", "suggestion"} for f in findings
    )
    found = {
        (f["task"], f["field"])
        for f in findings
        if f["kind"] == "leftover" and f["text"].lower() == "thành phố"
    }
    # Every task field of the answer key that names the city outside the one citation.
    truth = load_truth(fixtures_dir / "city2023.truth.json")
    assert "thành phố" in truth["title"]
    expected = {("", "title")}
    for task in truth["tasks"]:
        label = task["number"] + (task["sub"] or "")
        for field in ("content", "output", "lead", "coordinating"):
            text = task[field].replace(CITATION, "")
            if re.search(r"thành phố", text, re.IGNORECASE):
                expected.add((label, field))
    assert found == expected
    assert ("21", "content") in found  # "trên địa bàn thành phố Quảng Ngãi" is a leftover …
    counts_21 = [f for f in findings if f["task"] == "21" and f["field"] == "content"]
    assert len(counts_21) == 1  # … but "… của UBND thành phố" in the citation is not


def test_derive_with_a_rules_file_rewords_and_leaves_fewer_findings(
    city_parent: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "quy_tac.json"
    rules.write_text(
        json.dumps(
            {
                "rules": [
                    {"find": "Văn phòng thành phố", "replace": "Văn phòng – Thống kê"},
                    {
                        "find": "UBND các xã, phường",
                        "replace": "",
                        "fields": ["lead", "coordinating"],
                    },
                ]
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    plain = derive(capsys, tmp_path, city_parent)
    folder2 = tmp_path / "b"
    data = run_json(
        capsys,
        "plan",
        "import",
        str(Path(__file__).parents[2].parent / "shared" / "fixtures" / "city2023.docx"),
        "--json",
        "--data-dir",
        str(folder2),
    )
    assert isinstance(data, dict)
    tailored = derive(capsys, folder2, str(data["id"]), "--rules", str(rules))
    shown = run_json(capsys, "plan", "show", tailored, "--json", "--data-dir", str(folder2))
    assert isinstance(shown, dict)
    assert shown["tasks"][0]["lead"] == "- Văn phòng – Thống kê chủ trì."
    assert shown["tasks"][1]["coordinating"] == ""
    before = run_json(capsys, "plan", "check", plain, "--json", "--data-dir", str(tmp_path))
    after = run_json(capsys, "plan", "check", tailored, "--json", "--data-dir", str(folder2))
    assert isinstance(before, dict) and isinstance(after, dict)
    assert len(after["findings"]) < len(before["findings"])


def test_derive_without_an_office_is_refused_and_changes_nothing(
    city_parent: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = (tmp_path / "kscdesk.sqlite3").read_bytes()
    assert main(["plan", "derive", city_parent, "--data-dir", str(tmp_path)]) == 1
    assert "--office" in capsys.readouterr().err
    assert (tmp_path / "kscdesk.sqlite3").read_bytes() == db


def test_check_of_a_document_built_from_seed_003_finds_the_2024_line_and_the_typos(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = next(SEEDS.glob("003_*.txt"), None)
    if seed is None:
        pytest.skip("seed 003 is not beside the checkout")
    path = write_docx(tmp_path / "phuong_pho_ninh_2025.docx", seed_003_blocks(seed))
    data = run_json(capsys, "plan", "check", str(path), "--json")
    assert isinstance(data, dict)
    findings = data["findings"]
    years = [f for f in findings if f["kind"] == "year"]
    assert any("Điều 1" in f["message"] or f["text"] == "năm 2024" for f in years)
    assert [f for f in years if f["field"] == "document"], years
    typos = {f["text"].lower(): f["suggestion"] for f in findings if f["kind"] == "spelling"}
    assert typos["đợt xuất"] in ("Đột xuất", "đột xuất")
    assert typos["trực tuyển"] == "trực tuyến"
    assert typos["phần đầu"] == "phấn đấu"
    assert main(["plan", "check", str(path), "--strict"]) == 1


def _revision(fixtures_dir: Path, out: Path) -> Path:
    """The city 2023 plan re-issued: task 5 removed (later numbers shift), one task added,
    three fields changed."""
    content = content_from_truth(load_truth(fixtures_dir / "city2023.truth.json"))
    tasks: list[Task] = []
    for task in content.tasks:
        if task.number == "5":
            continue
        number = int(task.number)
        tasks.append(replace(task, number=str(number - 1 if number > 5 else number)))
    by_label = {t.label: i for i, t in enumerate(tasks)}
    tasks[by_label["11"]] = replace(tasks[by_label["11"]], timeframe="Quý II")  # was 12
    tasks[by_label["19"]] = replace(tasks[by_label["19"]], lead="- Văn phòng thành phố.")  # 20
    tasks[by_label["29"]] = replace(tasks[by_label["29"]], output="Báo cáo kết quả.")  # 30
    tasks.append(
        Task(
            "XIII",
            "34",
            "Triển khai Bộ chỉ số phục vụ người dân, doanh nghiệp.",
            output="Báo cáo.",
            lead="- Văn phòng thành phố chủ trì.",
            timeframe="Thường xuyên",
        )
    )
    content.tasks = [replace(t, position=i) for i, t in enumerate(tasks)]
    out.write_text(json.dumps(content_to_json(content), ensure_ascii=False), encoding="utf-8")
    return out


def test_update_dry_run_lists_exactly_the_five_changes_of_a_revision(
    city_parent: str, fixtures_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = derive(capsys, tmp_path, city_parent)
    revision = _revision(fixtures_dir, tmp_path / "city2023_v2.json")
    new = run_json(capsys, "plan", "import", str(revision), "--json", "--data-dir", str(tmp_path))
    assert isinstance(new, dict)
    listed = run_json(capsys, "plan", "list", "--json", "--data-dir", str(tmp_path))
    assert isinstance(listed, list) and len(listed) == 3  # a new version, not refused
    assert sorted(p["version"] for p in listed if p["kind"] == "parent") == [1, 2]
    db = (tmp_path / "kscdesk.sqlite3").read_bytes()
    data = run_json(
        capsys,
        "plan",
        "update",
        own,
        "--parent",
        str(new["id"]),
        "--dry-run",
        "--json",
        "--data-dir",
        str(tmp_path),
    )
    assert (tmp_path / "kscdesk.sqlite3").read_bytes() == db
    assert isinstance(data, dict)
    got = sorted((c["kind"], c["old_number"], c["new_number"], c["field"]) for c in data["changes"])
    assert got == sorted(
        [
            ("removed", "5", "", ""),
            ("upstream", "12", "11", "timeframe"),
            ("upstream", "20", "19", "lead"),
            ("upstream", "30", "29", "output"),
            ("added", "", "34", ""),
        ]
    )
    assert data["unchanged"] == 35 - 1 - 3
    # Without --dry-run the upstream-only changes are applied; the rest stay listed.
    run_json(
        capsys,
        "plan",
        "update",
        own,
        "--parent",
        str(new["id"]),
        "--json",
        "--data-dir",
        str(tmp_path),
    )
    again = run_json(
        capsys,
        "plan",
        "update",
        own,
        "--parent",
        str(new["id"]),
        "--json",
        "--data-dir",
        str(tmp_path),
    )
    assert isinstance(again, dict)
    assert sorted(c["kind"] for c in again["changes"]) == ["added", "removed"]


def test_a_broken_rules_file_is_refused_by_name_and_changes_nothing(
    city_parent: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "quy_tac.json"
    rules.write_text('{"rules": [{"replace": "x"}]}', encoding="utf-8")
    db = (tmp_path / "kscdesk.sqlite3").read_bytes()
    code = main(
        [
            "plan",
            "derive",
            city_parent,
            "--office",
            "Phường Trần Phú",
            "--rules",
            str(rules),
            "--data-dir",
            str(tmp_path),
        ]
    )
    assert code == 1
    assert "quy_tac.json" in capsys.readouterr().err
    assert (tmp_path / "kscdesk.sqlite3").read_bytes() == db


def test_update_of_a_parent_plan_is_refused(
    city_parent: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "plan",
            "update",
            city_parent,
            "--parent",
            city_parent,
            "--dry-run",
            "--data-dir",
            str(tmp_path),
        ]
    )
    assert code == 1
    assert "kế hoạch của đơn vị" in capsys.readouterr().err
