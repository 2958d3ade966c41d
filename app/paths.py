"""Where the user's files live (database, keys); overridable for scripting and tests."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "postmortem-studio"
DB_ENV = "POSTMORTEM_STUDIO_DB"
DATA_ENV = "POSTMORTEM_STUDIO_DATA"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    override = os.environ.get(DATA_ENV)
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    override = os.environ.get(DB_ENV)
    return Path(override) if override else data_dir() / "postmortems.sqlite3"


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)
