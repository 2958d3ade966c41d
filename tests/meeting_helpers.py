"""Helpers for meeting tests: a meeting on the demo, bigger diagrams, text-size measurement."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontInfo, QFontMetrics, QTextDocument, QTextFormat
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.meeting import capture
from app.meeting.agenda import builtin_templates
from app.meeting.clock import FakeClock
from app.meeting.meeting import Meeting
from app.model import Postmortem
from app.session import DocumentSession, FieldChange
from app.store import Store
from ui.meeting.control_panel import ControlPanel
from ui.meeting.presenter_view import PresenterView

T0 = datetime(2026, 1, 16, 14, 0, tzinfo=UTC)


def set_language(session: DocumentSession, language: str) -> None:
    session.apply(FieldChange("Language", lambda doc: doc, "language", language))


def grow_diagrams(session: DocumentSession, causes: int = 40, whys: int = 7) -> None:
    """An Ishikawa with ``causes`` causes in all (long identifiers among them) and a chain
    of ``whys`` whys with long answers."""
    categories = [node for node, _label in capture.ishikawa_categories(session.doc)]
    existing = sum(1 for _n, d in session.doc.ishikawa.nodes(data=True) if d["role"] == "cause")
    for number in range(existing, causes):
        text = (
            f"add_user_preferences_table_{number} migration locked the accounts table"
            if number % 3 == 0
            else f"getUserPreferencesById{number} timed out behind the connectionPool.maxSize limit"
        )
        session.apply(capture.cause(categories[number % len(categories)], text))
    chain = sum(1 for _n, d in session.doc.whys.nodes(data=True) if d["role"] == "why")
    for number in range(chain, whys):
        session.apply(
            capture.why(
                f"Why did step {number + 1} of the payment-service/checkout flow fail?",
                "Because the readinessProbe of payment-service was missing and the deploy "
                "went ahead without it",
            )
        )


def open_meeting(
    store: Store, doc: Postmortem, template: int = 0, language: str | None = None
) -> tuple[Meeting, PresenterView, ControlPanel, FakeClock]:
    """The meeting of ``doc`` with its presenter at 1280×720 (in ``language``, if given)."""
    if language is not None:
        doc.language = language
        store.save(doc, expected_seq=store.seq(doc.id))
    session = DocumentSession.open(store, doc.id)
    clock = FakeClock(T0)
    meeting = Meeting.plan(session, builtin_templates(doc.language or "en")[template], clock)
    presenter = PresenterView(meeting)
    panel = ControlPanel(meeting, presenter)
    panel.ticker.stop()
    presenter.resize(1280, 720)
    presenter.show()
    return meeting, presenter, panel, clock


def _visible(label: QLabel, root: QWidget) -> bool:
    """Whether any part of the label is inside every ancestor up to the root."""
    area = QRect(label.mapTo(root, QPoint(0, 0)), label.size())
    widget = label.parentWidget()
    while widget is not None and widget is not root:
        area = area.intersected(QRect(widget.mapTo(root, QPoint(0, 0)), widget.size()))
        widget = widget.parentWidget()
    return not area.intersected(root.rect()).isEmpty()


def _rich_sizes(label: QLabel) -> list[int]:
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setHtml(label.text())
    base = QFontInfo(label.font()).pixelSize()
    sizes = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.text().strip():
                fmt = fragment.charFormat()
                if fmt.hasProperty(QTextFormat.Property.FontPixelSize):
                    sizes.append(fmt.intProperty(QTextFormat.Property.FontPixelSize))
                elif fmt.hasProperty(QTextFormat.Property.FontPointSize):
                    sizes.append(round(fmt.fontPointSize() * label.logicalDpiY() / 72))
                elif fmt.hasProperty(QTextFormat.Property.FontSizeAdjustment):
                    step = fmt.intProperty(QTextFormat.Property.FontSizeAdjustment)
                    sizes.append(round(base * (1.2**step)))
                else:
                    sizes.append(base)
            iterator += 1
        block = block.next()
    return sizes or [base]


def settle(root: QWidget) -> None:
    """Let the layouts finish, as the event loop does before the screen is drawn."""
    for _ in range(3):
        QApplication.processEvents()
        layout = root.layout()
        if layout is not None:
            layout.activate()


def rendered_text_sizes(root: QWidget) -> list[tuple[str, int]]:
    """(object name and text, pixel height) of every piece of text the root shows.

    The height is the font's pixel size — or the label's own height when the layout squeezed
    it below one line (the text is then cut, which reads no better than small text).
    """
    found = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text().strip() or not _visible(label, root):
            continue
        rich = label.textFormat().name == "RichText"
        size = min(_rich_sizes(label)) if rich else QFontInfo(label.font()).pixelSize()
        line = QFontMetrics(label.font()).height()
        if label.height() < line:
            size = min(size, label.height())
        elif label.wordWrap() and label.height() + 2 < label.heightForWidth(label.width()):
            size = 0  # lines cut off at the bottom: not readable at any size
        found.append((f"{label.objectName()}: {label.text()[:40]!r}", size))
    return found
