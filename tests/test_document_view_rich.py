"""The app's document view renders text fields' Markdown with the report's renderer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont

from app.demo import demo_document
from app.model import Action, Postmortem
from ui.document_view import DocumentView


def _bold_words(view: DocumentView) -> set[str]:
    document = view.document()
    words: set[str] = set()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
                words.update(fragment.text().split())
            iterator += 1
        block = block.next()
    return words


def test_markdown_fields_show_formatted_not_raw(qtbot: object, tmp_path: Path) -> None:
    view = DocumentView()
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    view.resize(700, 900)
    doc = Postmortem(
        title="Rich",
        summary="The **database** failed; see `pg_stat` and\nthe [runbook](https://example.org).\n\n"
        "- first step\n- second <b>step</b>",
        root_cause="Pool *exhausted*",
    )
    doc.actions.append(Action("Add **alerts** on `pool_wait`"))
    view.show_document(doc)
    text = view.toPlainText()
    assert "**" not in text and "`" not in text
    assert "The database failed; see pg_stat and the runbook." in text  # reflowed, one line
    assert "second <b>step</b>" in text  # raw HTML stays text
    assert {"database", "alerts"} <= _bold_words(view)
    assert 'href="https://example.org"' in view.toHtml()
    assert view.grab().save(str(tmp_path / "document_view.png"))


def test_timeline_times_read_as_in_the_tables_and_markers_by_their_label(qtbot: object) -> None:
    view = DocumentView()
    qtbot.addWidget(view)  # type: ignore[attr-defined]
    doc = demo_document()
    view.show_document(doc)
    text = view.toPlainText()
    assert "14:00" in text and "T14:00" not in text and "14:00:00+01:00" not in text
    assert "Detected" in text and "detected\n" not in text  # the marker's label, not its value
