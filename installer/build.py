"""Build the Windows bundle and installer: version resource, PyInstaller, smoke run, Inno Setup.

Run on Windows from the repository root:  py installer\\build.py
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"

VERSION_TEMPLATE = """VSVersionInfo(
  ffi=FixedFileInfo(filevers=({t}), prodvers=({t}), mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('042a04b0', [
      StringStruct('CompanyName', 'kscdesk'),
      StringStruct('FileDescription', 'kscdesk - Kiểm soát thủ tục hành chính'),
      StringStruct('FileVersion', '{v}'),
      StringStruct('ProductName', 'kscdesk'),
      StringStruct('ProductVersion', '{v}')])]),
    VarFileInfo([VarStruct('Translation', [0x042a, 1200])])
  ]
)
"""


def project_version() -> str:
    """kscdesk.__version__, the single place the version is written."""
    text = (ROOT / "kscdesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, flags=re.M)
    if match is None:
        raise SystemExit("kscdesk/__init__.py has no __version__")
    return match.group(1)


def write_version_info(version: str) -> None:
    parts = [int(p) for p in version.split(".")[:3]] + [0]
    text = VERSION_TEMPLATE.format(t=", ".join(str(p) for p in parts[:4]), v=version)
    (INSTALLER / "version_info.txt").write_text(text, encoding="utf-8")


def main() -> int:
    version = project_version()
    write_version_info(version)
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", str(INSTALLER / "kscdesk.spec")],
        cwd=ROOT,
        check=True,
    )
    cli = ROOT / "dist" / "kscdesk" / "kscdesk-cli.exe"
    smoke = subprocess.run([str(cli), "--version"], capture_output=True, text=True, check=True)
    print(smoke.stdout.strip())
    iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
    subprocess.run([iscc, f"/DAppVersion={version}", str(INSTALLER / "kscdesk.iss")], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
