"""The approval PDF of each revision: kept in the database, signed field by field.

The first sign-off of a revision (or ``export --for-approval``) builds the PDF with one empty
signature field per required role and the document attached; each sign-off then signs its own
field incrementally, and ``collect`` takes in a copy signed elsewhere. The PDF is kept in the
store (``approval_pdfs``), one per postmortem, with the revision and content digest it belongs to:
any edit changes the digest, so a stale PDF is never reused.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app.approval_pdf import (
    Appearance,
    field_name,
    prepare_for_approval,
    role_of_field,
    sign_field,
)
from app.errors import ValidationError
from app.jsonio import clone, content_digest
from app.model import Postmortem, SignOff
from app.roles import ROLE_LABELS
from app.session import DocumentSession
from app.signing import SignerKey
from app.signoff import new_signoff, record_change, required_roles
from app.store import Store
from app.vocabulary import Status


def stored_pdf(store: Store, doc: Postmortem) -> bytes | None:
    """The kept approval PDF of this exact revision and content, if any."""
    kept = store.approval_pdf(doc.id)
    if kept is None:
        return None
    revision, digest, pdf = kept
    if revision != doc.revision or digest != content_digest(doc):
        return None
    return pdf or None


def keep_pdf(store: Store, doc: Postmortem, pdf: bytes) -> None:
    store.keep_approval_pdf(doc.id, doc.revision, content_digest(doc), pdf)


def approval_pdf(
    store: Store, doc: Postmortem, *, language: str | None = None, paper: str = "a4"
) -> bytes:
    """The approval PDF: the kept one, else a fresh one with every field empty."""
    kept = stored_pdf(store, doc)
    if kept is not None:
        return kept
    return fresh_approval_pdf(doc, required_roles(store), language=language, paper=paper)


def fresh_approval_pdf(
    doc: Postmortem, roles: tuple[str, ...], *, language: str | None = None, paper: str = "a4"
) -> bytes:
    """A new approval PDF of ``doc`` (no database access: safe on a worker thread)."""
    from app.report.renderer import render_pdf

    shown = clone(doc)
    shown.signoffs = []
    if shown.status == Status.APPROVED:
        shown.status = Status.IN_REVIEW
    language = language or doc.language or "en"
    report = render_pdf(shown, language=language, paper=paper, required_roles=roles)
    return prepare_for_approval(report, doc, roles, language)


def signed_fields(pdf: bytes) -> set[str]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    return {name for name, value, _ in enumerate_sig_fields(reader) if value is not None}


@dataclass(frozen=True)
class PreparedSignoff:
    signoff: SignOff
    pdf: bytes
    #: the approval PDF the field was signed on, and how (to sign again on a newer one)
    base: bytes = b""
    key: SignerKey | None = None
    field: str = ""
    appearance: Appearance | None = None
    tsa_url: str = ""


def prepare_signoff(
    session: DocumentSession,
    role: str,
    name: str,
    title: str = "",
    *,
    key: SignerKey,
    tsa_url: str = "",
    now: datetime | None = None,
) -> PreparedSignoff:
    """The signed sign-off and the approval PDF with its field signed (nothing saved yet)."""
    signoff = new_signoff(session, role, name, title, key=key, now=now)
    doc = session.doc
    pdf = approval_pdf(session.store, doc)
    field = field_name(signoff.role, signed_fields(pdf))
    labels = ROLE_LABELS.get(signoff.role, (signoff.role,))
    label = labels[1] if doc.language == "fr" and len(labels) > 1 else labels[0]
    when = signoff.signed_at or datetime.now(UTC)
    appearance = Appearance(signoff.name, label, when)
    signed = sign_field(
        pdf, key, field, digest=signoff.digest, appearance=appearance, tsa_url=tsa_url
    )
    return PreparedSignoff(signoff, signed, pdf, key, field, appearance, tsa_url)


def finish_signoff(session: DocumentSession, prepared: PreparedSignoff) -> None:
    """After the sign-off was applied: keep the PDF that carries its signature.

    When another sign-off (another program) kept a newer approval PDF of this content
    meanwhile, the field is signed again on that one, so no signature is lost.
    """
    pdf = prepared.pdf
    kept = stored_pdf(session.store, session.doc)
    if kept is not None and kept != prepared.base and prepared.key and prepared.appearance:
        field = field_name(prepared.signoff.role, signed_fields(kept))
        pdf = sign_field(
            kept,
            prepared.key,
            field,
            digest=prepared.signoff.digest,
            appearance=prepared.appearance,
            tsa_url=prepared.tsa_url,
        )
    keep_pdf(session.store, session.doc, pdf)


def record_signoff(session: DocumentSession, prepared: PreparedSignoff) -> SignOff:
    """Sign off: the prepared sign-off is recorded through the session, its signed PDF kept."""
    session.apply(record_change([prepared.signoff], _description(prepared.signoff.role)))
    finish_signoff(session, prepared)
    return prepared.signoff


def _description(role: str) -> str:
    return f"Sign off as {role.replace('_', ' ')}"


def signoff_from_signature(check: Any, digest: str) -> SignOff:
    """The sign-off a collected PDF signature stands for (its evidence is the PDF)."""
    from app.signing import certificate_from_bytes, subject_name

    certificate = certificate_from_bytes(check.certificate)
    when = check.timestamped_at or check.claimed_at
    return SignOff(
        role=role_of_field(check.field),
        name=subject_name(certificate),
        signed_at=when.astimezone(UTC).replace(microsecond=0) if when else None,
        digest=digest,
        certificate=base64.b64encode(check.certificate).decode(),
        fingerprint=check.fingerprint,
        evidence="pdf",
    )


def check_role(role: str, roles: tuple[str, ...], field: str) -> None:
    if role not in roles:
        raise ValidationError(
            f"signature field '{field}' is not a sign-off role (roles: {', '.join(roles)})."
        )
