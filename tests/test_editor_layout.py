"""The window at 1280×720 in the high-contrast theme (large type): readable, no sideways scroll."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from app.store import Store
from tests.editor_helpers import open_demo, use_temporary_settings
from ui.preferences import apply_theme


def test_small_screen_in_high_contrast_keeps_titles_readable_and_tables_unscrolled(
    qtbot: Any, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefs = use_temporary_settings(tmp_path, monkeypatch)
    prefs.theme = "high_contrast"
    window = open_demo(qtbot, store)
    try:
        window.outline.setCurrentRow(window.outline.row_of("actions"))
        table = window.editor.actions.rows.table
        qtbot.waitExposed(table)
        QApplication.processEvents()
        home = window.home.table
        title = home.model().index(0, 0).data()
        room = home.columnWidth(0)
        assert room >= home.fontMetrics().horizontalAdvance(title[:12])  # not squeezed to "P…"
        qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
        header = table.horizontalHeader()
        assert header.length() <= table.viewport().width()
        widths = [header.sectionSize(c) for c in range(header.count())]
        assert min(widths) >= 40  # shortened as a last resort, never to nothing
    finally:
        apply_theme("light")
