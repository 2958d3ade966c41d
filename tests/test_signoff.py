"""The sign-off workflow: digests, stale sign-offs, approval lock, reopening, CLI."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.cli import main
from app.errors import LockedError, ValidationError
from app.jsonio import content_digest
from app.model import Postmortem
from app.report.renderer import render_pdf
from app.session import DocumentSession, FieldChange
from app.signoff import (
    approved_revision,
    install_signoff_workflow,
    reopen,
    required_roles,
    role_states,
    set_required_roles,
)
from app.store import Store
from app.vocabulary import DEFAULT_SIGNOFF_ROLES, Status
from tests.report_helpers import pdf_text, squashed
from tests.signing_helpers import PASSPHRASE, quick_sign

NOW = datetime(2026, 1, 20, 9, 30, tzinfo=UTC)


def _session(store: Store, doc: Postmortem) -> DocumentSession:
    session = DocumentSession.open(store, doc.id)
    install_signoff_workflow(session)
    return session


def _sign_all(session: DocumentSession, roles: tuple[str, ...] = DEFAULT_SIGNOFF_ROLES) -> None:
    for role in roles:
        quick_sign(session, role, f"Person {role}", "Lead", now=NOW)


def _edit_summary(text: str) -> FieldChange:
    return FieldChange("Edit summary", lambda doc: doc, "summary", text)


def test_signoff_records_role_name_title_time_and_digest(store: Store, demo: Postmortem) -> None:
    session = _session(store, demo)
    signoff = quick_sign(session, "prepared_by", "Camille Martin", "SRE", now=NOW)
    assert (signoff.role, signoff.name, signoff.title) == ("prepared_by", "Camille Martin", "SRE")
    assert signoff.signed_at == NOW
    assert signoff.digest == content_digest(session.doc)
    assert store.load(demo.id).signoffs[0].digest == signoff.digest
    assert session.doc.status == Status.IN_REVIEW


def test_all_required_roles_approve_and_lock(store: Store, demo: Postmortem) -> None:
    session = _session(store, demo)
    _sign_all(session)
    assert session.doc.status == Status.APPROVED
    assert store.load(demo.id).status == Status.APPROVED
    with pytest.raises(LockedError):
        session.apply(_edit_summary("changed"))
    with pytest.raises(LockedError, match="already approved"):
        quick_sign(session, "filed_by", "Someone else")


def test_later_edit_makes_signoffs_stale_and_back_to_review(store: Store, demo: Postmortem) -> None:
    session = _session(store, demo)
    quick_sign(session, "prepared_by", "Camille", now=NOW)
    quick_sign(session, "reviewed_by", "Julien", now=NOW)
    session.apply(_edit_summary("A corrected summary."))
    states = {s.role: s.state for s in role_states(session.doc, DEFAULT_SIGNOFF_ROLES)}
    assert states == {
        "prepared_by": "stale",
        "reviewed_by": "stale",
        "approved_by": "missing",
        "filed_by": "missing",
    }
    assert session.doc.status == Status.IN_REVIEW
    text = squashed(pdf_text(render_pdf(session.doc, language="en")))
    assert text.count("STALE—contentchangedaftersigning") == 2


def test_stale_signoffs_must_be_renewed_before_approval(store: Store, demo: Postmortem) -> None:
    session = _session(store, demo)
    quick_sign(session, "prepared_by", "Camille", now=NOW)
    session.apply(_edit_summary("Edited after the first sign-off."))
    for role in DEFAULT_SIGNOFF_ROLES[1:]:
        quick_sign(session, role, "Someone", now=NOW)
    assert session.doc.status == Status.IN_REVIEW
    quick_sign(session, "prepared_by", "Camille", now=NOW)
    assert session.doc.status == Status.APPROVED


def test_reopen_creates_a_new_revision_and_keeps_the_approved_one(
    store: Store, demo: Postmortem
) -> None:
    session = _session(store, demo)
    _sign_all(session)
    approved_pdf = render_pdf(session.doc)
    assert reopen(session) == 2
    assert session.doc.status == Status.IN_REVIEW
    assert session.doc.signoffs == []
    session.apply(_edit_summary("Revision 2 summary."))
    kept = approved_revision(store, demo.id, 1)
    assert kept.status == Status.APPROVED and len(kept.signoffs) == 4
    assert kept.summary == demo.summary
    assert render_pdf(kept) == approved_pdf  # the approved PDF can be rebuilt byte for byte
    with pytest.raises(ValidationError, match="never approved"):
        approved_revision(store, demo.id, 2)


def test_reopen_refuses_a_report_that_is_not_approved(store: Store, demo: Postmortem) -> None:
    with pytest.raises(ValidationError, match="Only an approved"):
        reopen(_session(store, demo))


def test_required_roles_are_configurable(store: Store, demo: Postmortem) -> None:
    assert required_roles(store) == DEFAULT_SIGNOFF_ROLES
    set_required_roles(store, ["approved_by", " incident_commander "])
    assert required_roles(store) == ("approved_by", "incident_commander")
    session = _session(store, demo)
    _sign_all(session, ("approved_by", "incident_commander"))
    assert session.doc.status == Status.APPROVED
    with pytest.raises(ValidationError):
        set_required_roles(store, ["  "])


def test_bad_signoffs_are_refused(store: Store, demo: Postmortem) -> None:
    session = _session(store, demo)
    with pytest.raises(ValidationError, match="Unknown sign-off role 'ceo'"):
        quick_sign(session, "ceo", "Boss")
    with pytest.raises(ValidationError, match="name"):
        quick_sign(session, "prepared_by", "   ")
    assert store.load(demo.id).signoffs == []


def test_cli_sign_reopen_and_locked(
    store: Store,
    demo: Postmortem,
    db_path: object,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POSTMORTEM_STUDIO_KEY_PASSPHRASE", PASSPHRASE)
    store.close()
    base = ["--db", str(db_path)]
    for role in DEFAULT_SIGNOFF_ROLES:
        assert main([*base, "sign", demo.id, "--role", role, "--name", "Ana", "--title", "VP"]) == 0
    err = capsys.readouterr().err
    assert "approved and locked" in err
    assert main([*base, "sign", demo.id, "--role", "filed_by", "--name", "Bob"]) == 2
    assert "already approved and locked" in capsys.readouterr().err
    assert main([*base, "reopen", demo.id]) == 0
    assert "revision 2" in capsys.readouterr().out
    assert main([*base, "sign", demo.id, "--role", "ceo", "--name", "Bob"]) == 2
    assert "Unknown sign-off role" in capsys.readouterr().err
