"""Export formats that need Qt, registered with the core's registry (``app.formats``).

The launcher registers them at start-up, before a command or the window runs; the package
also declares them under the ``postmortem_studio.export_formats`` entry point group, for the
core CLI started on its own. Importing this module loads neither Qt nor the diagram modules:
they load when a PNG is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.formats import ExportFormat, ExportOptions, ExportReport, register_export_format

if TYPE_CHECKING:
    from app.model import Postmortem


def _export_png(doc: Postmortem, path: Path, options: ExportOptions) -> ExportReport:
    from ui.diagrams.export import export_png

    return export_png(doc, path, options)


PNG = ExportFormat("png", (".png",), _export_png, "a diagram as PNG, drawn as on the canvas")


def register() -> None:
    register_export_format(PNG)
