from datetime import datetime
from types import SimpleNamespace

import pytest

from kscdesk.store import clock


def _local(second: float) -> str:
    return datetime.fromtimestamp(second).astimezone().isoformat(timespec="seconds")


def test_the_stamp_is_the_local_second_with_its_offset_and_follows_the_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ticks = iter([1_741_922_102.25, 1_741_922_102.75, 1_741_922_103.5, 1_752_000_000.0])
    monkeypatch.setattr(clock, "time", SimpleNamespace(time=lambda: next(ticks)))
    assert clock.now_iso() == _local(1_741_922_102)
    assert clock.now_iso() == _local(1_741_922_102)  # the same second
    assert clock.now_iso() == _local(1_741_922_103)
    assert clock.now_iso() == _local(1_752_000_000)
