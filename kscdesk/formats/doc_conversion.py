"""Convert an old binary Word file (.doc) to .docx with LibreOffice, when it is installed.

LibreOffice runs headless with a private profile inside ``workdir``, so it neither touches the
user's own LibreOffice settings nor collides with a LibreOffice window already open.
"""

import logging
import os
import shutil
import subprocess
from pathlib import Path

from kscdesk.formats.errors import LegacyWordFile

log = logging.getLogger(__name__)

CONVERSION_TIMEOUT_SECONDS = 120
_WINDOWS_FOLDERS = ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")
_WINDOWS_DEFAULTS = (r"C:\Program Files", r"C:\Program Files (x86)")


def find_soffice() -> Path | None:
    """LibreOffice's ``soffice`` on PATH, or in the usual Windows install folders."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    roots = [os.environ[key] for key in _WINDOWS_FOLDERS if os.environ.get(key)]
    for root in [*roots, *_WINDOWS_DEFAULTS]:
        candidate = Path(root) / "LibreOffice" / "program" / "soffice.exe"
        if candidate.is_file():
            return candidate
    return None


def convert_doc_to_docx(path: Path, workdir: Path, soffice: Path | None = None) -> Path:
    """The .docx LibreOffice makes of ``path`` inside ``workdir``; ``LegacyWordFile`` otherwise."""
    program = soffice or find_soffice()
    if program is None:
        raise LegacyWordFile(path)
    outdir = workdir / "converted"
    profile = workdir / "lo-profile"
    outdir.mkdir(parents=True, exist_ok=True)
    profile.mkdir(parents=True, exist_ok=True)
    command = [
        str(program),
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(outdir),
        str(path.resolve()),
    ]
    try:
        result = subprocess.run(
            command,
            capture_output=True,
            timeout=CONVERSION_TIMEOUT_SECONDS,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.info("LibreOffice conversion failed: %s", type(exc).__name__)
        raise LegacyWordFile(path) from exc
    target = outdir / (path.stem + ".docx")
    if result.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        log.info("LibreOffice conversion gave no .docx (exit code %s)", result.returncode)
        raise LegacyWordFile(path)
    return target
