"""Prints the fuzz run's count of cases and violations at the end of every test session."""

import sys

import pytest

from fuzz.harness import SUMMARIES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in SUMMARIES:
        terminalreporter.write_line(line)
        print(line, file=sys.stderr)
