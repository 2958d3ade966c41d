"""The history of a postmortem: its revisions, a readable diff between two, restore, snapshot."""

from __future__ import annotations

from html import escape
from typing import Protocol

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.edits import replace_content
from app.errors import PostmortemError
from app.model import Postmortem
from app.revision_diff import readable_diff
from app.session import Change
from app.store import RevisionInfo, Store
from ui.editor.labels import status_labels

CURRENT = -1
COLOURS = {"added": "#1e8449", "removed": "#c0392b", "changed": "palette(text)"}


class HistoryHost(Protocol):
    store: Store
    current: Postmortem | None

    def apply_change(self, change: Change) -> bool: ...

    def show_error(self, message: str) -> None: ...


class RevisionsDialog(QDialog):
    def __init__(self, host: HistoryHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setObjectName("revisionsDialog")
        self.setWindowTitle(self.tr("History"))
        self.revisions: list[RevisionInfo] = []
        self.list = QListWidget()
        self.list.setObjectName("revisionList")
        self.older = QComboBox()
        self.older.setObjectName("diffFrom")
        self.newer = QComboBox()
        self.newer.setObjectName("diffTo")
        self.diff = QTextBrowser()
        self.diff.setObjectName("revisionDiff")
        self.snapshot_button = QPushButton(self.tr("Take a snapshot now"))
        self.snapshot_button.setObjectName("snapshotButton")
        self.restore_button = QPushButton(self.tr("Restore this revision"))
        self.restore_button.setObjectName("restoreButton")
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        self.snapshot_button.clicked.connect(self.snapshot)
        self.restore_button.clicked.connect(self.restore_selected)
        self.list.currentRowChanged.connect(self._picked)
        self.older.currentIndexChanged.connect(self.show_diff)
        self.newer.currentIndexChanged.connect(self.show_diff)
        pick = QFormLayout()
        pick.addRow(self.tr("Compare"), self.older)
        pick.addRow(self.tr("with"), self.newer)
        right = QVBoxLayout()
        right.addLayout(pick)
        right.addWidget(self.diff, 1)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(right, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.snapshot_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.resize(980, 560)
        self.reload()

    def _reason(self, reason: str) -> str:
        """The stored reason ("created", "status: draft → in_review", …) in the UI language."""
        statuses = status_labels()
        if reason == "created":
            return self.tr("created")
        if reason == "duplicated":
            return self.tr("duplicated")
        if reason in ("snapshot", "snapshot: on demand"):
            return self.tr("snapshot on demand")
        if reason.startswith("status: ") and " → " in reason:
            before, after = reason.removeprefix("status: ").split(" → ", 1)
            return self.tr("status: {0} → {1}").format(
                statuses.get(before, before), statuses.get(after, after)
            )
        if reason.startswith("imported from "):
            return self.tr("imported from {0}").format(reason.removeprefix("imported from "))
        return reason

    def _label(self, info: RevisionInfo) -> str:
        when = info.created_at[:19].replace("T", " ")
        return self.tr("{0} — {1} (revision {2})").format(
            when, self._reason(info.reason), info.revision
        )

    def reload(self) -> None:
        doc = self.host.current
        self.revisions = self.host.store.revisions(doc.id) if doc is not None else []
        self.list.clear()
        for combo in (self.older, self.newer):
            combo.blockSignals(True)
            combo.clear()
        for info in self.revisions:
            item = QListWidgetItem(self._label(info))
            self.list.addItem(item)
            self.older.addItem(self._label(info), info.id)
            self.newer.addItem(self._label(info), info.id)
        self.newer.addItem(self.tr("Current version"), CURRENT)
        self.older.setCurrentIndex(max(0, len(self.revisions) - 1))
        self.newer.setCurrentIndex(self.newer.count() - 1)
        for combo in (self.older, self.newer):
            combo.blockSignals(False)
        self.restore_button.setEnabled(False)
        self.show_diff()

    def _document(self, revision_id: int) -> Postmortem | None:
        if revision_id == CURRENT:
            return self.host.current
        return self.host.store.revision_document(revision_id)

    def _picked(self, row: int) -> None:
        self.restore_button.setEnabled(row >= 0)
        if row >= 0:
            self.older.setCurrentIndex(row)
            self.newer.setCurrentIndex(self.newer.count() - 1)

    def diff_lines(self) -> list[str]:
        old = self._document(self.older.currentData())
        new = self._document(self.newer.currentData())
        if old is None or new is None:
            return []
        return [line.text for line in readable_diff(old, new)]

    def show_diff(self) -> None:
        if self.older.currentData() is None or self.newer.currentData() is None:
            self.diff.setHtml("")
            return
        try:
            old = self._document(self.older.currentData())
            new = self._document(self.newer.currentData())
        except PostmortemError as error:
            self.diff.setPlainText(str(error))
            return
        if old is None or new is None:
            return
        lines = readable_diff(old, new)
        if not lines:
            nothing = self.tr("No difference.")
            self.diff.setHtml(f"<p><i>{escape(nothing)}</i></p>")
            return
        sign = {"added": "+", "removed": "−", "changed": "~"}
        self.diff.setHtml(
            "".join(
                f"<p style='color:{COLOURS[line.kind]}; margin:2px'>"
                f"{sign[line.kind]} {escape(line.text)}</p>"
                for line in lines
            )
        )

    def snapshot(self) -> None:
        doc = self.host.current
        if doc is None:
            return
        try:
            self.host.store.snapshot(doc.id, "snapshot: on demand")
        except PostmortemError as error:
            self.host.show_error(str(error))
            return
        self.reload()

    def restore_selected(self) -> bool:
        row = self.list.currentRow()
        if row < 0:
            return False
        info = self.revisions[row]
        try:
            source = self.host.store.revision_document(info.id)
        except PostmortemError as error:
            self.host.show_error(str(error))
            return False
        when = info.created_at[:16].replace("T", " ")
        done = self.host.apply_change(
            replace_content(source, self.tr("Restore revision of {0}").format(when))
        )
        self.reload()
        return done
