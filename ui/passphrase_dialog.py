"""Asking for the signing key's passphrase: once to use the key, twice when it is created.

A key is protected by its passphrase only; a typo when it is created would lock its owner out,
so creating asks for it twice and refuses to go on until both match.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.design import show_message
from ui.dialog_buttons import ok_cancel


class PassphraseDialog(QDialog):
    """``chosen`` carries the passphrase when OK is pressed (both entries equal if creating)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None, *, creating: bool) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Sign the report"))
        self.creating = creating
        intro = QLabel(
            self.tr(
                "Your signing key is created now and protected by this passphrase. Type it "
                "twice; it cannot be recovered if forgotten."
            )
            if creating
            else self.tr("Passphrase of your signing key:")
        )
        intro.setWordWrap(True)
        self.setMinimumWidth(460)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("passphraseAgain")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("passphraseMessage")
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        if creating:
            form.addRow(self.tr("Again"), self.confirm)
        else:
            self.confirm.hide()
        buttons = ok_cancel(self, self._accept)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for field in (self.passphrase, self.confirm):
            field.textChanged.connect(self._check)
        self._check()

    def _problem(self) -> str:
        if not self.passphrase.text():
            return self.tr("Type a passphrase.") if self.creating else ""
        if self.creating and self.confirm.text() != self.passphrase.text():
            return self.tr("The two passphrases differ.") if self.confirm.text() else ""
        return ""

    def _ready(self) -> bool:
        text = self.passphrase.text()
        return bool(text) and (not self.creating or self.confirm.text() == text)

    def _check(self) -> None:
        show_message(self.message, "error", self._problem() if self.confirm.text() else "")
        self.ok_button.setEnabled(self._ready())

    def _accept(self) -> None:
        if not self._ready():
            return
        self.accept()
        self.chosen.emit(self.passphrase.text())


def ask_passphrase(
    parent: QWidget, *, creating: bool, then: Callable[[str], None]
) -> PassphraseDialog:
    """Open the dialog (non-blocking); ``then`` receives the passphrase on OK."""
    dialog = PassphraseDialog(parent, creating=creating)
    dialog.chosen.connect(then)
    dialog.open()
    return dialog
