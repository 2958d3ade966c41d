"""Messages to the facilitator and the questions that guard the meeting.

Success, information and errors look different by icon and by colour (never colour alone).
Questions open without blocking the event loop: the default button is the one that does what
was asked, so Enter confirms and Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


class Tone(StrEnum):
    SUCCESS = "success"
    INFO = "info"
    ERROR = "error"


#: icon, text colour, background, border
STYLES: dict[Tone, tuple[str, str, str, str]] = {
    Tone.SUCCESS: ("✔", "#1d4d31", "#e8f3ec", "#9cc9ad"),
    Tone.INFO: ("ℹ", "#1f3a5f", "#e8eef7", "#a9bdd9"),
    Tone.ERROR: ("✖", "#8e1f1a", "#f9e1df", "#e0a19b"),
}


class MessageLine(QLabel):
    """One line of feedback under the controls; empty when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingMessage")
        self.setWordWrap(True)
        self.tone: Tone | None = None
        self.hide()

    def say(self, tone: Tone, text: str) -> None:
        if not text:
            self.clear_message()
            return
        icon, colour, background, border = STYLES[tone]
        self.tone = tone
        self.setText(f"{icon}  {text}")
        self.setStyleSheet(
            f"#meetingMessage {{ color: {colour}; background: {background}; "
            f"border: 1px solid {border}; border-radius: 6px; padding: 6px 10px; }}"
        )
        self.show()

    def success(self, text: str) -> None:
        self.say(Tone.SUCCESS, text)

    def info(self, text: str) -> None:
        self.say(Tone.INFO, text)

    def error(self, text: str) -> None:
        self.say(Tone.ERROR, text)

    def clear_message(self) -> None:
        self.tone = None
        self.setText("")
        self.hide()


def ask(
    parent: QWidget,
    title: str,
    question: str,
    confirm: str,
    on_confirm: Callable[[], None],
    *,
    name: str = "meetingQuestion",
) -> QMessageBox:
    """Ask before doing something that cannot be seen undone; Enter confirms, Esc cancels."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName(name)
    yes = box.addButton(confirm, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(yes)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)

    def done() -> None:
        if box.clickedButton() is yes:
            on_confirm()
        box.deleteLater()

    box.finished.connect(done)
    box.open()
    return box
