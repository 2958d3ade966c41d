"""``import`` and ``export``: files in and out of the database.

The formats live in ``app.formats`` (importers by file suffix, export formats by name, each
taking typed options and returning a report); this module turns flags into options and prints
the reports.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.errors import FormatError
from app.fileio import check_source, check_target
from app.formats import (
    ExportOptions,
    ImportOptions,
    export_format,
    export_formats,
    importer_for,
    known_suffixes,
)
from app.store import Store


def register(sub: Any) -> list[str]:
    imp = sub.add_parser("import", help="import a postmortem file (.json, .md)")
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--severity-scale",
        default=None,
        metavar="CODES",
        help="the team's severity codes, most severe first (default: P0,P1,P2,P3); "
        "a severity in the file is mapped onto them",
    )
    exp = sub.add_parser("export", help="export a postmortem")
    exp.add_argument("id")
    exp.add_argument(
        "--format", required=True, help=", ".join(sorted(export_formats(plugins=False)))
    )
    exp.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    exp.add_argument("--lang", choices=("en", "fr"), default=None, help="report language")
    exp.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size")
    exp.add_argument(
        "--diagram", choices=("whys", "ishikawa"), default="whys", help="diagram for png/svg"
    )
    return ["import", "export"]


def import_options(args: argparse.Namespace) -> ImportOptions:
    scale = getattr(args, "severity_scale", None)
    if scale is None:
        return ImportOptions()
    codes = tuple(code.strip() for code in scale.split(",") if code.strip())
    if not codes:
        raise FormatError("--severity-scale: give the codes, most severe first (e.g. SEV1,SEV2).")
    return ImportOptions(severity_scale=codes)


def run(args: argparse.Namespace, store: Store) -> int:
    if args.command == "import":
        path: Path = args.file
        check_source(path)
        importer = importer_for(path)
        doc, report = importer(path, import_options(args))
        from app.signoff import required_roles, settle_imported_approval

        for warning in settle_imported_approval(doc, required_roles(store)):
            print(f"warning: {warning}", file=sys.stderr)
        renamed_from = store.add(doc, f"imported from {path.name}")
        # reported only once committed: a full disk must not look like a successful import
        summary = report.summary()
        if summary:
            print(summary, file=sys.stderr)
        if renamed_from is not None:
            print(
                f"id {renamed_from} is already in the database; imported as {doc.id}",
                file=sys.stderr,
            )
        print(doc.id)
        return 0
    fmt = export_format(args.format)
    check_output_path(args.output, args.format)
    doc = store.load(args.id)
    options = ExportOptions(
        language=args.lang,
        paper=args.paper,
        diagram=args.diagram,
        for_approval=getattr(args, "for_approval", False),
        store=store,
    )
    written = fmt.export(doc, args.output, options)
    for warning in written.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {written.path}", file=sys.stderr)
    return 0


def check_output_path(path: Path, export_format_name: str) -> None:
    """Refuse an output that is not a file (folder, device, FIFO), or whose ending names another
    format (which would silently overwrite, say, an earlier JSON export with a PDF)."""
    expected = export_format(export_format_name).suffixes
    check_target(path, expected[0] if expected else "")
    suffix = path.suffix.lower()
    if suffix in known_suffixes() and suffix not in expected:
        raise FormatError(
            f"--format {export_format_name} does not match the file name {path.name}; "
            f"use a name ending in {' or '.join(expected)}."
        )
