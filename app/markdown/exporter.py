"""A postmortem → Markdown in the shape of the team's template (seed 000), EN or FR.

Readable on GitHub/GitLab, and written so that ``importer`` reads it back into the same
document: every field has a place (header line, table column, list item), the 5 Whys tree keeps
its branches (``↳ n`` names a parent other than the previous step) and root-cause marks, and
diagram links in actions use the ids the importer gives the nodes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

import networkx as nx

from app.diagrams.graph import (
    SEED_CATEGORIES_EN,
    SEED_CATEGORIES_FR,
    children,
    graphs_equal,
    new_ishikawa,
    root_of,
    walk,
)
from app.field_codecs import Day, Moment, Texts
from app.fields import HEADER_LINES, Field, header_label
from app.formats import ExportOptions, ExportReport
from app.markdown.fishbone import cause_text_is_unique, ishikawa_ids
from app.markdown.sections import narrative_mark
from app.markdown.vocab_labels import ACTION_STATUS_SYMBOL, SERVICE_SYMBOLS
from app.markdown.whys import whys_ids
from app.model import Annex, Postmortem, TimelineEntry
from app.sections import SECTIONS, SectionId
from app.visible_text import visible
from app.vocabulary import AnnexKind, LessonAudience, label

TEXT = {
    "en": {
        "status": "Status",
        "summary": "📋 Executive summary", "impact": "📊 Impact", "metric": "Metric",
        "value": "Value", "target": "Target",
        "participants": "👥 Participants", "name": "Name", "role": "Role",
        "attendance": "Attendance", "timeline": "⏱️ Timeline", "time": "Time", "event": "Event",
        "actor": "Actor/System", "notes": "Notes", "marker": "Marker",
        "root_cause_section": "🔍 Root cause", "whys": "5 Whys", "problem": "Problem",
        "why_root": "🎯 Root cause", "no_root": "*No root cause marked*",
        "root_cause": "Root cause", "contributing": "Contributing factors",
        "ishikawa": "Ishikawa diagram", "effect": "Effect", "cause_tag": "(root cause)",
        "went_well": "✅ What went well", "went_wrong": "❌ What went wrong",
        "lucky": "🍀 Where we got lucky", "actions": "🔧 Corrective actions", "action": "Action",
        "owner": "Owner", "due": "Due", "priority": "Priority", "kind": "Kind",
        "horizon": "Horizon", "ticket": "Ticket", "causes": "Causes", "done_on": "Done on",
        "lessons": "📚 Lessons learned", "communications": "📣 Communications",
        "audience": "Audience", "channel": "Channel", "message": "Message",
        "parking": "🅿️ Parking lot",
        "annexes": "📎 Annexes", "thanks": "🤝 Acknowledgements", "note": "Note",
    },
    "fr": {
        "status": "Statut",
        "summary": "📋 Résumé exécutif", "impact": "📊 Impact",
        "metric": "Métrique", "value": "Valeur", "target": "Cible",
        "participants": "👥 Participants", "name": "Nom",
        "role": "Rôle", "attendance": "Présence", "timeline": "⏱️ Chronologie",
        "time": "Heure", "event": "Événement", "actor": "Acteur/Système", "notes": "Notes",
        "marker": "Repère", "root_cause_section": "🔍 Cause racine",
        "whys": "Méthode des 5 Pourquoi", "problem": "Problème", "why_root": "🎯 Cause racine",
        "no_root": "*Aucune cause racine marquée*", "root_cause": "Cause racine",
        "contributing": "Facteurs contributifs", "ishikawa": "Diagramme d'Ishikawa",
        "effect": "Effet", "cause_tag": "(cause racine)",
        "went_well": "✅ Ce qui a bien fonctionné", "went_wrong": "❌ Ce qui a mal fonctionné",
        "lucky": "🍀 Où nous avons eu de la chance", "actions": "🔧 Actions correctives",
        "action": "Action", "owner": "Responsable", "due": "Deadline", "priority": "Priorité",
        "kind": "Type", "horizon": "Horizon", "ticket": "Ticket", "causes": "Causes",
        "done_on": "Fait le", "lessons": "📚 Leçons apprises",
        "communications": "📣 Communications", "audience": "Audience", "channel": "Canal",
        "message": "Message",
        "parking": "🅿️ Points en suspens", "annexes": "📎 Annexes",
        "thanks": "🤝 Remerciements", "note": "Note",
    },
}  # fmt: skip


def export_file(doc: Postmortem, path: Path, options: ExportOptions) -> ExportReport:
    """The ``md`` export format (``app.formats``)."""
    from app.fileio import write_file

    write_file(path, export_markdown(doc, options.language or doc.language).encode("utf-8"))
    return ExportReport(path)


def export_markdown(doc: Postmortem, language: str | None = None) -> str:
    lang = language if language in TEXT else ("fr" if doc.language == "fr" else "en")
    return visible(_Writer(doc, lang).write())


def cell(text: str) -> str:
    """A table cell: bars escaped, line breaks flattened."""
    return _one_line(text.replace("|", "\\|"))


def _one_line(text: str) -> str:
    """Line breaks and runs of spaces flattened; control characters (which ``split`` would
    take for spaces) made visible first, as in every other export."""
    return " ".join(visible(text).split())


class _Writer:
    def __init__(self, doc: Postmortem, lang: str) -> None:
        self.doc = doc
        self.lang = lang
        self.t = TEXT[lang]
        self.out: list[str] = []
        self.why_ids = whys_ids(doc.whys)
        self.fish_ids = ishikawa_ids(doc.ishikawa)
        self.opened = ""  # the key of the section last opened

    def write(self) -> str:
        self._header()
        writers = self._writers()
        for section in SECTIONS:  # the order of every rendering (``app.sections``)
            write = writers.get(section.id)
            if write is not None and (section.has_content(self.doc) or self._keeps(section.id)):
                write()
        return "\n".join(self.out).rstrip("\n") + "\n"

    def _writers(self) -> dict[SectionId, Callable[[], None]]:
        """The template's sections (the derived times are header lines here)."""
        doc = self.doc
        return {
            SectionId.SUMMARY: self._summary,
            SectionId.NARRATIVE: self._narrative,
            SectionId.IMPACT: self._impact,
            SectionId.SERVICES: self._services,
            SectionId.PARTICIPANTS: self._participants,
            SectionId.TIMELINE: self._timeline,
            SectionId.WHYS: self._whys,
            SectionId.ISHIKAWA: self._fishbone,
            SectionId.ROOT_CAUSE: self._root_cause,
            SectionId.CONTRIBUTING: self._contributing,
            SectionId.WENT_WELL: lambda: self._bullets("went_well", doc.went_well, "✅ "),
            SectionId.WENT_WRONG: lambda: self._bullets("went_wrong", doc.went_wrong, "❌ "),
            SectionId.LUCKY: lambda: self._bullets("lucky", doc.lucky, "🍀 "),
            SectionId.ACTIONS: self._actions,
            SectionId.LESSONS: self._lessons,
            SectionId.COMMUNICATIONS: self._communications,
            SectionId.PARKING_LOT: lambda: self._bullets("parking", doc.parking_lot, ""),
            SectionId.ANNEXES: self._annexes,
            SectionId.ACKNOWLEDGEMENTS: self._thanks,
        }

    def _keeps(self, section: SectionId) -> bool:
        """Data a reader would not see but the file must keep to be read back the same (a
        renamed Ishikawa category without causes, blank list items, the blameless note)."""
        doc = self.doc
        kept = {
            SectionId.ISHIKAWA: self._fish_changed(),
            SectionId.WENT_WELL: bool(doc.went_well),
            SectionId.WENT_WRONG: bool(doc.went_wrong),
            SectionId.LUCKY: bool(doc.lucky),
            SectionId.CONTRIBUTING: bool(doc.contributing_factors),
            SectionId.LESSONS: bool(doc.lessons),
            SectionId.PARKING_LOT: bool(doc.parking_lot),
            SectionId.ANNEXES: bool(doc.annexes),
            SectionId.ACKNOWLEDGEMENTS: bool(doc.blameless_note),
        }
        return kept.get(section, False)

    def line(self, *lines: str) -> None:
        self.out.extend(lines)

    def section(self, key: str) -> None:
        self.line("---", "", f"## {self.t[key]}", "")
        self.opened = key

    def group(self, key: str) -> None:
        """Open section ``key`` unless it is the one open (parts of one template section)."""
        if self.opened != key:
            self.section(key)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.line("| " + " | ".join(header) + " |")
        self.line("|" + "|".join("-" * (len(h) + 2) for h in header) + "|")
        for row in rows:
            self.line("| " + " | ".join(cell(value) for value in row) + " |")
        self.line("")

    def when(self, moment: datetime | None) -> str:
        if moment is None:
            return ""
        offset = moment.strftime("%z")
        offset = f"{offset[:3]}:{offset[3:]}" if offset else "+00:00"
        clock = moment.strftime("%H:%M:%S") + (
            f".{moment.microsecond:06d}" if moment.microsecond else ""
        )
        if self.doc.incident_date is not None and moment.date() == self.doc.incident_date:
            return f"{clock} {offset}"
        return f"{moment:%Y-%m-%d} {clock} {offset}"

    # -- parts --------------------------------------------------------------------------

    def _header(self) -> None:
        doc = self.doc
        self.line(f"# {_one_line(doc.title) or 'Postmortem'}", "")
        fields = [(field.name, self._header_value(field)) for field in HEADER_LINES]
        shown = [(key, value) for key, value in fields if value]
        for index, (key, value) in enumerate(shown):
            ending = "  " if index < len(shown) - 1 else ""
            self.line(f"**{header_label(key, self.lang)}** : {_one_line(value)}{ending}")
        self.line("")

    def _header_value(self, field: Field) -> str:
        value = getattr(self.doc, field.name)
        if isinstance(value, StrEnum):  # a closed vocabulary: its one label
            return label(value, self.lang)
        if field.name == "incident_date":
            return _day(value) or "—"
        if isinstance(field.codec, Day):
            return _day(value)
        if isinstance(field.codec, Moment):
            return self._full(value)
        if isinstance(field.codec, Texts):
            return ", ".join(value)
        return str(value)

    def _full(self, moment: datetime | None) -> str:
        if moment is None:
            return ""
        clock = self.when(moment)
        return clock if clock[:4].isdigit() and "-" in clock[:8] else f"{moment:%Y-%m-%d} {clock}"

    def _summary(self) -> None:
        self.section("summary")
        self.line(self.doc.summary, "")

    def _narrative(self) -> None:
        for section in self.doc.narrative:
            self.line("---", "", f"## {_one_line(section.title) or '—'}", "")
            self.line(narrative_mark(section.kind), "")
            self.opened = ""
            if section.text:
                self.line(section.text, "")

    def _impact(self) -> None:
        doc, t = self.doc, self.t
        self.section("impact")
        if doc.impact:
            self.table(
                [t["metric"], t["value"], t["target"]],
                [[row.metric, row.value, row.target] for row in doc.impact],
            )

    def _services(self) -> None:
        self.group("impact")
        self.line(f"**{header_label('services', self.lang)}** :")
        for service in self.doc.services:
            state = label(service.state, self.lang)
            self.line(f"- {SERVICE_SYMBOLS[service.state]} {_one_line(service.name)} ({state})")
        self.line("")

    def _participants(self) -> None:
        t = self.t
        self.section("participants")
        self.table(
            [t["name"], t["role"], t["attendance"]],
            [[p.name, p.role, label(p.attendance, self.lang)] for p in self.doc.participants],
        )

    def _timeline(self) -> None:
        t = self.t
        self.section("timeline")
        self.table(
            [t["time"], t["event"], t["actor"], t["notes"], t["marker"]],
            [
                [
                    self._row_time(e),
                    e.event,
                    e.actor,
                    e.notes,
                    label(e.marker, self.lang) if e.marker else "",
                ]
                for e in self.doc.timeline
            ],
        )

    def _row_time(self, entry: TimelineEntry) -> str:
        """An approximate time keeps its wording: ``≈ 2026-01-15 10:15:00 +01:00 (~10:15)``."""
        if not entry.approximate:
            return self.when(entry.at)
        written = _one_line(entry.as_written).replace("(", "[").replace(")", "]")
        return f"≈ {self.when(entry.at)}" + (f" ({written})" if written else "")

    def _fish_changed(self) -> bool:
        """True when the Ishikawa is not a new one (its seed categories, in either language)."""
        return not any(
            graphs_equal(self.doc.ishikawa, new_ishikawa("", categories))
            for categories in (SEED_CATEGORIES_FR, SEED_CATEGORIES_EN)
        )

    def _root_cause(self) -> None:
        self.group("root_cause_section")
        self.line(f"### {self.t['root_cause']}", "", self.doc.root_cause, "")

    def _contributing(self) -> None:
        self.group("root_cause_section")
        self.line(f"### {self.t['contributing']}", "")
        self.line(*[f"- {_one_line(item)}" for item in self.doc.contributing_factors], "")

    def _whys(self) -> None:
        graph, t = self.doc.whys, self.t
        self.group("root_cause_section")
        self.line(f"### {t['whys']}", "")
        problem = _root_text(graph)
        if problem:
            self.line(f"**{t['problem']}** : {_one_line(problem)}", "")
        numbers: dict[str, int] = {}
        previous = "p"
        any_flag = False
        for node in _preorder(graph)[1:]:
            number = len(numbers) + 1
            numbers[node] = number
            data = graph.nodes[node]
            parent = next(iter(graph.predecessors(node)))
            expected = previous
            tag = ""
            if parent != expected:
                tag = f" ↳ {numbers.get(parent, 0)}"
            self.line(f"{number}. **{_one_line(str(data.get('text', ''))) or '?'}**{tag}")
            for answer_line in str(data.get("answer", "")).split("\n"):
                if answer_line.strip():
                    self.line(f"   - {answer_line.strip()}")
            if data.get("root_cause"):
                any_flag = True
                self.line(f"   - {t['why_root']}")
            self.line("")
            previous = node
        if numbers and not any_flag:
            self.line(t["no_root"], "")

    def _fishbone(self) -> None:
        graph, t = self.doc.ishikawa, self.t
        self.group("root_cause_section")
        self.line(f"### {t['ishikawa']}", "")
        root = root_of(graph)
        effect = str(graph.nodes[root].get("text", ""))
        if effect:
            self.line(f"**{t['effect']}** : {_one_line(effect)}", "")
        for category in children(graph, root):
            self.line(f"#### {_one_line(str(graph.nodes[category].get('text', ''))) or '—'}", "")
            lines = [self._cause(graph, node, depth) for node, depth in walk(graph, category)]
            if len(lines) > 1:
                self.line(*lines[1:], "")

    def _cause(self, graph: nx.DiGraph, node: str, depth: int) -> str:
        data = graph.nodes[node]
        flag = f" {self.t['cause_tag']}" if data.get("root_cause") else ""
        return f"{'  ' * (depth - 1)}- {_one_line(str(data.get('text', '')))}{flag}"

    def _bullets(self, key: str, items: list[str], symbol: str) -> None:
        self.section(key)
        self.line(*[f"- {symbol}{_one_line(item)}" for item in items], "")

    def _actions(self) -> None:
        t = self.t
        self.section("actions")
        self.table(
            [
                t["action"],
                t["owner"],
                t["due"],
                t["status"],
                t["priority"],
                t["kind"],
                t["horizon"],
                t["ticket"],
                t["causes"],
                t["notes"],
                t["done_on"],
            ],
            [
                [
                    a.action,
                    a.owner,
                    _day(a.due),
                    f"{ACTION_STATUS_SYMBOL[a.status]} {label(a.status, self.lang)}",
                    a.priority.value if a.priority else "",
                    label(a.kind, self.lang) if a.kind else "",
                    label(a.horizon, self.lang) if a.horizon else "",
                    a.ticket,
                    ", ".join(self._cause_id(cause) for cause in a.causes),
                    a.status_reason,
                    _day(a.completed_on),
                ]
                for a in self.doc.actions
            ],
        )

    def _cause_id(self, cause: str) -> str:
        """A cause as a reader names it: "5 Pourquoi n°3", or the Ishikawa cause's own text
        (its number, "Ishikawa n°4", only when the text alone would be ambiguous)."""
        kind, _, node = cause.partition(":")
        if kind == "whys" and node in self.why_ids and node != "p":
            label = "5 Pourquoi n°" if self.lang == "fr" else "5 Whys #"
            return f"{label}{self.why_ids[node][1:]}"
        if kind == "ishikawa" and node in self.fish_ids and node in self.doc.ishikawa:
            text = _one_line(str(self.doc.ishikawa.nodes[node].get("text", "")))
            if cause_text_is_unique(self.doc.ishikawa, text):
                return text
            label = "Ishikawa n°" if self.lang == "fr" else "Ishikawa #"
            return f"{label}{self.fish_ids[node][1:]}"
        return cause

    def _lessons(self) -> None:
        lessons = self.doc.lessons
        self.section("lessons")
        audiences: list[str] = []
        for lesson in lessons:
            if lesson.audience not in audiences:
                audiences.append(lesson.audience)
        audiences.sort(key=lambda audience: audience != "")
        for audience in audiences:
            if audience:
                known = audience in LessonAudience.__members__.values()
                heading = label(LessonAudience(audience), self.lang) if known else audience
                self.line(f"### {_one_line(heading)}", "")
            self.line(*[f"- {_one_line(x.text)}" for x in lessons if x.audience == audience], "")

    def _communications(self) -> None:
        t = self.t
        self.section("communications")
        self.table(
            [t["audience"], t["channel"], t["time"], t["message"]],
            [
                [
                    label(c.audience, self.lang),
                    c.channel,
                    self._full(c.at),
                    c.text,
                ]
                for c in self.doc.communications
            ],
        )

    def _annexes(self) -> None:
        self.section("annexes")
        for annex in self.doc.annexes:
            self.line(f"### {_one_line(annex.title) or '—'}", "")
            self._annex_body(annex)

    def _annex_body(self, annex: Annex) -> None:
        if annex.kind == AnnexKind.LINK and re.fullmatch(r"[^\s<>]+", annex.content):
            self.line(f"<{annex.content}>", "")
            return
        longest = max((len(run) for run in re.findall(r"`+", annex.content)), default=0)
        fence = "`" * max(3, longest + 1)
        info = "log" if annex.kind == AnnexKind.LOG else "text"
        self.line(f"{fence}{info}", annex.content, fence, "")

    def _thanks(self) -> None:
        doc, t = self.doc, self.t
        self.section("thanks")
        if doc.acknowledgements:
            self.line(doc.acknowledgements, "")
        if doc.blameless_note:
            self.line("---", "", f"**{t['note']}** : {_one_line(doc.blameless_note)}", "")


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _root_text(graph: nx.DiGraph) -> str:
    if graph.number_of_nodes() == 0:
        return ""
    return str(graph.nodes[root_of(graph)].get("text", ""))


def _preorder(graph: nx.DiGraph) -> list[str]:
    return [node for node, _ in walk(graph)]
