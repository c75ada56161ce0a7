"""One kscdesk window per user and data folder.

A second ``kscdesk`` (or a double-clicked ``.kscx`` while kscdesk runs) does not open the
database a second time: it hands its file (or just "show yourself") to the running window over
a QLocalServer/QLocalSocket named after the user and the data folder, then exits.
"""

import getpass
import hashlib
import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 1000


def instance_key(folder: Path, user: str | None = None) -> str:
    """The server name for ``user`` (default: the current one) working on ``folder``."""
    try:
        who = user or getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment
        who = str(Path.home())
    where = os.path.normcase(str(Path(folder).resolve()))
    digest = hashlib.sha256(f"{who}\0{where}".encode()).hexdigest()[:24]
    return f"kscdesk-{digest}"


def hand_over(key: str, file: Path | None, timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
    """Send ``file`` (None: just show the window) to a running kscdesk; False when none runs."""
    socket = QLocalSocket()
    socket.connectToServer(key)
    if not socket.waitForConnected(timeout_ms):
        return False
    message = json.dumps({"open": str(file.resolve()) if file else None}, ensure_ascii=False)
    socket.write((message + "\n").encode("utf-8"))
    delivered = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(timeout_ms)
    return delivered


def is_running(key: str, timeout_ms: int = 300) -> bool:
    """True when a kscdesk listens under ``key`` (connects and leaves without a message)."""
    socket = QLocalSocket()
    socket.connectToServer(key)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later kscdesk starts; ``file_received`` carries their file ("" for none)."""

    file_received = Signal(str)

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening unless another kscdesk answers under the key (then False).

        A name left behind by a crashed kscdesk (a socket file on Unix) is cleared first.
        """
        if is_running(self.key):
            return False
        if self.server.listen(self.key):
            return True
        if self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(self.key)
            if self.server.listen(self.key):
                return True
        log.error("single-instance server %s: %s", self.key, self.server.errorString())
        return False

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket is None:
                break
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._finish(s))
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        self._buffers[socket] = self._buffers.get(socket, b"") + bytes(socket.readAll().data())

    def _finish(self, socket: QLocalSocket) -> None:
        self._read(socket)
        data = self._buffers.pop(socket, b"")
        socket.deleteLater()
        for line in data.decode("utf-8", errors="replace").splitlines():
            try:
                message = json.loads(line)
            except json.JSONDecodeError:
                log.error("single-instance server: unreadable message %r", line[:200])
                continue
            if isinstance(message, dict):
                opened = message.get("open")
                self.file_received.emit(opened if isinstance(opened, str) else "")
