"""The facilitator's keys and the help overlay that lists exactly those keys.

Single keys work whenever the focus is not in a text field (a text field keeps the letters it
is typed); Esc leaves a text field for the panel, so the single keys work again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget


@dataclass(frozen=True)
class Binding:
    keys: tuple[str, ...]
    """Key sequences in ``QKeySequence`` portable text."""
    name: str
    """The operation (see ``ControlPanel``)."""
    shown: str = ""
    """How the keys are written in the help, when not just the sequences joined."""


BINDINGS: tuple[Binding, ...] = (
    Binding(("Space",), "toggle"),
    Binding(("N",), "next"),
    Binding(("P",), "previous"),
    Binding(("+", "="), "extend"),
    Binding(("-",), "shorten", "−"),
    Binding(("R",), "rebalance"),
    Binding(("D",), "diagram"),
    Binding(("C",), "category"),
    Binding(("F11",), "full_screen"),
    Binding(("Ctrl+Shift+E",), "finish"),
    Binding(("F1", "?"), "help"),
    Binding(("Esc",), "escape"),
)


def jump_binding(steps: int) -> Binding:
    count = min(9, steps)
    keys = tuple(f"Ctrl+{number}" for number in range(1, count + 1))
    shown = keys[0] if count == 1 else f"Ctrl+1 … Ctrl+{count}"
    return Binding(keys, "jump", shown)


class HelpOverlay(QFrame):
    """An opaque card over the panel: one aligned row per binding, keys drawn as key caps."""

    def __init__(
        self,
        bindings: list[Binding],
        descriptions: dict[str, str],
        title: str,
        footer: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingHelp")
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#meetingHelp { background: #ffffff; border: 2px solid #4b5563; border-radius: 10px; }"
            "#meetingHelp QLabel { color: #1f2a37; font-size: 15px; background: transparent; }"
            "#meetingHelp QLabel#helpTitle { font-size: 20px; font-weight: bold; }"
            "#meetingHelp QLabel[keycap=\"true\"] { font-family: 'DejaVu Sans Mono'; "
            "font-weight: bold; font-size: 16px; background: #eef1f5; "
            "border: 1px solid #9aa7b5; border-radius: 5px; padding: 2px 10px; }"
        )
        heading = QLabel(title)
        heading.setObjectName("helpTitle")
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(2, 1)
        self.caps: list[QLabel] = []
        for row, binding in enumerate(bindings):
            texts = [binding.shown] if binding.shown else list(binding.keys)
            caps = QWidget()
            line = QGridLayout(caps)
            line.setContentsMargins(0, 0, 0, 0)
            line.setHorizontalSpacing(6)
            for column, text in enumerate(texts):
                cap = QLabel(text)
                cap.setProperty("keycap", True)
                cap.setProperty("keys", binding.keys if binding.shown else (text,))
                cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
                cap.setMinimumWidth(34)
                line.addWidget(cap, 0, column)
                self.caps.append(cap)
            line.setColumnStretch(len(texts), 1)
            grid.addWidget(caps, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            description = QLabel(descriptions[binding.name])
            description.setWordWrap(True)
            grid.addWidget(description, row, 1, 1, 2)
        note = QLabel(footer)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addSpacing(6)
        layout.addWidget(note)
        layout.addStretch(1)
        self.hide()

    def listed_keys(self) -> set[str]:
        """Every key sequence the overlay shows (a range like Ctrl+1 … Ctrl+5 counts each)."""
        return {key for cap in self.caps for key in cap.property("keys")}

    def text(self) -> str:
        """Everything the overlay says, one label a line."""
        return "\n".join(label.text() for label in self.findChildren(QLabel))
