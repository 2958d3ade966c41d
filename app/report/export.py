"""One call from a document to the final PDF bytes: rendered, and signed when approved."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.jsonio import content_digest
from app.model import Postmortem
from app.vocabulary import DEFAULT_SIGNOFF_ROLES, Status


@dataclass(frozen=True)
class SignWith:
    """How to sign an approved report: a PKCS#12 file, or the personal key when ``p12`` is None."""

    passphrase: str
    p12: Path | None = None
    name: str = ""


def signer_name(doc: Postmortem) -> str:
    """Who signs the file: the approver when known, else the last person who signed off."""
    by_role = {signoff.role: signoff.name for signoff in doc.signoffs}
    if by_role.get("approved_by"):
        return by_role["approved_by"]
    return doc.signoffs[-1].name if doc.signoffs else doc.author


def build_pdf(
    doc: Postmortem,
    *,
    language: str | None = None,
    paper: str = "a4",
    roles: tuple[str, ...] = DEFAULT_SIGNOFF_ROLES,
    sign_with: SignWith | None = None,
) -> bytes:
    """The report PDF; an approved report is signed (PAdES) when ``sign_with`` is given."""
    from app.report.renderer import render_pdf

    pdf = render_pdf(doc, language=language, paper=paper, required_roles=roles)
    if sign_with is None or doc.status != Status.APPROVED:
        return pdf
    from app import signing

    name = sign_with.name or signer_name(doc)
    if sign_with.p12 is not None:
        key = signing.load_key(sign_with.p12, sign_with.passphrase)
    else:
        key = signing.personal_key(sign_with.passphrase, name)
    return signing.sign_pdf(pdf, key, digest=content_digest(doc), name=name)
