"""The report renderer: a postmortem → a print-quality PDF (reportlab platypus, no Qt).

Two page templates: the cover (no running header) and the body. Every page carries the footer
"page X of Y · title · revision · short digest" (drawn once the page count is known) and, until
the report is approved, a diagonal DRAFT watermark under the content. Output is deterministic
(``invariant``): the same document gives the same bytes, so an approved revision's PDF can be
rebuilt exactly.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from app.derived import derived_times
from app.jsonio import content_digest
from app.model import Postmortem
from app.report import diagrams
from app.report.fonts import BOLD, MONO, REGULAR, register_fonts
from app.report.labels import Labels
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
from app.report.text_safety import chunks, markup
from app.signoff import role_states
from app.visible_text import MAX_ANNEX_BYTES, excerpt
from app.vocabulary import DEFAULT_SIGNOFF_ROLES, AnnexKind, Status

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
    ) -> None:
        register_fonts()
        self.doc = doc
        self.words = Labels(language or doc.language or "en")
        self.paper = paper if paper in PAPERS else "a4"
        self.required_roles = required_roles
        self.digest = content_digest(doc)
        self.styles = stylesheet()
        self.page_width, self.page_height = page_size(self.paper)
        self.frame_width = self.page_width - 2 * MARGIN
        self.frame_height = self.page_height - 2 * MARGIN - FOOTER_HEIGHT
        self.title = doc.title.strip() or self.words["untitled"]
        self.draft = doc.status != Status.APPROVED

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
        story: list[Any] = [*self._cover(), NextPageTemplate("body"), PageBreak()]
        for section in (
            self._summary,
            self._impact,
            self._derived,
            self._timeline,
            self._analysis,
            self._root_cause,
            self._retrospective,
            self._actions,
            self._lessons,
            self._communications,
            self._annexes,
            self._closing,
        ):
            story.extend(section())
        story.append(PageBreak())
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

        class FooterCanvas(Canvas):  # type: ignore[misc]
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self._pages: list[dict[str, Any]] = []

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
        from reportlab.platypus import Paragraph

        face = MONO if style == "mono" else REGULAR
        return Paragraph(markup(text, face), self.styles[style])

    def _heading(self, key: str, level: int = 1) -> Any:
        return self._p(self.words[key], "h1" if level == 1 else "h2")

    def _none(self) -> Any:
        return self._p(self.words["none"], "muted")

    def _text_block(self, text: str, style: str = "body") -> list[Any]:
        pieces = chunks(text)
        return [self._p(piece, style) for piece in pieces] if pieces else [self._none()]

    def _bullets(self, items: Sequence[str]) -> list[Any]:
        from reportlab.platypus import Paragraph

        kept = [item for item in items if item.strip()]
        if not kept:
            return [self._none()]
        return [Paragraph(markup(item), self.styles["bullet"], bulletText="•") for item in kept]

    def _table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        *,
        extra: Sequence[tuple[Any, ...]] = (),
    ) -> list[Any]:
        """Tables that wrap every cell, repeat their header and split between rows."""
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import Paragraph, Table, TableStyle

        if not rows:
            return [self._none()]
        total = sum(widths)
        col_widths = [self.frame_width * width / total for width in widths]
        head = [Paragraph(markup(text), self.styles["cell_head"]) for text in header]
        cells = [
            [self._cell(cell, col_widths[column]) for column, cell in enumerate(row)]
            for row in rows
        ]
        blocks: list[Any] = []
        for start in range(0, len(cells), TABLE_BLOCK):
            block = cells[start : start + TABLE_BLOCK]
            table = Table([head, *block], colWidths=col_widths, repeatRows=1, splitInRow=1)
            commands: list[tuple[Any, ...]] = [
                ("BACKGROUND", (0, 0), (-1, 0), HexColor(HEADER_FILL)),
                ("LINEBELOW", (0, 0), (-1, 0), 0.9, HexColor(ACCENT)),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, HexColor(RULE)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 1), (-1, -1), REGULAR),
                ("FONTSIZE", (0, 1), (-1, -1), CELL_SIZE),
                ("LEADING", (0, 1), (-1, -1), CELL_LEADING),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
            commands.extend(
                ("BACKGROUND", (0, row), (-1, row), HexColor(ZEBRA_FILL))
                for row in range(2, len(block) + 1, 2)
            )
            for command in extra:
                name, (c0, r0), (c1, r1), *rest = command
                if start < r0 <= start + len(block):
                    commands.append((name, (c0, r0 - start), (c1, r1 - start), *rest))
            table.setStyle(TableStyle(commands))
            blocks.append(table)
        return blocks

    def _cell(self, cell: Any, width: float) -> Any:
        """A table cell: plain text when it fits on one line (fast), else a wrapping Paragraph."""
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.platypus import Paragraph

        if not isinstance(cell, str):
            return cell
        short = len(cell) < 80 and "\n" not in cell and (cell.isascii() or _plain(cell))
        if short and stringWidth(cell, BOLD, CELL_SIZE) <= width - 2 * CELL_PADDING - 1:
            return cell
        return Paragraph(markup(cell), self.styles["cell"])

    def _key_values(self, pairs: Sequence[tuple[str, str]], label_width: float = 0.3) -> Any:
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import Paragraph, Table, TableStyle

        rows = [
            [
                Paragraph(markup(key), self.styles["meta_label"]),
                Paragraph(markup(value), self.styles["meta_value"]),
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

    # -- sections -------------------------------------------------------------------------

    def _cover(self) -> list[Any]:
        from reportlab.platypus import Spacer

        doc, w = self.doc, self.words
        participants = ", ".join(
            p.name
            + (f" ({w.term(p.attendance.value)})" if w.term(p.attendance.value) else "")
            + (f" — {p.role}" if p.role else "")
            for p in doc.participants
        )
        pairs = [
            (w["incident_date"], w.date(doc.incident_date)),
            (w["severity"], doc.severity or w["not_set"]),
            (w["status"], w.term(doc.status.value)),
            (w["author"], doc.author or w["not_set"]),
            (w["reviewers"], ", ".join(doc.reviewers) or w["not_set"]),
            (w["participants"], participants or w["not_set"]),
            (w["postmortem_date"], w.date(doc.postmortem_date)),
            (w["services"], ", ".join(s.name for s in doc.services) or w["not_set"]),
            (w["tags"], ", ".join(doc.tags) or w["not_set"]),
            (w["revision"], str(doc.revision)),
        ]
        return [
            Spacer(1, 40),
            self._p(w["report"].upper(), "kicker"),
            self._p(self.title, "cover_title"),
            Spacer(1, 14),
            self._key_values(pairs),
            Spacer(1, 18),
            self._p(w["digest"], "meta_label"),
            self._p(self.digest, "digest"),
            Spacer(1, 26),
            *self._text_block(doc.blameless_note, "cover_note"),
        ]

    def _summary(self) -> list[Any]:
        return [self._heading("summary"), *self._text_block(self.doc.summary)]

    def _impact(self) -> list[Any]:
        w = self.words
        rows = [[row.metric, row.value, row.target] for row in self.doc.impact]
        services = [[s.name, w.term(s.state.value)] for s in self.doc.services]
        return [
            self._heading("impact"),
            *self._table([w["metric"], w["value"], w["target"]], rows, [4, 3, 2]),
            self._heading("services", 2),
            *self._table([w["service"], w["state"]], services, [6, 3]),
        ]

    def _derived(self) -> list[Any]:
        w = self.words
        times = derived_times(self.doc)
        pairs = [
            (w["duration"], w.duration(times.duration)),
            (w["time_to_detect"], w.duration(times.time_to_detect)),
            (w["time_to_acknowledge"], w.duration(times.time_to_acknowledge)),
            (w["time_to_mitigate"], w.duration(times.time_to_mitigate)),
            (w["time_to_resolve"], w.duration(times.time_to_resolve)),
        ]
        return [self._heading("derived"), self._key_values(pairs, 0.4)]

    def _timeline(self) -> list[Any]:
        w = self.words
        entries = self.doc.sorted_timeline()
        rows: list[list[Any]] = []
        previous_day = None
        for entry in entries:
            day = entry.at.date()
            when = (
                w.clock(entry.at) if day == previous_day else f"{w.date(day)}\n{w.clock(entry.at)}"
            )
            previous_day = day
            event = entry.event + (f"\n{entry.notes}" if entry.notes.strip() else "")
            marker = w.term(entry.marker.value) if entry.marker else ""
            rows.append([when, event, entry.actor, marker])
        bold_markers = [
            ("FONTNAME", (3, index), (3, index), BOLD)
            for index, entry in enumerate(entries, start=1)
            if entry.marker
        ]
        return [
            self._heading("timeline"),
            *self._table(
                [w["time"], w["event"], w["actor"], w["marker"]],
                rows,
                [2.3, 5.6, 2.1, 2.2],
                extra=bold_markers,
            ),
        ]

    def _analysis(self) -> list[Any]:
        from reportlab.platypus import NextPageTemplate, PageBreak

        flow: list[Any] = []
        pending = [self._heading("analysis")]  # travels with the first diagram's heading
        for kind in ("whys", "ishikawa"):
            heading = [*pending, self._heading(kind, 2)]
            pending = []
            if not diagrams.has_content(self.doc, kind):
                flow.extend([*heading, self._none()])
                continue
            boxes = diagrams.box_count(self.doc, kind)
            if boxes > diagrams.MAX_DRAWN_BOXES:
                note = self.words["outline_only"].format(
                    boxes=self.words.number(boxes),
                    limit=self.words.number(diagrams.MAX_DRAWN_BOXES),
                )
                flow.extend([*heading, self._p(note, "caption"), *self._diagram_as_text(kind)])
                continue
            layout = diagrams.diagram_layout(self.doc, kind)
            if layout is None:
                flow.extend([*heading, *self._diagram_as_text(kind)])
                continue
            room = 60.0  # heading and caption
            upright = diagrams.fit_scale(layout, self.frame_width, self.frame_height - room)
            wide_width = self.page_height - 2 * MARGIN
            wide_height = self.page_width - 2 * MARGIN - FOOTER_HEIGHT - room
            sideways = diagrams.fit_scale(layout, wide_width, wide_height)
            if sideways > upright * 1.15:
                flow.extend(
                    [
                        NextPageTemplate("landscape"),
                        PageBreak(),
                        *heading,
                        diagrams.drawing(layout, wide_width, wide_height, self.words.language),
                        *self._small_diagram_note(kind, sideways),
                        NextPageTemplate("body"),
                        PageBreak(),
                    ]
                )
            else:
                flow.extend(
                    [
                        *heading,
                        diagrams.drawing(
                            layout, self.frame_width, self.frame_height - room, self.words.language
                        ),
                        *self._small_diagram_note(kind, upright),
                    ]
                )
        return flow

    def _small_diagram_note(self, kind: str, scale: float) -> list[Any]:
        """Below this scale the drawing's text is too small to read: add a text outline."""
        if scale >= diagrams.READABLE_SCALE:
            return []
        return [self._p(self.words["outline"], "caption"), *self._diagram_as_text(kind)]

    def _diagram_as_text(self, kind: str) -> list[Any]:
        """An indented outline of the diagram when no vector layout is available."""
        from reportlab.platypus import Paragraph

        from app.diagrams.graph import outline_level, walk

        graph = self.doc.whys if kind == "whys" else self.doc.ishikawa
        lines: list[Any] = []
        styles: dict[int, Any] = {}
        for node, depth in walk(graph):
            data = graph.nodes[node]
            text = str(data.get("text", ""))
            if data.get("answer"):
                text += f" → {data['answer']}"
            level, label = outline_level(depth)
            text = label + text
            if level not in styles:
                styles[level] = self.styles["bullet"].clone(
                    f"outline{level}", leftIndent=12 + 14 * level
                )
            lines.append(Paragraph(markup(text), styles[level], bulletText="•"))
        return lines

    def _root_cause(self) -> list[Any]:
        return [
            self._heading("root_cause"),
            *self._text_block(self.doc.root_cause),
            self._heading("contributing", 2),
            *self._bullets(self.doc.contributing_factors),
        ]

    def _retrospective(self) -> list[Any]:
        doc = self.doc
        return [
            self._heading("went_well"),
            *self._bullets(doc.went_well),
            self._heading("went_wrong"),
            *self._bullets(doc.went_wrong),
            self._heading("lucky"),
            *self._bullets(doc.lucky),
        ]

    def _actions(self) -> list[Any]:
        w = self.words
        rows = []
        for action in self.doc.actions:
            text = action.action
            if action.status_reason.strip():
                text += f"\n({action.status_reason})"
            details = f"{w.term(action.kind.value)}\n{w.term(action.horizon.value)}"
            status = w.term(action.status.value)
            owner = action.owner + (f"\n{action.ticket}" if action.ticket else "")
            due = w.short_date(action.due) if action.due else w["not_set"]
            rows.append([action.priority.value, text, owner, due, status, details])
        return [
            self._heading("actions"),
            *self._table(
                [w["priority"], w["action"], w["owner"], w["due"], w["status"], w["kind"]],
                rows,
                [1.35, 5.2, 2.2, 2.0, 1.7, 1.9],
            ),
        ]

    def _lessons(self) -> list[Any]:
        flow: list[Any] = [self._heading("lessons")]
        groups: dict[str, list[str]] = {}
        for lesson in self.doc.lessons:
            groups.setdefault(lesson.audience, []).append(lesson.text)
        if not groups:
            flow.append(self._none())
        for audience, texts in groups.items():
            flow.append(self._p(self.words.term(audience), "h2"))
            flow.extend(self._bullets(texts))
        return flow

    def _communications(self) -> list[Any]:
        w = self.words
        rows = [
            [
                w.term(item.audience.value),
                item.channel,
                w.moment(item.at) if item.at else w["not_set"],
                item.text,
            ]
            for item in self.doc.communications
        ]
        return [
            self._heading("communications"),
            *self._table(
                [w["audience"], w["channel"], w["time"], w["message"]], rows, [1.6, 1.8, 2.6, 6]
            ),
        ]

    def _annexes(self) -> list[Any]:
        flow: list[Any] = [self._heading("annexes")]
        if not self.doc.annexes:
            flow.append(self._none())
        for annex in self.doc.annexes:
            flow.append(self._p(f"{annex.title} ({self.words.term(annex.kind.value)})", "h2"))
            style = "mono" if annex.kind == AnnexKind.LOG else "body"
            printed, size = excerpt(annex.content, MAX_ANNEX_BYTES)
            flow.extend(self._text_block(printed, style))
            if printed != annex.content:
                note = self.words["annex_truncated"].format(
                    size=self.words.number(size), limit=self.words.number(MAX_ANNEX_BYTES)
                )
                flow.append(self._p(note, "caption"))
        return flow

    def _closing(self) -> list[Any]:
        return [
            self._heading("acknowledgements"),
            *self._text_block(self.doc.acknowledgements),
            self._heading("blameless"),
            *self._text_block(self.doc.blameless_note),
        ]

    def _signoff(self) -> list[Any]:
        from reportlab.platypus import Spacer

        w = self.words
        rows: list[list[Any]] = []
        for state in role_states(self.doc, self.required_roles):
            signoff = state.signoff
            label = self._state_cell(state.state)
            if signoff is None:
                rows.append([w.term(state.role), "", "", "", label])
                continue
            when = w.moment(signoff.signed_at) if signoff.signed_at else w["not_set"]
            digest = f"sha256:{signoff.digest[:SHORT_DIGEST]}" if signoff.digest else ""
            rows.append(
                [w.term(state.role), signoff.name, signoff.title, f"{when}\n{digest}", label]
            )
        table = self._table(
            [w["role"], w["name"], w["title"], w["signed_at"], w["signoff_state"]],
            rows,
            [2.0, 2.5, 2.3, 3.0, 2.9],
        )
        return [
            self._heading("signoff"),
            self._p(w["signoff_intro"], "muted"),
            Spacer(1, 6),
            *table,
            Spacer(1, 14),
            self._p(w["digest"], "meta_label"),
            self._p(self.digest, "digest"),
        ]

    def _state_cell(self, state: str) -> Any:
        """The sign-off state in words and colour (stale in bold red: it must not be missed)."""
        from reportlab.platypus import Paragraph

        hue = {"stale": STALE, "current": CURRENT}.get(state, MUTED)
        text = markup(self.words[state])
        if state == "stale":
            text = f"<b>{text}</b>"
        return Paragraph(f'<font color="{hue}">{text}</font>', self.styles["cell"])


