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


def test_a_window_start_is_recognised_without_the_command_parser() -> None:
    from kscdesk.__main__ import window_start

    assert window_start([]) == (None, None)
    assert window_start(["--data-dir", "D:\\kscdesk"]) == ("D:\\kscdesk", None)
    assert window_start(["--open", "gói.kscx", "--data-dir=X"]) == ("X", "gói.kscx")
    assert window_start(["plan", "list"]) is None
    assert window_start(["--version"]) is None
    assert window_start(["--open"]) is None  # a usage error, left to the parser
    assert window_start(["--open", "a", "--open", "b"]) is None
