"""Entry point: ``kscdesk`` with no arguments opens the window; with a command, runs it headless."""

import sys
from pathlib import Path


class _LazyGui:
    """Imports the Qt side only when a command needs it, so headless commands start fast."""

    def run_app(self, data_dir: Path) -> int:
        from kscdesk.app import run_app

        return run_app(data_dir)

    def run_selftest(self, data_dir: Path | None) -> int:
        from kscdesk.selftest import run_selftest

        return run_selftest(data_dir)


def main() -> int:
    from kscdesk.cli import main as cli_main

    return cli_main(sys.argv[1:], gui=_LazyGui())


if __name__ == "__main__":
    sys.exit(main())
