"""Forgeries, tried as an attacker would: each must fail ``verify`` (non-zero, reason named)."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.approval import fresh_approval_pdf, stored_pdf
from app.approval_pdf import ATTACHMENT, approval_document
from app.cli import main
from app.jsonio import content_digest, document_to_json
from app.model import Postmortem, SignOff
from app.report.renderer import render_pdf
from app.session import DocumentSession
from app.signing import new_key
from app.signoff import CLAIM_TITLE, install_signoff_workflow, reopen
from app.store import Store
from app.verify import EXIT_BROKEN, EXIT_INCOMPLETE, EXIT_OK, EXIT_UNTRUSTED
from app.vocabulary import DEFAULT_SIGNOFF_ROLES, Status
from tests.signing_helpers import TEAM, approve, pyhanko_sign, team_trust


@pytest.fixture
def team(store: Store, demo: Postmortem, tmp_path: Path) -> tuple[DocumentSession, Path, Path]:
    """The real report, approved by the team: (session, its signed PDF, the team's trust list)."""
    session = DocumentSession.open(store, demo.id)
    install_signoff_workflow(session)
    approve(session)
    real = tmp_path / "real.pdf"
    real.write_bytes(stored_pdf(store, session.doc) or b"")
    return session, real, team_trust(tmp_path / "team-trust.txt")


def _verify(path: Path, trust: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--trust", str(trust), "verify", str(path)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _forged(doc: Postmortem) -> Postmortem:
    from app.jsonio import clone

    forged = clone(doc)
    forged.signoffs = []
    forged.status = Status.IN_REVIEW
    forged.root_cause = "The on-call engineer ignored the alert."  # the lie
    return forged


def test_the_real_report_verifies(
    team: tuple[DocumentSession, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, real, trust = team
    code, out = _verify(real, trust, capsys)
    assert code == EXIT_OK, out


def test_another_key_under_the_same_names(
    team: tuple[DocumentSession, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    session, real, trust = team
    forged = _forged(session.doc)
    pdf = fresh_approval_pdf(forged, DEFAULT_SIGNOFF_ROLES)
    for role, name in TEAM.items():  # same names, e-mails and roles; other keys
        impostor = new_key(name, f"{name.split(maxsplit=1)[0].lower()}@example.org")
        pdf = pyhanko_sign(pdf, impostor, role)
    path = real.with_name("impostor.pdf")
    path.write_bytes(pdf)
    code, out = _verify(path, trust, capsys)
    assert code == EXIT_UNTRUSTED, out
    assert out.count("NOT TRUSTED (signer not on the trust list)") == 4
    assert "RESULT: UNTRUSTED" in out


def _rewrite(pdf: bytes, document: bytes, keywords: str) -> bytes:
    """An incremental update replacing the attached document and the printed-digest keywords."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    names = writer.root["/Names"]["/EmbeddedFiles"]["/Names"]
    index = [str(names[i]) for i in range(0, len(names), 2)].index(ATTACHMENT) * 2
    spec = names[index + 1].get_object()
    replacement = generic.StreamObject(
        {generic.NameObject("/Type"): generic.NameObject("/EmbeddedFile")}, stream_data=document
    )
    spec["/EF"][generic.NameObject("/F")] = writer.add_object(replacement)
    writer.update_container(spec)
    info = writer.trailer["/Info"]
    info[generic.NameObject("/Keywords")] = generic.TextStringObject(keywords)
    writer.update_container(info)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def test_recomputed_digests(
    team: tuple[DocumentSession, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    session, real, trust = team
    forged = _forged(session.doc)
    digest = content_digest(forged)
    tampered = _rewrite(real.read_bytes(), approval_document(forged), f"sha256:{digest}")
    path = real.with_name("recomputed.pdf")
    path.write_bytes(tampered)
    code, out = _verify(path, trust, capsys)
    assert code == EXIT_BROKEN, out
    assert digest in out  # the digest was recomputed from the (forged) attachment…
    assert "problem: the file was changed after this signature" in out  # …after signing


def test_forged_body_stamped_with_the_real_digest(
    team: tuple[DocumentSession, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    session, real, trust = team
    real_digest = content_digest(session.doc)
    forged = _forged(session.doc)
    pdf = fresh_approval_pdf(forged, DEFAULT_SIGNOFF_ROLES)
    pdf = _rewrite(pdf, approval_document(forged), f"sha256:{real_digest}")  # the stamp
    for role, name in TEAM.items():
        pdf = pyhanko_sign(pdf, new_key(name), role)
    path = real.with_name("stamped.pdf")
    path.write_bytes(pdf)
    code, out = _verify(path, trust, capsys)
    assert code == EXIT_BROKEN, out
    assert f"the printed digest sha256:{real_digest[:12]}… does not match" in out
    assert "the body was forged" in out


def test_backdated_signature(
    team: tuple[DocumentSession, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    session, real, trust = team
    later = new_key("Sofia Benali", not_before=datetime.now(UTC) + timedelta(days=2))
    with trust.open("a", encoding="utf-8") as handle:  # even a listed key cannot sign the past
        handle.write(f"sha256:{later.fingerprint}  roles=approved_by  Sofia Benali\n")
    pdf = fresh_approval_pdf(session.doc, DEFAULT_SIGNOFF_ROLES)
    pdf = pyhanko_sign(pdf, later, "approved_by")
    path = real.with_name("backdated.pdf")
    path.write_bytes(pdf)
    code, out = _verify(path, trust, capsys)
    assert code == EXIT_BROKEN, out
    assert "before its certificate existed" in out and "backdated" in out
    assert "claimed by the signer's clock" in out


def test_a_report_claiming_approval_with_no_signoffs(
    team: tuple[DocumentSession, Path, Path], db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    session, _, trust = team
    imported, err = _import_claim(session, [], db_path, tmp_path, capsys)
    assert "claims the status Approved without valid sign-offs: imported In review" in err
    assert imported.status == Status.IN_REVIEW
    assert any(annex.title in CLAIM_TITLE.values() for annex in imported.annexes)
    # its PDF carries no signature: verify says so and fails
    plain = tmp_path / "claim.pdf"
    claimed = _forged(session.doc)
    claimed.status = Status.APPROVED
    plain.write_bytes(render_pdf(claimed))
    code, out = _verify(plain, trust, capsys)
    assert code != 0 and "no signature: nothing in this file was signed" in out
    unsigned = tmp_path / "claim-for-approval.pdf"
    unsigned.write_bytes(fresh_approval_pdf(claimed, DEFAULT_SIGNOFF_ROLES))
    code, out = _verify(unsigned, trust, capsys)
    assert code == EXIT_INCOMPLETE and out.count("NOT SIGNED") == 4


def test_copied_signoffs_do_not_approve_changed_content(
    team: tuple[DocumentSession, Path, Path], db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    session, _, _ = team
    real = list(session.doc.signoffs)  # real signatures, of the real content
    imported, err = _import_claim(session, real, db_path, tmp_path, capsys)
    assert "imported In review" in err and imported.status == Status.IN_REVIEW


def _import_claim(
    session: DocumentSession, signoffs: list[SignOff], db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> tuple[Postmortem, str]:  # fmt: skip
    """Import (CLI) a forged copy claiming Approved with ``signoffs``; (stored, stderr)."""
    claim = _forged(session.doc)
    claim.signoffs = signoffs
    claim.status = Status.APPROVED
    claim.id = "forged0001"
    source = tmp_path / "claim.json"
    source.write_text(document_to_json(claim), encoding="utf-8")
    session.store.close()
    assert main(["--db", str(db_path), "import", str(source)]) == 0
    err = capsys.readouterr().err
    with Store(db_path) as store:
        return store.load("forged0001"), err


@pytest.mark.parametrize("word", ["Approved", "Final", "Validé"])
def test_markdown_claiming_approval_is_imported_in_review(
    db_path: Path, tmp_path: Path, word: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "claim.md"
    source.write_text(f"# Outage\n\n**Status:** {word}\n\n## Summary\n\nIt broke.\n", "utf-8")
    assert main(["--db", str(db_path), "import", str(source)]) == 0
    captured = capsys.readouterr()
    assert "imported In review" in captured.err
    with Store(db_path) as store:
        [summary] = store.summaries()
        assert store.load(summary.id).status == Status.IN_REVIEW


def test_a_pdf_of_an_older_revision_passed_to_collect(
    team: tuple[DocumentSession, Path, Path], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session, real, trust = team
    reopen(session)
    assert session.doc.revision == 2
    before = session.store.load(session.doc.id)
    session.store.close()
    code = main(["--db", str(db_path), "--trust", str(trust), "collect", str(real)])
    err = capsys.readouterr().err
    assert code == 2
    assert "is revision 1" in err and "the current revision is 2" in err
    assert len(err.strip().splitlines()) == 1
    with Store(db_path) as store:
        after = store.load(before.id)
    assert after.revision == 2 and after.signoffs == [] and after.status == Status.IN_REVIEW
