"""Markdown import in the window: File ▸ Import Markdown…, drag-and-drop of a ``.md`` file,
and a review dialog showing what was mapped, kept aside and guessed before anything is saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
)

from app.errors import PostmortemError
from app.formats import ImportOptions
from app.model import Postmortem
from ui.preferences import current_preferences

if TYPE_CHECKING:
    from app.formats import ImportReport
    from ui.main_window import MainWindow

MARKDOWN_SUFFIXES = (".md", ".markdown")


class ImportReviewDialog(QDialog):
    """Shows the import report; the postmortem is created only if the user accepts."""

    created = Signal(str)

    def __init__(self, window: MainWindow, doc: Postmortem, report: ImportReport) -> None:
        super().__init__(window)
        self.setObjectName("markdownImportReview")
        self.window_ = window
        self.doc = doc
        self.report = report
        self.setWindowTitle(self.tr("Review the Markdown import"))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr(
                "<b>{0}</b><br>from {1}: {2} timeline rows, {3} actions, {4} narrative sections, "
                "{5} annexes"
            ).format(
                _escape(doc.title or "—"),
                _escape(report.source),
                len(doc.timeline),
                len(doc.actions),
                len(doc.narrative),
                len(doc.annexes),
            )
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.tabs = QTabWidget()
        self.mapped_list = self._add_tab(self.tr("Mapped ({0})"), report.mapped)
        self.kept_list = self._add_tab(self.tr("Kept aside ({0})"), report.kept_aside)
        self.warnings_list = self._add_tab(self.tr("Warnings ({0})"), report.warnings)
        self.notes_view = QPlainTextEdit(report.notes or self.tr("(nothing)"))
        self.notes_view.setReadOnly(True)
        self.tabs.addTab(self.notes_view, self.tr("Text kept aside"))
        layout.addWidget(self.tabs, 1)
        note = QLabel(
            self.tr(
                "Nothing is lost: the text kept aside is shown here in full, to copy where it "
                "belongs; it is not printed in the postmortem."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("Create the postmortem"))
        self.create_button.setObjectName("createImported")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if report.warnings and not report.mapped:
            self.tabs.setCurrentWidget(self.warnings_list)

    def _add_tab(self, title: str, entries: list[str]) -> QListWidget:
        widget = QListWidget()
        widget.setWordWrap(True)
        widget.setTextElideMode(Qt.TextElideMode.ElideNone)
        widget.setResizeMode(QListView.ResizeMode.Adjust)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setAlternatingRowColors(True)
        for entry in entries:
            QListWidgetItem(entry, widget)
        if not entries:
            QListWidgetItem(self.tr("(nothing)"), widget)
        self.tabs.addTab(widget, title.format(len(entries)))
        return widget

    def accept(self) -> None:
        store = self.window_.store
        try:
            store.add(self.doc, f"imported from {self.report.source}")
        except PostmortemError as error:
            self.window_.show_error(str(error))
            return
        super().accept()
        self.window_.refresh()
        self.window_.select(self.doc.id)
        self.created.emit(self.doc.id)


class _DropFilter(QObject):
    """Accepts ``.md`` files dropped anywhere on the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if isinstance(event, QDropEvent) and _markdown_paths(event):
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop:
            paths = _markdown_paths(event) if isinstance(event, QDropEvent) else []
            if paths:
                event.acceptProposedAction()
                review_markdown(self.window_, paths[0])
                return True
        return False


def _markdown_paths(event: QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() in MARKDOWN_SUFFIXES]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def import_options() -> ImportOptions:
    """The options of an import from the window: the severity scale set in Preferences."""
    scale = current_preferences().severity_scale()
    return ImportOptions(severity_scale=tuple(level.code for level in scale))


def review_markdown(window: MainWindow, path: Path) -> ImportReviewDialog | None:
    """Import ``path`` and open the review dialog (None, with an error shown, if unreadable)."""
    try:
        from app.markdown.importer import read_markdown  # with ftfy: loaded on first import

        doc, report = read_markdown(path, import_options())
    except (PostmortemError, OSError) as error:
        window.show_error(window.tr("Cannot import {0}: {1}").format(path.name, error))
        return None
    from app.signoff import required_roles, settle_imported_approval

    report.warnings.extend(settle_imported_approval(doc, required_roles(window.store)))
    dialog = ImportReviewDialog(window, doc, report)
    window.features.get(MarkdownFeature).review = dialog
    dialog.open()
    return dialog


class MarkdownFeature:
    """File ▸ Import Markdown… and ``.md`` files dropped on the window."""

    def __init__(self, window: MainWindow) -> None:
        self.review: ImportReviewDialog | None = None
        action = QAction(window.tr("Import &Markdown…"), window)
        action.setObjectName("importMarkdownAction")

        @Slot()
        def choose() -> None:
            name, _ = QFileDialog.getOpenFileName(
                window, window.tr("Import a Markdown postmortem"), "",
                window.tr("Markdown files (*.md *.markdown)"),
            )  # fmt: skip
            if name:
                review_markdown(window, Path(name))

        action.triggered.connect(choose)
        file_menu = window.menus["file"]
        actions = file_menu.actions()
        anchor = next((a for a in actions if a.text() == window.import_action.text()), None)
        if anchor is not None and anchor in actions and actions.index(anchor) + 1 < len(actions):
            file_menu.insertAction(actions[actions.index(anchor) + 1], action)
        else:
            file_menu.addAction(action)
        self.action = action
        window.setAcceptDrops(True)
        drop_filter = _DropFilter(window)
        window.installEventFilter(drop_filter)
        self.drop_filter = drop_filter


FEATURE = MarkdownFeature
