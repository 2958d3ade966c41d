"""One call from a document to the report PDF bytes (approval signatures: ``app.approval``)."""

from __future__ import annotations

from datetime import datetime

from app.model import Postmortem
from app.vocabulary import DEFAULT_SIGNOFF_ROLES


def build_pdf(
    doc: Postmortem,
    *,
    language: str | None = None,
    paper: str = "a4",
    roles: tuple[str, ...] = DEFAULT_SIGNOFF_ROLES,
    created: datetime | None = None,
) -> bytes:
    """The report PDF, unsigned. ``created`` is the revision's time (``Store.updated_at``): the
    PDF's CreationDate, so exporting the same revision twice gives the same bytes."""
    from app.report.renderer import render_pdf

    return render_pdf(doc, language=language, paper=paper, required_roles=roles, created=created)