def _plain(text: str) -> bool:
    """True when ``text`` draws as is: every glyph in the main font, no right-to-left run."""
    from app.report.fonts import map_symbols, split_runs
    from app.report.text_safety import visual_order

    if map_symbols(text) != text or visual_order(text) != text:
        return False
    runs = split_runs(text)
    return len(runs) == 1 and not runs[0][1]


def _draw_runs(canvas: Any, x: float, y: float, text: str, *, font: str, size: float) -> None:
    """Draw mapped text, switching to the symbol font where the main face has no glyph."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.report.fonts import SYMBOLS, split_runs
    from app.report.text_safety import visual_order
    from app.visible_text import visible

    for run, symbol in split_runs(visual_order(visible(text)), font):
        face = SYMBOLS if symbol else font
        canvas.setFont(face, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, face, size)


def _ellipsize(text: str, font: str, size: float, width: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.report.fonts import map_symbols

    text = map_symbols(" ".join(text.split()))
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def render_pdf(
    doc: Postmortem,
    *,
    language: str | None = None,
    paper: str = "a4",
    required_roles: tuple[str, ...] = DEFAULT_SIGNOFF_ROLES,
) -> bytes:
    return ReportRenderer(
        doc, language=language, paper=paper, required_roles=required_roles
    ).render()
