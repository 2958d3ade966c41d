"""The seams of interchange: typed options in, reports out, and the export-format registry.

Importers take ``ImportOptions`` and return the document with an ``ImportReport``; exporters
take ``ExportOptions`` and return an ``ExportReport``. Neither prints nor reads command-line
arguments: the CLI builds the options from its flags and prints the reports, the window builds
them from its preferences and shows them.

Export formats are looked up by name here. The core's own formats (JSON, Markdown, PDF, SVG)
are built in and load their modules only when used. A format that needs Qt (the PNG of a
diagram) is registered by the user interface: at start-up by the application's launcher, and,
for the core CLI run on its own, through the ``postmortem_studio.export_formats`` entry point
group its package declares. The core names no module of the user interface.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import FormatError
from app.severity import DEFAULT_SCALE, scale_codes

if TYPE_CHECKING:
    from app.model import Postmortem
    from app.store import Store

#: the entry point group of export formats provided outside the core
ENTRY_POINT_GROUP = "postmortem_studio.export_formats"


@dataclass(frozen=True)
class ImportOptions:
    """How to read a file: the configured severity scale (its codes, most severe first)."""

    severity_scale: tuple[str, ...] = tuple(scale_codes(DEFAULT_SCALE))


@dataclass
class ImportReport:
    """What the import did, shown before the postmortem is created (GUI) or on stderr (CLI)."""

    source: str = ""
    mapped: list[str] = field(default_factory=list)
    kept_aside: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: str = ""  # the full text of what was kept aside, by section (never in the document)

    def summary(self) -> str:
        """The report as lines of text; empty when there is nothing to say."""
        if not (self.mapped or self.kept_aside or self.warnings or self.notes):
            return ""
        lines = [f"Imported {self.source}: {len(self.mapped)} parts mapped, "
                 f"{len(self.kept_aside)} kept aside, {len(self.warnings)} warnings."]  # fmt: skip
        lines += [f"  mapped: {entry}" for entry in self.mapped]
        lines += [f"  kept aside: {entry}" for entry in self.kept_aside]
        lines += [f"  warning: {entry}" for entry in self.warnings]
        if self.notes:
            lines += ["  text kept aside, as written:"]
            lines += [f"    {line}" if line else "" for line in self.notes.split("\n")]
        return "\n".join(lines)


@dataclass(frozen=True)
class ExportOptions:
    """How to write a file. ``language`` None: the document's own; ``store``: the database the
    document comes from (the approval PDF reads its sign-offs there)."""

    language: str | None = None
    paper: str = "a4"
    diagram: str = "whys"
    for_approval: bool = False
    store: Store | None = None


@dataclass
class ExportReport:
    """What an export wrote, and what its reader should know (e.g. empty signature fields)."""

    path: Path
    warnings: list[str] = field(default_factory=list)


Importer = Callable[[Path, ImportOptions], "tuple[Postmortem, ImportReport]"]
Exporter = Callable[["Postmortem", Path, ExportOptions], ExportReport]


@dataclass(frozen=True)
class ExportFormat:
    """A named export format: the file name endings it writes and the function writing it."""

    name: str
    suffixes: tuple[str, ...]
    export: Exporter
    description: str = ""


def _import_json(path: Path, options: ImportOptions) -> tuple[Postmortem, ImportReport]:
    from app.fileio import read_text
    from app.jsonio import document_from_json

    try:
        return document_from_json(read_text(path)), ImportReport(source=path.name)
    except FormatError as error:
        message = str(error)
        raise FormatError(message if path.name in message else f"{path.name}: {message}") from None


def _import_markdown(path: Path, options: ImportOptions) -> tuple[Postmortem, ImportReport]:
    from app.markdown.importer import read_markdown

    return read_markdown(path, options)


#: importers by file name ending
IMPORTERS: dict[str, Importer] = {
    ".json": _import_json,
    ".md": _import_markdown,
    ".markdown": _import_markdown,
    ".txt": _import_markdown,
}


def importer_for(path: Path) -> Importer:
    """The importer of ``path``'s file type; a ``FormatError`` naming the known ones otherwise."""
    found = IMPORTERS.get(path.suffix.lower())
    if found is None:
        known = ", ".join(sorted(IMPORTERS))
        raise FormatError(f"{path.name}: unknown file type (known: {known}).")
    return found


def _export_json(doc: Postmortem, path: Path, options: ExportOptions) -> ExportReport:
    from app.fileio import write_file
    from app.jsonio import document_to_json

    write_file(path, document_to_json(doc).encode("utf-8"))
    return ExportReport(path)


def _export_markdown(doc: Postmortem, path: Path, options: ExportOptions) -> ExportReport:
    from app.markdown.exporter import export_file

    return export_file(doc, path, options)


def _export_pdf(doc: Postmortem, path: Path, options: ExportOptions) -> ExportReport:
    from app.commands.report import export_pdf

    return export_pdf(doc, path, options)


def _export_svg(doc: Postmortem, path: Path, options: ExportOptions) -> ExportReport:
    from app.diagrams.svg_export import export_svg

    return export_svg(doc, path, options)


_FORMATS: dict[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat("json", (".json",), _export_json, "the lossless interchange file"),
        ExportFormat("md", (".md", ".markdown"), _export_markdown, "Markdown"),
        ExportFormat("pdf", (".pdf",), _export_pdf, "the printed report"),
        ExportFormat("svg", (".svg",), _export_svg, "a diagram as SVG"),
    )
}
_plugins_loaded = False


def register_export_format(fmt: ExportFormat) -> None:
    """Add (or replace) a format; registering the same one twice changes nothing."""
    _FORMATS[fmt.name] = fmt


def _load_plugins() -> None:
    """Formats declared by installed packages under ``ENTRY_POINT_GROUP`` (read once, only
    when a name is not found among those already registered)."""
    global _plugins_loaded  # noqa: PLW0603 - one registry per process
    if _plugins_loaded:
        return
    _plugins_loaded = True
    from importlib.metadata import entry_points

    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if entry.name in _FORMATS:
            continue
        try:
            loaded = entry.load()
        except ImportError:  # the package providing it cannot run here (e.g. no Qt)
            continue
        if isinstance(loaded, ExportFormat):
            register_export_format(loaded)


def export_formats(plugins: bool = True) -> dict[str, ExportFormat]:
    """Every format available in this process, by name (``plugins`` False: without reading
    the installed packages' entry points, only what is registered so far)."""
    if plugins:
        _load_plugins()
    return dict(_FORMATS)


def export_format(name: str) -> ExportFormat:
    """The format called ``name``; a ``FormatError`` naming the known ones otherwise."""
    found = _FORMATS.get(name) or export_formats().get(name)
    if found is None:
        known = ", ".join(sorted(export_formats()))
        raise FormatError(f"unknown export format '{name}' (known: {known}).")
    return found


def known_suffixes() -> set[str]:
    """The file name endings of every registered format."""
    return {suffix for fmt in export_formats().values() for suffix in fmt.suffixes}
