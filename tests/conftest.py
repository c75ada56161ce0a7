"""Shared test set-up: offscreen Qt, paths to the shared fixtures, a `gui` marker for Qt tests."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = SHARED / "fixtures"
SEEDS = SHARED / "seeds"


@pytest.fixture
def fixtures_dir() -> Path:
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures is not beside the checkout")
    return FIXTURES


@pytest.fixture(autouse=True)
def isolated_qt_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Window layout and last folders (QSettings) go to a fresh folder per test, never ~."""
    import sys

    if "PySide6.QtCore" not in sys.modules:  # pure tests stay free of Qt
        return
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()) or "qapp" in getattr(
            item, "fixturenames", ()
        ):
            item.add_marker(pytest.mark.gui)
