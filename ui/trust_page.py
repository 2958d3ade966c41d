"""Preferences ▸ Trusted signers: the same trust list as ``postmortem-studio trust``.

Shows who may sign which role (name, roles, certificate fingerprint); adds the signers of a
certificate or a signed PDF, removes the selected ones, lets roles be edited in place. Nothing
is written until the dialog's OK (``save``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import PostmortemError
from app.trust import (
    TrustEntry,
    TrustList,
    entries_from_source,
    load_trust,
    parse_roles,
    trust_path,
)

ROLES_COLUMN = 1


class TrustListPage(QWidget):
    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trustListPage")
        self.problem = QLabel()
        self.problem.setObjectName("trustProblem")
        self.problem.setWordWrap(True)
        try:
            self.trust = load_trust(path)
        except PostmortemError as error:
            self.trust = TrustList(trust_path(path))
            self.problem.setText(str(error))
        self.where = QLabel(self.tr("Trust list: {0}").format(self.trust.path))
        self.where.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("trustTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Signer"), self.tr("Roles allowed"), self.tr("Certificate (SHA-256)")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add certificate or signed PDF…"))
        self.add_button.setObjectName("trustAddButton")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("trustRemoveButton")
        self.add_button.clicked.connect(self.choose_source)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "Roles: comma separated role names, or * for every role. A reviewed copy of "
                "this file can live in the team's repository (--trust or "
                "POSTMORTEM_STUDIO_TRUST)."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.problem)
        self._show()

    def _show(self) -> None:
        self.table.setRowCount(0)
        for entry in self.trust.entries:
            row = self.table.rowCount()
            self.table.insertRow(row)
            name = entry.name + (self.tr(" (certificate authority)") if entry.ca else "")
            cells = [name, ",".join(entry.roles), entry.fingerprint]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column != ROLES_COLUMN:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)

    def choose_source(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("A signer's certificate, or a PDF they signed"),
            "",
            self.tr("Certificates and PDFs (*.pem *.crt *.cer *.der *.pdf)"),
        )
        if path:
            self.add_from(Path(path))

    def add_from(self, source: Path) -> bool:
        self._read_roles()
        try:
            entries = entries_from_source(source)
        except PostmortemError as error:
            self.problem.setText(str(error))
            return False
        for entry in entries:
            self.trust.add(entry)
        self.problem.setText("")
        self._show()
        return True

    def remove_selected(self) -> None:
        self._read_roles()
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        self.trust.entries = [e for i, e in enumerate(self.trust.entries) if i not in rows]
        self._show()

    def _read_roles(self) -> bool:
        """Take in the roles typed in the table; False (with the reason shown) if one is bad."""
        updated: list[TrustEntry] = []
        for row, entry in enumerate(self.trust.entries):
            item = self.table.item(row, ROLES_COLUMN)
            try:
                roles = parse_roles(item.text() if item is not None else "")
            except PostmortemError as error:
                self.problem.setText(f"{entry.name}: {error}")
                return False
            updated.append(TrustEntry(entry.fingerprint, roles, entry.name, entry.ca))
        self.trust.entries = updated
        return True

    def save(self) -> bool:
        """Write the list (at the dialog's OK); False with the reason shown when it cannot."""
        if not self._read_roles():
            return False
        try:
            self.trust.save()
        except PostmortemError as error:
            self.problem.setText(str(error))
            return False
        return True
