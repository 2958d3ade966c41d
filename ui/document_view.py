"""A read-only view of one postmortem, every section, as rich text (user text escaped)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.derived import derived_times
from app.diagrams.graph import children, outline_level, root_of, walk
from app.model import Postmortem
from app.natural_dates import format_moment, incident_day
from app.richtext import inline_html, to_html
from app.sections import SECTIONS, UNLISTED, SectionId, not_covered_line
from app.sections import title as section_title
from app.timeutil import format_duration
from app.visible_text import MAX_ANNEX_BYTES, excerpt, visible
from app.vocabulary import label
from ui.design import screen_colour
from ui.editor.labels import (
    action_status_labels,
    attendance_labels,
    audience_labels,
    lesson_audience_labels,
    service_state_labels,
    status_labels,
)
from ui.i18n import current_language

translate = QCoreApplication.translate  # the name lupdate looks for

STATUS_SYMBOLS = {"done": "✔", "in_progress": "⟳", "todo": "○", "not_doing": "✖"}


def _text(value: str) -> str:
    """A literal value (a name, a date), escaped; control characters made visible."""
    return escape(visible(value)).replace("\n", "<br/>") if value else "<i>—</i>"


def _cell(value: str) -> str:
    """A text field's Markdown inside a cell or list item (same renderer as the PDF)."""
    return inline_html(visible(value)) if value.strip() else "<i>—</i>"


def _rich(value: str) -> str:
    """A text field's Markdown as paragraphs, lists and code (same renderer as the PDF)."""
    return to_html(visible(value)) if value.strip() else "<p><i>—</i></p>"


def _items(values: list[str]) -> str:
    if not values:
        return "<p><i>—</i></p>"
    return "<ul>" + "".join(f"<li>{_cell(v)}</li>" for v in values) + "</ul>"


#: the fill of a table's header row (on paper; mirrored in the dark theme like the diagrams)
HEADER_FILL = "#e8eef6"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>" for row in rows)
    fill = screen_colour(HEADER_FILL)
    return (
        "<table cellspacing='0' cellpadding='5' border='1' style='border-collapse:collapse' "
        f"width='100%'><tr style='background:{fill}'>{head}</tr>{body}</table>"
    )


def document_html(doc: Postmortem) -> str:
    """The document as HTML: its header, then every section with something in it, in the
    order and under the titles of the report (``app.sections``)."""
    language = current_language()
    parts = [f"<h1>{_text(doc.title or '(untitled)')}</h1>", _header_html(doc)]
    if doc.blameless_note.strip():
        parts.append(f"<p><i>{_text(doc.blameless_note)}</i></p>")
    writers = _writers()
    missing: list[str] = []
    for section in SECTIONS:
        write = writers.get(section.id)
        if write is None:
            continue
        if not section.has_content(doc):
            if section.id not in UNLISTED:
                missing.append(section_title(section.id, language))
            continue
        tag = "h2" if section.level == 1 else "h3"
        title = section_title(section.id, language)
        parts.append((f"<{tag}>{escape(title)}</{tag}>" if title else "") + write(doc))
    if missing:
        parts.append(f"<p><i>{_text(not_covered_line(missing, language))}</i></p>")
    return "".join(parts)


def _header_html(doc: Postmortem) -> str:
    header = [
        (
            translate("DocumentView", "Incident date"),
            doc.incident_date.isoformat() if doc.incident_date else "",
        ),
        (translate("DocumentView", "Severity"), doc.severity),
        (translate("DocumentView", "Status"), status_labels()[doc.status]),
        (translate("DocumentView", "Author"), doc.author),
        (translate("DocumentView", "Reviewers"), ", ".join(doc.reviewers)),
        (
            translate("DocumentView", "Postmortem date"),
            doc.postmortem_date.isoformat() if doc.postmortem_date else "",
        ),
        (translate("DocumentView", "Tags"), ", ".join(doc.tags)),
    ]
    return _table(
        [translate("DocumentView", "Field"), translate("DocumentView", "Value")],
        [[k, v] for k, v in header],
    )


