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


def _runs_with_fonts(data: bytes) -> list[tuple[str, str]]:
    """Every piece of text drawn in the body, with the name of the font drawing it."""
    import io

    from pypdf import PdfReader

    runs: list[tuple[str, str]] = []

    def visit(text: str, _cm: object, _tm: object, font: object, _size: float) -> None:
        if text.strip() and isinstance(font, dict):
            runs.append((text, str(font.get("/BaseFont", "")).split("+")[-1]))

    for page in PdfReader(io.BytesIO(data)).pages[1:]:
        page.extract_text(visitor_text=visit)
    return runs


def test_rtl_paragraph_keeps_bold_italics_and_code_through_reordering() -> None:
    summary = "השירות **חזר לפעול** אחרי *שלוש דקות* בעזרת `rollback` של הצוות"
    bullet = "**الخدمة** عادت *بسرعة*"
    data = render_pdf(Postmortem(title="RTL", summary=summary, went_well=[bullet]), language="en")
    runs = _runs_with_fonts(data)
    fonts_of = {
        word: {font for text, font in runs if word in text}
        for word in ("חזר", "לפעול", "שלוש", "rollback", "השירות", "הצוות")
    }
    assert fonts_of["חזר"] == fonts_of["לפעול"] == {"DejaVuSans-Bold"}
    assert fonts_of["שלוש"] == {"DejaVuSans-Oblique"}
    assert fonts_of["rollback"] == {"DejaVuSansMono"}
    assert fonts_of["השירות"] == fonts_of["הצוות"] == {"DejaVuSans"}
    arabic = unicodedata.normalize("NFKC", " ".join(t for t, f in runs if f == "DejaVuSans-Bold"))
    assert "الخدمة" in arabic  # shaped, bold, in the bullet
    # the words stand where they stood without the styles: same line, same order
    plain = Postmortem(
        title="RTL",
        summary="השירות חזר לפעול אחרי שלוש דקות בעזרת rollback של הצוות",
        went_well=["الخدمة عادت بسرعة"],
    )
    assert _poppler_lines(data) == _poppler_lines(render_pdf(plain, language="en"))
    assert any("rollback" in line for line in _poppler_lines(data))


def _poppler_lines(data: bytes) -> list[str]:
    """The body's lines as poppler extracts them (a reader's copy and paste)."""
    import subprocess

    done = subprocess.run(
        ["pdftotext", "-f", "2", "-", "-"], input=data, capture_output=True, check=True
    )
    lines = done.stdout.decode("utf-8").splitlines()
    return [line for line in lines if line.strip() and "sha256" not in line][:8]
