"""Build the Windows bundle and installer: PyInstaller (one folder), smoke run, NSIS.

Run on Windows from the repository root:  py installer\\build.py
Needs PyInstaller in the Python that runs it and NSIS 3 (makensis on PATH, or in its default
folder). The version resource and the installer's version come from kscdesk.__version__.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
DIST = ROOT / "dist"


def project_version() -> str:
    """kscdesk.__version__, the single place the version is written."""
    text = (ROOT / "kscdesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, flags=re.M)
    if match is None:
        raise SystemExit("kscdesk/__init__.py has no __version__")
    return match.group(1)


def makensis() -> str:
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        candidate = Path(base or "") / "NSIS" / "makensis.exe"
        if base and candidate.is_file():
            return str(candidate)
    raise SystemExit("makensis not found: install NSIS 3 (https://nsis.sourceforge.io)")


def main() -> int:
    version = project_version()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            "--distpath",
            str(DIST),
            str(INSTALLER / "kscdesk.spec"),
        ],
        cwd=ROOT,
        check=True,
    )
    cli = DIST / "kscdesk" / "kscdesk-cli.exe"
    smoke = subprocess.run([str(cli), "--version"], capture_output=True, text=True, check=True)
    print(smoke.stdout.strip())
    subprocess.run([str(cli), "selftest"], check=True)
    setup = DIST / f"kscdesk-{version}-setup.exe"
    subprocess.run(
        [
            makensis(),
            "-WX",
            "-V2",
            f"-DVERSION={version}",
            f"-DBUNDLE={DIST / 'kscdesk'}",
            f"-DOUTFILE={setup}",
            str(INSTALLER / "kscdesk.nsi"),
        ],
        check=True,
    )
    print(f"Installer: {setup}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
