"""What fuzzing found: each hostile input gets a clear refusal (exit 2, one line naming the file)
or is handled the same way by every exporter."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from pypdf import PdfReader

from app.diagrams.graph import new_ishikawa, new_whys
from app.jsonio import document_to_dict, document_to_json
from app.model import Action, Annex, Postmortem, TimelineEntry
from app.store import Store
from app.visible_text import MAX_ANNEX_BYTES, visible
from tests.foundation_helpers import assert_one_line_error, dump, run_cli


def _demo(db_path: Path) -> str:
    result = run_cli("--db", db_path, "demo")
    assert result.code == 0, result
    return result.out.strip()


def _file(tmp_path: Path, name: str, data: dict[str, Any]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _entry_at(moment: str) -> dict[str, Any]:
    return {"id": "t1", "at": moment, "event": "Deploy"}


def _document(**fields: Any) -> dict[str, Any]:
    data = json.loads(document_to_json(Postmortem(title="Fuzzed", id="fuzzed-1")))
    data.update(fields)
    return data


def _refused(db_path: Path, path: Path, *fragments: str) -> str:
    _demo(db_path)
    before = dump(db_path)
    result = run_cli("--db", db_path, "import", path)
    assert_one_line_error(result, path.name, *fragments)
    assert result.code == 2
    assert "database" not in result.err.lower()
    assert dump(db_path) == before
    return result.err


# -- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (2**63, "revision: 9223372036854775808 is out of range (1 to 2147483647)"),
        (-(2**63), "is out of range"),
        (0, "revision: 0 is out of range"),
        ("2", "revision: expected a whole number, found str"),
        (True, "expected a whole number, found bool"),
        (1.5, "expected a whole number, found float"),
    ],
)
def test_a_revision_out_of_range_is_refused(
    db_path: Path, tmp_path: Path, value: Any, fragment: str
) -> None:
    _refused(db_path, _file(tmp_path, "revision.json", _document(revision=value)), fragment)


def test_a_meeting_step_of_2_63_seconds_is_refused(db_path: Path, tmp_path: Path) -> None:
    step = {"title": "Timeline", "planned_seconds": 2**63}
    path = _file(tmp_path, "agenda.json", _document(meeting_agenda=[step]))
    _refused(db_path, path, "meeting_agenda[0].planned_seconds", "out of range")


@pytest.mark.parametrize(
    ("field", "value", "where"),
    [
        ("started_at", "0001-01-01T00:00:00+14:00", "started_at: the year 1"),
        ("resolved_at", "9999-12-31T23:59:59-14:00", "resolved_at: the year 9999"),
        ("incident_date", "0001-01-01", "incident_date: the year 1"),
        ("timeline", [_entry_at("9999-12-31T23:59:59-14:00")], "timeline[0].at: the year 9999"),
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_refused(
    db_path: Path, tmp_path: Path, field: str, value: Any, where: str
) -> None:
    """Year 1 at +14:00 cannot even be shown in UTC: the PDF export failed with exit 70."""
    path = _file(tmp_path, "calendar.json", _document(**{field: value}))
    _refused(db_path, path, where, "out of range (1900 to 2999)")


# -- ids -------------------------------------------------------------------------------------


def _action(action_id: str) -> dict[str, Any]:
    return {"id": action_id, "action": "Add a readiness probe"}


def _entry(entry_id: str) -> dict[str, Any]:
    return {"id": entry_id, "at": "2026-01-15T14:00:00+00:00", "event": "Deploy"}


def test_duplicate_action_ids_are_refused_naming_the_file_not_the_database(
    db_path: Path, tmp_path: Path
) -> None:
    path = _file(
        tmp_path, "twins.json", _document(actions=[_action("a1"), _action("b2"), _action("a1")])
    )
    _refused(db_path, path, "actions[2].id", "'a1' is already used by actions[0]")


def test_duplicate_timeline_ids_are_refused(db_path: Path, tmp_path: Path) -> None:
    path = _file(tmp_path, "times.json", _document(timeline=[_entry("t1"), _entry("t1")]))
    _refused(db_path, path, "timeline[1].id", "already used by timeline[0]")


def test_duplicate_diagram_node_ids_are_refused(db_path: Path, tmp_path: Path) -> None:
    whys = document_to_dict(Postmortem())["whys"]
    whys["nodes"].append(dict(whys["nodes"][0]))
    path = _file(tmp_path, "nodes.json", _document(whys=whys))
    _refused(db_path, path, "repeats node id 'p'")


BAD_IDS = ['=HYPERLINK("http://x","y")', "a b", "../../etc", "café", "x" * 65, "t<1>", "+1"]


@pytest.mark.parametrize("bad", BAD_IDS)
@pytest.mark.parametrize("place", ["id", "actions", "timeline", "whys"])
def test_ids_are_letters_digits_dash_and_underscore(
    db_path: Path, tmp_path: Path, bad: str, place: str
) -> None:
    if place == "id":
        data, where = _document(id=bad), "id:"
    elif place == "actions":
        data, where = _document(actions=[_action(bad)]), "actions[0].id"
    elif place == "timeline":
        data, where = _document(timeline=[_entry(bad)]), "timeline[0].id"
    else:
        whys = new_whys("Down")
        whys.add_node(bad, text="why", answer="", role="why", root_cause=False, order=0)
        whys.add_edge("p", bad)
        data, where = _document(whys=document_to_dict(Postmortem(whys=whys))["whys"]), "whys node"
    path = _file(tmp_path, "ids.json", data)
    _refused(db_path, path, where, "ids use only letters, digits, '-' and '_'")


def test_well_formed_ids_are_kept(db_path: Path, tmp_path: Path) -> None:
    data = _document(id="PM-2026_01", actions=[_action("A-1_b")], timeline=[_entry("T_9-z")])
    result = run_cli("--db", db_path, "import", _file(tmp_path, "good.json", data))
    assert result.code == 0, result
    assert result.out.strip() == "PM-2026_01"


# -- control characters: one policy, every exporter ------------------------------------------

CONTROLS = "slide\x0bbreak \x1b[31mred\x1b[0m nul\x00 del\x7f c1\x85 ff\x0c end"
SHOWN = visible(CONTROLS)


def test_the_policy_makes_every_control_character_visible() -> None:
    assert SHOWN == "slide␋break ␛[31mred␛[0m nul␀ del␡ c1\ufffd ff␌ end"
    assert visible("tab\tline\nreturn\r") == "tab\tline\nreturn\r"
    assert visible("\ufffe\uffff") == "\ufffd\ufffd"


def _controlled() -> Postmortem:
    whys = new_whys(CONTROLS)
    whys.add_node("w1", text=CONTROLS, answer=CONTROLS, role="why", root_cause=True, order=0)
    whys.add_edge("p", "w1")
    fish = new_ishikawa(CONTROLS, ("People", CONTROLS))
    fish.add_node("k1", text=CONTROLS, answer="", role="cause", root_cause=True, order=0)
    fish.add_edge("c2", "k1")
    return Postmortem(
        title=CONTROLS,
        summary=CONTROLS,
        whys=whys,
        ishikawa=fish,
        actions=[Action(action=CONTROLS, owner=CONTROLS, causes=["whys:w1"])],
        timeline=[TimelineEntry(at=_at(), event=CONTROLS)],
        annexes=[Annex(title=CONTROLS, content=CONTROLS)],
    )


def _at() -> Any:
    from datetime import UTC, datetime

    return datetime(2026, 1, 15, 14, 0, tzinfo=UTC)


RAW = list("\x0b\x1b\x00\x7f\x85\x0c")


@pytest.fixture
def controlled(db_path: Path) -> str:
    doc = _controlled()
    with Store(db_path) as store:
        store.save(doc, "test")
    return doc.id


@pytest.mark.parametrize("kind", ["whys", "ishikawa"])
def test_svg_with_control_characters_is_valid_xml(
    db_path: Path, tmp_path: Path, controlled: str, kind: str
) -> None:
    out = tmp_path / f"{kind}.svg"
    result = run_cli(
        "--db", db_path, "export", controlled, "--format", "svg", "--diagram", kind, "-o", out
    )
    assert result.code == 0, result
    root = ElementTree.parse(out).getroot()  # raises on an invalid character
    texts = "".join(root.itertext())
    assert "␋" in texts and "␛[31mred" in texts and "␀" in texts
    assert not any(char in texts for char in RAW)


def test_markdown_shows_the_same_substitutes(
    db_path: Path, tmp_path: Path, controlled: str
) -> None:
    out = tmp_path / "doc.md"
    assert run_cli("--db", db_path, "export", controlled, "--format", "md", "-o", out).code == 0
    text = out.read_text(encoding="utf-8")
    assert f"# {SHOWN}" in text
    assert text.count(SHOWN) >= 5
    assert not any(char in text for char in RAW)


def test_pdf_shows_the_same_substitutes(db_path: Path, tmp_path: Path, controlled: str) -> None:
    out = tmp_path / "doc.pdf"
    assert run_cli("--db", db_path, "export", controlled, "--format", "pdf", "-o", out).code == 0
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "slide␋break" in text and "␛[31mred" in text and "nul␀" in text and "del␡" in text
    assert not any(char in text for char in RAW)


def test_csv_and_the_terminal_show_the_same_substitutes(db_path: Path, controlled: str) -> None:
    table = run_cli("--db", db_path, "actions", "--csv")
    assert table.code == 0
    assert SHOWN in table.out and not any(char in table.out for char in RAW)
    shown = run_cli("--db", db_path, "show", controlled)
    assert SHOWN in shown.out and "\x1b" not in shown.out


def test_json_keeps_control_characters_exactly(
    db_path: Path, tmp_path: Path, controlled: str
) -> None:
    out = tmp_path / "doc.json"
    assert run_cli("--db", db_path, "export", controlled, "--format", "json", "-o", out).code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == CONTROLS


def test_a_nul_byte_imports_and_the_app_accepts_its_own_markdown_export(
    db_path: Path, tmp_path: Path
) -> None:
    path = _file(tmp_path, "nul.json", _document(title="before\x00after", summary="a\x00b"))
    first = run_cli("--db", db_path, "import", path)
    assert first.code == 0, first
    markdown = tmp_path / "nul.md"
    exported = run_cli(
        "--db", db_path, "export", first.out.strip(), "--format", "md", "-o", markdown
    )
    assert exported.code == 0, exported
    assert b"\x00" not in markdown.read_bytes()
    again = run_cli("--db", db_path, "import", markdown)
    assert again.code == 0, again
    with Store(db_path) as store:
        # the substitute is ordinary text now (a heading drops symbols, as it drops emoji)
        assert store.load(again.out.strip().splitlines()[-1]).summary == "a␀b"


# -- a huge annex in the PDF -----------------------------------------------------------------


def test_a_60_mb_annex_is_truncated_in_the_pdf_with_a_stated_line(
    db_path: Path, tmp_path: Path
) -> None:
    line = "2026-01-15T14:00:00Z payment-service error: upstream timeout after 30s\n"
    content = (line * (60 * 2**20 // len(line) + 1))[: 60 * 2**20]
    doc = Postmortem(title="Huge annex", annexes=[Annex(title="dump", content=content)])
    with Store(db_path) as store:
        store.save(doc, "test")
    out = tmp_path / "huge.pdf"
    result = run_cli("--db", db_path, "export", doc.id, "--format", "pdf", "-o", out)
    assert result.code == 0, result
    reader = PdfReader(out)
    assert len(reader.pages) < 60  # the first 100 kB of the annex, not 60 MB of it
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Annex truncated — 62,914,560 bytes, see the JSON export" in text
    assert f"the first {MAX_ANNEX_BYTES:,} bytes of each annex" in text
    assert line.strip() in text
    exported = tmp_path / "huge.json"
    assert run_cli("--db", db_path, "export", doc.id, "--format", "json", "-o", exported).code == 0
    assert json.loads(exported.read_text(encoding="utf-8"))["annexes"][0]["content"] == content


def test_a_small_annex_prints_whole(db_path: Path, tmp_path: Path) -> None:
    doc = Postmortem(title="Small annex", annexes=[Annex(title="log", content="é" * 30_000)])
    with Store(db_path) as store:
        store.save(doc, "test")
    out = tmp_path / "small.pdf"
    assert run_cli("--db", db_path, "export", doc.id, "--format", "pdf", "-o", out).code == 0
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "truncated" not in text


# -- CSV: every column neutralised -----------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil","x")', "+1+1", "-2", "@SUM(A1)", "\tx", "\rx"]


def test_actions_csv_neutralises_every_column_ids_included(db_path: Path) -> None:
    """Ids are validated on import now, but a database written before may hold anything."""
    with Store(db_path) as store:
        for index, formula in enumerate(FORMULAS):
            doc = Postmortem(
                id=f"{formula}{index}",
                title=formula,
                actions=[Action(id=formula, action=formula, owner=formula, ticket=formula)],
            )
            store.save(doc, "test")
    result = run_cli("--db", db_path, "actions", "--csv")
    assert result.code == 0, result
    rows = list(csv.reader(io.StringIO(result.out)))
    assert len(rows) == len(FORMULAS) + 1
    cells = [cell for row in rows[1:] for cell in row]
    assert cells and not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    ids = {row[0] for row in rows[1:]} | {row[3] for row in rows[1:]}
    assert '\'=HYPERLINK("http://evil","x")' in ids


def test_the_report_tab_shows_the_start_of_a_huge_annex_with_a_note(
    qtbot: Any, store: Store
) -> None:
    """Qt lays out rich text slowly: a 60 MB annex froze the report tab for over two minutes."""
    from ui.main_window import MainWindow

    content = "payment-service error: upstream timeout\n" * 50_000  # 2 MB
    doc = Postmortem(title="Big log", annexes=[Annex(title="dump", content=content)])
    store.save(doc, "test")
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.open_document(doc.id)
    window.document_tabs.setCurrentWidget(window.document_view)
    text = window.document_view.toPlainText()
    assert "Annex truncated — 2,000,000 bytes, see the JSON export." in text
    assert "payment-service error: upstream timeout" in text
    assert len(text) < MAX_ANNEX_BYTES + 10_000
