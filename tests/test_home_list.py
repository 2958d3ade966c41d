"""The home screen: accent-folding search, filters, sort, new / duplicate / delete and restore."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from app.demo import add_demo
from app.model import Postmortem, Service
from app.store import Store
from app.vocabulary import Status
from tests.editor_helpers import (
    choose,
    make_window,
    type_text,
    use_temporary_settings,
)


def titles(window) -> list[str]:
    model = window.list_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    prefs = use_temporary_settings(tmp_path, monkeypatch)
    prefs.author_name = "Camille Martin"
    add_demo(store)
    for title, status, severity, service, tag, day in (
        ("Base de données saturée", Status.DRAFT, "P2", "db", "stockage", date(2025, 6, 1)),
        ("Certificat expiré", Status.APPROVED, "P0", "edge", "tls", date(2025, 11, 3)),
        ("Zone DNS cassée", Status.ARCHIVED, "P3", "dns", "réseau", date(2024, 2, 9)),
    ):
        store.save(
            Postmortem(
                title=title,
                status=status,
                severity=severity,
                services=[Service(service)],
                tags=[tag],
                incident_date=day,
            )
        )
    return make_window(qtbot, store, monkeypatch)


def test_search_ignores_accents_and_finds_text_anywhere(qtbot, window) -> None:
    type_text(qtbot, window.search, "deploiement")
    assert titles(window) == ["Panne du payment-service : pods sans readinessProbe"]
    window.search.clear()
    type_text(qtbot, window.search, "saturee")
    assert titles(window) == ["Base de données saturée"]
    window.search.clear()
    type_text(qtbot, window.search, "nothing-like-this")
    assert titles(window) == []
    assert window.pages.currentWidget() is not window.welcome


def test_filters_and_sort(qtbot, window) -> None:
    home = window.home
    assert len(titles(window)) == 4
    choose(qtbot, home.status, "Approved")
    assert titles(window) == ["Certificat expiré"]
    choose(qtbot, home.status, "Any status")
    choose(qtbot, home.severity, "P3")
    assert titles(window) == ["Zone DNS cassée"]
    choose(qtbot, home.severity, "Any severity")
    choose(qtbot, home.service, "db")
    assert titles(window) == ["Base de données saturée"]
    choose(qtbot, home.service, "Any service")
    choose(qtbot, home.tag, "tls")
    assert titles(window) == ["Certificat expiré"]
    choose(qtbot, home.tag, "Any tag")
    home.date_from.setDate(QDate(2025, 1, 1))
    home.date_to.setDate(QDate(2025, 12, 31))
    assert sorted(titles(window)) == ["Base de données saturée", "Certificat expiré"]
    home.date_from.setDate(home.date_from.minimumDate())
    home.date_to.setDate(home.date_to.minimumDate())
    choose(qtbot, home.sort, "Title")
    assert titles(window) == sorted(titles(window), key=str.casefold)
    choose(qtbot, home.sort, "Newest incident first")
    assert titles(window)[0] == "Panne du payment-service : pods sans readinessProbe"


def test_new_and_duplicate(qtbot, window) -> None:
    qtbot.mouseClick(window.home.new_button, Qt.MouseButton.LeftButton)
    assert window.current.title == "Untitled postmortem"
    assert window.current.author == "Camille Martin"
    assert window.editor.header.fields["title"].text() == "Untitled postmortem"
    window.select(next(s.id for s in window.list_model.rows if s.title.startswith("Certificat")))
    qtbot.mouseClick(window.home.duplicate_button, Qt.MouseButton.LeftButton)
    assert window.current.title == "Copy of Certificat expiré"
    assert window.current.status == Status.DRAFT  # a copy is editable again
    qtbot.waitUntil(lambda: len(titles(window)) == 5)  # the untouched New left nothing behind
    assert "Untitled postmortem" not in titles(window)


def test_delete_asks_and_can_be_undone_or_restored(qtbot, window) -> None:
    target = next(s.id for s in window.list_model.rows if s.title == "Zone DNS cassée")
    window.select(target)
    qtbot.mouseClick(window.home.delete_button, Qt.MouseButton.LeftButton)
    box = window.home.delete_box
    assert "Zone DNS cassée" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert "Zone DNS cassée" in titles(window)

    qtbot.mouseClick(window.home.delete_button, Qt.MouseButton.LeftButton)
    box = window.home.delete_box
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert "Zone DNS cassée" not in titles(window)
    assert window.current is None
    assert window.home.notice.text() == "Deleted “Zone DNS cassée”."
    qtbot.mouseClick(window.home.undo_delete_button, Qt.MouseButton.LeftButton)
    assert "Zone DNS cassée" in titles(window)
    assert window.current.id == target

    # Edit ▸ Undo brings it back too
    qtbot.mouseClick(window.home.delete_button, Qt.MouseButton.LeftButton)
    box = window.home.delete_box
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert window.undo_action.text() == "&Undo Delete postmortem “Zone DNS cassée”"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.current is not None and window.current.id == target)

    # and so does File ▸ Deleted postmortems
    window.store.delete(target)
    window.refresh()
    dialog = window.show_deleted()
    assert dialog.list.item(0).text() == "Zone DNS cassée"
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "Zone DNS cassée" in titles(window)
    assert dialog.list.count() == 0
