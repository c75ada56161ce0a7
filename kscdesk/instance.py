"""The client side of the single-instance rule, in plain Python (no Qt, no QtNetwork).

A starting kscdesk calls ``hand_over`` before anything else: when a kscdesk already runs for
this user and data folder, its file (or just "come forward") is sent there and this process
ends. Plain sockets and pipes keep QtNetwork out of the path to the first paint; the listening
side (kscdesk.ui.single_instance, a QLocalServer) starts right after it.

The server name is a Unix socket path under $TMPDIR (or /tmp) and a named pipe on Windows
(\\\\.\\pipe\\NAME), which is where QLocalServer listens for such a name.
"""

import os
import sys
import time
import zlib
from pathlib import Path

OPEN = "OPEN\t"  # the one message: OPEN<TAB>path (an empty path: just come forward)
CONNECT_TIMEOUT_S = 1.0


def instance_key(folder: Path, user: str | None = None) -> str:
    """The server name for ``user`` (default: the current one) working on ``folder``.

    Two CRC-32s (zlib is loaded already; hashlib would load OpenSSL before the first paint)
    make a short name, as Unix socket paths must be.
    """
    who = user or os.environ.get("USERNAME") or os.environ.get("USER") or str(Path.home())
    where = os.path.normcase(str(Path(folder).resolve()))
    data = f"{who}\0{where}".encode()
    name = f"kscdesk-{zlib.crc32(data):08x}{zlib.crc32(data[::-1]):08x}"
    if sys.platform == "win32":
        return name
    return os.path.join(os.environ.get("TMPDIR") or "/tmp", name)


def message_for(file: Path | None) -> bytes:
    return (OPEN + (str(file.resolve()) if file else "") + "\n").encode("utf-8")


def _send(key: str, data: bytes, timeout_s: float) -> bool:
    if sys.platform == "win32":
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with open(rf"\\.\pipe\{key}", "wb", buffering=0) as pipe:
                    pipe.write(data)
                return True
            except FileNotFoundError:
                return False  # no server
            except OSError:  # every pipe instance busy: the server makes a new one at once
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.05)
    if not os.path.exists(key):
        return False  # no socket file, so no server (and no need to import socket at start)
    import socket

    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(timeout_s)
    try:
        client.connect(key)
        client.sendall(data)
    except OSError:  # no socket file, or one left by a crashed kscdesk (refused)
        return False
    finally:
        client.close()
    return True


def hand_over(key: str, file: Path | None, timeout_s: float = CONNECT_TIMEOUT_S) -> bool:
    """Send ``file`` (None: just show the window) to a running kscdesk; False when none runs."""
    return _send(key, message_for(file), timeout_s)


def is_running(key: str, timeout_s: float = 0.3) -> bool:
    """True when a kscdesk listens under ``key`` (it connects and leaves without a message)."""
    return _send(key, b"", timeout_s)
