"""The sign-off workflow: who approved exactly which content, and the lock that follows.

A sign-off records the SHA-256 digest of the document's canonical content, the signer's
certificate and a signature over (digest, role, revision) made with the signer's own key. Any
later edit changes that digest, so existing sign-offs become *stale* and the report goes back
to In Review. Approval is derived, never typed: the report is Approved (and the session refuses
edits until ``reopen`` starts a new revision) exactly when every required role has a current
sign-off whose signature verifies; a status of Approved without that is put back to In Review.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from app.attestation import sign_statement, signoff_problem
from app.errors import LockedError, ValidationError
from app.jsonio import content_digest
from app.model import Postmortem, SignOff
from app.roles import normalise_role
from app.session import DocumentSession, SnapshotChange
from app.signing import SignerKey
from app.store import Store
from app.vocabulary import DEFAULT_SIGNOFF_ROLES, Status

ROLES_SETTING = "signoff.required_roles"
RoleStateName = Literal["current", "stale", "missing", "unverified"]


@dataclass(frozen=True)
class RoleState:
    role: str
    signoff: SignOff | None
    state: RoleStateName
    required: bool = True


def required_roles(store: Store | None) -> tuple[str, ...]:
    """The roles that must sign (setting ``signoff.required_roles``, default from the seeds)."""
    value = store.setting(ROLES_SETTING) if store is not None else None
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    return DEFAULT_SIGNOFF_ROLES


def set_required_roles(store: Store, roles: list[str]) -> None:
    cleaned = [role.strip() for role in roles if role.strip()]
    if not cleaned:
        raise ValidationError("At least one sign-off role is required.")
    store.set_setting(ROLES_SETTING, cleaned)


def is_current(signoff: SignOff, digest: str) -> bool:
    return bool(signoff.digest) and signoff.digest == digest


def signoff_state(signoff: SignOff, doc: Postmortem, digest: str) -> RoleStateName:
    """current (signed this content, signature holds), stale, or unverified (no valid signature)."""
    if not is_current(signoff, digest):
        return "stale"
    return "unverified" if signoff_problem(signoff, doc.revision) else "current"


def role_states(doc: Postmortem, roles: tuple[str, ...]) -> list[RoleState]:
    """Each required role's sign-off and its state, then any extra roles that signed."""
    digest = content_digest(doc)
    latest = {signoff.role: signoff for signoff in doc.signoffs}
    states: list[RoleState] = []
    for role in roles:
        found = latest.get(role)
        if found is None:
            states.append(RoleState(role, None, "missing"))
        else:
            states.append(RoleState(role, found, signoff_state(found, doc, digest)))
    for role, found in latest.items():
        if role not in roles:
            states.append(RoleState(role, found, signoff_state(found, doc, digest), False))
    return states


def stale_signoffs(doc: Postmortem) -> list[SignOff]:
    digest = content_digest(doc)
    return [signoff for signoff in doc.signoffs if not is_current(signoff, digest)]


def approval_holds(doc: Postmortem, roles: tuple[str, ...]) -> bool:
    """Every required role has a current sign-off whose signature verifies."""
    required = [state for state in role_states(doc, roles) if state.required]
    return bool(required) and all(state.state == "current" for state in required)


def update_status(doc: Postmortem, roles: tuple[str, ...]) -> None:
    """Apply the workflow rules after any edit (see the module docstring)."""
    states = role_states(doc, roles)
    if approval_holds(doc, roles):
        doc.status = Status.APPROVED
        return
    if doc.status == Status.APPROVED:
        doc.status = Status.IN_REVIEW
        return
    stale = any(state.state == "stale" for state in states)
    if (stale and doc.status != Status.ARCHIVED) or (doc.signoffs and doc.status == Status.DRAFT):
        doc.status = Status.IN_REVIEW


def install_signoff_workflow(session: DocumentSession) -> None:
    """Make every edit of this session keep the sign-off state right (idempotent)."""
    if any(getattr(hook, "signoff_workflow", False) for hook in session.after_edit):
        return
    store = session.store

    def after_edit(doc: Postmortem) -> None:
        update_status(doc, required_roles(store))

    after_edit.signoff_workflow = True  # type: ignore[attr-defined]
    session.after_edit.append(after_edit)


