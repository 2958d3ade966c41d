"""One call from a document to the report PDF bytes (approval signatures: ``app.approval``)."""

from __future__ import annotations

from pathlib import Path

from app.errors import PostmortemError
from app.model import Postmortem
from app.vocabulary import DEFAULT_SIGNOFF_ROLES


def build_pdf(
    doc: Postmortem,
    *,
    language: str | None = None,
    paper: str = "a4",
    roles: tuple[str, ...] = DEFAULT_SIGNOFF_ROLES,
) -> bytes:
    """The report PDF, unsigned."""
    from app.report.renderer import render_pdf

    return render_pdf(doc, language=language, paper=paper, required_roles=roles)


def check_output(path: Path) -> None:
    """Refuse an unusable output path before spending time on rendering."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise PostmortemError(f"cannot write {path}: it is a folder.")
    if not folder.is_dir():
        raise PostmortemError(f"cannot write {path}: the folder {folder} does not exist.")
