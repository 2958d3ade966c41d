"""The sign-off dialog: role, name, title, and the signer's own key (passphrase, or a PKCS#12).

A person signing for the first time gets a personal key created with their name (and e-mail)
in the certificate; its new passphrase (at least 8 characters) is asked twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.signing import MIN_PASSPHRASE, has_personal_key
from app.signoff import RoleState
from ui.editor.labels import term_text


def role_text(role: str) -> str:
    """A sign-off role in the interface language (a role a team added is shown as typed)."""
    return term_text(role)


@dataclass(frozen=True)
class SignoffValues:
    role: str
    name: str
    title: str
    email: str
    passphrase: str
    p12: Path | None


class SignoffDialog(QDialog):
    """Asks who signs for which role and unlocks their key; ``values()`` once accepted."""

    def __init__(self, states: list[RoleState], parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("signoffDialog")
        self.setWindowTitle(self.tr("Sign off the report"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "Your sign-off approves the report exactly as it is now, signed with your own "
                "key. Any later edit makes it stale and the report goes back to review."
            )
        )
        intro.setWordWrap(True)
        self.role = QComboBox()
        self.role.setObjectName("signoffRole")
        first_open = -1
        for index, state in enumerate(s for s in states if s.required):
            self.role.addItem(f"{role_text(state.role)} ({term_text(state.state)})", state.role)
            if first_open < 0 and state.state != "current":
                first_open = index
        self.role.setCurrentIndex(max(first_open, 0))
        settings = QSettings()
        self.name = QLineEdit(str(settings.value("author/name", "") or ""))
        self.name.setObjectName("signoffName")
        self.name.setPlaceholderText(self.tr("Your full name"))
        self.job_title = QLineEdit(str(settings.value("author/title", "") or ""))
        self.job_title.setObjectName("signoffTitle")
        self.job_title.setPlaceholderText(self.tr("e.g. Head of SRE"))
        self.email = QLineEdit()
        self.email.setObjectName("signoffEmail")
        self.email.setPlaceholderText(self.tr("Optional, written in a new certificate"))
        self.p12 = QLineEdit()
        self.p12.setObjectName("signoffP12")
        self.p12.setPlaceholderText(self.tr("Your personal key (created on first use)"))
        browse = QPushButton(self.tr("Own PKCS#12…"))
        browse.setObjectName("signoffBrowseP12")
        browse.clicked.connect(self._browse)
        key_row = QHBoxLayout()
        key_row.addWidget(self.p12, 1)
        key_row.addWidget(browse)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("signoffPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("signoffPassphraseAgain")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_label = QLabel(self.tr("Passphrase again"))
        self.hint = QLabel()
        self.hint.setObjectName("signoffHint")
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Title"), self.job_title)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Key"), key_row)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.confirm_label, self.confirm)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign off"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.name, self.p12, self.passphrase, self.confirm):
            edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self._update()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Your PKCS#12 file"), "", self.tr("PKCS#12 (*.p12 *.pfx)")
        )
        if path:
            self.p12.setText(path)

    def new_key(self) -> bool:
        """True when signing will create this person's personal key."""
        name = self.name.text().strip()
        return bool(name) and not self.p12.text().strip() and not has_personal_key(name)

    def _update(self) -> None:
        creating = self.new_key()
        self.confirm.setVisible(creating)
        self.confirm_label.setVisible(creating)
        passphrase = self.passphrase.text()
        problem = ""
        if not self.name.text().strip():
            problem = self.tr("Type your name.")
        elif creating and len(passphrase) < MIN_PASSPHRASE:
            problem = self.tr(
                "A personal key will be created for you: choose a passphrase of at least "
                "{0} characters, and type it twice."
            ).format(MIN_PASSPHRASE)
        elif creating and passphrase != self.confirm.text():
            problem = self.tr("The two passphrases differ.")
        elif not passphrase:
            problem = self.tr("Type the passphrase of your key.")
        self.hint.setText(problem)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem and self.role.count() > 0)

    def values(self) -> SignoffValues:
        p12 = self.p12.text().strip()
        return SignoffValues(
            role=str(self.role.currentData()),
            name=self.name.text().strip(),
            title=self.job_title.text().strip(),
            email=self.email.text().strip(),
            passphrase=self.passphrase.text(),
            p12=Path(p12) if p12 else None,
        )
