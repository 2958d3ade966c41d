"""The PDF as an archive: the same revision exported twice gives the same bytes, dated at the
revision's time; text extracts as it was written (bullets, emoji sequences)."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from app.report.times import pdf_date
from app.store import Store
from tests.foundation_helpers import run_cli


def test_cli_export_twice_gives_the_same_bytes_dated_at_the_revision(
    db_path: Path, tmp_path: Path
) -> None:
    demo_id = run_cli("--db", db_path, "demo").out.strip()
    files = []
    for name in ("first.pdf", "second.pdf"):
        target = tmp_path / name
        result = run_cli("--db", db_path, "export", demo_id, "--format", "pdf", "-o", target)
        assert result.code == 0, result
        files.append(target.read_bytes())
    assert files[0] == files[1]
    with Store(db_path, read_only=True) as store:
        saved = store.updated_at(demo_id)
    assert saved is not None
    meta = PdfReader(io.BytesIO(files[0])).metadata
    assert meta is not None
    assert meta["/CreationDate"] == pdf_date(saved) == meta["/ModDate"]
    assert not meta["/CreationDate"].startswith("D:2000")


def test_a_new_save_is_a_new_revision_time(db_path: Path, tmp_path: Path) -> None:
    demo_id = run_cli("--db", db_path, "demo").out.strip()
    with Store(db_path) as store:
        before = store.updated_at(demo_id)
        doc = store.load(demo_id)
        doc.summary += " Edited."
        store.save(doc, expected_seq=store.seq(demo_id))
        after = store.updated_at(demo_id)
        assert store.updated_at("no-such-id") is None
    assert before is not None and after is not None and after > before
    target = tmp_path / "edited.pdf"
    assert run_cli("--db", db_path, "export", demo_id, "--format", "pdf", "-o", target).code == 0
    meta = PdfReader(io.BytesIO(target.read_bytes())).metadata
    assert meta is not None and meta["/CreationDate"] == pdf_date(after)


def test_bullets_extract_as_bullets_not_control_characters() -> None:
    from app.model import Postmortem
    from app.report.renderer import render_pdf
    from tests.report_helpers import pdf_text

    doc = Postmortem(title="Bullets", went_well=["Rollback was fast", "Alerts fired"])
    text = pdf_text(render_pdf(doc, language="en"))
    assert "• Rollback was fast" in text and "• Alerts fired" in text
    assert "\x7f" not in text


def test_zwj_emoji_sequences_print_as_one_glyph_and_copy_back_whole() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.model import Postmortem
    from app.report.fonts import EMOJI, map_symbols
    from app.report.renderer import render_pdf
    from tests.report_helpers import pdf_text

    technologist, family = "👩\u200d💻", "👨\u200d👩\u200d👧\u200d👦"
    doc = Postmortem(title="Emoji", summary=f"On call: {technologist}, then the {family} team.")
    text = pdf_text(render_pdf(doc, language="en"))
    assert f"On call: {technologist}, then the {family} team." in text  # copied back whole
    # one glyph, as wide as one emoji (not a woman beside a laptop)
    for sequence in (technologist, family, "👩🏽\u200d💻"):
        drawn = map_symbols(sequence)
        assert len(drawn) == 1
        assert stringWidth(drawn, EMOJI, 10) == stringWidth("👩", EMOJI, 10)
    # a sequence the font has no glyph for prints as its parts; joiners between words vanish
    assert map_symbols("👩\u200d🔥\u200d🔥") == "👩🔥🔥"
    assert map_symbols("a\u200db") == "ab"
    # a character of the user's in the codes standing for sequences is never drawn as one
    assert map_symbols("\U0010f000 \U0010f69a") == "◆ ◆"
