"""The first window: lists the database's postmortems and offers the demo on an empty one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.store import Store
from ui.main_window import MainWindow


def test_empty_database_offers_the_demo_and_lists_it(qtbot, store: Store, tmp_path: Path) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert window.pages.currentWidget() is window.welcome

    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)

    assert window.list_model.rowCount() == 1
    title = window.list_model.index(0, 0).data()
    assert title == "Panne du payment-service : pods sans readinessProbe"
    assert window.list_model.index(0, 2).data() == "P1"
    assert window.pages.currentWidget() is window.document_area
    window.document_tabs.setCurrentWidget(window.document_view)  # the read-only report tab
    text = window.document_view.toPlainText()
    for expected in ("Absence de readinessProbe", "Rollback exécuté", "Team Payments", "27 %"):
        assert expected in text
    window.grab().save(str(tmp_path / "first-window.png"))
