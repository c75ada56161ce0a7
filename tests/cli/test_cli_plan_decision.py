"""``kscdesk plan export PLAN --docx OUT``: the decision issuing the commune's plan (issue 6)."""

import json
from pathlib import Path

import docx
import pytest

from kscdesk.cli import main


@pytest.fixture
def demo_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "data"
    assert main(["demo", "--json", "--data-dir", str(folder)]) == 0
    result = json.loads(capsys.readouterr().out)
    return folder, result


def test_the_own_plan_exports_as_a_decision_with_the_plan_annexed(
    demo_folder: tuple[Path, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, demo = demo_folder
    out = tmp_path / "ra" / "quyet-dinh"
    (tmp_path / "ra").mkdir()
    argv = ["plan", "export", demo["own_plan"][:8], "--docx", str(out), "--data-dir", str(folder)]
    assert main(argv) == 0
    written = out.with_suffix(".docx")
    assert str(written) in capsys.readouterr().out
    document = docx.Document(str(written))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "QUYẾT ĐỊNH:" in text
    assert "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hoạt động kiểm soát" in text
    assert "Theo đề nghị của" in text
    assert len(document.tables[-1].rows) > 30  # the plan table, annexed


def test_a_parent_plan_is_refused_and_nothing_is_written(
    demo_folder: tuple[Path, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, demo = demo_folder
    out = tmp_path / "qd.docx"
    argv = ["plan", "export", demo["parent_plan"], "--docx", str(out), "--data-dir", str(folder)]
    assert main(argv) == 1
    assert "kế hoạch của cấp trên" in capsys.readouterr().err
    assert not out.exists()


def test_export_needs_at_least_one_output(
    demo_folder: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, demo = demo_folder
    assert main(["plan", "export", demo["own_plan"], "--data-dir", str(folder)]) == 1
    assert "--docx" in capsys.readouterr().err
