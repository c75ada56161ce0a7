"""Fixtures for widget tests: a demo data folder copied per test, the app set up for Vietnamese."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication

from kscdesk import paths
from kscdesk.app import create_application
from kscdesk.services.demo import load_demo
from kscdesk.services.workspace import Workspace


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data loaded once per run; tests get copies of its database file."""
    folder = tmp_path_factory.mktemp("demo-template")
    with Workspace.open(folder) as ws:
        load_demo(ws)
    return folder


@pytest.fixture
def demo_workspace(demo_template: Path, tmp_path: Path) -> Iterator[Workspace]:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy2(paths.database_path(demo_template), paths.database_path(folder))
    ws = Workspace.open(folder)
    yield ws
    ws.close()


@pytest.fixture
def empty_workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path / "empty")
    yield ws
    ws.close()


@pytest.fixture
def vietnamese_app(qapp: QApplication) -> QApplication:
    """pytest-qt's QApplication with kscdesk's locale, font and translator."""
    return create_application()
