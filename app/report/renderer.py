"""The report renderer: a postmortem → a print-quality PDF (reportlab platypus, no Qt).

Two page templates: the cover (no running header) and the body. Every page carries the footer
"page X of Y · title · revision · short digest" (drawn once the page count is known) and, until
the report is approved, a diagonal DRAFT watermark under the content. Output is deterministic
(``invariant``): the same document gives the same bytes, so an approved revision's PDF can be
rebuilt exactly.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from app.derived import derived_times
from app.jsonio import content_digest
from app.model import DEFAULT_BLAMELESS_NOTE, Postmortem
from app.report import diagrams, glance
from app.report.fonts import BOLD, MONO, REGULAR, register_fonts
from app.report.labels import Labels
from app.report.rich import flowables, inline_markup, plain_text, text_runs
from app.report.scripts import bidi_paragraph, has_rtl, visual_line
from app.report.styles import (
    ACCENT,
    CURRENT,
    HEADER_FILL,
    MUTED,
    RULE,
    STALE,
    WATERMARK,
    ZEBRA_FILL,
    stylesheet,
)
from app.report.tables import Cell, break_long_tokens, column_widths
from app.report.text_safety import chunks, markup
from app.report.times import document_zone, first_time, pdf_date, revision_time, time_problems
from app.sections import SECTIONS, UNLISTED, SectionId, not_covered_line
from app.sections import title as section_title
from app.signoff import role_states
from app.visible_text import MAX_ANNEX_BYTES, excerpt
from app.vocabulary import DEFAULT_SIGNOFF_ROLES, AnnexKind, Attendance, Status

PAPERS = ("a4", "letter")
MARGIN = 54.0  # 0.75 inch
FOOTER_HEIGHT = 28.0
#: longer tables are built in blocks of this many rows (keeps page splitting linear; a block
#: boundary repeats the header mid-page, so typical tables stay in one block)
TABLE_BLOCK = 150
SHORT_DIGEST = 12
CELL_SIZE = 8.5
CELL_LEADING = 11
CELL_PADDING = 4
#: short values (times, statuses, dates) up to this length are never wrapped in a table
NOWRAP_LENGTH = 24
#: outlines indent at most this many levels
OUTLINE_LEVELS = 4
#: titles the Markdown importer gives its working notes (never printed in the report)
IMPORT_NOTE_TITLES = frozenset({"Import notes", "Notes de l'import"})
#: text that may hold Markdown (anything else is printed as one plain line, fast)
_MARKDOWN_HINT = re.compile(r"[*_`\[\]<>&#\\~]|^\s*(?:[-+]|\d+[.)])\s|\n", re.MULTILINE)


def page_size(paper: str) -> tuple[float, float]:
    from reportlab.lib.pagesizes import A4, LETTER

    width, height = LETTER if paper == "letter" else A4
    return float(width), float(height)


class ReportRenderer:
    """Lays out one postmortem; ``render()`` returns the PDF bytes."""

    def __init__(
        self,
        doc: Postmortem,
        *,
        language: str | None = None,
        paper: str = "a4",
        required_roles: tuple[str, ...] = DEFAULT_SIGNOFF_ROLES,
        created: datetime | None = None,
        for_approval: bool = False,
    ) -> None:
        register_fonts()
        #: the copy that travels to be signed: it says so instead of DRAFT, and the signatures
        #: it gathers make it the approved report
        self.for_approval = for_approval
        self.doc = doc
        self.words = Labels(language or doc.language or "en", document_zone(doc))
        self.reference = glance.reference_instant(doc) or first_time(doc)
        self.created = created or revision_time(doc)
        self.not_covered: list[str] = []
        self.pending: list[Any] = []
        self._cell_styles: dict[str, Any] = {}
        self.body_started = False
        self.note_height = 0.0
        self.paper = paper if paper in PAPERS else "a4"
        self.required_roles = required_roles
        self.digest = content_digest(doc)
        self.styles = stylesheet()
        self.page_width, self.page_height = page_size(self.paper)
        self.frame_width = self.page_width - 2 * MARGIN
        self.frame_height = self.page_height - 2 * MARGIN - FOOTER_HEIGHT
        self.title = doc.title.strip() or self.words["untitled"]
        self.draft = doc.status != Status.APPROVED and not for_approval

    # -- document -------------------------------------------------------------------------

    def render(self) -> bytes:
        from reportlab.platypus import (
            BaseDocTemplate,
            Frame,
            NextPageTemplate,
            PageBreak,
            PageTemplate,
        )

        buffer = io.BytesIO()
        template = BaseDocTemplate(
            buffer,
            pagesize=(self.page_width, self.page_height),
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + FOOTER_HEIGHT,
            title=self.title,
            author=self.doc.author,
            subject=f"{self.words['report']} — {self.words['revision']} {self.doc.revision}",
            keywords=", ".join([*self.doc.tags, f"sha256:{self.digest}"]),
            creator="Postmortem Studio",
            producer="Postmortem Studio",
            lang="fr-FR" if self.words.language == "fr" else "en-US",
            invariant=1,
        )
        frame = Frame(
            MARGIN,
            MARGIN + FOOTER_HEIGHT,
            self.frame_width,
            self.frame_height,
            id="main",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        wide = Frame(
            MARGIN,
            MARGIN + FOOTER_HEIGHT,
            self.page_height - 2 * MARGIN,
            self.page_width - 2 * MARGIN - FOOTER_HEIGHT,
            id="wide",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        template.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[frame], onPage=self._cover_page),
                PageTemplate(id="body", frames=[frame], onPage=self._body_page),
                PageTemplate(
                    id="landscape",
                    frames=[wide],
                    onPage=self._body_page,
                    pagesize=(self.page_height, self.page_width),
                ),
            ]
        )
        note = self._rich(self._blameless_note(), "cover_note")  # once, opening the body
        cover = self._cover()
        # what a first full-page block (a diagram) must leave room for above it: the note
        self.note_height = sum(
            item.wrap(self.frame_width, self.frame_height)[1] + item.getSpaceAfter()
            for item in note
        )
        body: list[Any] = []
        writers = self._writers()
        for section in SECTIONS:  # the one order of every rendering
            write = writers.get(section.id)
            if write is None:  # on the cover
                continue
            self.body_started = bool(body)
            if section.has_content(self.doc):
                body.extend(write())
            elif section.id not in UNLISTED:
                self.not_covered.append(section_title(section.id, self.words.language))
        body.extend(self._not_covered())
        # the note goes on the first body page, even when that page is a landscape diagram
        if body[:1] and isinstance(body[0], NextPageTemplate):
            story = [*cover, *body[:2], *note, *body[2:]]
        else:
            story = [*cover, NextPageTemplate("body"), PageBreak(), *note, *body]
        story.extend(self._signoff())
        template.build(story, canvasmaker=self._canvas_maker())
        return buffer.getvalue()

    # -- page decoration ------------------------------------------------------------------

    def _watermark(self, canvas: Any) -> None:
        if not self.draft:
            return
        from reportlab.lib.colors import HexColor

        canvas.saveState()
        canvas.setFillColor(HexColor(WATERMARK))
        canvas.setFillAlpha(0.35)
        import math

        from reportlab.pdfbase.pdfmetrics import stringWidth

        text = self.words["draft"]
        width, height = canvas._pagesize
        diagonal = math.hypot(width, height)
        size = min(110.0, 0.52 * diagonal * 100 / stringWidth(text, BOLD, 100))
        canvas.setFont(BOLD, size)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(math.degrees(math.atan2(height, width)))
        canvas.drawCentredString(0, -size * 0.35, text)
        canvas.restoreState()

    def _cover_page(self, canvas: Any, _doc: Any) -> None:
        from reportlab.lib.colors import HexColor

        canvas.saveState()
        canvas.setFillColor(HexColor(ACCENT))
        canvas.rect(0, self.page_height - 16, self.page_width, 16, stroke=0, fill=1)
        canvas.restoreState()
        self._watermark(canvas)

    def _body_page(self, canvas: Any, _doc: Any) -> None:
        from reportlab.lib.colors import HexColor

        canvas.saveState()
        canvas.setStrokeColor(HexColor(ACCENT))
        canvas.setLineWidth(1.5)
        width, height = canvas._pagesize
        top = height - MARGIN + 14
        canvas.line(MARGIN, top, width - MARGIN, top)
        canvas.restoreState()
        self._watermark(canvas)

    def _canvas_maker(self) -> Callable[..., Any]:
        """A canvas that draws "page X of Y" footers once every page is known."""
        from reportlab.lib.colors import HexColor
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.pdfgen.canvas import Canvas

        words = self.words
        left = _ellipsize(
            f"{self.title} · {words['revision']} {self.doc.revision}",
            REGULAR,
            7.5,
            self.frame_width * 0.62,
        )
        digest_text = f"sha256:{self.digest[:SHORT_DIGEST]}"

        created = self.created

        class FooterCanvas(Canvas):  # type: ignore[misc]
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self._pages: list[dict[str, Any]] = []
                if created is not None:
                    self.setDateFormatter(lambda *_: pdf_date(created))

            def showPage(self) -> None:
                self._pages.append(dict(self.__dict__))
                self._startPage()

            def save(self) -> None:
                total = len(self._pages)
                for number, state in enumerate(self._pages, start=1):
                    self.__dict__.update(state)
                    self._footer(number, total)
                    Canvas.showPage(self)
                Canvas.save(self)

            def _footer(self, number: int, total: int) -> None:
                y = MARGIN - 4
                self.saveState()
                self.setStrokeColor(HexColor(RULE))
                self.setLineWidth(0.6)
                page_width = float(self._pagesize[0])
                self.line(MARGIN, y + 12, page_width - MARGIN, y + 12)
                self.setFillColor(HexColor(MUTED))
                self.setFont(REGULAR, 7.5)
                _draw_runs(self, MARGIN, y, left, font=REGULAR, size=7.5)
                page_text = words["page"].format(page=number, pages=total)
                right = page_width - MARGIN
                self.drawRightString(right, y, page_text)
                self.setFont(MONO, 7)
                gap = stringWidth(page_text, REGULAR, 7.5) + 14
                self.drawRightString(right - gap, y, digest_text)
                self.restoreState()

        return FooterCanvas

    # -- building blocks ------------------------------------------------------------------

    def _p(self, text: str, style: str = "body") -> Any:
        """A paragraph of literal text (labels, titles): escaped, never parsed as Markdown."""
        from reportlab.platypus import Paragraph

        if has_rtl(text):
            return bidi_paragraph(text, self.styles[style])
        face = MONO if style == "mono" else REGULAR
        return Paragraph(markup(text, face), self.styles[style])

    def _heading(self, key: str, level: int = 1) -> Any:
        return self._p(self.words[key], "h1" if level == 1 else "h2")

    def _rich(self, text: str, style: str = "body") -> list[Any]:
        """A Markdown text field as paragraphs, lists and code blocks."""
        return flowables(text, self.styles, style, self.frame_width)

    def _bullets(self, items: Sequence[str]) -> list[Any]:
        """One bullet per item; each item's Markdown is rendered inline."""
        from reportlab.platypus import Paragraph

        flow: list[Any] = []
        for item in items:
            if not item.strip():
                continue
            if has_rtl(item):
                flow.append(bidi_paragraph(text_runs(item), self.styles["bullet"], "•"))
            else:
                flow.append(Paragraph(inline_markup(item), self.styles["bullet"], bulletText="•"))
        return flow

    def _table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell | str]],
        *,
        extra: Sequence[tuple[Any, ...]] = (),
        keep: Sequence[int] = (),
    ) -> list[Any]:
        """A table sized to its text; empty columns (except ``keep``) are left out."""
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import Table, TableStyle

        if not rows:
            return []
        cells = [[c if isinstance(c, Cell) else Cell(c) for c in row] for row in rows]
        shown = [
            index
            for index in range(len(header))
            if index in keep or any(row[index].text.strip() for row in cells)
        ]
        header = [header[index] for index in shown]
        cells = [[row[index] for index in shown] for row in cells]
        texts = [
            [cell.text if cell.literal else plain_text(cell.text) for cell in column]
            for column in zip(*cells, strict=True)
        ]
        nowrap = [
            all(cell.literal and len(cell.text) <= NOWRAP_LENGTH for cell in column)
            for column in zip(*cells, strict=True)
        ]
        col_widths = column_widths(
            texts, header, self.frame_width, CELL_SIZE, padding=2 * CELL_PADDING + 1, nowrap=nowrap
        )
        remap = {old: new for new, old in enumerate(shown)}
        head = [self._p(text, "cell_head") for text in header]
        body = [
            [self._cell(cell, col_widths[column]) for column, cell in enumerate(row)]
            for row in cells
        ]
        blocks: list[Any] = []
        for start in range(0, len(body), TABLE_BLOCK):
            block = body[start : start + TABLE_BLOCK]
            table = Table([head, *block], colWidths=col_widths, repeatRows=1, splitInRow=1)
            commands: list[tuple[Any, ...]] = [
                ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEADER_FILL)),
                ("LINEBELOW", (0, 0), (-1, 0), 0.9, HexColor(ACCENT)),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, HexColor(RULE)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 1), (-1, -1), REGULAR),
                ("FONTSIZE", (0, 1), (-1, -1), CELL_SIZE),
                ("LEADING", (0, 1), (-1, -1), CELL_LEADING),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
            commands.extend(
                ("BACKGROUND", (0, row), (-1, row), HexColor(ZEBRA_FILL))
                for row in range(2, len(block) + 1, 2)
            )
            for command in extra:
                name, (c0, r0), (c1, r1), *rest = command
                if c0 not in remap or c1 not in remap:
                    continue
                if start < r0 <= start + len(block):
                    commands.append((name, (remap[c0], r0 - start), (remap[c1], r1 - start), *rest))
            table.setStyle(TableStyle(commands))
            blocks.append(table)
        return blocks

    def _cell(self, cell: Cell, width: float) -> Any:
        """A cell: plain lines when it is plain text (fast), else a Paragraph."""
        from reportlab.lib.utils import simpleSplit
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.platypus import Paragraph

        room = width - 2 * CELL_PADDING - 1
        style = self._cell_styles.get(cell.style) or self._cell_styles.setdefault(
            cell.style, self.styles[cell.style]
        )
        text = cell.text
        if cell.literal or not _MARKDOWN_HINT.search(text):
            text = " ".join(text.split()) if not cell.literal else text
            text = break_long_tokens(text, style.fontName, CELL_SIZE, room)
            if not cell.colour and cell.style == "cell" and (text.isascii() or _plain(text)):
                # plain text wrapped here at spaces: a Table draws lines far faster than
                # it lays out a Paragraph
                lines = simpleSplit(text, REGULAR, CELL_SIZE, room)
                if all(stringWidth(line, REGULAR, CELL_SIZE) <= room for line in lines):
                    return "\n".join(lines)
            if has_rtl(text):
                return bidi_paragraph(text, style)
            body = markup(text, style.fontName)
        else:
            if has_rtl(text):
                return bidi_paragraph(text_runs(text, style.fontName), style)
            text = break_long_tokens(text, style.fontName, CELL_SIZE, room, newline="\u2028")
            body = inline_markup(text)
        if cell.colour:
            body = f'<font color="{cell.colour}">{body}</font>'
        return Paragraph(body, style)

    def _key_values(self, pairs: Sequence[tuple[str, str]], label_width: float = 0.3) -> Any:
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import Paragraph, Table, TableStyle

        rows = [
            [
                self._p(key, "meta_label"),
                bidi_paragraph(value, self.styles["meta_value"])
                if has_rtl(value)
                else Paragraph(markup(value), self.styles["meta_value"]),
            ]
            for key, value in pairs
        ]
        widths = [self.frame_width * label_width, self.frame_width * (1 - label_width)]
        table = Table(rows, colWidths=widths, splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, HexColor(RULE)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        return table

    # -- cover ----------------------------------------------------------------------------

    def _cover(self) -> list[Any]:
        from reportlab.platypus import KeepTogether, Spacer

        doc, w = self.doc, self.words
        flow: list[Any] = [
            Spacer(1, 24),
            self._p(w["report"].upper(), "kicker"),
            self._p(self.title, "cover_title"),
        ]
        approval = glance.approval(doc, w, self.digest)
        if self.for_approval:
            approval = glance.for_approval(doc, w, self.digest, self.required_roles)
        if approval is not None:
            flow.append(self._approval_block(approval))
            flow.append(Spacer(1, 12))
        facts = [
            (w["window"], glance.window(doc, w)),
            (w["duration"], glance.duration(doc, w)),
            (w["severity"], glance.severity(doc, w)),
            (w["impact_line"], glance.impact(doc, w)),
            (w["root_cause_line"], glance.one_line(doc.root_cause)),
            (w["actions_line"], glance.actions(doc, w)),
            (w["services"], glance.services(doc, w)),
        ]
        facts = [(key, value) for key, value in facts if value]
        if facts:
            flow.extend([self._p(w["glance"], "h2"), self._key_values(facts, 0.27)])
            flow.append(Spacer(1, 12))
        participants = ", ".join(
            p.name
            + (f" ({w.term(p.attendance)})" if p.attendance != Attendance.UNKNOWN else "")
            + (f" — {p.role}" if p.role else "")
            for p in doc.participants
        )
        status = w["for_approval"] if self.for_approval else w.term(doc.status.value)
        people = [
            (w["status"], status),
            (w["incident_date"], w.date(doc.incident_date) if doc.incident_date else ""),
            (w["author"], doc.author),
            (w["reviewers"], ", ".join(doc.reviewers)),
            (w["participants"], participants),
            (w["postmortem_date"], w.date(doc.postmortem_date) if doc.postmortem_date else ""),
            (w["tags"], ", ".join(doc.tags)),
            (w["revision"], str(doc.revision)),
        ]
        flow.append(self._key_values([(k, v) for k, v in people if v], 0.27))
        if approval is None:  # once approved, the approval block carries the digest
            digest = [self._p(w["digest"], "meta_label"), self._p(self.digest, "digest")]
            flow.extend([Spacer(1, 12), KeepTogether(digest)])
        return flow

    def _approval_block(self, approval: glance.Approval) -> Any:
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import Table, TableStyle

        rows = [
            [self._p(approval.title, "approval_title")],
            [self._p(approval.line, "approval")],
            [self._p(approval.revision_line, "approval_digest")],
        ]
        table = Table(rows, colWidths=[self.frame_width])
        table.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1.6, HexColor(CURRENT)),
                    ("BACKGROUND", (0, 0), (-1, -1), HexColor("#eef7f0")),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ("TOPPADDING", (0, 0), (0, 0), 8),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
                ]
            )
        )
        return table

    def _blameless_note(self) -> str:
        """The blameless note once, in the report language (the default note is translated)."""
        note = self.doc.blameless_note.strip()
        if not note or note == DEFAULT_BLAMELESS_NOTE:
            return self.words["blameless_default"]
        return note

    # -- sections -------------------------------------------------------------------------

    def _section(self, key: str, body: list[Any], level: int = 1) -> list[Any]:
        """A heading and its body, or nothing (noted as not covered) when the body is empty."""
        if not body:
            self.not_covered.append(self.words[key])
            return []
        return [self._heading(key, level), *body]

    def _writers(self) -> dict[SectionId, Callable[[], list[Any]]]:
        """What each section prints (participants are on the cover)."""
        doc = self.doc
        return {
            SectionId.SUMMARY: lambda: self._section("summary", self._rich(doc.summary)),
            SectionId.NARRATIVE: self._narrative,
            SectionId.IMPACT: self._impact,
            SectionId.SERVICES: self._services,
            SectionId.DERIVED: self._derived,
            SectionId.TIMELINE: self._timeline,
            SectionId.ANALYSIS: self._analysis,
            SectionId.WHYS: lambda: self._diagram_section("whys"),
            SectionId.ISHIKAWA: lambda: self._diagram_section("ishikawa"),
            SectionId.ROOT_CAUSE: lambda: self._section("root_cause", self._rich(doc.root_cause)),
            SectionId.CONTRIBUTING: lambda: self._section(
                "contributing", self._bullets(doc.contributing_factors), 2
            ),
            SectionId.WENT_WELL: lambda: self._section("went_well", self._bullets(doc.went_well)),
            SectionId.WENT_WRONG: lambda: self._section(
                "went_wrong", self._bullets(doc.went_wrong)
            ),
            SectionId.LUCKY: lambda: self._section("lucky", self._bullets(doc.lucky)),
            SectionId.ACTIONS: self._actions,
            SectionId.LESSONS: self._lessons,
            SectionId.COMMUNICATIONS: self._communications,
            SectionId.PARKING_LOT: lambda: self._section(
                "parking_lot", self._bullets(doc.parking_lot)
            ),
            SectionId.ANNEXES: self._annexes,
            SectionId.ACKNOWLEDGEMENTS: lambda: self._section(
                "acknowledgements", self._rich(doc.acknowledgements)
            ),
        }

    def _narrative(self) -> list[Any]:
        """The team's own account, in source order, each part under its own title."""
        flow: list[Any] = []
        for told in self.doc.narrative:
            if told.kind != "impact" and told.text.strip():
                flow += [self._p(told.title, "h1"), *self._rich(told.text)]
        return flow

    def _impact(self) -> list[Any]:
        w = self.words
        rows: list[list[Cell | str]] = [[r.metric, r.value, r.target] for r in self.doc.impact]
        told = [part for n in self.doc.narrative if n.kind == "impact" and n.text.strip()
                for part in (self._p(n.title, "h2"), *self._rich(n.text))]  # fmt: skip
        table = self._table([w["metric"], w["value"], w["target"]], rows)
        return self._section("impact", told + table)

    def _services(self) -> list[Any]:
        w = self.words
        services: list[list[Cell | str]] = [
            [s.name, Cell(w.term(s.state.value), literal=True)] for s in self.doc.services
        ]
        return self._section("services", self._table([w["service"], w["state"]], services), 2)

    def _derived(self) -> list[Any]:
        w = self.words
        times = derived_times(self.doc)
        named = [
            ("duration", times.duration),
            ("time_to_detect", times.time_to_detect),
            ("time_to_acknowledge", times.time_to_acknowledge),
            ("time_to_mitigate", times.time_to_mitigate),
            ("time_to_resolve", times.time_to_resolve),
        ]
        pairs = [
            (w[key], w.duration(delta))
            for key, delta in named
            if delta is not None and delta.total_seconds() >= 0
        ]
        body: list[Any] = [self._key_values(pairs, 0.4)] if pairs else []
        problems = time_problems(self.doc, w)
        if problems:
            body.append(self._p(w["inconsistent"].format(problems="; ".join(problems)), "warning"))
        return self._section("derived", body)

    def _timeline(self) -> list[Any]:
        w = self.words
        entries = self.doc.sorted_timeline()
        if not entries:
            return self._section("timeline", [])
        days = {w.local(entry.at).date() for entry in entries}
        rows: list[list[Cell | str]] = []
        previous_day = None
        for entry in entries:
            local = w.local(entry.at)
            when = w.clock(entry.at)
            if entry.approximate:  # never printed as an exact time
                when = f"≈ {w.clock(entry.at)}"
                if entry.as_written and not re.search(r"\d[:h]\d\d|\d\s?h\b", entry.as_written):
                    when = f"≈ {entry.as_written}"  # a date alone
            if len(days) > 1 and local.date() != previous_day:
                when = f"{w.date(local.date())}\n{when}"
            previous_day = local.date()
            event = entry.event + (f"\n\n{entry.notes}" if entry.notes.strip() else "")
            marker = w.term(entry.marker.value) if entry.marker else ""
            rows.append([Cell(when, literal=True), event, entry.actor, Cell(marker, literal=True)])
        bold_markers = [
            ("FONTNAME", (3, index), (3, index), BOLD)
            for index, entry in enumerate(entries, start=1)
            if entry.marker
        ]
        header = f"{w['time']} ({w.zone_name(entries[0].at)})"
        table = self._table(
            [header, w["event"], w["actor"], w["marker"]], rows, extra=bold_markers, keep=(0, 1)
        )
        return self._section("timeline", table)

    def _analysis(self) -> list[Any]:
        """Nothing yet: the heading travels with the first diagram's own heading."""
        self.pending = [self._heading("analysis")]
        return []

    def _diagram_section(self, kind: str) -> list[Any]:
        heading = [*self.pending, self._heading(kind, 2)]
        self.pending = []
        return self._diagram(kind, heading)

    def _diagram(self, kind: str, heading: list[Any]) -> list[Any]:
        from reportlab.platypus import KeepTogether, NextPageTemplate, PageBreak

        from app.report.diagram_pages import plan

        boxes = diagrams.box_count(self.doc, kind)
        if boxes > diagrams.MAX_DRAWN_BOXES:
            note = self.words["outline_only"].format(
                boxes=self.words.number(boxes), limit=self.words.number(diagrams.MAX_DRAWN_BOXES)
            )
            return [*heading, self._p(note, "caption"), *self._diagram_as_text(kind)]
        room = 100.0  # the section heading, the diagram title and a caption
        if not self.body_started:
            room += self.note_height  # the blameless note shares the first page
        upright = (self.frame_width, self.frame_height - room)
        wide = (self.page_height - 2 * MARGIN, self.page_width - 2 * MARGIN - FOOTER_HEIGHT - room)
        pages = plan(self.doc, kind, upright, wide, self.words.language)
        flow: list[Any] = [] if pages.parts else list(heading)
        landscape_open = False
        for index, page in enumerate(pages.parts):
            title = heading if index == 0 else [self._p(self.words[kind], "h2")]
            if pages.split:
                part = self.words["part"].format(n=index + 1, total=len(pages.parts))
                title = [*title, self._p(f"{page.caption} — {part}", "caption")]
            if page.landscape:
                flow.extend([NextPageTemplate("landscape"), PageBreak(), *title, page.drawing])
                landscape_open = True
                continue
            if landscape_open:
                flow.extend([NextPageTemplate("body"), PageBreak()])
                landscape_open = False
            elif index:
                flow.append(PageBreak())
            flow.append(KeepTogether([*title, page.drawing]))  # never a title without it
        if landscape_open:
            flow.extend([NextPageTemplate("body"), PageBreak()])
        if pages.incomplete:
            note = self.words["split_note" if pages.split else "elided_note"]
            flow.extend([self._p(note, "caption"), *self._diagram_as_text(kind)])
        return flow

    def _diagram_as_text(self, kind: str) -> list[Any]:
        """An indented, numbered outline of the diagram (every box's whole text)."""
        from reportlab.platypus import Paragraph

        from app.diagrams.graph import walk

        graph = self.doc.whys if kind == "whys" else self.doc.ishikawa
        lines: list[Any] = []
        for node, depth in walk(graph):
            data = graph.nodes[node]
            text = str(data.get("text", "")).strip() or diagrams.placeholder(
                str(data.get("role", "")), self.words.language
            )
            if data.get("answer"):
                text += f" → {data['answer']}"
            bullet = f"{depth}." if kind == "whys" and depth else "•"
            indent = 14 * min(depth, OUTLINE_LEVELS)  # a long chain does not run off the page
            style = self.styles["bullet"].clone(
                f"outline{depth}", leftIndent=14 + indent, bulletIndent=2 + indent
            )
            if has_rtl(text):
                lines.append(bidi_paragraph(text_runs(text), style, bullet))
            else:
                lines.append(Paragraph(inline_markup(text), style, bulletText=bullet))
        return lines

    def _actions(self) -> list[Any]:
        w = self.words
        rows: list[list[Cell | str]] = []
        for action in self.doc.actions:
            text = action.action
            if action.status_reason.strip():
                text += f"\n\n*{action.status_reason.strip()}*"
            stated = (action.kind, action.horizon)
            details = "\n".join(w.term(part.value) for part in stated if part)
            due = w.date(action.due) if action.due else ""
            rows.append(
                [
                    Cell(action.priority.value if action.priority else "—", literal=True),
                    text,
                    action.owner,
                    Cell(action.ticket, literal=True),
                    Cell(due, literal=True),
                    Cell(w.term(action.status.value), literal=True),
                    Cell(details, literal=True),
                ]
            )
        header = [
            w["priority"],
            w["action"],
            w["owner"],
            w["ticket"],
            w["due"],
            w["status"],
            w["kind"],
        ]
        return self._section("actions", self._table(header, rows, keep=(1,)))

    def _lessons(self) -> list[Any]:
        groups: dict[str, list[str]] = {}
        for lesson in self.doc.lessons:
            if lesson.text.strip():
                groups.setdefault(lesson.audience, []).append(lesson.text)
        body: list[Any] = []
        for audience, texts in groups.items():
            body.append(self._p(self.words.term(audience), "h2"))
            body.extend(self._bullets(texts))
        return self._section("lessons", body)

    def _communications(self) -> list[Any]:
        w = self.words
        reference = self.reference
        rows: list[list[Cell | str]] = [
            [
                Cell(w.term(item.audience.value), literal=True),
                item.channel,
                Cell(w.moment(item.at) if item.at else "", literal=True),
                item.text,
            ]
            for item in self.doc.communications
        ]
        when = f"{w['time']} ({w.zone_name(reference)})" if reference else w["time"]
        table = self._table([w["audience"], w["channel"], when, w["message"]], rows, keep=(3,))
        return self._section("communications", table)

    def _annexes(self) -> list[Any]:
        body: list[Any] = []
        for annex in self.doc.annexes:
            if annex.title.strip() in IMPORT_NOTE_TITLES:
                continue  # the importer's working notes: not part of the report
            if not annex.content.strip() and not annex.title.strip():
                continue
            body.append(self._p(f"{annex.title} ({self.words.term(annex.kind.value)})", "h2"))
            printed, size = excerpt(annex.content, MAX_ANNEX_BYTES)
            if annex.kind == AnnexKind.LOG:
                body.extend(self._p(piece, "mono") for piece in chunks(printed))
            else:
                body.extend(self._rich(printed))
            if printed != annex.content:
                note = self.words["annex_truncated"].format(
                    size=self.words.number(size), limit=self.words.number(MAX_ANNEX_BYTES)
                )
                body.append(self._p(note, "caption"))
        return self._section("annexes", body)

    def _not_covered(self) -> list[Any]:
        """One line naming the sections left out for having nothing in them."""
        line = not_covered_line(self.not_covered, self.words.language)
        return [self._p(line, "muted")] if line else []

    def _signoff(self) -> list[Any]:
        from reportlab.platypus import KeepTogether, Spacer

        w = self.words
        rows: list[list[Cell | str]] = []
        for state in role_states(self.doc, self.required_roles):
            signoff = state.signoff
            label = self._state_cell(state.state)
            if signoff is None:
                rows.append([Cell(w.term(state.role), literal=True), "", "", Cell(""), label])
                continue
            when = w.moment(signoff.signed_at) if signoff.signed_at else ""
            digest = f"sha256:{signoff.digest[:SHORT_DIGEST]}" if signoff.digest else ""
            rows.append(
                [
                    Cell(w.term(state.role), literal=True),
                    Cell(signoff.name, literal=True),
                    Cell(signoff.title, literal=True),
                    Cell(f"{when}\n{digest}".strip(), literal=True),
                    label,
                ]
            )
        signed_at = w["signed_at"]
        if self.reference is not None:
            signed_at = f"{signed_at} ({w.zone_name(self.reference)})"
        table = self._table(
            [w["role"], w["name"], w["title"], signed_at, w["signoff_state"]],
            rows,
            keep=(0, 1, 3, 4),
        )
        block = [
            self._heading("signoff"),
            self._p(w["signoff_intro"], "muted"),
            Spacer(1, 6),
            *table,
            Spacer(1, 14),
            self._p(w["digest"], "meta_label"),
            self._p(self.digest, "digest"),
        ]
        return [KeepTogether(block)]

    def _state_cell(self, state: str) -> Cell:
        """The sign-off state in words and colour (stale in bold red: it must not be missed)."""
        hue = {"stale": STALE, "current": CURRENT}.get(state, MUTED)
        style = "cell_bold" if state == "stale" else "cell"
        return Cell(self.words[state], style=style, colour=hue, literal=True)


