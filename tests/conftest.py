"""Shared fixtures. Qt runs offscreen; every test gets its own database and data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app.demo import add_demo
from app.model import Postmortem
from app.store import Store


@pytest.fixture(autouse=True)
def _isolated_user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's database, keys or settings."""
    monkeypatch.setenv("POSTMORTEM_STUDIO_DATA", str(tmp_path / "userdata"))
    monkeypatch.setenv("POSTMORTEM_STUDIO_DB", str(tmp_path / "default.sqlite3"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "postmortems.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as opened:
        yield opened


@pytest.fixture
def demo(store: Store) -> Postmortem:
    return add_demo(store)
