"""Editing widgets that commit through the window: one finished edit = one undoable change.

A field commits when the person is done with it (Return, Tab, focus leaving), never on each
keystroke, so the undo history reads like what they did. Refreshing from the document never
overwrites text the person is still working on (e.g. a date that does not parse yet).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QFontDatabase, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import PostmortemError
from ui.design import SPACE, heading_font, palette
from ui.editor.messages import localized
from ui.flow_layout import FlowLayout

Parser = Callable[[str], Any]
Formatter = Callable[[Any], str]


def monospace_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setFamily("DejaVu Sans Mono")
    return font


class ErrorLabel(QLabel):
    """A red sentence under a field; empty (hidden) when the field is fine."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(f"color: {palette().error};")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FieldEdit(QLineEdit):
    """A one-line field holding a typed value (text, date, list…) of the document.

    ``committed`` carries the parsed value when the text changed and parses; a parse error is
    shown in ``error`` and the text is kept so the person can fix it.
    """

    committed = Signal(object)

    def __init__(
        self,
        parse: Parser = str,
        show: Formatter = lambda value: "" if value is None else str(value),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.parse = parse
        self.show_value = show
        self.error = ErrorLabel()
        self._loaded: Any = object()
        self._loaded_text = ""
        self.editingFinished.connect(self.commit)

    def load(self, value: Any) -> None:
        if value == self._loaded and self.text() != self._loaded_text:
            return  # the person's unfinished text wins over an unchanged model value
        self._loaded = value
        self._loaded_text = self.show_value(value)
        if self.text() != self._loaded_text:
            self.setText(self._loaded_text)
        self._set_error("")

    def commit(self) -> None:
        if self.text() == self._loaded_text:
            self._set_error("")
            return
        try:
            value = self.parse(self.text())
        except (PostmortemError, ValueError) as error:
            self._set_error(str(error))
            return
        self._set_error("")
        if value != self._loaded:
            self.committed.emit(value)
        else:
            self.setText(self._loaded_text)  # "14:31" for the time already there: show it resolved

    def _set_error(self, message: str) -> None:
        message = localized(message)
        self.error.show_message(message)
        self.setStyleSheet(f"border: 2px solid {palette().error};" if message else "")
        self.setToolTip(message)


class TextEdit(QPlainTextEdit):
    """Several lines of text; commits when focus leaves (Tab leaves the field)."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, monospace: bool = False) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        if monospace:
            self.setFont(monospace_font())
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._loaded = ""

    def load(self, value: str) -> None:
        if value == self._loaded and self.toPlainText() != self._loaded:
            return
        self._loaded = value
        if self.toPlainText() != value:
            self.setPlainText(value)

    def commit(self) -> None:
        text = self.toPlainText()
        if text != self._loaded:
            self.committed.emit(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.commit()
            return
        super().keyPressEvent(event)


class LinesEdit(TextEdit):
    """A list of short texts, one per line (contributing factors, what went well, …)."""

    committed_lines = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.committed.connect(self._split)
        self.setMinimumHeight(70)

    def load_lines(self, values: list[str]) -> None:
        self.load("\n".join(values))

    def _split(self, text: str) -> None:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        self.committed_lines.emit(lines)


class ChoiceBox(QComboBox):
    """A closed list (status, severity, language…); ``committed`` carries the chosen data."""

    committed = Signal(object)

    def __init__(self, choices: list[tuple[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_choices(choices)
        self._loading = False
        self.activated.connect(self._chosen)

    def set_choices(self, choices: list[tuple[str, Any]]) -> None:
        current = self.currentData()
        self.clear()
        for label, value in choices:
            self.addItem(label, value)
        if current is not None:
            self.load(current)

    def load(self, value: Any) -> None:
        index = self.findData(value)
        if index < 0 and value not in (None, ""):
            self.addItem(str(value), value)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def _chosen(self, index: int) -> None:
        self.committed.emit(self.itemData(index))


def button_row(*buttons: QPushButton) -> FlowLayout:
    """Buttons left to right, wrapping onto a second line in a narrow window."""
    row = FlowLayout(spacing=SPACE[1])
    for button in buttons:
        row.addWidget(button)
    return row


def titled(title: str, widget: QWidget, hint: str = "") -> QWidget:
    """A section heading over its widget (and an optional grey hint)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, SPACE[1], 0, 0)
    layout.setSpacing(SPACE[0])
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    heading.setFont(heading_font(heading.font(), "title"))
    layout.addWidget(heading)
    if hint:
        note = QLabel(hint)
        note.setFont(heading_font(note.font(), "caption"))
        note.setStyleSheet(f"color: {palette().muted};")
        note.setWordWrap(True)
        layout.addWidget(note)
    layout.addWidget(widget)
    return box
