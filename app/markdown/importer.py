"""A Markdown postmortem → a ``Postmortem`` and a report of what went where.

Sections are recognised by their headings (``sections``), header lines by their keys
(``fields``); tables and lists become timeline rows, actions, lessons… Anything not recognised
is kept — unrecognised sections become annexes, stray lines go to an "import notes" annex —
so an import never loses text. The report lists what was mapped, what was kept aside and
every guess or failure (unknown date formats, loops in the 5 Whys, placeholders).
"""

from __future__ import annotations

import re
from pathlib import Path

from app.derived import inconsistencies
from app.diagrams.graph import SEED_CATEGORIES_EN, SEED_CATEGORIES_FR, new_ishikawa
from app.fileio import read_source
from app.formats import ImportOptions, ImportReport
from app.markdown import sections as S
from app.markdown.actions_reader import ActionsReader, resolve_cause_texts
from app.markdown.cells import (
    AUTOLINK,
    BOX_DRAWING,
    LEADING_SYMBOLS,
    clean_item,
    column_indexes,
    inherits,
    joined_items,
    link_items,
    why_words,
)
from app.markdown.dates import (
    all_days,
    find_day,
    parse_when,
    starts_with_time,
)
from app.markdown.decode import decode_markdown
from app.markdown.fields import (
    is_placeholder,
    key_value,
    strip_inline,
)
from app.markdown.fishbone import FishboneBuilder, category_line
from app.markdown.header_reader import HeaderReader
from app.markdown.parse import (
    Block,
    Code,
    Heading,
    ListBlock,
    Paragraph,
    Rule,
    Table,
    parse_blocks,
)
from app.markdown.sections import (
    clean_heading,
    fold,
    marked_narrative,
    narrative_kind,
    section_kind,
    title_text,
)
from app.markdown.state import Section as _Section
from app.markdown.timeline_reader import TimelineReader
from app.markdown.vocab_labels import lesson_audience, lookup
from app.markdown.whys import (
    NO_ROOT_CAUSE,
    WhyStep,
    answer_paragraph,
    build_whys,
    looks_like_whys,
    question_heading,
    steps_from_items,
    steps_from_lines,
    steps_from_table,
    steps_from_tree_text,
)
from app.model import (
    Annex,
    Communication,
    ImpactRow,
    Lesson,
    NarrativeSection,
    Participant,
    Postmortem,
)
from app.vocabulary import (
    AnnexKind,
    Attendance,
    Audience,
)

MAX_MARKDOWN_BYTES = 32 * 1024 * 1024
IMPORT_NOTES_TITLE = {"en": "Import notes", "fr": "Notes de l'import"}
_TEXT_PARTS = ("summary", "root cause", "acknowledgements")


def read_markdown(
    path: Path, options: ImportOptions | None = None
) -> tuple[Postmortem, ImportReport]:
    raw = read_source(path, MAX_MARKDOWN_BYTES, "split it or remove embedded data")
    return import_bytes(raw, path.name, options)


def import_bytes(
    raw: bytes, name: str = "document.md", options: ImportOptions | None = None
) -> tuple[Postmortem, ImportReport]:
    decoded = decode_markdown(raw, name)
    doc, report = import_text(decoded.text, name, options)
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        report.mapped.insert(0, f"text read as {decoded.encoding}")
    report.warnings[:0] = decoded.repairs
    return doc, report


def import_text(
    text: str, name: str = "document.md", options: ImportOptions | None = None
) -> tuple[Postmortem, ImportReport]:
    return _Importer(text, name, options or ImportOptions()).run()


