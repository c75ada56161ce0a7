"""Progress callbacks and cancellation for long work (imports, exports, consolidation)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from threading import Event

ProgressCallback = Callable[[int, int, str], None]
"""Called with (done, total, what) as work advances; what is Vietnamese, for the progress bar."""


class Cancelled(Exception):
    """The user cancelled; the surrounding transaction rolls back and nothing is reported."""


@dataclass
class CancelToken:
    """Set from the GUI thread, checked by the worker between steps."""

    _event: Event = field(default_factory=Event)

    def cancel(self) -> None:
        self._event.set()

    @property
    def is_cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled


def no_progress(done: int, total: int, what: str) -> None:
    """The default callback: report nothing."""
