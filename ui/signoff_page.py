"""The "Sign-off" document tab: who signed what, which sign-offs are stale, the PDF export.

The PDF is built off the GUI thread (``ui.pdf_export``) and opened in the system viewer.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import PostmortemError
from app.jsonio import clone
from app.model import Postmortem
from app.session import DocumentSession
from app.signoff import (
    record_change,
    reopen,
    required_roles,
    role_states,
)
from app.vocabulary import Status
from ui.editor.labels import term_text, word
from ui.flow_layout import FlowLayout
from ui.pdf_export import PdfExporter
from ui.signoff_dialog import SignoffDialog, role_text

STALE_COLOUR = "#a00000"
CURRENT_COLOUR = "#1d6b2a"


class SignoffPage(QWidget):
    """Who signed what, which sign-offs are stale, and the PDF export."""

    def __init__(self, window: Any) -> None:
        super().__init__()
        self.window = window
        self.setObjectName("signoffPage")
        self.open_when_done = True
        self.last_export: Path | None = None
        self.status = QLabel()
        self.status.setObjectName("signoffStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("signoffTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Role"),
                self.tr("Name"),
                self.tr("Title"),
                self.tr("Signed"),
                self.tr("State"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.sign_button = QPushButton(self.tr("Sign off…"))
        self.sign_button.setObjectName("signOffButton")
        self.reopen_button = QPushButton(self.tr("Reopen as a new revision"))
        self.reopen_button.setObjectName("reopenButton")
        self.language = QComboBox()
        self.language.setObjectName("reportLanguage")
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.paper = QComboBox()
        self.paper.setObjectName("reportPaper")
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.export_button = QPushButton(self.tr("Export PDF…"))
        self.export_button.setObjectName("exportPdfButton")
        self.approval_button = QPushButton(self.tr("Export for approval…"))
        self.approval_button.setObjectName("exportForApprovalButton")
        self.approval_button.setToolTip(
            self.tr("The PDF with an empty signature field for each role still to sign")
        )
        self.collect_button = QPushButton(self.tr("Collect signed PDF…"))
        self.collect_button.setObjectName("collectButton")
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("exportMessage")
        self.exporter = PdfExporter(self)
        self.exporter.finished.connect(self._exported)
        self.exporter.failed.connect(self._failed)

        buttons = FlowLayout()  # rows that wrap in a narrow window instead of widening it
        for button in (
            self.sign_button,
            self.reopen_button,
            self.approval_button,
            self.collect_button,
        ):
            buttons.addWidget(button)
        export_row = FlowLayout()
        export_row.addWidget(QLabel(self.tr("Report language")))
        export_row.addWidget(self.language)
        export_row.addWidget(QLabel(self.tr("Paper")))
        export_row.addWidget(self.paper)
        export_row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(export_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.sign_button.clicked.connect(self.ask_signoff)
        self.reopen_button.clicked.connect(self.reopen)
        self.export_button.clicked.connect(self.choose_export)
        self.approval_button.clicked.connect(lambda: self.choose_export(for_approval=True))
        self.collect_button.clicked.connect(self.choose_collect)
        self.show_document(None)

    # -- state ----------------------------------------------------------------------------

    @property
    def session(self) -> DocumentSession | None:
        session: DocumentSession | None = self.window.session
        return session

    def show_document(self, doc: Postmortem | None) -> None:
        enabled = doc is not None
        for widget in (self.sign_button, self.export_button, self.language, self.paper):
            widget.setEnabled(enabled and not self.exporter.running)
        self.approval_button.setEnabled(enabled and not self.exporter.running)
        self.collect_button.setEnabled(enabled)
        self.table.setRowCount(0)
        if doc is None:
            self.status.setText(self.tr("Open a postmortem to see its sign-offs."))
            self.reopen_button.setEnabled(False)
            return
        self.language.setCurrentIndex(max(self.language.findData(doc.language), 0))
        approved = doc.status == Status.APPROVED
        self.sign_button.setEnabled(not approved)
        self.reopen_button.setEnabled(approved)
        states = role_states(doc, required_roles(self.window.store))
        stale = [s for s in states if s.state in ("stale", "unverified")]
        status = word(doc.status)
        if approved:
            status = self.tr("{0} — locked").format(status)
        text = self.tr("Status: {0} · revision {1}").format(status, doc.revision)
        if stale:
            text += " · " + self.tr("{0} sign-off(s) STALE or NOT VERIFIED: sign again").format(
                len(stale)
            )
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {STALE_COLOUR};" if stale else "")
        for state in states:
            row = self.table.rowCount()
            self.table.insertRow(row)
            signoff = state.signoff
            when = (
                signoff.signed_at.strftime("%Y-%m-%d %H:%M")
                if signoff and signoff.signed_at
                else ""
            )
            cells = [
                role_text(state.role),
                signoff.name if signoff else "",
                signoff.title if signoff else "",
                when,
                term_text(state.state),
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 1 and signoff is not None and signoff.fingerprint:
                    item.setToolTip(self.tr("Certificate sha256:{0}").format(signoff.fingerprint))
                if column == 4 and state.state != "missing":
                    colour = CURRENT_COLOUR if state.state == "current" else STALE_COLOUR
                    item.setForeground(QColor(colour))
                self.table.setItem(row, column, item)

    # -- actions --------------------------------------------------------------------------

    def ask_signoff(self) -> SignoffDialog | None:
        session = self.session
        if session is None:
            return None
        dialog = SignoffDialog(role_states(session.doc, required_roles(session.store)), self)
        dialog.accepted.connect(lambda: self._sign(dialog))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _sign(self, dialog: SignoffDialog) -> None:
        """Unlock (or create) the signer's key, sign the sign-off and its PDF field, record."""
        from app import signing
        from app.approval import finish_signoff, prepare_signoff

        session = self.session
        if session is None:
            return
        values = dialog.values()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if values.p12 is not None:
                key = signing.load_key(values.p12, values.passphrase)
            else:
                key = signing.personal_key(values.passphrase, values.name, values.email)
            prepared = prepare_signoff(session, values.role, values.name, values.title, key=key)
        except PostmortemError as error:
            self.window.show_error(str(error))
            return
        finally:
            QApplication.restoreOverrideCursor()
        change = record_change([prepared.signoff], self.tr("Sign off"))
        if self.window.apply_change(change):
            finish_signoff(session, prepared)
            self.show_document(session.doc)

    def reopen(self) -> None:
        session = self.session
        if session is None:
            return
        try:
            reopen(session)
        except PostmortemError as error:
            self.window.show_error(str(error))
            return
        self.window.undo_stack.clear()
        self.show_document(session.doc)

    def choose_export(self, for_approval: bool = False) -> None:
        session = self.session
        if session is None:
            return
        suffix = " - for approval" if for_approval else ""
        suggested = f"{session.doc.title or 'postmortem'}{suffix}.pdf".replace("/", "-")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the report"), suggested, self.tr("PDF (*.pdf)")
        )
        if path:
            self.export_to(Path(path), for_approval=for_approval)

    def export_to(self, path: Path, *, for_approval: bool = False) -> None:
        """Export to ``path``: the report, or (approved, or asked) its approval PDF."""
        from app.approval import fresh_approval_pdf, stored_pdf
        from app.report.export import build_pdf

        session = self.session
        if session is None or self.exporter.running:
            return
        doc = clone(session.doc)
        roles = required_roles(session.store)
        language, paper = str(self.language.currentData()), str(self.paper.currentData())
        build: Callable[[], bytes]
        kept = stored_pdf(session.store, doc)
        if (for_approval or doc.status == Status.APPROVED) and kept is not None:
            build = partial(bytes, kept)
        elif for_approval or doc.status == Status.APPROVED:
            build = partial(fresh_approval_pdf, doc, roles, language=language, paper=paper)
        else:
            created = session.store.updated_at(doc.id)  # the revision's time: same bytes
            build = partial(
                build_pdf, doc, language=language, paper=paper, roles=roles, created=created
            )
        self.message.setText(self.tr("Building {0}…").format(path.name))
        self.progress.show()
        self.export_button.setEnabled(False)
        if not self.exporter.start(build, path):
            self.progress.hide()
            self.export_button.setEnabled(True)

    def choose_collect(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Collect a signed PDF"), "", self.tr("PDF (*.pdf)")
        )
        if path:
            self.collect(Path(path))

    def collect(self, path: Path, *, trust_new: bool = False) -> bool:
        """Record the sign-offs of a PDF signed elsewhere; an unknown signer is asked about."""
        from app.collect import collect
        from app.trust import load_trust

        try:
            outcome = collect(self.window.store, path, load_trust(), trust_new=trust_new)
        except PostmortemError as error:
            if not trust_new and "--trust-new" in str(error):
                return self._ask_trust_new(path, str(error))
            self.window.show_error(str(error))
            return False
        names = ", ".join(f"{s.name} ({role_text(s.role)})" for s in outcome.recorded)
        self.message.setText(
            self.tr("Collected {0}: {1}").format(path.name, names or self.tr("nothing new"))
        )
        self.window.open_document(outcome.postmortem_id)
        return True

    def _ask_trust_new(self, path: Path, message: str) -> bool:
        text = message.replace("check it and collect with --trust-new to accept it", "")
        answer = QMessageBox.question(
            self,
            self.tr("Unknown signer"),
            text.rstrip("; .")
            + ".\n\n"
            + self.tr("Add this signer to the trust list for the role they signed, and collect?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.collect(path, trust_new=True)

    def _exported(self, path: str) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.last_export = Path(path)
        self.message.setText(self.tr("Saved {0}").format(path))
        if self.open_when_done:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.message.setText(self.tr("Export failed."))
        self.window.show_error(message)
