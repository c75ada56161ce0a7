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


def window_start(argv: list[str]) -> tuple[str | None, str | None] | None:
    """(data dir, file to open) when ``argv`` only opens the window, as a shortcut or a file
    association starts kscdesk (``--data-dir D``, ``--open F``); None for anything else.

    That start skips building the command-line parser (and importing every command module):
    the window appears sooner.
    """
    found: dict[str, str | None] = {"--data-dir": None, "--open": None}
    rest = list(argv)
    while rest:
        option, _, value = rest.pop(0).partition("=")
        if option not in found or found[option] is not None:
            return None
        if not value:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        found[option] = value
    return found["--data-dir"], found["--open"]


def main() -> int:
    ensure_std_streams()
    start = window_start(sys.argv[1:])
    if start is not None:
        from kscdesk import paths

        data_dir, file = start
        return _LazyGui().run_app(paths.data_dir(data_dir), Path(file) if file else None)
    from kscdesk.cli import main as cli_main

    return cli_main(sys.argv[1:], gui=_LazyGui())


if __name__ == "__main__":
    sys.exit(main())
