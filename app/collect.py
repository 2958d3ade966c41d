"""``collect FILE.pdf``: record the sign-offs of an approval PDF signed in people's own readers.

Every check runs before anything changes; the first failure is refused with one line:
the PDF is not an approval PDF, belongs to another postmortem or another revision, a signature
is broken or partial, a field is not a sign-off role, a signer may not sign that role, or a
signer is unknown (unless ``trust_new``: then they are added to the trust list for the role
they signed). Sign-offs already recorded with the same certificate are kept as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.approval import check_role, keep_pdf, signoff_from_signature
from app.errors import NotFoundError, ValidationError
from app.jsonio import content_digest
from app.model import SignOff
from app.session import DocumentSession
from app.signoff import install_signoff_workflow, record_change, required_roles, role_states
from app.store import Store
from app.trust import TrustEntry, TrustList
from app.verify import SignatureCheck, read_pdf_file, verify_bytes


class CollectRefused(ValidationError):
    """The PDF cannot be collected; nothing was changed."""


@dataclass
class CollectResult:
    postmortem_id: str
    recorded: list[SignOff] = field(default_factory=list)
    newly_trusted: list[TrustEntry] = field(default_factory=list)
    status: str = ""


def collect(
    store: Store, path: Path, trust: TrustList, *, trust_new: bool = False
) -> CollectResult:
    data = read_pdf_file(path)  # read once: what is checked is what is kept
    result = verify_bytes(data, trust, path)
    name = path.name
    doc_in_pdf = result.document
    if doc_in_pdf is None:
        raise CollectRefused(f"{name} carries no attached postmortem: it was not exported "
                             "for approval by Postmortem Studio.")  # fmt: skip
    try:
        session = DocumentSession.open(store, doc_in_pdf.id)
    except NotFoundError:
        raise CollectRefused(
            f"{name} is the postmortem {doc_in_pdf.id}, which is not in this database."
        ) from None
    install_signoff_workflow(session)
    current = session.doc
    digest = content_digest(current)
    if doc_in_pdf.revision != current.revision or result.recomputed_digest != digest:
        raise CollectRefused(
            f"{name} is revision {doc_in_pdf.revision} (sha256:{result.recomputed_digest[:12]}…); "
            f"the current revision is {current.revision} (sha256:{digest[:12]}…): "
            "export it again for approval."
        )
    if result.problems:
        raise CollectRefused(f"{name}: {result.problems[0]}.")
    if not result.signatures:
        raise CollectRefused(f"{name} holds no signature to collect.")
    roles = required_roles(store)
    known = {s.role: s.fingerprint for s in _current_signoffs(session)}
    latest: dict[str, SignatureCheck] = {}
    additions: list[TrustEntry] = []
    for check in result.signatures:
        _refuse_broken(name, check)
        check_role(check.role, roles, check.field)
        if not check.trusted and known.get(check.role) != check.fingerprint:
            additions.extend(_unknown_signer(name, check, trust_new))
        latest[check.role] = check
    signoffs = [
        signoff_from_signature(check, digest)
        for role, check in latest.items()
        if known.get(role) != check.fingerprint
    ]
    outcome = CollectResult(current.id, signoffs, additions)
    if signoffs:
        session.apply(record_change(signoffs, f"Collect the sign-offs of {name}"))
    keep_pdf(store, session.doc, data)
    for entry in additions:
        trust.add(entry)
    if additions:
        trust.save()
    outcome.status = session.doc.status.value
    return outcome


def _current_signoffs(session: DocumentSession) -> list[SignOff]:
    states = role_states(session.doc, required_roles(session.store))
    return [s.signoff for s in states if s.state == "current" and s.signoff is not None]


def _refuse_broken(name: str, check: SignatureCheck) -> None:
    if check.broken:
        raise CollectRefused(f"{name}: signature {check.field}: {check.problems[0]}.")


def _unknown_signer(name: str, check: SignatureCheck, trust_new: bool) -> list[TrustEntry]:
    if check.trust_reason != "signer not on the trust list":
        raise CollectRefused(f"{name}: signature {check.field}: {check.trust_reason}.")
    if not trust_new:
        raise CollectRefused(
            f"{name}: signature {check.field} by {check.signer} (sha256:{check.fingerprint[:16]}…) "
            "is not on the trust list; check it and collect with --trust-new to accept it."
        )
    from app.signing import certificate_from_bytes, subject_name

    signer = subject_name(certificate_from_bytes(check.certificate))
    return [TrustEntry(check.fingerprint, (check.role,), signer)]
