"""``import`` and ``export``: files in and out of the database.

Formats register themselves in ``IMPORTERS`` / ``EXPORTERS`` (by file suffix / --format name),
so the Markdown, PDF and diagram formats plug in without touching the command itself.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.errors import FormatError
from app.fileio import check_source, check_target, read_text, write_file
from app.jsonio import document_from_json, document_to_json
from app.model import Postmortem
from app.store import Store


def _import_json(path: Path, args: argparse.Namespace) -> tuple[Postmortem, str]:
    try:
        return document_from_json(read_text(path)), ""
    except FormatError as error:
        message = str(error)
        raise FormatError(message if path.name in message else f"{path.name}: {message}") from None


def _export_json(doc: Postmortem, path: Path, args: argparse.Namespace) -> None:
    write_file(path, document_to_json(doc).encode("utf-8"))


#: an importer returns the document and notes (e.g. what was mapped) printed once it is stored
Importer = Callable[[Path, argparse.Namespace], tuple[Postmortem, str]]
Exporter = Callable[[Postmortem, Path, argparse.Namespace], None]

IMPORTERS: dict[str, Importer | str] = {".json": _import_json}
EXPORTERS: dict[str, Exporter | str] = {"json": _export_json}
IMPORTERS.update(dict.fromkeys((".md", ".markdown", ".txt"), "app.markdown.importer:import_file"))
EXPORTERS["md"] = "app.markdown.exporter:export_file"
EXPORTERS.update(png="ui.diagrams.export:export_png", svg="app.diagrams.svg_export:export_svg")
EXPORTERS["pdf"] = "app.commands.report:export_pdf"

#: the file name endings each export format writes (another known ending is refused)
EXPORT_SUFFIXES: dict[str, tuple[str, ...]] = {
    "json": (".json",),
    "md": (".md", ".markdown"),
    "pdf": (".pdf",),
    "png": (".png",),
    "svg": (".svg",),
}


def register(sub: Any) -> list[str]:
    imp = sub.add_parser("import", help="import a postmortem file (.json, .md)")
    imp.add_argument("file", type=Path)
    exp = sub.add_parser("export", help="export a postmortem")
    exp.add_argument("id")
    exp.add_argument("--format", required=True, help="json, md, pdf, png or svg")
    exp.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    exp.add_argument("--lang", choices=("en", "fr"), default=None, help="report language")
    exp.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size")
    exp.add_argument(
        "--diagram", choices=("whys", "ishikawa"), default="whys", help="diagram for png/svg"
    )
    return ["import", "export"]


def _resolve(entry: Any) -> Any:
    if isinstance(entry, str):
        module_name, _, attribute = entry.partition(":")
        return getattr(importlib.import_module(module_name), attribute)
    return entry


def run(args: argparse.Namespace, store: Store) -> int:
    if args.command == "import":
        path: Path = args.file
        check_source(path)
        importer = IMPORTERS.get(path.suffix.lower())
        if importer is None:
            known = ", ".join(sorted(IMPORTERS))
            raise FormatError(f"{path.name}: unknown file type (known: {known}).")
        doc, notes = _resolve(importer)(path, args)
        from app.signoff import required_roles, settle_imported_approval

        for warning in settle_imported_approval(doc, required_roles(store)):
            print(f"warning: {warning}", file=sys.stderr)
        renamed_from = store.add(doc, f"imported from {path.name}")
        # reported only once committed: a full disk must not look like a successful import
        if notes:
            print(notes, file=sys.stderr)
        if renamed_from is not None:
            print(
                f"id {renamed_from} is already in the database; imported as {doc.id}",
                file=sys.stderr,
            )
        print(doc.id)
        return 0
    exporter = EXPORTERS.get(args.format)
    if exporter is None:
        raise FormatError(f"unknown export format '{args.format}' (known: {', '.join(EXPORTERS)}).")
    check_output_path(args.output, args.format)
    doc = store.load(args.id)
    _resolve(exporter)(doc, args.output, args)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def check_output_path(path: Path, export_format: str) -> None:
    """Refuse an output that is not a file (folder, device, FIFO), or whose ending names another
    format (which would silently overwrite, say, an earlier JSON export with a PDF)."""
    expected = EXPORT_SUFFIXES.get(export_format, ())
    check_target(path, expected[0] if expected else "")
    suffix = path.suffix.lower()
    known = {ending for endings in EXPORT_SUFFIXES.values() for ending in endings}
    if suffix in known and suffix not in expected:
        raise FormatError(
            f"--format {export_format} does not match the file name {path.name}; "
            f"use a name ending in {' or '.join(expected)}."
        )
