"""Undo commands: each wraps a core ``Change`` and runs it through the document session.

Commands touch only the model; widgets and canvas items follow the session's notifications.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from app.errors import PostmortemError
from app.session import Change, DocumentSession

ErrorHandler = Callable[[str], None]


class ChangeCommand(QUndoCommand):
    def __init__(self, session: DocumentSession, change: Change, on_error: ErrorHandler) -> None:
        super().__init__(change.description)
        self.session = session
        self.change = change
        self.on_error = on_error
        self.failed = False

    def redo(self) -> None:
        try:
            self.session.apply(self.change)
        except PostmortemError as error:
            self.failed = True
            self.setObsolete(True)
            self.on_error(str(error))

    def undo(self) -> None:
        try:
            self.session.revert(self.change)
        except PostmortemError as error:
            self.on_error(str(error))


def push_change(
    stack: QUndoStack, session: DocumentSession, change: Change, on_error: ErrorHandler
) -> bool:
    """Apply ``change`` as one undoable step; False (and a message shown) when refused."""
    command = ChangeCommand(session, change, on_error)
    stack.push(command)
    return not command.failed
