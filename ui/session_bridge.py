"""Turns the core session's callbacks into a Qt signal, so widgets can follow the model."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.model import Postmortem
from app.session import DocumentSession


class SessionBridge(QObject):
    #: emitted after every change is on disk, with the change's description
    changed = Signal(str)

    def __init__(self, session: DocumentSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        session.subscribe(self._on_change)

    def close(self) -> None:
        """Stop following the session (the window moved to another document)."""
        self.session.unsubscribe(self._on_change)

    def _on_change(self, _doc: Postmortem, description: str) -> None:
        self.changed.emit(description)