class _Importer(HeaderReader, TimelineReader, ActionsReader):
    """Reads the sections in order and fills the document; see ``ImportState`` for its state."""

    # -- driving -------------------------------------------------------------------------

    def run(self) -> tuple[Postmortem, ImportReport]:
        if not self.text.strip():
            self.doc.title = Path(self.name).stem
            self.report.warnings.append("the file is empty: an empty postmortem was created.")
            return self.doc, self.report
        blocks = parse_blocks(self.text)
        blocks = self._embedded_template(blocks)
        title, preamble, sections = self._split(blocks)
        self.doc.language = S.guess_language(
            " ".join(s.heading.text for s in sections if s.heading) or self.text
        )
        self.doc.ishikawa = new_ishikawa(
            "", SEED_CATEGORIES_FR if self.doc.language == "fr" else SEED_CATEGORIES_EN
        )
        self.doc.title = title_text(title.text) if title else ""
        if title:
            self.report.mapped.append(f"title: {self.doc.title}")
        self._preamble(preamble, has_sections=bool(sections))
        for section in sections:
            if section.kind in (S.HEADER, S.SUMMARY):
                self._dispatch(section)
        self._settle_incident_date()
        for section in sections:
            if section.kind not in (S.HEADER, S.SUMMARY):
                self._dispatch(section)
        self._finish()
        return self.doc, self.report

    def _embedded_template(self, blocks: list[Block]) -> list[Block]:
        """A file *about* postmortems (seed 001) may carry the template in a markdown fence."""
        outer = {section_kind(b.text) for b in blocks if isinstance(b, Heading)} - {None}
        best: tuple[int, Code] | None = None
        for block in blocks:
            if isinstance(block, Code) and block.info.lower() in ("markdown", "md"):
                inner = parse_blocks(block.text)
                kinds = {section_kind(b.text) for b in inner if isinstance(b, Heading)} - {None}
                if len(kinds) >= 4 and (best is None or len(kinds) > best[0]):
                    best = (len(kinds), block)
        if best is None or len(outer) >= best[0] + 2:
            return blocks
        template = best[1]
        outside = self.lines[: template.start] + self.lines[template.end :]
        self.annexes["__outer__"] = Annex(
            "Document source (hors modèle)" if "pourquoi" in fold(self.text) else "Source document",
            AnnexKind.TEXT,
            "\n".join(outside).strip("\n"),
        )
        self.report.mapped.append(
            "the file describes postmortems: the template in its Markdown block was imported; "
            "the rest of the file is kept as an annex"
        )
        inner_text = template.text
        self.text = inner_text
        self.lines = inner_text.split("\n")
        return parse_blocks(inner_text)

    def _split(self, blocks: list[Block]) -> tuple[Heading | None, list[Block], list[_Section]]:
        title: Heading | None = None
        preamble: list[Block] = []
        sections: list[_Section] = []
        stack: list[tuple[int, _Section]] = []
        for block in blocks:
            if not isinstance(block, Heading):
                last = sections[-1] if sections else None
                mark = marked_narrative(block.text) if isinstance(block, Paragraph) else None
                if last and last.heading and not last.blocks and mark is not None:
                    # written by our export: a narrative section, titled as written
                    last.kind, last.marked, last.title, last.sub = (
                        S.NARRATIVE, mark, last.heading.text, ""
                    )  # fmt: skip
                    continue
                (last.blocks if last else preamble).append(block)
                continue
            marked = next(((lvl, s) for lvl, s in stack if s.marked is not None), None)
            if marked is not None and block.level > marked[0]:
                marked[1].blocks.append(block)  # a heading inside the account is its text
                continue
            if title is None and block.level == 1 and not sections:
                title = block
                continue
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            parent = stack[-1][1] if stack else None
            kind = section_kind(block.text)
            heading_text = strip_inline(clean_heading(block.text))
            if parent is not None and inherits(parent.kind, kind):
                section = _Section(parent.kind, parent.title, heading_text, block)
            else:
                section = _Section(kind, heading_text, "", block)
            sections.append(section)
            stack.append((block.level, section))
        return title, preamble, sections

    def _dispatch(self, section: _Section) -> None:
        handler = {
            S.HEADER: self._header_section,
            S.SUMMARY: self._summary,
            S.IMPACT: self._impact,
            S.TIMELINE: self._timeline,
            S.ROOT_CAUSE: self._root_cause,
            S.WHYS: self._whys,
            S.FISHBONE: self._fishbone,
            S.CONTRIBUTING: lambda s: self._bullets(s, self.doc.contributing_factors),
            S.WENT_WELL: lambda s: self._bullets(s, self.doc.went_well),
            S.WENT_WRONG: lambda s: self._bullets(s, self.doc.went_wrong),
            S.LUCKY: lambda s: self._bullets(s, self.doc.lucky),
            S.PARKING_LOT: lambda s: self._bullets(s, self.doc.parking_lot),
            S.ACTIONS: self._actions,
            S.LESSONS: self._lessons,
            S.COMMUNICATIONS: self._communications,
            S.PARTICIPANTS: self._participants,
            S.ANNEXES: self._annex_section,
            S.ACKNOWLEDGEMENTS: self._acknowledgements,
            S.NARRATIVE: self._narrative,
        }.get(section.kind or "")
        if handler is None:
            self._unrecognised(section)
            return
        before = self._counts()
        reported = len(self.report.mapped) + len(self.report.kept_aside)
        handler(section)
        label = section.title + (f" › {section.sub}" if section.sub else "")
        changed = [
            f"{name} ({after - before[name]} characters)" if name in _TEXT_PARTS
            else f"{name} +{after - before[name]}"
            for name, after in self._counts().items()
            if after != before[name]
        ]  # fmt: skip
        if changed:
            self.report.mapped.append(f"{label} → {', '.join(changed)}")
        elif len(self.report.mapped) + len(self.report.kept_aside) == reported:
            self.report.mapped.append(f"{label}: heading only, nothing to import")

    def _counts(self) -> dict[str, int]:
        doc = self.doc
        return {
            "summary": len(doc.summary),
            "impact": len(doc.impact),
            "services": len(doc.services),
            "timeline": len(self.pending),
            "5 whys": len(self.whys.steps or []),
            "ishikawa": self.fishbone.graph.number_of_nodes() if self.fishbone else 0,
            "root cause": len(doc.root_cause),
            "contributing factors": len(doc.contributing_factors),
            "went well": len(doc.went_well),
            "went wrong": len(doc.went_wrong),
            "lucky": len(doc.lucky),
            "actions": len(doc.actions),
            "lessons": len(doc.lessons),
            "communications": len(doc.communications),
            "participants": len(doc.participants),
            "annexes": len(self.annexes),
            "acknowledgements": len(doc.acknowledgements),
            "parking lot": len(doc.parking_lot),
            "narrative": len(doc.narrative),
        }

    # -- header fields ---------------------------------------------------------------------

    def _preamble(self, blocks: list[Block], has_sections: bool) -> None:
        section = _Section(S.HEADER, "En-tête" if self.doc.language == "fr" else "Header", "",
                           None, blocks)  # fmt: skip
        if has_sections:
            self._header_section(section)
            return
        loose: list[Block] = []
        for block in blocks:
            if isinstance(block, Table):
                self.keep(section.title, self.raw(block), "table outside any section")
            elif isinstance(block, Paragraph | ListBlock | Code) and not self._try_fields(block):
                loose.append(block)
        timeline_like: list[Block] = [b for b in loose if isinstance(b, ListBlock)
                         and any(starts_with_time(i.text) for i in b.items)]  # fmt: skip
        if timeline_like:
            self._timeline(_Section(S.TIMELINE, section.title, "", None, timeline_like))
        rest = [b for b in loose if b not in timeline_like]
        if rest:
            self._summary(_Section(S.SUMMARY, section.title, "", None, rest))
            self.report.warnings.append(
                "the file has no section headings: its text became the summary."
            )

    def _try_fields(self, block: Block) -> bool:
        lines = self._lines_of(block)
        pairs = [key_value(line) for line in lines]
        if not lines or not all(pair and pair[0] for pair in pairs):
            return False
        for pair, line in zip(pairs, lines, strict=True):
            assert pair is not None
            self._field(pair[0], pair[1], pair[2], line, "header")
        return True

    def _header_section(self, section: _Section) -> None:
        where = self._label(section)
        for block in section.blocks:
            if isinstance(block, Rule):
                continue
            if isinstance(block, Table):
                self.keep(where, " | ".join(block.header), "table header")
                for row in block.rows:
                    if len(row) >= 2:
                        pair = key_value(f"{row[0]}: {row[1]}")
                        if pair and pair[0]:
                            self._field(pair[0], pair[1], pair[2], " | ".join(row), where)
                            continue
                    self.keep(where, " | ".join(row))
                continue
            for line in self._lines_of(block):
                pair = key_value(line)
                if pair and pair[0]:
                    self._field(pair[0], pair[1], pair[2], line, where)
                elif not self._zone_statement(line):
                    self.keep(where, line, "not a known header field")

    def _settle_window(self) -> None:
        """End from start + stated duration; times out of order are reported, never negated."""
        doc = self.doc
        duration = self.stated_duration
        if duration is not None and doc.started_at and doc.resolved_at is None:
            doc.resolved_at = doc.started_at + duration
            self.report.mapped.append(
                f"end of the incident = start + stated duration: {doc.resolved_at.isoformat()}"
            )
        elif duration is not None and doc.started_at and doc.resolved_at:
            stated_end = doc.started_at + duration
            if abs((stated_end - doc.resolved_at).total_seconds()) > max(
                600, duration.total_seconds() * 0.1
            ):
                self.report.warnings.append(
                    "the stated duration does not match the stated start and end; "
                    "start and end were kept — check them."
                )
        problems = inconsistencies(doc)
        outside = [p for p in problems if p.startswith("Timeline entry")]
        for problem in problems:
            if problem not in outside:
                self.report.warnings.append(f"times: {problem} The derived times that would be "
                                            "negative are left empty.")  # fmt: skip
        if outside:
            self.report.mapped.append(
                f"{len(outside)} timeline rows lie outside the stated incident window "
                "(lead-up or follow-up)"
            )

    def _settle_incident_date(self) -> None:
        """Bare times need a day: the header's, else the first date in the summary or file."""
        if self.context.incident_date is not None or self.date_unknown:
            return
        in_summary = find_day(self.doc.summary)
        everywhere = all_days(self.text)
        if in_summary is None and not everywhere:
            return
        day = in_summary[0] if in_summary else min(everywhere)
        self.context.incident_date = day
        self.doc.incident_date = day
        origin = "summary" if in_summary else "file (the earliest)"
        self.report.warnings.append(
            f"no incident date in the header: {day.isoformat()}, the first date in the "
            f"{origin}, was used for times written without a date — check it."
        )

    # -- sections --------------------------------------------------------------------------

    def _summary(self, section: _Section) -> None:
        where = self._label(section)
        parts: list[str] = [self.doc.summary] if self.doc.summary else []
        for block in section.blocks:
            if isinstance(block, Rule):
                continue
            if isinstance(block, Paragraph) and is_placeholder(block.text):
                self.keep(where, block.text, "template placeholder")
                continue
            parts.append(self.markdown(block))
        self.doc.summary = "\n\n".join(part for part in parts if part)

    def _impact(self, section: _Section) -> None:
        where = self._label(section)
        services_next = False
        for block in section.blocks:
            if isinstance(block, Rule):
                continue
            if isinstance(block, Table):
                folded = [fold(cell) for cell in block.header]
                has_target = len(folded) >= 3 and any(
                    word in folded[2] for word in ("cible", "target", "objectif", "slo")
                )
                for row in block.rows:
                    cells = [strip_inline(cell) for cell in row] + ["", "", ""]
                    if not any(cells):
                        continue
                    target = cells[2] if has_target else ""
                    value = cells[1]
                    extra = [c for c in cells[3 if has_target else 2 :] if c]
                    if extra:
                        value = " ; ".join([value, *extra]) if value else " ; ".join(extra)
                    self.doc.impact.append(ImpactRow(cells[0], value, target))
                self._note_header(where, block.header)
                continue
            if isinstance(block, Paragraph) and re.match(
                r"^(?:\*\*)?\s*(services (affect|impact)|affected services)",
                fold(block.text).replace("*", ""),
            ):
                services_next = True
                self.report.mapped.append(f"{where}: {strip_inline(block.text)} → services")
                continue
            if isinstance(block, ListBlock) and services_next:
                for item in block.items:
                    self.doc.services.append(self._service(item.text))
                services_next = False
                continue
            services_next = False
            lines = self._lines_of(block)
            pairs = [key_value(LEADING_SYMBOLS.sub("", line)) for line in lines]
            if not any(pair and pair[2] for pair in pairs):
                self._add_narrative(section.sub or section.title, "impact", self.markdown(block))
                continue
            for line, pair in zip(lines, pairs, strict=True):
                if pair and pair[2]:
                    self.doc.impact.append(ImpactRow(strip_inline(pair[1]), strip_inline(pair[2])))
                else:
                    self.keep(where, line)

    # root cause, 5 whys, fishbone

    def _root_cause(self, section: _Section) -> None:
        where = self._label(section)
        parts = [self.doc.root_cause] if self.doc.root_cause else []
        for block in section.blocks:
            if isinstance(block, Rule):
                continue
            if isinstance(block, ListBlock) and looks_like_whys(block.items) and why_words(block):
                steps_from_items(block.items, self.whys)
                continue
            if isinstance(block, Code):
                if not steps_from_tree_text(block.text, self.whys):
                    self._add_annex(section.sub or section.title, self.raw(block), block)
                    self.report.kept_aside.append(f"{where}: diagram kept as an annex")
                continue
            if isinstance(block, Paragraph) and BOX_DRAWING.search(block.text):
                self._add_annex(section.sub or section.title, self.raw(block), block)
                self.report.kept_aside.append(f"{where}: drawing kept as an annex")
                continue
            if isinstance(block, Paragraph):
                text = strip_inline(block.text)
                if is_placeholder(text):
                    self.keep(where, block.text, "template placeholder")
                    continue
                if re.fullmatch(r"(?i)\s*(5 whys|five whys|5 pourquoi)[^:]*:?\s*", fold(text)):
                    self.report.mapped.append(f"{where}: '{text}' → 5 Whys")
                    continue
                text = re.sub(r"(?i)^\s*(\*\*)?(root cause|cause racine)\s*:\s*(\*\*)?\s*", "",
                              self.markdown(block))  # fmt: skip
                parts.append(text)
            elif isinstance(block, ListBlock | Table):
                parts.append(self.markdown(block))
            else:
                self.keep(where, self.raw(block))
        self.doc.root_cause = "\n\n".join(part for part in parts if part)

    def _whys(self, section: _Section) -> None:
        where = self._label(section)
        if section.heading is not None:
            asked = question_heading(section.heading.text)
            if asked is not None:
                self.current_step = WhyStep(asked)
                self.whys.steps = [*(self.whys.steps or []), self.current_step]
        for block in section.blocks:
            if isinstance(block, Rule):
                continue
            if isinstance(block, ListBlock) and looks_like_whys(block.items):
                steps_from_items(block.items, self.whys)
                self.current_step = None
                continue
            if isinstance(block, Code) and steps_from_tree_text(block.text, self.whys):
                continue
            if isinstance(block, Table) and steps_from_table(block.header, block.rows, self.whys):
                self._note_header(where, block.header)
                continue
            if isinstance(block, Paragraph | ListBlock) and self._why_lines(block):
                continue
            if isinstance(block, Paragraph):
                pair = key_value(block.text)
                label = fold(pair[1]) if pair else ""
                if pair and label in ("probleme", "problem", "symptome", "symptom"):
                    self.whys.problem = pair[2]
                    self.report.mapped.append(f"{pair[1]}: {pair[2]} → 5 Whys problem")
                    continue
                if fold(strip_inline(block.text)) in NO_ROOT_CAUSE:
                    self.whys.no_root_cause = True
                    continue
                if pair and label in ("root cause", "cause racine"):
                    self.doc.root_cause = "\n\n".join(
                        p for p in (self.doc.root_cause, pair[2]) if p
                    )
                    continue
                if self.current_step is not None:
                    answer_paragraph(self.current_step, block.text, self.whys)
                    continue
            if isinstance(block, ListBlock) and self.current_step is not None:
                for item in block.items:
                    answer_paragraph(self.current_step, item.text, self.whys)
                continue
            self.keep(where, self.raw(block))

    def _why_lines(self, block: Paragraph | ListBlock) -> bool:
        """``Why …? Because …`` on one line, or a question line then its answer line."""
        lines = self._lines_of(block)
        found = steps_from_lines(lines, self.whys, self.current_step)
        if found is None:
            return False
        self.current_step = found
        return True

    def _fishbone(self, section: _Section) -> None:
        where = self._label(section)
        if self.fishbone is None:
            self.fishbone = FishboneBuilder()
        builder = self.fishbone
        if section.sub:
            builder.add_category(section.sub)
        for block in section.blocks:
            if isinstance(block, Rule):
                continue
            if isinstance(block, Paragraph):
                pair = key_value(block.text)
                if pair and fold(pair[1]) in ("effet", "effect", "probleme", "problem"):
                    builder.set_effect(pair[2])
                    self.report.mapped.append(f"{pair[1]}: {pair[2]} → Ishikawa effect")
                    continue
                name = category_line(block.text)
                if name is not None:
                    builder.add_category(name)
                    continue
            if isinstance(block, ListBlock):
                if builder.add_labelled_causes(block.items):
                    continue
                builder.add_causes(block.items, top_is_category=builder.category is None)
                continue
            if isinstance(block, Code):
                self._add_annex(section.sub or section.title, self.raw(block), block)
                self.report.kept_aside.append(f"{where}: drawing kept as an annex")
                continue
            self.keep(where, self.raw(block))

    # lists of sentences

    def _bullets(self, section: _Section, target: list[str]) -> None:
        where = self._label(section)
        for block in section.blocks:
            if isinstance(block, Rule):
                continue
            if isinstance(block, ListBlock):
                target.extend(joined_items(block.items))
            elif isinstance(block, Paragraph) and not is_placeholder(block.text):
                target.extend(clean_item(line) for line in block.text.split("\n"))
            else:
                self.keep(where, self.raw(block))

    # lessons, communications, participants

    def _lessons(self, section: _Section) -> None:
        audience = lesson_audience(section.sub) if section.sub else ""
        for block in section.blocks:
            if isinstance(block, Rule):
                continue
            if isinstance(block, ListBlock):
                for text in joined_items(block.items):
                    self.doc.lessons.append(Lesson(audience, text))
            elif isinstance(block, Paragraph) and not is_placeholder(block.text):
                self.doc.lessons.append(Lesson(audience, strip_inline(block.text)))
            else:
                self.keep(self._label(section), self.raw(block))

    def _communications(self, section: _Section) -> None:
        folded = fold(section.sub)
        audience = Audience.EXTERNAL if "extern" in folded else Audience.INTERNAL
        for block in section.blocks:
            if isinstance(block, Rule):
                continue
            if isinstance(block, Table):
                self._note_header(self._label(section), block.header)
                self._communications_table(block)
            elif isinstance(block, ListBlock):
                for item in block.items:
                    self.doc.communications.append(
                        Communication(audience, strip_inline(item.text.replace("\n", " ")))
                    )
            else:
                self.keep(self._label(section), self.raw(block))

    def _communications_table(self, table: Table) -> None:
        columns = column_indexes(
            table.header,
            {
                "audience": ("audience", "public", "destinataires"),
                "channel": ("canal", "channel", "moyen"),
                "at": ("heure", "time", "quand", "when", "date"),
                "text": ("message", "texte", "text", "contenu", "content"),
            },
            ("audience", "channel", "at", "text"),
        )
        for row in table.rows:
            cells = {name: row[index].strip() if index < len(row) else ""
                     for name, index in columns.items()}  # fmt: skip
            audience = (
                Audience.EXTERNAL if "ext" in fold(cells.get("audience", "")) else Audience.INTERNAL
            )
            at, _ = parse_when(cells.get("at", ""), self.context)
            text = strip_inline(cells.get("text", ""))
            if cells.get("at") and at is None:
                text = f"{text} ({cells['at']})"
            self.doc.communications.append(
                Communication(audience, text, strip_inline(cells.get("channel", "")), at)
            )

    def _participants(self, section: _Section) -> None:
        for block in section.blocks:
            if isinstance(block, Table):
                self._note_header(self._label(section), block.header)
                for row in block.rows:
                    cells = [*row, "", "", ""]
                    attendance = lookup(Attendance, cells[2])
                    self.doc.participants.append(Participant(
                        strip_inline(cells[0]), strip_inline(cells[1]),
                        attendance if isinstance(attendance, Attendance) else Attendance.UNKNOWN,
                    ))  # fmt: skip
            elif isinstance(block, ListBlock):
                for item in block.items:
                    text = strip_inline(item.text.replace("\n", " "))
                    match = re.match(r"^(.*?)\s*\((.*)\)\s*$", text)
                    pair = key_value(text)
                    if match:
                        name, role = match.group(1), match.group(2)
                    elif pair and pair[2]:
                        name, role = pair[2], pair[1]
                    else:
                        name, role = text, ""
                    self.doc.participants.append(Participant(name, role))
            elif not isinstance(block, Rule):
                self.keep(self._label(section), self.raw(block))

    # annexes and the rest

    def _annex_section(self, section: _Section) -> None:
        title = section.sub or section.title
        blocks = [block for block in section.blocks if not isinstance(block, Rule)]
        if not blocks:
            return
        if len(blocks) == 1 and isinstance(blocks[0], Code):
            code = blocks[0]
            kind = AnnexKind.TEXT if code.info.lower() == "text" else AnnexKind.LOG
            self.annexes[f"{len(self.annexes)}"] = Annex(title, kind, code.text)
            return
        if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
            autolink = AUTOLINK.match(blocks[0].text.strip())
            if autolink:
                self.annexes[f"{len(self.annexes)}"] = Annex(title, AnnexKind.LINK, autolink["url"])
                return
        links = link_items(blocks)
        if links is not None:
            for link_title, url in links:
                label = link_title if (section.kind == S.ANNEXES and not section.sub) or (
                    fold(section.sub) in ("references", "liens", "links", "ressources")
                ) else f"{title} : {link_title}" if link_title else title  # fmt: skip
                self.annexes[f"{len(self.annexes)}"] = Annex(label, AnnexKind.LINK, url)
            return
        content = "\n".join(self.raw(block) for block in blocks)
        self.annexes[f"{len(self.annexes)}"] = Annex(title, AnnexKind.TEXT, content.strip("\n"))

    def _add_annex(self, title: str, content: str, block: Block) -> None:
        kind = AnnexKind.LOG if isinstance(block, Code) else AnnexKind.TEXT
        text = block.text if isinstance(block, Code) else content
        self.annexes[f"{len(self.annexes)}"] = Annex(title, kind, text)

    def _acknowledgements(self, section: _Section) -> None:
        parts = [self.doc.acknowledgements] if self.doc.acknowledgements else []
        for block in section.blocks:
            if isinstance(block, Rule):
                continue
            if isinstance(block, Paragraph):
                pair = key_value(block.text)
                if (pair and fold(pair[1]) == "note") or "blameless" in fold(block.text):
                    note = pair[2] if pair and fold(pair[1]) == "note" else strip_inline(block.text)
                    self.doc.blameless_note = strip_inline(note)
                    self.report.mapped.append("Note → blameless note")
                    continue
            parts.append(strip_inline(block.text) if isinstance(block, Paragraph)
                         else self.raw(block).strip())  # fmt: skip
        self.doc.acknowledgements = "\n\n".join(p for p in parts if p)

    def _narrative(self, section: _Section) -> None:
        if section.marked is not None:
            blocks = list(section.blocks)
            if blocks and isinstance(blocks[-1], Rule):
                blocks.pop()  # the rule the export writes before the next section
            parts = [self.markdown(block) for block in blocks]
            text = "\n\n".join(part for part in parts if part)
            self.doc.narrative.append(NarrativeSection(section.title, text, section.marked))
            return
        title = section.sub or section.title
        kind = narrative_kind(title) or narrative_kind(section.title) or ""
        parts = [self.markdown(block) for block in section.blocks if not isinstance(block, Rule)]
        text = "\n\n".join(part for part in parts if part)
        if text:  # a heading over sub-sections only is structure, not an account
            self._add_narrative(title, kind, text)

    def _add_narrative(self, title: str, kind: str, text: str) -> None:
        for existing in self.doc.narrative:
            if existing.title == title and existing.kind == kind:
                existing.text = "\n\n".join(part for part in (existing.text, text) if part)
                return
        self.doc.narrative.append(NarrativeSection(title, text, kind))

    def _unrecognised(self, section: _Section) -> None:
        blocks = [block for block in section.blocks if not isinstance(block, Rule)]
        prose = any(isinstance(block, Paragraph | ListBlock) for block in blocks)
        parent = next((n for n in self.doc.narrative if n.title == section.title), None)
        if section.sub and section.heading is not None and (prose or parent is not None):
            if parent is None:
                parent = NarrativeSection(section.title, "", "")
                self.doc.narrative.append(parent)
            heading = "#" * max(3, section.heading.level) + " " + section.sub
            body = "\n\n".join(self.markdown(block) for block in blocks)
            parent.text = "\n\n".join(p for p in (parent.text, heading, body) if p)
            return
        if prose:
            self._narrative(section)
            self.report.mapped.append(f"section '{section.title}' → narrative")
            return
        if not blocks:  # a heading over sub-sections, or an empty section
            self.report.mapped.append(f"section '{section.title}': a heading without text")
            return
        key = f"section:{section.title}"
        parts: list[str] = []
        if section.sub and section.heading is not None:
            parts.append(self.raw(section.heading))
        parts += [self.raw(block) for block in section.blocks]
        content = "\n\n".join(part.strip("\n") for part in parts if part.strip())
        annex = self.annexes.get(key)
        if annex is None:
            self.annexes[key] = Annex(section.title, AnnexKind.TEXT, content)
            self.report.kept_aside.append(f"section '{section.title}' kept as an annex")
        elif content:
            annex.content = f"{annex.content}\n\n{content}".strip("\n")

    # -- end -------------------------------------------------------------------------------

    def _finish(self) -> None:
        doc = self.doc
        self._place_timeline()
        if self.whys.steps or self.whys.problem:
            doc.whys = build_whys(self.whys, self.report.warnings)
            if self.whys.root_cause_text and not doc.root_cause:
                doc.root_cause = self.whys.root_cause_text
            elif self.whys.root_cause_text:
                self.keep("5 Whys", self.whys.root_cause_text)
        if self.whys.labels:
            self.report.mapped.append(f"5 Whys labels read: {', '.join(self.whys.labels)}")
        if self.whys.extra:
            for line in self.whys.extra:
                self.keep("5 Whys", line)
        if self.fishbone is not None:
            doc.ishikawa = self.fishbone.graph
        resolve_cause_texts(doc.actions, doc.ishikawa, self.report.warnings)
        outer = self.annexes.pop("__outer__", None)
        doc.annexes = list(self.annexes.values())
        if outer is not None:
            doc.annexes.append(outer)
        if self.status_words:
            words = ", ".join(sorted(self.status_words))
            self.report.mapped.append(f"statuses, states and priorities read from: {words}")
        if self.kept:
            self.report.notes = "\n\n".join(f"[{where}]\n" + "\n".join(lines)
                                             for where, lines in self.kept.items())  # fmt: skip
        self._settle_window()
        if not doc.title:
            doc.title = Path(self.name).stem
            self.report.warnings.append(f"no title heading: the file name '{doc.title}' was used.")
