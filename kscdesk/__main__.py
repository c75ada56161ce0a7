"""Entry point: ``kscdesk`` with no arguments opens the window; with a command, runs it headless."""

import sys
from pathlib import Path


class _LazyGui:
    """Imports the Qt side only when a command needs it, so headless commands start fast."""

    def run_app(self, data_dir: Path, open_file: Path | None = None) -> int:
        from kscdesk.app import run_app

        return run_app(data_dir, open_file)

    def run_selftest(self, data_dir: Path | None) -> int:
        from kscdesk.selftest import run_selftest

        return run_selftest(data_dir)


def ensure_std_streams() -> None:
    """In a windowed Windows build sys.stdout and sys.stderr are None: writes go nowhere instead.

    print(), argparse, logging's last-resort handler and tracebacks all write to them; one
    guard here covers every write (the log file in the data folder keeps what matters).
    """
    import os

    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def main() -> int:
    from kscdesk.cli import main as cli_main

    ensure_std_streams()

    return cli_main(sys.argv[1:], gui=_LazyGui())


if __name__ == "__main__":
    sys.exit(main())
