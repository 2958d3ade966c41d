"""A read-only view of one postmortem, every section, as rich text (user text escaped)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.derived import derived_times
from app.diagrams.graph import children, root_of
from app.model import Postmortem
from app.timeutil import format_duration

STATE_LABELS = {"down": "DOWN", "degraded": "Degraded", "ok": "OK"}
STATUS_SYMBOLS = {"done": "✔", "in_progress": "⟳", "todo": "○", "not_doing": "✖"}


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br/>") if value else "<i>—</i>"


def _items(values: list[str]) -> str:
    if not values:
        return "<p><i>—</i></p>"
    return "<ul>" + "".join(f"<li>{_text(v)}</li>" for v in values) + "</ul>"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_text(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (
        "<table cellspacing='0' cellpadding='5' border='1' style='border-collapse:collapse' "
        f"width='100%'><tr style='background:#e8eef6'>{head}</tr>{body}</table>"
    )


def document_html(doc: Postmortem) -> str:
    times = derived_times(doc)
    parts = [f"<h1>{_text(doc.title or '(untitled)')}</h1>"]
    header = [
        ("Incident date", doc.incident_date.isoformat() if doc.incident_date else ""),
        ("Severity", doc.severity),
        ("Status", doc.status.value.replace("_", " ")),
        ("Author", doc.author),
        ("Reviewers", ", ".join(doc.reviewers)),
        ("Postmortem date", doc.postmortem_date.isoformat() if doc.postmortem_date else ""),
        ("Tags", ", ".join(doc.tags)),
    ]
    parts.append(_table(["Field", "Value"], [[k, v] for k, v in header]))
    parts.append("<h2>Derived times</h2>")
    parts.append(
        _table(
            [
                "Duration",
                "Time to detect",
                "Time to acknowledge",
                "Time to mitigate",
                "Time to resolve",
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
    )
    parts.append(f"<h2>Summary</h2><p>{_text(doc.summary)}</p>")
    parts.append("<h2>Impact</h2>")
    parts.append(
        _table(["Metric", "Value", "Target"], [[r.metric, r.value, r.target] for r in doc.impact])
    )
    parts.append("<h3>Affected services</h3>")
    parts.append(_items([f"{s.name} — {STATE_LABELS[s.state.value]}" for s in doc.services]))
    parts.append("<h2>Participants</h2>")
    parts.append(
        _table(
            ["Name", "Role", "Attendance"],
            [[p.name, p.role, p.attendance.value] for p in doc.participants],
        )
    )
    parts.append("<h2>Timeline</h2>")
    parts.append(
        _table(
            ["Time", "Event", "Actor", "Marker"],
            [
                [e.at.isoformat(sep=" "), e.event, e.actor, e.marker.value if e.marker else ""]
                for e in doc.sorted_timeline()
            ],
        )
    )
    parts.append("<h2>Root cause analysis</h2><h3>5 Whys</h3>")
    parts.append(_whys_html(doc))
    parts.append("<h3>Ishikawa</h3>")
    parts.append(_ishikawa_html(doc))
    parts.append(f"<h3>Root cause</h3><p>{_text(doc.root_cause)}</p>")
    parts.append("<h3>Contributing factors</h3>" + _items(doc.contributing_factors))
    parts.append("<h2>What went well</h2>" + _items(doc.went_well))
    parts.append("<h2>What went wrong</h2>" + _items(doc.went_wrong))
    parts.append("<h2>Where we got lucky</h2>" + _items(doc.lucky))
    parts.append("<h2>Corrective actions</h2>")
    parts.append(
        _table(
            ["Action", "Owner", "Due", "Priority", "Status"],
            [
                [
                    a.action,
                    a.owner,
                    a.due.isoformat() if a.due else "",
                    a.priority.value,
                    f"{STATUS_SYMBOLS[a.status.value]} {a.status.value.replace('_', ' ')}",
                ]
                for a in doc.actions
            ],
        )
    )
    parts.append("<h2>Lessons learned</h2>")
    audiences: dict[str, list[str]] = {}
    for lesson in doc.lessons:
        audiences.setdefault(lesson.audience, []).append(lesson.text)
    for audience, texts in audiences.items():
        parts.append(f"<h3>{_text(audience.replace('_', ' ').capitalize())}</h3>" + _items(texts))
    parts.append("<h2>Communications</h2>")
    parts.append(
        _items([f"[{c.audience.value}] {c.channel}: {c.text}" for c in doc.communications])
    )
    parts.append("<h2>Annexes</h2>")
    for annex in doc.annexes:
        if annex.kind.value == "log":
            parts.append(f"<h3>{_text(annex.title)}</h3><pre>{escape(annex.content)}</pre>")
        else:
            parts.append(f"<h3>{_text(annex.title)}</h3><p>{_text(annex.content)}</p>")
    parts.append(f"<h2>Acknowledgements</h2><p>{_text(doc.acknowledgements)}</p>")
    parts.append(f"<p><i>{_text(doc.blameless_note)}</i></p>")
    return "".join(parts)


def _whys_html(doc: Postmortem) -> str:
    graph = doc.whys
    root = root_of(graph)
    lines = [f"<p><b>Problem:</b> {_text(graph.nodes[root]['text'])}</p><ol>"]

    def walk(node: str, depth: int) -> None:
        for child in children(graph, node):
            data = graph.nodes[child]
            flag = " <b>[root cause]</b>" if data.get("root_cause") else ""
            lines.append(
                f"<li style='margin-left:{depth * 16}px'>{_text(data['text'])}<br/>"
                f"→ {_text(data['answer'])}{flag}</li>"
            )
            walk(child, depth + 1)

    walk(root, 0)
    lines.append("</ol>")
    return "".join(lines)


def _ishikawa_html(doc: Postmortem) -> str:
    graph = doc.ishikawa
    root = root_of(graph)
    lines = [f"<p><b>Effect:</b> {_text(graph.nodes[root]['text'])}</p><ul>"]
    for category in children(graph, root):
        causes = []
        stack = [(c, 0) for c in reversed(children(graph, category))]
        while stack:
            node, depth = stack.pop()
            flag = " <b>[root cause]</b>" if graph.nodes[node].get("root_cause") else ""
            causes.append("&nbsp;&nbsp;" * depth + _text(graph.nodes[node]["text"]) + flag)
            stack.extend((c, depth + 1) for c in reversed(children(graph, node)))
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
