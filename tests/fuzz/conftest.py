"""Prints the fuzz runs' count of cases and violations (on stderr) at the end of the session."""

import sys

import pytest

from fuzz.harness import SUMMARIES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in SUMMARIES:
        print(line, file=sys.stderr)