def new_signoff(
    session: DocumentSession,
    role: str,
    name: str,
    title: str = "",
    *,
    key: SignerKey,
    now: datetime | None = None,
) -> SignOff:
    """A sign-off of the current content, signed with ``key`` (checked before anything runs)."""
    install_signoff_workflow(session)
    roles = required_roles(session.store)
    doc = session.doc
    if doc.status == Status.APPROVED:
        raise LockedError(
            "This report is already approved and locked; reopen it (new revision) to sign again."
        )
    role = normalise_role(role, roles)
    if not name.strip():
        raise ValidationError("A sign-off needs the signer's name.")
    digest = content_digest(doc)
    return SignOff(
        role=role,
        name=name.strip(),
        title=title.strip(),
        signed_at=(now or datetime.now(UTC)).replace(microsecond=0),
        digest=digest,
        certificate=base64.b64encode(key.certificate_der).decode(),
        fingerprint=key.fingerprint,
        signature=sign_statement(key.native, digest, role, doc.revision),
        evidence="key",
    )


def record_change(signoffs: list[SignOff], description: str) -> SnapshotChange:
    """The edit that records ``signoffs`` (each replaces the sign-off of its role)."""
    roles = {signoff.role for signoff in signoffs}

    def record(target: Postmortem) -> None:
        target.signoffs = [s for s in target.signoffs if s.role not in roles] + list(signoffs)

    return SnapshotChange(description, record)


def signoff_change(
    session: DocumentSession,
    role: str,
    name: str,
    title: str = "",
    *,
    key: SignerKey,
    now: datetime | None = None,
) -> SnapshotChange:
    """The edit that records a signed sign-off of the current content."""
    signoff = new_signoff(session, role, name, title, key=key, now=now)
    return record_change([signoff], f"Sign off as {signoff.role.replace('_', ' ')}")


def reopen(session: DocumentSession) -> int:
    """Unlock an approved report as a new revision; returns the new revision number.

    The approved revision stays in the store's revision history with its sign-offs; the new
    revision starts without sign-offs.
    """
    doc = session.doc
    if doc.status != Status.APPROVED:
        raise ValidationError("Only an approved report can be reopened.")

    def unlock(target: Postmortem) -> None:
        target.revision += 1
        target.signoffs = []
        target.status = Status.IN_REVIEW

    guards = session.edit_guards
    session.edit_guards = []
    try:
        session.apply(SnapshotChange("Reopen the approved report", unlock))
    finally:
        session.edit_guards = guards
    return doc.revision


def approved_revision(store: Store, postmortem_id: str, revision: int) -> Postmortem:
    """The document exactly as it was approved for ``revision`` (to rebuild its PDF)."""
    for info in reversed(store.revisions(postmortem_id)):
        if info.revision == revision and info.status == Status.APPROVED.value:
            return store.revision_document(info.id)
    raise ValidationError(f"Revision {revision} of this postmortem was never approved.")


CLAIM_TITLE = {
    "en": "Approval claimed by the imported file",
    "fr": "Approbation déclarée par le fichier importé",
}


def settle_imported_approval(doc: Postmortem, roles: tuple[str, ...]) -> list[str]:
    """An imported document is Approved only when its sign-offs prove it; otherwise it arrives
    In review, the claim kept as text in an annex. Returns the import warnings."""
    from app.model import Annex
    from app.vocabulary import AnnexKind

    for signoff in doc.signoffs:
        if signoff.evidence == "pdf":
            signoff.evidence = ""  # its proof is a signed PDF that an import does not carry
    if doc.status != Status.APPROVED or approval_holds(doc, roles):
        return []
    doc.status = Status.IN_REVIEW
    signers = ", ".join(f"{s.name} ({s.role})" for s in doc.signoffs) or "none"
    claim = (
        f"The imported file gave the status Approved. Sign-offs it listed: {signers}. "
        "They do not carry valid signatures of this content, so the report was imported "
        "In review; it is approved again once every required role signs off."
    )
    doc.annexes.append(
        Annex(CLAIM_TITLE.get(doc.language, CLAIM_TITLE["en"]), AnnexKind.TEXT, claim)
    )
    return [
        "the file claims the status Approved without valid sign-offs: imported In review "
        "(the claim is kept in an annex)."
    ]
