"""A windowed Windows build has no stdout/stderr: kscdesk must not fail writing to them."""

import subprocess
import sys


def test_a_command_runs_when_the_standard_streams_are_none() -> None:
    script = (
        "import sys; sys.stdout = None; sys.stderr = None; sys.argv = ['kscdesk', '--help'];"
        "from kscdesk.__main__ import main\n"
        "try:\n    main()\nexcept SystemExit as stop:\n    code = stop.code\n"
        "sys.__stdout__.write(f'exit {code}')"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout == "exit 0", done.stderr
