#!/usr/bin/env bash
# Build the Windows spec here on Linux and check what can be checked without Windows:
#   1. PyInstaller builds installer/kscdesk.spec (one folder) into dist/kscdesk;
#   2. `kscdesk-cli selftest` runs from that bundle (offscreen);
#   3. makensis -WX compiles installer/kscdesk.nsi against the bundle's file list (a stand-in
#      for the Windows bundle: same spec, same layout), uncompressed for speed.
# Needs: the venv (.venv, created by .ci/run or by hand) and Debian's `nsis` package.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}

"$PY" -c "import PyInstaller" 2>/dev/null || "$PY" -m pip install -q "pyinstaller>=6.10,<7"
version=$("$PY" -c "import kscdesk; print(kscdesk.__version__)")

"$PY" -m PyInstaller --noconfirm --clean --log-level ERROR \
  --workpath build/pyinstaller --distpath dist installer/kscdesk.spec

QT_QPA_PLATFORM=offscreen dist/kscdesk/kscdesk-cli selftest
dist/kscdesk/kscdesk-cli --version

command -v makensis >/dev/null || { echo "makensis not found: apt-get install nsis" >&2; exit 1; }
# Paths given to makensis are relative to the script's folder (installer/).
makensis -WX -V2 -DFAST -DVERSION="$version" -DBUNDLE=../dist/kscdesk \
  -DOUTFILE=../build/kscdesk-"$version"-setup.exe installer/kscdesk.nsi
rm -f build/kscdesk-"$version"-setup.exe  # a stand-in, not a Windows installer
echo "installer/build_linux.sh: bundle $(du -sh dist/kscdesk | cut -f1), selftest passed, NSIS script compiled with -WX"
