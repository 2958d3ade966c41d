"""Each person's key, signed sign-offs, the approval PDF and ``verify`` on good and bad files."""

from __future__ import annotations

import base64
import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from app import signing
from app.approval import stored_pdf
from app.attestation import signoff_problem
from app.cli import main
from app.errors import FormatError, ValidationError
from app.jsonio import content_digest, document_from_json, document_to_json
from app.model import Postmortem
from app.session import DocumentSession
from app.signing import (
    KDF_ROUNDS,
    PASSPHRASE_ENV,
    SigningError,
    create_personal_key,
    load_key,
    personal_key_path,
)
from app.signoff import install_signoff_workflow, role_states, signoff_change
from app.store import Store
from app.trust import TrustList
from app.verify import (
    EXIT_BROKEN,
    EXIT_INCOMPLETE,
    EXIT_OK,
    EXIT_UNTRUSTED,
    verify_bytes,
    verify_pdf,
)
from app.vocabulary import Status
from tests.signing_helpers import PASSPHRASE, TEAM, approve, key_for, sign_role, team_trust


def _session(store: Store, doc: Postmortem) -> DocumentSession:
    session = DocumentSession.open(store, doc.id)
    install_signoff_workflow(session)
    return session


@pytest.fixture
def approved(store: Store, demo: Postmortem, tmp_path: Path) -> tuple[DocumentSession, Path]:
    """The demo approved by the TEAM, and its exported approval PDF."""
    session = _session(store, demo)
    approve(session)
    pdf = stored_pdf(store, session.doc)
    assert pdf is not None
    path = tmp_path / "approved.pdf"
    path.write_bytes(pdf)
    return session, path


def test_approved_pdf_holds_one_signature_per_person_and_verifies_with_the_team_list(
    approved: tuple[DocumentSession, Path], tmp_path: Path
) -> None:
    session, path = approved
    assert session.doc.status == Status.APPROVED
    result = verify_pdf(path, _trust(tmp_path))
    assert [c.field for c in result.signatures] == list(TEAM)
    for check, name in zip(result.signatures, TEAM.values(), strict=True):
        assert f"CN={name}" in check.signer and check.fingerprint == key_for(name).fingerprint
    assert all(c.intact and c.trusted and not c.problems for c in result.signatures)
    assert result.recomputed_digest == content_digest(session.doc)
    assert result.exit_code == EXIT_OK
    text = "\n".join(result.lines())
    assert "claimed by the signer's clock" in text and "RESULT: OK" in text


def _trust(tmp_path: Path) -> TrustList:
    from app.trust import load_trust

    return load_trust(team_trust(tmp_path / "team-trust.txt"))


def test_pdfsig_sees_one_valid_signature_per_role(approved: tuple[DocumentSession, Path]) -> None:
    _, path = approved
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout
    assert out.count("Signature is Valid") == 4
    for role, name in TEAM.items():
        assert f"Signature Field Name: {role}" in out and name in out


