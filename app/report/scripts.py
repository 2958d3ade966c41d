"""Right-to-left scripts in the PDF: Arabic shaped, each wrapped line put in visual order.

reportlab draws characters in the order given and neither shapes Arabic nor applies the bidi
algorithm. So text with Hebrew or Arabic is shaped first (arabic-reshaper: contextual letter
forms), wrapped in logical order, and only then is every line reordered on its own
(python-bidi, the Unicode bidi algorithm): the first line of a wrapped right-to-left paragraph
stays on top, and its words read right to left. ``BidiParagraph`` does this for a whole
paragraph, keeping each character's face (bold, italics, code) through the reordering;
``visual_line`` for one already wrapped line (diagrams, footers).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from app.report.fonts import map_symbols, split_runs

#: right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, presentation forms)
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def has_rtl(text: str) -> bool:
    return not text.isascii() and _RTL.search(text) is not None


def shaped(text: str) -> str:
    """Arabic letters in their contextual forms (other text unchanged)."""
    if text.isascii() or not _ARABIC.search(text):
        return text
    from arabic_reshaper import reshape

    return str(reshape(text))


def base_is_rtl(text: str) -> bool:
    """The paragraph direction: that of its first strong character (Unicode rule P2)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def display(line: str, rtl: bool) -> str:
    """One wrapped line of shaped text in visual (left-to-right drawing) order."""
    if not has_rtl(line):
        return line
    from bidi import get_display

    return str(get_display(line, base_dir="R" if rtl else "L"))


def visual_line(text: str) -> str:
    """A single line (already wrapped) shaped and reordered for drawing."""
    if not has_rtl(text):
        return text
    text = shaped(text)
    return display(text, base_is_rtl(text))


#: one character of a paragraph and the face it is drawn in
Glyph = tuple[str, str]
#: a run of text and its face (``app.report.rich.face_runs``)
Styled = Sequence[tuple[str, str]]


def styled_glyphs(runs: Styled) -> list[Glyph]:
    """The characters of ``runs``, each with its face: symbols mapped, Arabic shaped (run by
    run), white space collapsed to single spaces as a paragraph shows it."""
    glyphs: list[Glyph] = []
    for text, face in runs:
        for char in shaped(map_symbols(text)):
            if char.isspace():
                if glyphs and glyphs[-1][0] != " ":
                    glyphs.append((" ", face))
                continue
            glyphs.append((char, face))
    while glyphs and glyphs[-1][0] == " ":
        glyphs.pop()
    return glyphs


def visual_glyphs(line: Sequence[Glyph], rtl: bool) -> list[Glyph]:
    """One wrapped line in visual order, every character keeping its face (the bidi algorithm
    reorders the characters; mirrored brackets are swapped)."""
    text = "".join(char for char, _ in line)
    if not has_rtl(text):
        return list(line)
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    algorithm.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    for step in (
        algorithm.explicit_embed_and_overrides,
        algorithm.resolve_weak_types,
        algorithm.resolve_neutral_types,
        algorithm.resolve_implicit_levels,
        algorithm.reorder_resolved_levels,
        algorithm.apply_mirroring,
    ):
        step(storage, False)
    return [(char["ch"], line[char["index"]][1]) for char in storage["chars"]]


def bidi_paragraph(text: str | Styled, style: Any, bullet: str = "") -> Any:
    """A flowable for a paragraph containing right-to-left text: plain text (in the style's
    face) or runs of text each with its face."""
    runs = [(text, style.fontName)] if isinstance(text, str) else list(text)
    return _flowable_class()(runs, style, bullet)


@functools.cache
def _flowable_class() -> type:
    from reportlab.lib.colors import black
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable

    def runs_of(glyphs: Sequence[Glyph]) -> list[tuple[str, str]]:
        """Drawable runs: consecutive characters of one face, fallback faces where needed."""
        runs: list[tuple[str, str]] = []
        start = 0
        for index in range(1, len(glyphs) + 1):
            if index == len(glyphs) or glyphs[index][1] != glyphs[start][1]:
                text = "".join(char for char, _ in glyphs[start:index])
                runs.extend(split_runs(text, glyphs[start][1]))
                start = index
        return runs

    def width_of(glyphs: Sequence[Glyph], size: float) -> float:
        return float(sum(stringWidth(run, font, size) for run, font in runs_of(glyphs)))

    class BidiParagraph(Flowable):  # type: ignore[misc]
        """Wrapped like a Paragraph (at spaces), each line reordered after wrapping."""

        def __init__(self, runs: Styled, style: Any, bullet: str = "", lines: Any = None) -> None:
            super().__init__()
            self.glyphs = styled_glyphs(runs)
            self.text = "".join(char for char, _ in self.glyphs)
            self.style = style
            self.bullet = bullet
            self.rtl = base_is_rtl(self.text)
            self.lines: list[list[tuple[str, str]]] = lines or []
            self.width = 0.0
            self.height = 0.0

        def _indent(self) -> float:
            return float(self.style.leftIndent) if self.bullet else 0.0

        def _wrap_lines(self, width: float) -> list[list[tuple[str, str]]]:
            size = self.style.fontSize
            room = max(width - self._indent(), size)
            words: list[list[Glyph]] = [[]]
            for glyph in self.glyphs:
                if glyph[0] == " ":
                    words.append([])
                else:
                    words[-1].append(glyph)
            lines: list[list[Glyph]] = []
            current: list[Glyph] = []
            for word in words:
                candidate = (
                    [*current, (" ", word[0][1] if word else ""), *word] if current else word
                )
                if current and width_of(candidate, size) > room:
                    lines.append(current)
                    current = word
                else:
                    current = candidate
            if current:
                lines.append(current)
            return [runs_of(visual_glyphs(line, self.rtl)) for line in lines]

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            if not self.lines or self.width != avail_width:
                self.lines = self._wrap_lines(avail_width)
            self.width = avail_width
            self.height = len(self.lines) * self.style.leading
            return avail_width, self.height

        def split(self, avail_width: float, avail_height: float) -> list[Any]:
            self.wrap(avail_width, avail_height)
            fits = int(avail_height // self.style.leading)
            if fits <= 0 or fits >= len(self.lines):
                return []
            first = BidiParagraph((), self.style, self.bullet, self.lines[:fits])
            rest = BidiParagraph((), self.style, "", self.lines[fits:])
            for part in (first, rest):
                part.rtl = self.rtl
            return [first, rest]

        def getSpaceBefore(self) -> float:
            return float(self.style.spaceBefore)

        def getSpaceAfter(self) -> float:
            return float(self.style.spaceAfter)

        def draw(self) -> None:
            canvas = self.canv
            size = self.style.fontSize
            canvas.setFillColor(self.style.textColor or black)
            indent = self._indent()
            y = self.height - size
            if self.bullet:
                canvas.setFont(self.style.bulletFontName or self.style.fontName, size)
                x = self.width - size if self.rtl else float(self.style.bulletIndent)
                canvas.drawString(x, y, self.bullet)
            for line in self.lines:
                line_width = sum(stringWidth(run, font, size) for run, font in line)
                x = self.width - indent - line_width if self.rtl else indent
                for run, font in line:
                    canvas.setFont(font, size)
                    canvas.drawString(x, y, run)
                    x += stringWidth(run, font, size)
                y -= self.style.leading

    return BidiParagraph
