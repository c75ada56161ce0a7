"""One kscdesk window per user and data folder: the listening side.

A second ``kscdesk`` (or a double-clicked ``.kscx`` while kscdesk runs) does not open the
database a second time: it hands its file (or just "show yourself") to the running window
(kscdesk.instance) and exits. The running window listens here, on a QLocalServer
named after the user and the data folder.
"""

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from kscdesk.instance import OPEN, hand_over, instance_key, is_running

__all__ = ["InstanceServer", "hand_over", "instance_key", "is_running"]

log = logging.getLogger(__name__)


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
            if line.startswith(OPEN):
                self.file_received.emit(line.removeprefix(OPEN))
            else:
                log.error("single-instance server: unreadable message %r", line[:200])
