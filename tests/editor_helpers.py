"""Driving the editor like a person: typing (any script), table cells, combo boxes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QWidget

import ui.main_window as main_window_module
import ui.preferences as preferences_module
from app.demo import add_demo
from app.store import Store
from ui.editor.rows import RowTable
from ui.main_window import MainWindow
from ui.preferences import Preferences, use_preferences


def use_temporary_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch | None = None
) -> Preferences:
    """Settings in a temporary INI file; with ``monkeypatch`` they are undone after the test
    (the next window then follows the default settings: English, light theme)."""
    prefs = Preferences.from_file(tmp_path / "settings.ini")
    if monkeypatch is not None:
        monkeypatch.setattr(preferences_module, "_current", prefs)
    else:
        use_preferences(prefs)
    return prefs


def make_window(qtbot, store: Store, monkeypatch: pytest.MonkeyPatch, **kwargs) -> MainWindow:
    """The window without other feature modules: these tests are about the editor."""
    monkeypatch.setattr(main_window_module, "FEATURES", ())
    window = MainWindow(store, **kwargs)
    qtbot.addWidget(window)
    window.show()
    return window


def open_demo(qtbot, store: Store, size: tuple[int, int] = (1280, 720)) -> MainWindow:
    """The whole window, with every feature, showing the demo postmortem."""
    doc = add_demo(store)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.select(doc.id)
    return window


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type like a keyboard; non-ASCII characters are sent one key event each."""
    for ch in text:
        if ch == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                QApplication.sendEvent(widget, event)


def clear(qtbot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)


def fill_field(qtbot, widget: QWidget, text: str) -> None:
    """Replace a one-line field's text and press Return."""
    clear(qtbot, widget)
    type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def fill_text(qtbot, widget: QWidget, text: str) -> None:
    """Replace a multi-line field's text; Ctrl+Return finishes it."""
    clear(qtbot, widget)
    type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def choose(qtbot, combo: QComboBox, label: str) -> None:
    """Pick an entry of a combo box with the keyboard (type-ahead, then it is activated)."""
    index = combo.findText(label)
    assert index >= 0, f"{label!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    steps = index - combo.currentIndex()
    key = Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up
    for _ in range(abs(steps)):
        qtbot.keyClick(combo, key)
    assert combo.currentText() == label


def _editor(table: RowTable) -> QWidget:
    for kind in (QComboBox, QAbstractSpinBox, QLineEdit):
        for widget in table.viewport().findChildren(kind):
            inner = isinstance(widget.parent(), QComboBox | QAbstractSpinBox)
            if not widget.isHidden() and not inner:
                return widget
    raise AssertionError("no cell editor is open")


def edit_cell(qtbot, table: RowTable, row: int, column: int, text: str) -> None:
    """Open a cell's editor with F2, type (or pick) the value, press Return."""
    index: QModelIndex = table.cell(row, column)
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = _editor(table)
    if isinstance(editor, QComboBox):
        found = editor.findText(text)
        assert found >= 0, text
        steps = found - editor.currentIndex()
        key = Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up
        for _ in range(abs(steps)):
            qtbot.keyClick(editor, key)
    elif isinstance(editor, QAbstractSpinBox):
        for number, part in enumerate(text.split("-")):
            editor.setSelectedSection(editor.sectionAt(number))  # as when clicking the part
            qtbot.keyClicks(editor, part)
    else:
        clear(qtbot, editor)
        type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the view commits the editor's value on the next loop turn


def cell_text(table: RowTable, row: int, column: int) -> str:
    return str(table.cell(row, column).data() or "")


def paste_and_add(qtbot, timeline, text: str, *, use_suggestions: bool = False) -> int:
    """Paste ``text`` into the timeline, look at the preview, press "Add N rows"."""
    before = len(timeline.doc.timeline)
    preview = timeline.paste_text(text)
    assert preview is not None and preview.isVisible()
    if use_suggestions:
        qtbot.mouseClick(preview.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.ok_button, Qt.MouseButton.LeftButton)
    assert not preview.isVisible()
    return len(timeline.doc.timeline) - before
