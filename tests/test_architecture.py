"""The house rules: layers hold, the headless part runs without Qt, the README stays true."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "kscdesk"
HEADLESS = ["domain", "store", "formats", "services"]


def test_import_linter_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is installed with the [test] extra"
    result = subprocess.run(
        [lint_imports, "--no-cache"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_headless_modules_import_and_cli_runs_with_qt_blocked() -> None:
    modules = ["kscdesk.cli", "kscdesk.cli.common", "kscdesk.cli.plan", "kscdesk.paths"]
    for layer in HEADLESS:
        for path in sorted((PACKAGE / layer).glob("*.py")):
            name = "" if path.stem == "__init__" else f".{path.stem}"
            modules.append(f"kscdesk.{layer}{name}")
    script = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        "from kscdesk.cli import main\n"
        "sys.exit(main(['--help']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "kscdesk" in result.stdout


def test_no_module_is_over_about_four_hundred_lines() -> None:
    too_long = {
        str(path.relative_to(REPO)): n
        for path in PACKAGE.rglob("*.py")
        if "generated" not in path.parts
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > 450
    }
    assert not too_long


def test_readme_test_command_is_the_one_ci_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, flags=re.S)
    test_commands = [b for b in blocks if "pytest" in b]
    assert len(test_commands) == 1
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_commands[0].strip() in ci.splitlines()


def test_readme_run_command_starts_the_installed_entry_point() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)\n```", readme, flags=re.S)
    run_commands = [b for b in blocks if "pytest" not in b]
    assert run_commands and run_commands[0].strip().endswith(".venv/bin/kscdesk")


def test_every_cli_command_in_the_readme_exists() -> None:
    from kscdesk.cli import build_parser

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    for line in re.findall(r"^\| `kscdesk ([a-z][^`]*)`", readme, flags=re.M):
        words = [w for w in line.split() if re.fullmatch(r"[a-z]+", w)]
        # Parsing `<noun> [verb] --help` exits 0 only when the command exists.
        try:
            parser.parse_args([*words[:2], "--help"])
        except SystemExit as stop:
            assert stop.code == 0, line