def _plain(text: str) -> bool:
    """True when ``text`` draws as is: every glyph in the main font, no right-to-left run."""
    from app.report.fonts import coverage, map_symbols

    if map_symbols(text) != text or has_rtl(text):
        return False
    return coverage(REGULAR).issuperset(map(ord, text.replace("\n", "")))


def _draw_runs(canvas: Any, x: float, y: float, text: str, *, font: str, size: float) -> None:
    """Draw mapped text (already in visual order), switching fonts where glyphs are missing."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.report.fonts import split_runs

    for run, face in split_runs(text, font):
        canvas.setFont(face, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, face, size)


def _ellipsize(text: str, font: str, size: float, width: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.report.fonts import map_symbols

    text = " ".join(map_symbols(text).split())
    if stringWidth(text, font, size) <= width:
        return visual_line(text)
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return visual_line(text.rstrip() + "…")


def render_pdf(
    doc: Postmortem,
    *,
    language: str | None = None,
    paper: str = "a4",
    required_roles: tuple[str, ...] = DEFAULT_SIGNOFF_ROLES,
    created: datetime | None = None,
    for_approval: bool = False,
) -> bytes:
    return ReportRenderer(
        doc,
        language=language,
        paper=paper,
        required_roles=required_roles,
        created=created,
        for_approval=for_approval,
    ).render()
