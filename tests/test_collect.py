"""Approval by distribution: export for approval, people sign in their own tools, ``collect``.

The signers are not this project's code: Poppler's ``pdfsig`` with a certificate in an NSS
database, and pyHanko's own signer.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.model import Postmortem
from app.signoff import set_required_roles
from app.store import Store
from app.verify import EXIT_OK, EXIT_UNTRUSTED
from app.vocabulary import Status
from tests.signing_helpers import (
    NssSigner,
    key_for,
    make_nss_signer,
    pyhanko_sign,
    team_trust,
    trust_line,
)

ROLES = ("reviewed_by", "approved_by")


@pytest.fixture(scope="session")
def poppler_signer(tmp_path_factory: pytest.TempPathFactory) -> NssSigner:
    folder = tmp_path_factory.mktemp("nss")
    return make_nss_signer(folder, "julien", "CN=Julien Roux,O=Example")


@pytest.fixture
def for_approval(store: Store, demo: Postmortem, db_path: Path, tmp_path: Path) -> Path:
    """Two required roles; the report exported for approval with the CLI."""
    set_required_roles(store, list(ROLES))
    store.close()
    out = tmp_path / "for-approval.pdf"
    args = ["--db", str(db_path), "export", demo.id, "--format", "pdf", "--for-approval"]
    assert main([*args, "-o", str(out)]) == 0
    return out


def _trust(tmp_path: Path, poppler: NssSigner) -> Path:
    path = tmp_path / "team.txt"
    path.write_text(
        trust_line(poppler.fingerprint, "reviewed_by", "Julien Roux")
        + trust_line(key_for("Sofia Benali").fingerprint, "approved_by", "Sofia Benali"),
        encoding="utf-8",
    )
    return path


def _pdfsig(signer: NssSigner, source: Path, target: Path, field: str) -> None:
    run = signer.sign(source, target, field)
    assert run.returncode == 0 and target.exists(), run.stderr


@pytest.mark.parametrize("poppler_first", [True, False], ids=["pdfsig-first", "pyhanko-first"])
def test_two_approvers_sign_in_their_own_tools_then_collect_approves_and_locks(
    for_approval: Path, poppler_signer: NssSigner, db_path: Path, demo: Postmortem,
    tmp_path: Path, poppler_first: bool, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    sofia = key_for("Sofia Benali")
    middle, signed = tmp_path / "one.pdf", tmp_path / "both.pdf"
    if poppler_first:
        _pdfsig(poppler_signer, for_approval, middle, "reviewed_by")
        signed.write_bytes(pyhanko_sign(middle.read_bytes(), sofia, "approved_by"))
    else:
        middle.write_bytes(pyhanko_sign(for_approval.read_bytes(), sofia, "approved_by"))
        _pdfsig(poppler_signer, middle, signed, "reviewed_by")
    trust = _trust(tmp_path, poppler_signer)
    assert main(["--db", str(db_path), "--trust", str(trust), "collect", str(signed)]) == 0
    out = capsys.readouterr().out
    assert (
        "recorded reviewed_by: Julien Roux" in out and "recorded approved_by: Sofia Benali" in out
    )
    assert "status: approved" in out
    with Store(db_path) as store:
        doc = store.load(demo.id)
    assert doc.status == Status.APPROVED
    assert {s.role: s.fingerprint for s in doc.signoffs} == {
        "reviewed_by": poppler_signer.fingerprint,
        "approved_by": sofia.fingerprint,
    }
    # verify: 0 with the team's list, non-zero with an empty one
    assert main(["--trust", str(trust), "verify", str(signed)]) == EXIT_OK
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["--trust", str(empty), "verify", str(signed)]) == EXIT_UNTRUSTED
    # Poppler agrees both signatures are valid
    listing = subprocess.run(["pdfsig", str(signed)], capture_output=True, text=True, check=True)
    assert listing.stdout.count("Signature is Valid") == 2


def test_collect_then_export_gives_the_signed_pdf_and_a_locked_report(
    for_approval: Path, poppler_signer: NssSigner, db_path: Path, demo: Postmortem,
    tmp_path: Path,
) -> None:  # fmt: skip
    signed = tmp_path / "signed.pdf"
    _pdfsig(poppler_signer, for_approval, tmp_path / "one.pdf", "reviewed_by")
    signed.write_bytes(
        pyhanko_sign((tmp_path / "one.pdf").read_bytes(), key_for("Sofia Benali"), "approved_by")
    )
    trust = _trust(tmp_path, poppler_signer)
    assert main(["--db", str(db_path), "--trust", str(trust), "collect", str(signed)]) == 0
    exported = tmp_path / "exported.pdf"
    args = ["--db", str(db_path), "export", demo.id, "--format", "pdf", "-o", str(exported)]
    assert main(args) == 0
    assert exported.read_bytes() == signed.read_bytes()
    from app.session import DocumentSession
    from app.signoff import install_signoff_workflow

    with Store(db_path) as store:
        session = DocumentSession.open(store, demo.id)
        install_signoff_workflow(session)
        from app.errors import LockedError
        from app.session import FieldChange

        with pytest.raises(LockedError):
            session.apply(FieldChange("edit", lambda d: d, "summary", "changed"))


def _refused(db_path: Path, trust: Path, pdf: Path, capsys: pytest.CaptureFixture[str],
             *extra: str) -> str:  # fmt: skip
    with Store(db_path) as store:
        [summary] = store.summaries()
        before = (store.seq(summary.id), store.load(summary.id).signoffs)
        trust_before = trust.read_text(encoding="utf-8")
    code = main(["--db", str(db_path), "--trust", str(trust), "collect", str(pdf), *extra])
    err = capsys.readouterr().err
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1, err
    with Store(db_path) as store:
        assert (store.seq(summary.id), store.load(summary.id).signoffs) == before
    assert trust.read_text(encoding="utf-8") == trust_before  # nothing changed
    return err


def test_an_unknown_signer_is_refused_unless_accepted_explicitly(
    for_approval: Path, poppler_signer: NssSigner, db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    signed = tmp_path / "signed.pdf"
    _pdfsig(poppler_signer, for_approval, signed, "reviewed_by")
    trust = tmp_path / "only-sofia.txt"
    trust.write_text(trust_line(key_for("Sofia Benali").fingerprint, "*", "Sofia"), "utf-8")
    err = _refused(db_path, trust, signed, capsys)
    assert "CN=Julien Roux" in err and "is not on the trust list" in err and "--trust-new" in err
    code = main(["--db", str(db_path), "--trust", str(trust), "collect", str(signed),
                 "--trust-new"])  # fmt: skip
    assert code == 0
    assert "added to the trust list" in capsys.readouterr().err
    text = trust.read_text(encoding="utf-8")
    assert f"sha256:{poppler_signer.fingerprint}  roles=reviewed_by  Julien Roux" in text


def test_a_field_signed_by_someone_not_allowed_that_role_is_refused(
    for_approval: Path, poppler_signer: NssSigner, db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    signed = tmp_path / "signed.pdf"
    _pdfsig(poppler_signer, for_approval, signed, "approved_by")  # Julien signs Sofia's field
    trust = _trust(tmp_path, poppler_signer)
    err = _refused(db_path, trust, signed, capsys, "--trust-new")
    assert "Julien Roux may not sign approved_by" in err


def test_a_broken_signature_is_refused(
    for_approval: Path, db_path: Path, tmp_path: Path, poppler_signer: NssSigner,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    data = bytearray(
        pyhanko_sign(for_approval.read_bytes(), key_for("Sofia Benali"), "approved_by")
    )
    text_at = data.index(b"stream", len(data) // 5) + 40  # a byte of the signed content
    data[text_at] ^= 0x01
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(data))
    err = _refused(db_path, _trust(tmp_path, poppler_signer), broken, capsys)
    assert "signature approved_by" in err or "damaged" in err


def test_a_partial_signature_is_refused(
    for_approval: Path, db_path: Path, tmp_path: Path, poppler_signer: NssSigner,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """Content added after the signature (an unsigned update): the signature covers part only."""
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    signed = pyhanko_sign(for_approval.read_bytes(), key_for("Sofia Benali"), "approved_by")
    writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    writer.add_stream_to_page(0, writer.add_object(generic.StreamObject(stream_data=b"")))
    output = io.BytesIO()
    writer.write(output)
    partial = tmp_path / "partial.pdf"
    partial.write_bytes(output.getvalue())
    err = _refused(db_path, _trust(tmp_path, poppler_signer), partial, capsys)
    assert "the file was changed after this signature" in err


def test_a_pdf_not_exported_for_approval_or_of_another_database_is_refused(
    store: Store, demo: Postmortem, db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    store.close()
    plain = tmp_path / "plain.pdf"
    assert main(["--db", str(db_path), "export", demo.id, "--format", "pdf", "-o", str(plain)]) == 0
    capsys.readouterr()
    trust = team_trust(tmp_path / "t.txt")
    assert "no attached postmortem" in _refused(db_path, trust, plain, capsys)
    approval = tmp_path / "approval.pdf"
    args = ["--db", str(db_path), "export", demo.id, "--format", "pdf", "--for-approval"]
    assert main([*args, "-o", str(approval)]) == 0
    other = tmp_path / "other.sqlite3"
    assert main(["--db", str(other), "demo"]) == 0
    capsys.readouterr()
    code = main(["--db", str(other), "--trust", str(trust), "collect", str(approval)])
    assert code == 2
    assert "not in this database" in capsys.readouterr().err
