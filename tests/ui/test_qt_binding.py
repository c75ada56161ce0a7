"""The Qt binding must keep Python's reference counts; PySide6 6.12.0 does not on Python 3.11.

With 6.12.0 every ``Signal.emit()`` drops a reference to True and every None returned from a
Python override or timer callback drops one to None; after a few hundred signals the interpreter
aborts ("deallocating True or False"). 6.11.3 is fine. Pin the binding rather than work round it.
"""

import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_a_signal_keeps_the_reference_count_of_true(qapp: QApplication) -> None:
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for number in range(20):
        emitter.fired.emit(number)
    assert sys.getrefcount(True) >= before


def test_a_timer_callback_returning_none_keeps_the_reference_count_of_none(
    qapp: QApplication,
) -> None:
    context = QObject()
    calls: list[int] = []
    before = sys.getrefcount(None)
    for number in range(20):
        QTimer.singleShot(0, context, lambda n=number: calls.append(n))  # returns None
    qapp.processEvents()
    assert calls == list(range(20))
    assert sys.getrefcount(None) >= before - 5
