"""Corrective actions: owner, due date (calendar), priority, status, kind, horizon, ticket, causes.

The status note holds what the status alone does not say: an imported ``Blocked`` or ``Waiting
on vendor`` (tracked as In progress) is shown there as the team wrote it.

A due date in the past is allowed (actions are often recorded late) but an unfinished overdue
action is highlighted. The ticket opens in the browser.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.cause_links import linked_targets
from app.edits import set_cell
from app.model import Action, Postmortem
from app.natural_dates import parse_due_date
from app.vocabulary import ActionKind, ActionStatus, Horizon, Priority
from ui.design import palette
from ui.editor.labels import (
    action_status_labels,
    choices,
    horizon_labels,
    kind_labels,
    priority_labels,
)
from ui.editor.link_picker import LinkPicker, target_label
from ui.editor.row_section import EditorHost, RowSection
from ui.editor.rows import Column

FINISHED = (ActionStatus.DONE, ActionStatus.NOT_DOING)


def ticket_url(ticket: str) -> QUrl | None:
    """A ticket that is a web address (or a bare host/path) as a URL to open; else None."""
    text = ticket.strip()
    if not text:
        return None
    url = QUrl.fromUserInput(text)
    if not url.isValid() or url.scheme() not in ("http", "https"):
        return None
    if "://" not in text and "." not in text.split("/", 1)[0]:
        return None  # a bare ticket id such as PAY-123 is not a web address
    return url


class ActionsPage(QWidget):
    def __init__(self, host: EditorHost, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.host = host
        self.today = today
        self.rows = RowSection(
            host,
            "actions",
            [
                Column("action", self.tr("Action"), required=True),
                Column("owner", self.tr("Owner"), width=120),
                Column(
                    "due",
                    self.tr("Due"),
                    "date",
                    width=110,
                    parse_date=lambda text: parse_due_date(text, self.today(), self.tr("due date")),
                ),
                Column(
                    "priority",
                    self.tr("Priority"),
                    "choice",
                    choices(priority_labels(), optional=True),
                    convert=Priority,
                    width=70,
                ),
                Column(
                    "status",
                    self.tr("Status"),
                    "choice",
                    choices(action_status_labels()),
                    convert=ActionStatus,
                    width=110,
                ),
                Column(
                    "kind",
                    self.tr("Kind"),
                    "choice",
                    choices(kind_labels(), optional=True),
                    convert=ActionKind,
                    width=95,
                ),
                Column(
                    "horizon",
                    self.tr("Horizon"),
                    "choice",
                    choices(horizon_labels(), optional=True),
                    convert=Horizon,
                    width=115,
                ),
                Column("ticket", self.tr("Ticket"), width=170),
                Column("status_reason", self.tr("Status note"), width=170),
                Column(
                    "causes",
                    self.tr("Linked causes"),
                    "computed",
                    compute=self._causes_text,
                    width=220,
                ),
            ],
            lambda _doc, _pos: Action(action=self.tr("New action")),
            min_rows=10,
            wrap=True,
        )
        self.rows.model.row_hint = self._hint
        self.table = self.rows.table
        self.open_ticket_button = QPushButton(self.tr("Open ticket"))
        self.open_ticket_button.setObjectName("actions_open_ticket")
        self.open_ticket_button.clicked.connect(self.open_ticket)
        self.rows.buttons.insertWidget(4, self.open_ticket_button)
        self.link_button = QPushButton(self.tr("Link causes…"))
        self.link_button.setObjectName("actions_link_causes")
        self.link_button.setToolTip(
            self.tr("Choose the whys and causes this action addresses (or double-click the cell).")
        )
        self.link_button.clicked.connect(self.pick_causes)
        self.rows.buttons.insertWidget(5, self.link_button)
        self.causes_column = len(self.rows.model.columns) - 1
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.overdue = QLabel()
        self.overdue.setObjectName("overdueNote")
        self.overdue.setStyleSheet(f"color: {palette().warning};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.overdue)

    def _causes_text(self, action: Any) -> tuple[str, QColor | None, str]:
        doc = self.rows.model.doc
        if doc is None or not action.causes:
            return "", None, ""
        labels = [
            None if target is None else target_label(target)
            for target in linked_targets(doc, action.causes)
        ]
        shown = [label for label in labels if label is not None]
        gone = len(labels) - len(shown)
        if gone:
            shown.append(self.tr("⚠ {0} deleted cause(s)").format(gone))
        return "\n".join(shown), None, "\n".join(shown)  # one cause a line (the cell wraps)

    def _activated(self, index: Any) -> None:
        if index.column() == self.causes_column:
            self.pick_causes()

    def pick_causes(self) -> LinkPicker | None:
        """Open the picker for the selected action; OK stores the chosen links (one undo step)."""
        doc = self.rows.model.doc
        rows = self.table.selected_source_rows()
        if doc is None or not rows:
            self.host.show_error(self.tr("Select an action first, then link it to causes."))
            return None
        row = rows[0]
        picker = LinkPicker(doc, doc.actions[row], self)
        picker.chosen.connect(
            lambda refs: (
                self.host.apply_change(set_cell(doc, "actions", row, "causes", refs))
                if refs != doc.actions[row].causes
                else None
            )
        )
        picker.finished.connect(picker.deleteLater)
        self.picker = picker
        picker.open()
        return picker

    def is_overdue(self, action: Action) -> bool:
        return (
            action.due is not None and action.due < self.today() and action.status not in FINISHED
        )

    def _hint(self, row: Any) -> tuple[QColor | None, str]:
        if self.is_overdue(row):
            return QColor("#fdebd0"), self.tr("Overdue: the due date has passed.")
        return None, ""

    def open_ticket(self) -> bool:
        rows = self.table.selected_source_rows()
        doc = self.rows.model.doc
        if doc is None or not rows:
            return False
        url = ticket_url(doc.actions[rows[0]].ticket)
        if url is None:
            self.host.show_error(self.tr("This action's ticket is not a web address."))
            return False
        return QDesktopServices.openUrl(url)

    def load(self, doc: Postmortem | None) -> None:
        self.rows.load(doc)
        if doc is None:
            return
        late = sum(1 for action in doc.actions if self.is_overdue(action))
        self.overdue.setText(
            self.tr("⚠ {0} unfinished action(s) past their due date.").format(late) if late else ""
        )
