"""Right-to-left scripts and emoji in the PDF: read back in reading order, shaped, kept."""

from __future__ import annotations

import unicodedata

from app.model import Postmortem
from app.report.renderer import render_pdf
from app.report.scripts import visual_line
from tests.report_helpers import page_texts, squashed

HEBREW = "זו פסקה ארוכה מאוד שצריכה להיות מחולקת לכמה שורות בדוח " * 4
ARABIC = "مرحبا بالعالم هذه فقرة طويلة جدا يجب أن تقسم إلى عدة أسطر في التقرير " * 4


def _body(doc: Postmortem) -> str:
    return "\n".join(page_texts(render_pdf(doc, language="en"))[1:])


def test_wrapped_hebrew_paragraph_reads_in_order_line_by_line() -> None:
    text = _body(Postmortem(title="RTL", summary=f"ראשית {HEBREW} סוף"))
    lines = [line.strip() for line in text.splitlines() if any("א" <= c <= "ת" for c in line)]
    assert len(lines) >= 3  # wrapped over several lines
    assert lines[0].startswith("ראשית")  # the first line stays on top, read right to left
    assert squashed(f"ראשית {HEBREW} סוף") in squashed(text)  # every word, in reading order


def test_arabic_is_shaped_and_reads_in_order() -> None:
    text = _body(Postmortem(title="RTL", summary=ARABIC))
    # contextual forms are drawn (presentation forms), which read back as the same letters
    assert any("\ufe70" <= char <= "\ufeff" for char in text)
    assert squashed(ARABIC) in squashed(unicodedata.normalize("NFKC", text))


def test_mixed_line_keeps_left_to_right_words_in_place() -> None:
    assert visual_line("Rollback של השירות") == "Rollback תורישה לש"
    assert visual_line("plain text") == "plain text"


def test_rtl_in_table_cells_and_bullets() -> None:
    doc = Postmortem(title="RTL", went_well=["השירות חזר לפעול"], lucky=["لا شيء"])
    text = unicodedata.normalize("NFKC", _body(doc))
    assert "השירות חזר לפעול" in text
    assert "لا شيء" in text