def test_verify_exit_codes_with_the_team_list_an_empty_list_and_a_missing_role(
    store: Store, demo: Postmortem, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = _session(store, demo)
    sign_role(session, "prepared_by", TEAM["prepared_by"])
    partial = tmp_path / "partial.pdf"
    partial.write_bytes(stored_pdf(store, session.doc) or b"")
    trust = team_trust(tmp_path / "trust.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["--trust", str(trust), "verify", str(partial)]) == EXIT_INCOMPLETE
    out = capsys.readouterr().out
    assert "field reviewed_by: NOT SIGNED" in out and "RESULT: INCOMPLETE" in out
    for role in ("reviewed_by", "approved_by", "filed_by"):
        sign_role(session, role, TEAM[role])
    full = tmp_path / "full.pdf"
    full.write_bytes(stored_pdf(store, session.doc) or b"")
    assert main(["--trust", str(trust), "verify", str(full)]) == EXIT_OK
    assert main(["verify", str(full), "--trust", str(empty)]) == EXIT_UNTRUSTED
    out = capsys.readouterr().out
    assert "NOT TRUSTED (signer not on the trust list)" in out and "RESULT: UNTRUSTED" in out


def test_a_signer_listed_for_another_role_is_not_trusted_for_this_one(
    approved: tuple[DocumentSession, Path], tmp_path: Path
) -> None:
    _, path = approved
    trust = tmp_path / "narrow.txt"
    team_trust(trust)
    text = trust.read_text(encoding="utf-8").replace("roles=approved_by", "roles=reviewed_by")
    trust.write_text(text, encoding="utf-8")
    from app.trust import load_trust

    result = verify_pdf(path, load_trust(trust))
    assert result.exit_code == EXIT_UNTRUSTED
    [refused] = [c for c in result.signatures if not c.trusted]
    assert refused.role == "approved_by"
    assert "Sofia Benali may not sign approved_by" in refused.trust_reason


def test_trust_list_from_the_environment_variable(
    approved: tuple[DocumentSession, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, path = approved
    assert main(["verify", str(path)]) == EXIT_UNTRUSTED  # default list (data folder): empty
    monkeypatch.setenv("POSTMORTEM_STUDIO_TRUST", str(team_trust(tmp_path / "env-trust.txt")))
    assert main(["verify", str(path)]) == EXIT_OK


def test_signoff_carries_certificate_fingerprint_and_a_checkable_signature(
    store: Store, demo: Postmortem
) -> None:
    session = _session(store, demo)
    signoff = sign_role(session, "Prepared by", "Camille Martin", title="SRE")
    key = key_for("Camille Martin")
    assert signoff.role == "prepared_by"
    assert signoff.fingerprint == key.fingerprint
    assert base64.b64decode(signoff.certificate) == key.certificate_der
    assert signoff.digest == content_digest(session.doc)
    assert signoff_problem(signoff, session.doc.revision) == ""
    exported = json.loads(document_to_json(store.load(demo.id)))["signoffs"][0]
    assert exported["fingerprint"] == key.fingerprint and exported["signature"]
    # the signature covers digest, role and revision: change any and it no longer holds
    from dataclasses import replace

    assert signoff_problem(replace(signoff, role="approved_by"), 1) != ""
    assert signoff_problem(signoff, session.doc.revision + 1) != ""
    assert signoff_problem(replace(signoff, digest="0" * 64), 1) != ""
    assert signoff_problem(replace(signoff, fingerprint="ab" * 32), 1) != ""


@pytest.mark.parametrize("role", ["prepared_by", "Prepared by", "prepared-by", "Préparé par"])
def test_roles_accept_keys_labels_and_french(store: Store, demo: Postmortem, role: str) -> None:
    session = _session(store, demo)
    assert sign_role(session, role, "Camille Martin").role == "prepared_by"


def test_unknown_role_and_empty_name_are_refused_and_nothing_is_recorded(
    store: Store, demo: Postmortem
) -> None:
    session = _session(store, demo)
    with pytest.raises(ValidationError, match="Unknown sign-off role 'ceo'"):
        sign_role(session, "ceo", "Boss")
    with pytest.raises(ValidationError, match="name"):
        session.apply(signoff_change(session, "prepared_by", "   ", key=key_for("Camille Martin")))
    assert store.load(demo.id).signoffs == []


def test_a_signoff_without_a_valid_signature_never_approves(store: Store, demo: Postmortem) -> None:
    session = _session(store, demo)
    approve(session)
    doc = store.load(demo.id)
    for signoff in doc.signoffs:
        signoff.signature = base64.b64encode(b"forged").decode()
    states = role_states(doc, tuple(TEAM))
    assert {s.state for s in states} == {"unverified"}


def test_personal_key_is_per_person_owner_only_and_strongly_derived(
    store: Store, demo: Postmortem, db_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    store.close()
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    base = ["--db", str(db_path), "sign", demo.id]
    assert main([*base, "--role", "prepared_by", "--name", "Camille Martin",
                 "--email", "camille@example.org"]) == 0  # fmt: skip
    assert main([*base, "--role", "reviewed_by", "--name", "Julien Roux"]) == 0
    camille, julien = personal_key_path("Camille Martin"), personal_key_path("Julien Roux")
    assert camille != julien and camille.exists() and julien.exists()
    assert stat.S_IMODE(camille.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(camille.stat().st_mode) == 0o600
    key = load_key(camille, PASSPHRASE)
    assert "CN=Camille Martin" in key.subject and "camille@example.org" in key.subject
    assert _pbkdf2_rounds(camille.read_bytes()) >= KDF_ROUNDS >= 600_000
    with Store(db_path) as reopened:
        signoffs = {s.role: s for s in reopened.load(demo.id).signoffs}
    assert signoffs["reviewed_by"].fingerprint == load_key(julien, PASSPHRASE).fingerprint
    assert signoffs["prepared_by"].fingerprint != signoffs["reviewed_by"].fingerprint
    assert "not on the trust list" in capsys.readouterr().err


def _pbkdf2_rounds(p12: bytes) -> int:
    """The PBKDF2 iteration count protecting the key bag (read from the DER)."""
    from asn1crypto import pkcs12

    pfx = pkcs12.Pfx.load(p12)
    rounds = []
    for content in pfx.authenticated_safe:
        info = content["content"]
        if content["content_type"].native == "encrypted_data":
            params = info["encrypted_content_info"]["content_encryption_algorithm"]["parameters"]
            rounds.append(params["key_derivation_func"]["parameters"]["iteration_count"].native)
        else:
            for bag in pkcs12.SafeContents.load(info.native):
                if bag["bag_id"].native == "pkcs8_shrouded_key_bag":
                    params = bag["bag_value"]["encryption_algorithm"]["parameters"]
                    kdf = params["key_derivation_func"]["parameters"]
                    rounds.append(kdf["iteration_count"].native)
    return min(rounds)


def test_new_passphrases_are_at_least_eight_characters(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="at least 8 characters"):
        create_personal_key("short", "Camille", path=tmp_path / "k.p12")
    assert not (tmp_path / "k.p12").exists()


def test_wrong_passphrase_and_bad_key_files_are_clear_errors(tmp_path: Path) -> None:
    path = create_personal_key(PASSPHRASE, "Camille", path=tmp_path / "k.p12")
    with pytest.raises(SigningError, match="wrong passphrase"):
        load_key(path, "not the passphrase")
    bogus = tmp_path / "bogus.p12"
    bogus.write_bytes(b"not a key")
    with pytest.raises(SigningError, match="wrong passphrase, or not a PKCS#12"):
        load_key(bogus, PASSPHRASE)
    with pytest.raises(SigningError, match="No signing key"):
        load_key(tmp_path / "missing.p12", PASSPHRASE)
    with pytest.raises(SigningError, match="already exists"):
        create_personal_key(PASSPHRASE, "Camille", path=path)


def test_cli_sign_needs_a_passphrase_and_accepts_an_own_pkcs12(
    store: Store, demo: Postmortem, db_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    store.close()
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    base = ["--db", str(db_path), "sign", demo.id, "--role", "approved_by", "--name", "Sofia"]
    assert main(base) == 1
    assert PASSPHRASE_ENV in capsys.readouterr().err
    own = create_personal_key(PASSPHRASE, "Sofia Benali (corporate)", path=tmp_path / "own.p12")
    phrase = tmp_path / "phrase.txt"
    phrase.write_text("wrong phrase\n", encoding="utf-8")
    assert main([*base, "--p12", str(own), "--passphrase-file", str(phrase)]) == 1
    assert "wrong passphrase" in capsys.readouterr().err
    phrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert main([*base, "--p12", str(own), "--passphrase-file", str(phrase)]) == 0
    assert not personal_key_path("Sofia").exists()
    with Store(db_path) as reopened:
        [signoff] = reopened.load(demo.id).signoffs
    assert signoff.fingerprint == load_key(own, PASSPHRASE).fingerprint


def test_signing_a_role_twice_asks_before_replacing(
    store: Store, demo: Postmortem, db_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    store.close()
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    base = ["--db", str(db_path), "sign", demo.id, "--role", "approved_by"]
    assert main([*base, "--name", "Early Bird"]) == 0
    assert main([*base, "--name", "Sofia Benali"]) == 2
    assert "Early Bird has already signed as approved_by" in capsys.readouterr().err
    assert main([*base, "--name", "Sofia Benali", "--replace"]) == 0
    assert "replaced the sign-off by Early Bird" in capsys.readouterr().err
    with Store(db_path) as reopened:
        doc = reopened.load(demo.id)
        names = [s.name for s in doc.signoffs if s.role == "approved_by"]
        pdf = stored_pdf(reopened, doc)
    assert names == ["Sofia Benali"]
    out = db_path.parent / "replaced.pdf"
    out.write_bytes(pdf or b"")
    fields = [c.field for c in verify_pdf(out, TrustList(out)).signatures]
    assert fields == ["approved_by", "approved_by__2"]


def test_export_for_approval_has_empty_fields_and_the_document_attached(
    store: Store, demo: Postmortem, db_path: Path, tmp_path: Path
) -> None:
    store.close()
    out = tmp_path / "for-approval.pdf"
    args = ["--db", str(db_path), "export", demo.id, "--format", "pdf", "--for-approval"]
    assert main([*args, "-o", str(out)]) == 0
    listing = subprocess.run(
        ["pdfsig", str(out)], capture_output=True, text=True, check=True
    ).stdout
    assert listing.count("The signature form field is not signed") == 4
    attached = subprocess.run(
        ["pdfdetach", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout
    assert "postmortem.json" in attached
    saved = tmp_path / "attached.json"
    subprocess.run(["pdfdetach", "-save", "1", "-o", str(saved), str(out)], check=True)
    doc = document_from_json(saved.read_text(encoding="utf-8"))
    assert doc.id == demo.id and content_digest(doc) == content_digest(demo)
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Signatures" in text and "Préparé par" in text and content_digest(demo) in text


def test_plain_export_of_a_report_in_review_is_unsigned(
    store: Store, demo: Postmortem, db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    store.close()
    out = tmp_path / "draft.pdf"
    assert main(["--db", str(db_path), "export", demo.id, "--format", "pdf", "-o", str(out)]) == 0
    assert main(["verify", str(out)]) == EXIT_BROKEN  # no attached document: nothing to rely on
    text = capsys.readouterr().out
    assert "no signature: nothing in this file was signed" in text
    assert "carries no attached postmortem.json" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text", "is not a PDF file"),
        ("truncated", "truncated"),
        ("dir", "folder"),
        ("fifo", "not a file"),  # reading a FIFO would wait for a writer forever
    ],
)
def test_verify_unreadable_files(
    content: bytes | str, message: str, tmp_path: Path,
    approved: tuple[DocumentSession, Path], capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _, good = approved
    path = tmp_path / "file.pdf"
    if content == "truncated":
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif content == "dir":
        path.mkdir()
    elif content == "fifo":
        os.mkfifo(path)
    else:
        assert isinstance(content, bytes)
        path.write_bytes(content)
    with pytest.raises(FormatError, match=message):
        verify_pdf(path, TrustList(path))
    assert main(["verify", str(path)]) == 2
    assert message in capsys.readouterr().err


def test_a_damaged_signature_is_reported_plainly(
    approved: tuple[DocumentSession, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, good = approved
    data = good.read_bytes()
    start = data.rindex(b"/Contents <") + len(b"/Contents <")
    failures = 0
    for offset in (10, 40, 100, 1000, 2000):
        damaged = bytearray(data)
        damaged[start + offset] = ord("0") if damaged[start + offset] != ord("0") else ord("1")
        path = tmp_path / f"damaged-{offset}.pdf"
        path.write_bytes(bytes(damaged))
        code = main(["verify", str(path)])
        captured = capsys.readouterr()
        text = captured.out + captured.err
        assert "attribute" not in text and "object has no" not in text, text
        # a byte of the CMS envelope that no signature covers may change nothing (no trust list
        # here: such a file stays merely "untrusted")
        assert code in (2, EXIT_BROKEN, EXIT_UNTRUSTED), text
        if code == EXIT_BROKEN:
            failures += 1
            assert "problem:" in text and "RESULT: BROKEN" in text
    assert failures >= 1


def test_two_signers_at_once_both_end_up_in_the_kept_pdf(store: Store, demo: Postmortem) -> None:
    from app.approval import prepare_signoff, record_signoff

    first, second = _session(store, demo), _session(store, demo)
    one = prepare_signoff(first, "prepared_by", "Camille Martin", key=key_for("Camille Martin"))
    two = prepare_signoff(second, "reviewed_by", "Julien Roux", key=key_for("Julien Roux"))
    record_signoff(first, one)
    record_signoff(second, two)  # prepared on a PDF without the first signature
    kept = stored_pdf(store, store.load(demo.id))
    assert kept is not None
    path = Path(demo.id + ".pdf")
    fields = [c.field for c in verify_bytes(kept, TrustList(path), path).signatures]
    assert fields == ["prepared_by", "reviewed_by"]


def test_an_approved_json_export_stays_approved_when_imported_elsewhere(
    approved: tuple[DocumentSession, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session, _ = approved
    exported = tmp_path / "approved.json"
    exported.write_text(document_to_json(session.doc), encoding="utf-8")
    other = tmp_path / "elsewhere.sqlite3"
    assert main(["--db", str(other), "import", str(exported)]) == 0
    assert "warning" not in capsys.readouterr().err  # its sign-offs verify offline
    with Store(other) as store:
        assert store.load(session.doc.id).status == Status.APPROVED


def test_names_a_certificate_cannot_hold_are_refused_before_any_key_is_made(
    store: Store, demo: Postmortem, db_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    store.close()
    phrase = tmp_path / "phrase.txt"
    phrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    base = ["--db", str(db_path), "sign", demo.id, "--passphrase-file", str(phrase)]
    assert main([*base, "--role", "prepared_by", "--name", "Ana 🔥 Ruiz"]) == 2
    err = capsys.readouterr().err
    assert "cannot hold 🔥" in err and "internal error" not in err
    assert not personal_key_path("Ana 🔥 Ruiz").exists(), "no key made for a refused name"
    assert main([*base, "--role", "prepared_by", "--name", "Ana Ruiz", "--email", "anä@x.org"]) == 2
    assert "plain ASCII" in capsys.readouterr().err
    # accents and other scripts are fine
    assert main([*base, "--role", "prepared_by", "--name", "Zoë Ωmega Ruiz"]) == 0
    # a key made by an older version for such a name: a clear way out, not an internal error
    with monkeypatch.context() as older_version:
        older_version.setattr(signing, "check_certificate_name", lambda *_: None)
        create_personal_key(PASSPHRASE, "Ana 🔥 Ruiz", path=personal_key_path("Ana Ruiz"))
    assert main([*base, "--role", "reviewed_by", "--name", "Ana Ruiz"]) == 1
    assert "move that file aside" in capsys.readouterr().err
    with Store(db_path) as reopened:
        assert [s.name for s in reopened.load(demo.id).signoffs] == ["Zoë Ωmega Ruiz"]