def _writers() -> dict[SectionId, Callable[[Postmortem], str]]:
    """What each section shows (the analysis heading stands above its two diagrams)."""
    return {
        SectionId.SUMMARY: lambda doc: _rich(doc.summary),
        SectionId.NARRATIVE: _narrative_html,
        SectionId.IMPACT: _impact_html,
        SectionId.SERVICES: lambda doc: _items(
            [f"{s.name} — {service_state_labels()[s.state]}" for s in doc.services]
        ),
        SectionId.PARTICIPANTS: _participants_html,
        SectionId.DERIVED: _derived_html,
        SectionId.TIMELINE: _timeline_html,
        SectionId.ANALYSIS: lambda doc: "",
        SectionId.WHYS: _whys_html,
        SectionId.ISHIKAWA: _ishikawa_html,
        SectionId.ROOT_CAUSE: lambda doc: _rich(doc.root_cause),
        SectionId.CONTRIBUTING: lambda doc: _items(doc.contributing_factors),
        SectionId.WENT_WELL: lambda doc: _items(doc.went_well),
        SectionId.WENT_WRONG: lambda doc: _items(doc.went_wrong),
        SectionId.LUCKY: lambda doc: _items(doc.lucky),
        SectionId.ACTIONS: _actions_html,
        SectionId.LESSONS: _lessons_html,
        SectionId.COMMUNICATIONS: lambda doc: _items(
            [f"[{audience_labels()[c.audience]}] {c.channel}: {c.text}" for c in doc.communications]
        ),
        SectionId.PARKING_LOT: lambda doc: _items(doc.parking_lot),
        SectionId.ANNEXES: _annexes_html,
        SectionId.ACKNOWLEDGEMENTS: lambda doc: _rich(doc.acknowledgements),
    }


def _narrative_html(doc: Postmortem) -> str:
    return "".join(
        f"<h2>{_text(told.title)}</h2>{_rich(told.text)}"
        for told in doc.narrative
        if told.kind != "impact" and told.text.strip()
    )


def _impact_html(doc: Postmortem) -> str:
    told = "".join(
        f"<h3>{_text(n.title)}</h3>{_rich(n.text)}"
        for n in doc.narrative
        if n.kind == "impact" and n.text.strip()
    )
    if not doc.impact:
        return told
    return told + _table(
        [
            translate("DocumentView", "Metric"),
            translate("DocumentView", "Value"),
            translate("DocumentView", "Target"),
        ],
        [[r.metric, r.value, r.target] for r in doc.impact],
    )


def _participants_html(doc: Postmortem) -> str:
    return _table(
        [
            translate("DocumentView", "Name"),
            translate("DocumentView", "Role"),
            translate("DocumentView", "Attendance"),
        ],
        [[p.name, p.role, attendance_labels()[p.attendance]] for p in doc.participants],
    )


def _derived_html(doc: Postmortem) -> str:
    times = derived_times(doc)
    return _table(
        [
            translate("DocumentView", "Duration"),
            translate("DocumentView", "Time to detect"),
            translate("DocumentView", "Time to acknowledge"),
            translate("DocumentView", "Time to mitigate"),
            translate("DocumentView", "Time to resolve"),
        ],
        [
            [
                format_duration(t)
                for t in (
                    times.duration,
                    times.time_to_detect,
                    times.time_to_acknowledge,
                    times.time_to_mitigate,
                    times.time_to_resolve,
                )
            ]
        ],
    )


def _timeline_html(doc: Postmortem) -> str:
    day, language = incident_day(doc), current_language()
    return _table(
        [
            translate("DocumentView", "Time"),
            translate("DocumentView", "Event"),
            translate("DocumentView", "Actor"),
            translate("DocumentView", "Marker"),
        ],
        [
            [
                ("≈ " if e.approximate else "") + format_moment(e.at, day),
                e.event,
                e.actor,
                label(e.marker, language) if e.marker else "",
            ]
            for e in doc.sorted_timeline()
        ],
    )


