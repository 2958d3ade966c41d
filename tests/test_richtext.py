"""The shared rich-text renderer: Markdown in, escaped structure out, never broken markup."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.report.rich import flowables, inline_markup
from app.report.styles import stylesheet
from app.richtext import parse, plain, to_html

MARKUP_SOUP = st.text(alphabet="*_`[]()<>&#;\\\n -1.ab|!~/:\"'é🔥א", max_size=120)


def test_blocks_and_spans() -> None:
    blocks = parse(
        "Intro with **bold**, *it*, `code` and [link](https://x.org).\nSame paragraph.\n\n"
        "- one\n- two\n  1. nested\n\n```\nkeep   this\n```\n\n### Heading"
    )
    kinds = [block.kind for block in blocks]
    assert kinds == ["paragraph", "item", "item", "item", "code", "heading"]
    intro = blocks[0]
    assert intro.text == "Intro with bold, it, code and link. Same paragraph."
    assert [s.text for s in intro.spans if s.bold] == ["bold"]
    assert [s.text for s in intro.spans if s.code] == ["code"]
    assert [s.href for s in intro.spans if s.href] == ["https://x.org"]
    assert [(b.marker, b.depth) for b in blocks[1:4]] == [("•", 1), ("•", 1), ("1.", 2)]
    assert blocks[4].text == "keep   this"


def test_escaped_fences_of_a_nested_code_block_open_a_code_block_again() -> None:
    art = "    Service Down\n         │\n    Pool   Latency"
    blocks = parse(f"\\`\\`\\`\n{art}\n\\`\\`\\`")
    assert [block.kind for block in blocks] == ["code"]
    assert blocks[0].text == art  # the drawing keeps its lines and spaces, no backtick left
    # inside a real code block they are its text, as written
    nested = parse("```markdown\n# Template\n\\`\\`\\`\nkubectl get pods\n\\`\\`\\`\n```")
    assert [block.kind for block in nested] == ["code"]
    assert nested[0].text.count("\\`\\`\\`") == 2
    # an odd one is not a fence: the author's literal backticks stay
    assert plain("Type \\`\\`\\` to open a block.\n\\`\\`\\`") == "Type ``` to open a block. ```"


def test_unsafe_links_and_raw_html_stay_text() -> None:
    html = to_html('[click](javascript:alert(1)) <img src="/etc/passwd"> &amp; R&D')
    assert "href" not in html and "<a" not in html  # no link: printed as typed
    assert "[click](javascript:alert(1))" in html
    assert "href" not in to_html("[file](file:///etc/passwd)")
    assert "<img" not in html and "&lt;img" in html
    assert "&amp; R&amp;D" in html
    assert plain("**a** `b`") == "a b"


def test_tables_become_rows() -> None:
    (table,) = parse("| Step | Minutes |\n|---|---|\n| Intro | **5** |\n")
    assert table.kind == "table"
    assert [[span.text for cell in row for span in cell] for row in table.rows] == [
        ["Step", "Minutes"],
        ["Intro", "5"],
    ]


@settings(max_examples=150, deadline=None)
@given(MARKUP_SOUP)
def test_any_text_paints_without_markup_errors(text: str) -> None:
    styles = stylesheet()
    for flowable in flowables(text, styles, "body", 300):
        flowable.wrap(300, 800)
    from reportlab.platypus import Paragraph

    Paragraph(inline_markup(text), styles["cell"]).wrap(200, 800)
    to_html(text)
