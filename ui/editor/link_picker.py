"""Choose the whys and causes a corrective action addresses, by their text.

A filter field narrows the list as one types; each why or cause is a check box labelled with
its text (root causes marked ⚑). Only existing nodes are offered, so no link can dangle; links
to a node deleted since are listed as such and dropped when the choice is confirmed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.cause_links import LinkTarget, link_targets
from app.diagrams.graph import WHYS
from app.model import Action, Postmortem
from ui.dialog_buttons import ok_cancel

REF_ROLE = Qt.ItemDataRole.UserRole + 1
translate = QCoreApplication.translate  # the name lupdate looks for


def target_label(target: LinkTarget) -> str:
    """ "Why 2: … → …" or "Ishikawa · People: …", in the interface language."""
    text = target.text or translate("LinkPicker", "(no text)")
    if target.kind == WHYS:
        label = translate("LinkPicker", "Why {0}: {1}").format(target.depth, text)
        return label + (f" → {target.answer}" if target.answer else "")
    return translate("LinkPicker", "Ishikawa · {0}: {1}").format(target.category, text)


class LinkPicker(QDialog):
    """``chosen`` carries the references (in drawing order) when the person presses OK."""

    chosen = Signal(list)

    def __init__(self, doc: Postmortem, action: Action, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkPicker")
        self.setWindowTitle(self.tr("Causes addressed by this action"))
        intro = QLabel(
            self.tr("“{0}” addresses:").format(action.action[:80] or self.tr("(no text)"))
        )
        intro.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setObjectName("linkFilter")
        self.filter.setPlaceholderText(self.tr("Type to find a why or a cause…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._narrow)
        self.list = QListWidget()
        self.list.setObjectName("linkList")
        self.list.setWordWrap(True)  # long whys read whole, on several lines
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        current = set(action.causes)
        for target in link_targets(doc):
            flag = " ⚑" if target.root_cause else ""
            item = QListWidgetItem(target_label(target) + flag)
            item.setData(REF_ROLE, target.ref)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if target.ref in current else Qt.CheckState.Unchecked
            )
            if target.root_cause:
                item.setToolTip(self.tr("Marked as a root cause"))
            self.list.addItem(item)
        known = {self.list.item(i).data(REF_ROLE) for i in range(self.list.count())}
        self.gone = sorted(current - known)
        note = QLabel()
        note.setObjectName("linkNote")
        note.setWordWrap(True)
        if self.gone:
            note.setText(
                self.tr(
                    "{0} linked cause(s) were deleted from the diagrams; OK removes them."
                ).format(len(self.gone))
            )
        elif not self.list.count():
            note.setText(
                self.tr("The diagrams have no why or cause yet: add them in 5 Whys or Ishikawa.")
            )
        note.setVisible(bool(note.text()))
        buttons = ok_cancel(self, self._accept)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def _narrow(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            label = item.text().casefold()
            item.setHidden(not all(word in label for word in words))

    def refs(self) -> list[str]:
        return [
            str(self.list.item(row).data(REF_ROLE))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _accept(self) -> None:
        self.accept()
        self.chosen.emit(self.refs())
