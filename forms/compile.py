"""Compile forms/*.ui into kscdesk/ui/generated/ui_*.py with pyside6-uic.

Run after editing a form: ``python forms/compile.py``. The output is committed and never edited
by hand; tests/ui/test_forms.py recompiles every form and fails when the two drift apart.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

FORMS = Path(__file__).resolve().parent
GENERATED = FORMS.parent / "kscdesk" / "ui" / "generated"


def uic_command() -> list[str]:
    """pyside6-uic from the running interpreter's environment (the venv), else from PATH."""
    beside = Path(sys.executable).with_name("pyside6-uic")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("pyside6-uic")
    if found is None:
        raise SystemExit("pyside6-uic was not found; install PySide6 in this environment.")
    return [found]


def compile_form(form: Path) -> str:
    """The Python source pyside6-uic produces for one form, without its version banner."""
    result = subprocess.run(
        [*uic_command(), "--from-imports", str(form)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return strip_banner(result.stdout)


_UI_METHOD = re.compile(r"def (setupUi|retranslateUi)\(self, (\w+)\):")
HEADER = (
    "# Generated from forms/*.ui by forms/compile.py; do not edit.\n"
    "# mypy: ignore-errors\n"
    "from typing import Any\n\n"
)


def strip_banner(source: str) -> str:
    """Drop the comment block naming the uic version, so a Qt update alone is not drift.

    setupUi/retranslateUi get annotations so that typed code may call them; mypy skips the
    rest of the generated body.
    """
    lines = source.splitlines(keepends=True)
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    body = _UI_METHOD.sub(r"def \1(self, \2: Any) -> None:", "".join(lines))
    return HEADER + prune_imports(body)


_QT_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(?([^)]*?)\)?\n(?=\S|\n)", re.M | re.S)


def prune_imports(source: str) -> str:
    """Keep only the Qt names the form uses.

    uic imports the same long lists (gradients, QDate, QTransform …) into every form, and each
    name makes PySide6 build that type at import time: ~25 ms of start-up for nothing.
    """
    code = _QT_IMPORT.sub("", source)

    def used_only(match: re.Match[str]) -> str:
        names = [n.strip() for n in match.group(2).replace("\n", " ").split(",") if n.strip()]
        kept = [n for n in names if re.search(rf"\b{re.escape(n)}\b", code)]
        return f"from {match.group(1)} import {', '.join(kept)}\n" if kept else ""

    return _QT_IMPORT.sub(used_only, source)


def output_path(form: Path) -> Path:
    return GENERATED / f"ui_{form.stem}.py"


def main() -> int:
    GENERATED.mkdir(parents=True, exist_ok=True)
    init = GENERATED / "__init__.py"
    if not init.exists():
        init.write_text('"""Python compiled from forms/*.ui by forms/compile.py."""\n', "utf-8")
    for form in sorted(FORMS.glob("*.ui")):
        output_path(form).write_text(compile_form(form), encoding="utf-8")
        print(f"{form.name} -> {output_path(form).relative_to(FORMS.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
