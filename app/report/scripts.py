"""Right-to-left scripts in the PDF: Arabic shaped, each wrapped line put in visual order.

reportlab draws characters in the order given and neither shapes Arabic nor applies the bidi
algorithm. So text with Hebrew or Arabic is shaped first (arabic-reshaper: contextual letter
forms), wrapped in logical order, and only then is every line reordered on its own
(python-bidi, the Unicode bidi algorithm): the first line of a wrapped right-to-left paragraph
stays on top, and its words read right to left. ``BidiParagraph`` does this for a whole
paragraph; ``visual_line`` for one already wrapped line (diagrams, footers).
"""

from __future__ import annotations

import functools
import re
import unicodedata
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


def bidi_paragraph(text: str, style: Any, bullet: str = "") -> Any:
    """A flowable for a plain-text paragraph containing right-to-left text."""
    return _flowable_class()(text, style, bullet)


@functools.cache
def _flowable_class() -> type:
    from reportlab.lib.colors import black
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable

    def width_of(text: str, face: str, size: float) -> float:
        return float(sum(stringWidth(run, font, size) for run, font in split_runs(text, face)))

    class BidiParagraph(Flowable):  # type: ignore[misc]
        """Wrapped like a Paragraph (at spaces), each line reordered after wrapping."""

        def __init__(self, text: str, style: Any, bullet: str = "", lines: Any = None) -> None:
            super().__init__()
            self.text = shaped(" ".join(map_symbols(text).split()))
            self.style = style
            self.bullet = bullet
            self.rtl = base_is_rtl(self.text)
            self.lines: list[str] = lines or []
            self.width = 0.0
            self.height = 0.0

        def _indent(self) -> float:
            return float(self.style.leftIndent) if self.bullet else 0.0

        def _wrap_lines(self, width: float) -> list[str]:
            face, size = self.style.fontName, self.style.fontSize
            room = max(width - self._indent(), size)
            lines: list[str] = []
            current = ""
            for word in self.text.split(" "):
                candidate = f"{current} {word}" if current else word
                if current and width_of(candidate, face, size) > room:
                    lines.append(current)
                    current = word
                else:
                    current = candidate
            if current:
                lines.append(current)
            return [display(line, self.rtl) for line in lines]

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
            first = BidiParagraph("", self.style, self.bullet, self.lines[:fits])
            rest = BidiParagraph("", self.style, "", self.lines[fits:])
            for part in (first, rest):
                part.rtl = self.rtl
            return [first, rest]

        def getSpaceBefore(self) -> float:
            return float(self.style.spaceBefore)

        def getSpaceAfter(self) -> float:
            return float(self.style.spaceAfter)

        def draw(self) -> None:
            canvas = self.canv
            face, size = self.style.fontName, self.style.fontSize
            canvas.setFillColor(self.style.textColor or black)
            indent = self._indent()
            y = self.height - size
            if self.bullet:
                canvas.setFont(face, size)
                x = self.width - size if self.rtl else float(self.style.bulletIndent)
                canvas.drawString(x, y, self.bullet)
            for line in self.lines:
                line_width = width_of(line, face, size)
                x = self.width - indent - line_width if self.rtl else indent
                for run, font in split_runs(line, face):
                    canvas.setFont(font, size)
                    canvas.drawString(x, y, run)
                    x += stringWidth(run, font, size)
                y -= self.style.leading

    return BidiParagraph