def _actions_html(doc: Postmortem) -> str:
    return _table(
        [
            translate("DocumentView", "Action"),
            translate("DocumentView", "Owner"),
            translate("DocumentView", "Due"),
            translate("DocumentView", "Priority"),
            translate("DocumentView", "Status"),
        ],
        [
            [
                a.action,
                a.owner,
                a.due.isoformat() if a.due else "",
                a.priority.value if a.priority else "—",
                f"{STATUS_SYMBOLS[a.status.value]} {action_status_labels()[a.status]}",
            ]
            for a in doc.actions
        ],
    )


def _lessons_html(doc: Postmortem) -> str:
    audiences: dict[str, list[str]] = {}
    for lesson in doc.lessons:
        if lesson.text.strip():
            audiences.setdefault(lesson.audience, []).append(lesson.text)
    parts = []
    for audience, texts in audiences.items():
        shown = lesson_audience_labels().get(audience, audience.replace("_", " ").capitalize())
        parts.append((f"<h3>{_text(shown)}</h3>" if audience else "") + _items(texts))
    return "".join(parts)


def _annexes_html(doc: Postmortem) -> str:
    parts = []
    for annex in doc.annexes:
        if not annex.title.strip() and not annex.content.strip():
            continue
        shown, size = excerpt(annex.content, MAX_ANNEX_BYTES)
        if annex.kind.value == "log":
            parts.append(f"<h3>{_text(annex.title)}</h3><pre>{escape(visible(shown))}</pre>")
        else:
            parts.append(f"<h3>{_text(annex.title)}</h3>{_rich(shown)}")
        if shown != annex.content:
            note = translate("DocumentView", "Annex truncated — {0} bytes, see the JSON export.")
            parts.append(f"<p><i>{_text(note.format(QLocale().toString(size)))}</i></p>")
    return "".join(parts)


def _whys_html(doc: Postmortem) -> str:
    graph = doc.whys
    root = root_of(graph)
    lines = [
        f"<p><b>{translate('DocumentView', 'Problem:')}</b> "
        f"{_text(graph.nodes[root]['text'])}</p><ol>"
    ]

    for node, depth in walk(graph):
        if node == root:
            continue
        data = graph.nodes[node]
        flag = (
            f" <b>[{translate('DocumentView', 'root cause')}]</b>" if data.get("root_cause") else ""
        )
        level, label = outline_level(depth - 1)
        lines.append(
            f"<li style='margin-left:{level * 16}px'>{_cell(label + data['text'])}<br/>"
            f"→ {_cell(data['answer'])}{flag}</li>"
        )
    lines.append("</ol>")
    return "".join(lines)


def _ishikawa_html(doc: Postmortem) -> str:
    graph = doc.ishikawa
    root = root_of(graph)
    lines = [
        f"<p><b>{translate('DocumentView', 'Effect:')}</b> "
        f"{_text(graph.nodes[root]['text'])}</p><ul>"
    ]
    for category in children(graph, root):
        causes = []
        for node, depth in walk(graph, category):
            if node == category:
                continue
            flag = (
                f" <b>[{translate('DocumentView', 'root cause')}]</b>"
                if graph.nodes[node].get("root_cause")
                else ""
            )
            level, label = outline_level(depth - 1)
            causes.append("&nbsp;&nbsp;" * level + _cell(label + graph.nodes[node]["text"]) + flag)
        lines.append(
            f"<li><b>{_text(graph.nodes[category]['text'])}</b>: " + "; ".join(causes) + "</li>"
        )
    lines.append("</ul>")
    return "".join(lines)


class DocumentView(QTextBrowser):
    """Read-only rendering of the selected postmortem."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setObjectName("documentView")

    def show_document(self, doc: Postmortem | None) -> None:
        self.setHtml(document_html(doc) if doc is not None else "")
