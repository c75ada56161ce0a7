"""The one place that knows where resources and the user's data live (no Qt)."""

import os
import sys
from pathlib import Path

DATA_ENV = "KSCDESK_DATA"
DATABASE_NAME = "kscdesk.sqlite3"


def resources_dir() -> Path:
    """resources/ in a source checkout, or inside the PyInstaller bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    """Local (not roaming) per-user data folder: %LOCALAPPDATA%\\kscdesk on Windows."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("kscdesk", appauthor=False, roaming=False))


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir wins, then KSCDESK_DATA, then the platform folder."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def database_path(folder: Path) -> Path:
    return folder / DATABASE_NAME


def attachments_dir(folder: Path) -> Path:
    return folder / "attachments"


def backups_dir(folder: Path) -> Path:
    return folder / "backups"


def log_dir(folder: Path) -> Path:
    return folder / "logs"
