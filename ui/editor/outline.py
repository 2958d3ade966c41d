"""The section outline: a sidebar naming every section of the open postmortem.

The sections stay pages of a ``QTabWidget`` (features add theirs with ``add_page``, which
names them again after a live language switch) whose tab bar is hidden; the outline lists
those pages in document order, one line each, with a ✔ / ⚠ / ○ glyph saying whether the
section has content or needs attention, and the reason in the tooltip. Ctrl+PgUp /
Ctrl+PgDown and Ctrl+1…9 move between sections from anywhere in the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QTabWidget,
    QWidget,
)

from app.model import Postmortem
from app.section_status import SectionState, State, section_states
from ui.design import status_icon

translate = QCoreApplication.translate  # the name lupdate looks for
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def blank_icon() -> QIcon:
    """A transparent icon, so names without a status stay aligned with the others."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


ICON_KIND = {State.EMPTY: "empty", State.FILLED: "success", State.ATTENTION: "warning"}


def note_text(note: str) -> str:
    """A core note in the interface language (numbers and texts kept)."""
    if note.startswith("Root cause without a corrective action: "):
        tail = note.partition(": ")[2]
        return translate("Outline", "Root cause without a corrective action: {0}").format(tail)
    words = note.split(" ", 1)
    if words[0].isdigit():
        rest = words[1]
        known = {
            "action(s) without an owner.": translate("Outline", "{0} action(s) without an owner."),
            "action(s) without a due date.": translate(
                "Outline", "{0} action(s) without a due date."
            ),
        }
        if rest in known:
            return known[rest].format(words[0])
    fixed = {
        "No title yet.": translate("Outline", "No title yet."),
        "No incident date: times typed alone (14:31) need it.": translate(
            "Outline", "No incident date: times typed alone (14:31) need it."
        ),
        "No severity.": translate("Outline", "No severity."),
        "No event is marked (started, detected, resolved…): derived times are empty.": translate(
            "Outline",
            "No event is marked (started, detected, resolved…): derived times are empty.",
        ),
    }
    return fixed.get(note, note)


class SectionOutline(QListWidget):
    """The list of sections beside the editor; choosing one shows its page."""

    def __init__(self, tabs: QTabWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = tabs
        self.keys: dict[int, str] = {}  # id(page) → section key
        self.states: dict[str, SectionState] = {}
        #: pages added by features, with what names them in the current language
        self.titles: list[tuple[QWidget, Callable[[], str]]] = []
        self.setObjectName("sectionOutline")
        self.setAccessibleName(translate("Outline", "Sections"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(16, 16))
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        tabs.tabBar().hide()
        self.currentRowChanged.connect(self._row_chosen)
        tabs.currentChanged.connect(self._page_shown)

    # -- pages -------------------------------------------------------------------------------

    def add_page(self, page: QWidget, title: Callable[[], str]) -> None:
        """Add a feature's page as a section named ``title()``, now and after a language switch
        (the editor's own pages are rebuilt in the new language instead)."""
        self.titles.append((page, title))
        self.tabs.addTab(page, title())
        self.rebuild()

    def retitle(self) -> None:
        """Name the features' pages (tabs and outline lines) in the interface language."""
        self.setAccessibleName(translate("Outline", "Sections"))
        for page, title in self.titles:
            index = self.tabs.indexOf(page)
            if index < 0:
                continue
            text = title()
            self.tabs.setTabText(index, text)
            item = self.item(index)
            if item is not None:
                item.setText(text.replace("&", ""))
        self._show_states()  # the status tooltips too
        self.updateGeometry()

    def arrange(self, order: list[tuple[str, QWidget | None]]) -> None:
        """Put the known pages in document order (unknown ones keep their place after them)."""
        position = 0
        for key, page in order:
            if page is None:
                continue
            index = self.tabs.indexOf(page)
            if index < 0:
                continue
            self.keys[id(page)] = key
            self.tabs.tabBar().moveTab(index, position)
            position += 1
        self.rebuild()

    def rebuild(self) -> None:
        self.blockSignals(True)
        self.clear()
        for index in range(self.tabs.count()):
            item = QListWidgetItem(self.tabs.tabText(index).replace("&", ""))
            item.setData(KEY_ROLE, self.keys.get(id(self.tabs.widget(index)), ""))
            self.addItem(item)
        self.setCurrentRow(self.tabs.currentIndex())
        self.blockSignals(False)
        self._show_states()
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        """As wide as the longest section name in the current font and style: never clipped."""
        width = max(170, self.sizeHintForColumn(0) + 2 * self.frameWidth() + 24)
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.sizeHint().width(), 0)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retitle()
        elif event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.updateGeometry()

    def key_of(self, row: int) -> str:
        item = self.item(row)
        return str(item.data(KEY_ROLE)) if item is not None else ""

    def row_of(self, key: str) -> int:
        return next((row for row in range(self.count()) if self.key_of(row) == key), -1)

    def go(self, step: int) -> None:
        if self.count():
            self.setCurrentRow((self.currentRow() + step) % self.count())

    # -- state -------------------------------------------------------------------------------

    def load(self, doc: Postmortem | None) -> None:
        self.states = section_states(doc) if doc is not None else {}
        self._show_states()

    def _show_states(self) -> None:
        for row in range(self.count()):
            item = self.item(row)
            state = self.states.get(self.key_of(row))
            if state is None:  # a page that is not a section (the report): no status
                item.setIcon(blank_icon())
                item.setToolTip("")
                continue
            item.setIcon(status_icon(ICON_KIND[state.state]))
            tip = {
                State.EMPTY: translate("Outline", "Nothing written yet."),
                State.FILLED: translate("Outline", "Has content."),
                State.ATTENTION: "\n".join(note_text(n) for n in state.notes),
            }[state.state]
            item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, tip)

    def state_of(self, key: str) -> SectionState | None:
        return self.states.get(key)

    # -- following the page ------------------------------------------------------------------

    def _row_chosen(self, row: int) -> None:
        if 0 <= row < self.tabs.count():
            self.tabs.setCurrentIndex(row)

    def _page_shown(self, index: int) -> None:
        if index != self.currentRow():
            self.blockSignals(True)
            self.setCurrentRow(index)
            self.blockSignals(False)

    def shortcut_actions(self, parent: QWidget) -> list[QAction]:
        """Ctrl+PgUp / Ctrl+PgDown and Ctrl+1…9, for the window (they work from any field)."""
        actions = []
        previous = QAction(translate("Outline", "Previous section"), parent)
        previous.setShortcut(QKeySequence("Ctrl+PgUp"))
        previous.triggered.connect(lambda: self.go(-1))
        following = QAction(translate("Outline", "Next section"), parent)
        following.setShortcut(QKeySequence("Ctrl+PgDown"))
        following.triggered.connect(lambda: self.go(+1))
        actions += [previous, following]
        for number in range(1, 10):
            jump = QAction(translate("Outline", "Section {0}").format(number), parent)
            jump.setShortcut(QKeySequence(f"Ctrl+{number}"))
            jump.triggered.connect(lambda _checked=False, row=number - 1: self._jump(row))
            actions.append(jump)
        for action in actions:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            parent.addAction(action)
        return actions

    def _jump(self, row: int) -> None:
        if row < self.count():
            self.setCurrentRow(row)
