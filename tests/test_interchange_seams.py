"""Import and export seams: typed options in, reports out, one registry of export formats, the
team's severity scale and status words kept, narrative sections back as they were written."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pytest

import app.formats as formats
from app.errors import FormatError, ValidationError
from app.formats import (
    ExportFormat,
    ExportOptions,
    ExportReport,
    ImportOptions,
    export_format,
    export_formats,
    importer_for,
)
from app.markdown.exporter import export_markdown
from app.markdown.importer import import_text
from app.model import NarrativeSection, Postmortem
from app.report.renderer import render_pdf
from app.severity import severity_code
from app.store import Store
from app.vocabulary import ActionStatus, Status
from tests.foundation_helpers import PROJECT, run_cli

SEV_SCALE = ("SEV1", "SEV2", "SEV3", "SEV4")

ACTIONS_MD = """# Payment outage

**Sévérité** : critique

## Actions correctives

| Action | Responsable | Statut | Notes |
|---|---|---|---|
| Rotate the API keys | Léa | Blocked | needs the vendor |
| Add a latency alert | Hugo | Waiting on vendor | |
| Fix the retry loop | Inès | ✅ Fait | |

- [ ] Write the runbook (@dan) — Blocked
- [x] Close the ticket (@eve)
"""


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages
    )


# -- severity on the configured scale ---------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("critique", "SEV1"),
        ("Critical", "SEV1"),
        ("majeur", "SEV2"),
        ("SEV-3 (Service Degraded)", "SEV3"),
        ("Sev 4", "SEV4"),
        ("P0", "SEV1"),  # another scale's number: its rank
        ("P2", "SEV2"),  # the same number when the scale has it
        ("mineure", "SEV4"),
        ("Orange alert", "Orange alert"),  # nothing matches: kept as written
        ("P7", "P7"),
    ],
)
def test_a_header_severity_lands_on_the_configured_scale(written: str, expected: str) -> None:
    doc, _ = import_text(
        f"# Outage\n\n**Sévérité** : {written}\n\n## Résumé\n\nLe paiement était en panne.\n",
        options=ImportOptions(severity_scale=SEV_SCALE),
    )
    assert doc.severity == expected
    assert severity_code(written, SEV_SCALE) == expected


def test_without_options_the_default_scale_is_used() -> None:
    doc, _ = import_text("# Outage\n\nSeverity: critique\n\n## Summary\n\nDown.\n")
    assert doc.severity == "P0"


def test_the_cli_import_maps_onto_the_scale_it_is_given(db_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "outage.md"
    source.write_text(ACTIONS_MD, encoding="utf-8")
    done = run_cli("--db", db_path, "import", source, "--severity-scale", "SEV1, SEV2,SEV3,SEV4")
    assert done.code == 0, done.err
    assert "Imported outage.md:" in done.err  # the CLI prints the report, the importer does not
    with Store(db_path) as store:
        assert store.load(done.out.strip()).severity == "SEV1"


def test_an_empty_severity_scale_flag_is_one_clear_line(db_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "outage.md"
    source.write_text(ACTIONS_MD, encoding="utf-8")
    done = run_cli("--db", db_path, "import", source, "--severity-scale", " , ")
    assert done.code == 2
    assert done.err.strip().count("\n") == 0 and "--severity-scale" in done.err
    with Store(db_path) as store:
        assert store.summaries("") == []


# -- status words kept as written -------------------------------------------------------------


def test_status_words_map_to_a_status_and_keep_their_wording() -> None:
    doc, report = import_text(ACTIONS_MD)
    got = [(a.action, a.status, a.status_reason) for a in doc.actions]
    assert got == [
        ("Rotate the API keys", ActionStatus.IN_PROGRESS, "Blocked ; needs the vendor"),
        ("Add a latency alert", ActionStatus.IN_PROGRESS, "Waiting on vendor"),
        ("Fix the retry loop", ActionStatus.DONE, ""),  # a plain status says it all
        ("Write the runbook", ActionStatus.IN_PROGRESS, "Blocked"),
        ("Close the ticket", ActionStatus.DONE, ""),
    ]
    assert not any("unknown status" in warning for warning in report.warnings)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_app_s_own_status_labels_keep_no_wording(language: str) -> None:
    from app.markdown.fields import action_status, status_wording
    from app.markdown.vocab_labels import ACTION_STATUS_SYMBOL
    from app.vocabulary import label

    for status in ActionStatus:
        written = f"{ACTION_STATUS_SYMBOL[status]} {label(status, language)}"
        assert (action_status(written), status_wording(written)) == (status, "")
        assert status_wording(label(status, language)) == ""


def test_kept_status_words_show_in_the_markdown_export_and_the_pdf() -> None:
    doc, _ = import_text(ACTIONS_MD)
    markdown = export_markdown(doc, "en")
    assert "| 🔄 In progress |" in markdown and "| Waiting on vendor |" in markdown
    again, _ = import_text(markdown)
    assert [(a.status, a.status_reason) for a in again.actions] == [
        (a.status, a.status_reason) for a in doc.actions
    ]
    text = _pdf_text(render_pdf(doc, language="en"))
    assert "Waiting on vendor" in text and "Blocked ; needs the vendor" in text


# -- narrative sections survive a Markdown round trip -----------------------------------------


@pytest.mark.parametrize(
    "title",
    ["Timeline", "Root cause", "Summary", "Lessons learned", "Action items", "Annexes",
     "Chronologie", "Résumé", "Detection", "5 Whys", "🔥 2. Trigger"],
)  # fmt: skip
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_narrative_titled_like_a_known_section_comes_back_unchanged(
    title: str, language: str
) -> None:
    doc = Postmortem(title="Outage", language=language, summary="The summary.")
    doc.narrative = [
        NarrativeSection(title, "What we saw, *as written*.\n\n- one\n- two", ""),
        NarrativeSection("Response", "Intro.\n\n### Paged\n\n`a *b*`\n\n---\n\nAfter.", "response"),
        NarrativeSection(title, "A second one, same title.", ""),
    ]
    back, _ = import_text(export_markdown(doc, language))
    assert back.narrative == doc.narrative
    assert back.summary == "The summary."
    assert back.lessons == [] and back.timeline == [] and back.annexes == []


# -- the export-format registry ----------------------------------------------------------------


def test_the_core_formats_are_registered_with_their_file_endings() -> None:
    found = {name: fmt.suffixes for name, fmt in export_formats(plugins=False).items()}
    assert {"json", "md", "pdf", "svg"} <= set(found)
    assert found["md"] == (".md", ".markdown") and found["pdf"] == (".pdf",)
    with pytest.raises(FormatError, match=r"unknown export format 'docx' \(known: .*json"):
        export_format("docx")
    with pytest.raises(FormatError, match="unknown file type"):
        importer_for(Path("notes.docx"))


def test_a_registered_format_is_exported_by_the_cli_which_prints_its_report(
    demo: Postmortem, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[ExportOptions] = []

    def export_text(doc: Postmortem, path: Path, options: ExportOptions) -> ExportReport:
        seen.append(options)
        path.write_text(doc.title, encoding="utf-8")
        return ExportReport(path, ["the text has no diagrams"])

    monkeypatch.setitem(
        formats._FORMATS, "txt", ExportFormat("txt", (".txt",), export_text, "title only")
    )
    target = tmp_path / "title.txt"
    done = run_cli("--db", db_path, "export", demo.id, "--format", "txt", "-o", target,
                   "--lang", "en", "--diagram", "ishikawa")  # fmt: skip
    assert done.code == 0, done.err
    assert target.read_text(encoding="utf-8") == demo.title
    assert "warning: the text has no diagrams" in done.err and f"wrote {target}" in done.err
    assert (seen[0].language, seen[0].diagram, seen[0].paper) == ("en", "ishikawa", "a4")
    clash = run_cli("--db", db_path, "export", demo.id, "--format", "txt", "-o",
                    tmp_path / "x.json")  # fmt: skip
    assert clash.code == 2 and "does not match the file name x.json" in clash.err


@pytest.mark.parametrize("name", ["json", "md", "svg", "pdf"])
def test_exporters_return_a_report_and_print_nothing(
    name: str, demo: Postmortem, store: Store, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    fmt = export_format(name)
    target = tmp_path / f"out{fmt.suffixes[0]}"
    report = fmt.export(demo, target, ExportOptions(language="en", store=store))
    assert report.path == target and target.stat().st_size > 0
    assert capfd.readouterr() == ("", "")


def test_an_approved_report_without_its_signed_pdf_warns_through_the_report(
    store: Store, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    doc = Postmortem(title="Approved", status=Status.APPROVED)
    report = export_format("pdf").export(doc, tmp_path / "a.pdf", ExportOptions(store=store))
    assert report.warnings == [
        "no signed approval PDF is kept for this revision; the fields are empty"
    ]
    assert capfd.readouterr() == ("", "")
    with pytest.raises(ValidationError, match="needs the database"):
        export_format("pdf").export(doc, tmp_path / "b.pdf", ExportOptions())


@pytest.mark.parametrize("suffix", [".json", ".md"])
def test_importers_return_a_report_and_print_nothing(
    suffix: str, demo: Postmortem, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / f"demo{suffix}"
    export_format("json" if suffix == ".json" else "md").export(demo, source, ExportOptions())
    doc, report = importer_for(source)(source, ImportOptions())
    assert doc.title == demo.title and report.source == source.name
    assert capfd.readouterr() == ("", "")


def test_the_png_format_is_declared_by_the_user_interface_package() -> None:
    from importlib.metadata import entry_points

    declared = {e.name: e.value for e in entry_points(group=formats.ENTRY_POINT_GROUP)}
    assert declared == {"png": "ui.export_formats:PNG"}
    from ui.export_formats import PNG

    assert export_formats()["png"] is PNG


def test_the_core_names_no_module_of_the_user_interface() -> None:
    """No ``"ui.x:y"`` strings in ``app/``: the import contract cannot see those."""
    named: list[str] = []
    for path in sorted((PROJECT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and text.startswith(("ui.", "ui:")) and " " not in text:
                named.append(f"{path.relative_to(PROJECT)}: {text}")
    assert named == []


def test_the_launcher_registers_png_where_no_package_metadata_exists(
    demo: Postmortem, db_path: Path, tmp_path: Path
) -> None:
    """A bundle has no entry points to read: the launcher's own registration gives it PNG."""
    import subprocess
    import sys

    png = tmp_path / "whys.png"
    probe = (
        "import sys, importlib.metadata as m; m.entry_points = lambda **kw: []; "
        "from ui.launcher import main; sys.exit(main(sys.argv[1:]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "--db", str(db_path), "export", demo.id,
         "--format", "png", "-o", str(png)],
        capture_output=True, text=True, check=False, cwd=PROJECT, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
