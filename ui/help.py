"""Help ▸ Getting started and Help ▸ Keyboard shortcuts: short, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

translate = QCoreApplication.translate  # the name lupdate looks for


def _keys() -> list[tuple[str, str]]:

    return [
        ("Ctrl+N", translate("Help", "New postmortem")),
        ("Ctrl+I", translate("Help", "Import a postmortem")),
        ("Ctrl+Z / Ctrl+Shift+Z", translate("Help", "Undo / redo the last edit")),
        ("Ctrl+PgUp / Ctrl+PgDown", translate("Help", "Previous / next section")),
        ("Ctrl+1 … Ctrl+9", translate("Help", "Go to section 1 … 9 of the outline")),
        ("Return, Tab", translate("Help", "Finish a field (it is saved at once)")),
        ("Ctrl+Return", translate("Help", "Finish a text of several lines")),
        (
            "Ctrl+V",
            translate("Help", "In the timeline: paste chat lines or a table, with a preview"),
        ),
        ("F2", translate("Help", "Edit a table cell, or rename a box of a diagram")),
        (
            "Delete",
            translate("Help", "Empty an optional cell; delete a diagram box and its subtree"),
        ),
        ("Tab / Return", translate("Help", "In a diagram: add a child / a sibling box")),
        ("Arrows", translate("Help", "In a diagram: go to the nearest box in that direction")),
        (
            "Alt+arrows",
            translate("Help", "In a diagram: parent, first child, previous / next sibling"),
        ),
        ("R", translate("Help", "In a diagram: mark or unmark a root cause")),
        ("Ctrl+0, Ctrl+= / Ctrl+-", translate("Help", "In a diagram: fit, zoom in / out")),
        ("Ctrl+Shift+P", translate("Help", "Export the report as PDF")),
        ("Ctrl+H", translate("Help", "History of the postmortem")),
    ]


def keys_html() -> str:
    rows = "".join(
        f"<tr><td style='padding:4px 16px 4px 0'><b>{key}</b></td><td>{what}</td></tr>"
        for key, what in _keys()
    )
    return f"<h2>{translate('Help', 'Keyboard shortcuts')}</h2><table>{rows}</table>"


def guide_html() -> str:

    steps = [
        translate(
            "Help", "Create a postmortem (Ctrl+N). Nothing is kept until you type something."
        ),
        translate(
            "Help",
            "Fill the header first: the incident date and time zone let you type times alone, "
            "such as 14:31 or 2:31 PM.",
        ),
        translate(
            "Help",
            "Build the timeline: paste lines from the incident chat (Ctrl+V), check the preview, "
            "then mark when it started, was detected, mitigated and resolved.",
        ),
        translate(
            "Help", "Find the causes with the 5 Whys and the Ishikawa diagram; mark root causes."
        ),
        translate(
            "Help",
            "Add corrective actions with an owner and a due date (tomorrow, +3d, next friday…) "
            "and link each to the causes it addresses.",
        ),
        translate(
            "Help",
            "The outline on the left shows ✔ for sections with content and ⚠ for what needs "
            "attention. Every edit is saved at once and can be undone.",
        ),
        translate("Help", "When the review is done, sign it off and export the PDF report."),
    ]
    items = "".join(f"<li style='margin-bottom:6px'>{step}</li>" for step in steps)
    return f"<h2>{translate('Help', 'Getting started')}</h2><ol>{items}</ol>"


class HelpDialog(QDialog):
    def __init__(self, html: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(title)
        self.text = QTextBrowser()
        self.text.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)


def show_help(parent: QWidget, topic: str) -> HelpDialog:
    if topic == "keys":
        dialog = HelpDialog(keys_html(), translate("Help", "Keyboard shortcuts"), parent)
    else:
        dialog = HelpDialog(guide_html(), translate("Help", "Getting started"), parent)
    dialog.setObjectName(f"help-{topic}")
    dialog.open()
    return dialog
