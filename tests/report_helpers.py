"""Shared helpers for the report tests: read a PDF's text like a reader would."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squashed(text: str) -> str:
    """Text without any whitespace: wrapped lines and split long tokens read as one."""
    return "".join(text.split())


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def page_font_sizes(data: bytes, above: float = 60.0) -> list[float]:
    """The smallest printed type size (points, after scaling) on each page, footer excluded
    (text whose baseline is lower than ``above``); 0 for a page without such text."""
    reader = PdfReader(io.BytesIO(data))
    smallest: list[float] = []
    for page in reader.pages:
        sizes: list[float] = []

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            _font: object,
            size: float,
            sizes: list[float] = sizes,
        ) -> None:
            if not text.strip():
                return
            # the text matrix times the current matrix: its vertical scale multiplies the size
            a = tm[0] * cm[0] + tm[1] * cm[2]
            b = tm[0] * cm[1] + tm[1] * cm[3]
            c = tm[2] * cm[0] + tm[3] * cm[2]
            d = tm[2] * cm[1] + tm[3] * cm[3]
            scale = max((a * a + b * b) ** 0.5, (c * c + d * d) ** 0.5)
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if y >= above:
                sizes.append(round(size * scale, 2))

        page.extract_text(visitor_text=visit)
        smallest.append(min(sizes, default=0.0))
    return smallest


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


DIAGRAM_HEADINGS = {
    "5 Whys",
    "5 Pourquoi",
    "Ishikawa (cause and effect) diagram",
    "Diagramme d'Ishikawa (causes et effet)",
}
#: the report's second-level heading size (the diagrams' titles)
H2_SIZE = 11.0


def diagram_pages(data: bytes) -> list[int]:
    """Indexes of the pages that carry a diagram (its title set as a report heading)."""
    reader = PdfReader(io.BytesIO(data))
    found = []
    for index, page in enumerate(reader.pages):
        titles: list[str] = []

        def visit(
            text: str,
            _cm: object,
            _tm: object,
            _font: object,
            size: float,
            titles: list[str] = titles,
        ) -> None:
            if size == H2_SIZE and text.strip() in DIAGRAM_HEADINGS:
                titles.append(text.strip())

        page.extract_text(visitor_text=visit)
        if titles:
            found.append(index)
    return found


def positions(data: bytes, page: int = 0) -> dict[str, tuple[float, float]]:
    """Where each text run starts on a page: ``{text: (x, y)}`` (last run wins)."""
    found: dict[str, tuple[float, float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found[text.strip()] = (round(x, 1), round(y, 1))

    PdfReader(io.BytesIO(data)).pages[page].extract_text(visitor_text=visit)
    return found
