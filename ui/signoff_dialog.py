"""The sign-off dialog: role, name, title; prefilled from the author preferences."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from app.signoff import RoleState

ROLE_WORDS = {
    "prepared_by": "Prepared by",
    "reviewed_by": "Reviewed by",
    "approved_by": "Approved by",
    "filed_by": "Filed by",
}
STATE_WORDS = {
    "current": "signed",
    "stale": "STALE — content changed after signing",
    "missing": "to sign",
}


def role_text(role: str) -> str:
    words = ROLE_WORDS.get(role, role.replace("_", " ").capitalize())
    return QCoreApplication.translate("SignoffDialog", words)  # in the interface language


class SignoffDialog(QDialog):
    """Asks who signs for which role; ``values()`` gives (role, name, title) once accepted."""

    def __init__(self, states: list[RoleState], parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("signoffDialog")
        self.setWindowTitle(self.tr("Sign off the report"))
        self.setMinimumWidth(420)
        intro = QLabel(
            self.tr(
                "Your sign-off approves the report exactly as it is now. Any later edit makes "
                "it stale and the report goes back to review."
            )
        )
        intro.setWordWrap(True)
        self.role = QComboBox()
        self.role.setObjectName("signoffRole")
        first_open = -1
        for index, state in enumerate(s for s in states if s.required):
            self.role.addItem(
                f"{role_text(state.role)} ({self.tr(STATE_WORDS[state.state])})", state.role
            )
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
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Title"), self.job_title)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign off"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()) and self.role.count() > 0)

    def values(self) -> tuple[str, str, str]:
        return str(self.role.currentData()), self.name.text().strip(), self.job_title.text().strip()
