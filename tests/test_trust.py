"""The team's trust list: file format, ``trust`` commands, CA-issued certificates."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from app.cli import main
from app.errors import FormatError
from app.model import Postmortem
from app.signing import key_to_p12, new_key
from app.store import Store
from app.trust import load_trust
from app.verify import EXIT_OK, EXIT_UNTRUSTED
from tests.signing_helpers import PASSPHRASE, TEAM, key_for, trust_line


def _pem(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name.split(maxsplit=1)[0].lower()}.pem"
    path.write_bytes(key_for(name).cert.public_bytes(Encoding.PEM))
    return path


def test_add_list_and_remove_with_a_certificate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    trust = tmp_path / "team" / "trusted-signers.txt"
    base = ["--trust", str(trust), "trust"]
    pem = _pem(tmp_path, "Sofia Benali")
    assert main([*base, "add", str(pem), "--roles", "Approved by,reviewed_by", "--yes"]) == 0
    fingerprint = key_for("Sofia Benali").fingerprint
    assert main([*base, "list"]) == 0
    out = capsys.readouterr().out
    assert f"sha256:{fingerprint}  roles=approved_by,reviewed_by  Sofia Benali" in out
    text = trust.read_text(encoding="utf-8")
    assert text.startswith("# Postmortem Studio trust list")  # reviewable plain text
    assert main([*base, "remove", f"sha256:{fingerprint.upper()}"]) == 0
    assert load_trust(trust).entries == []
    assert main([*base, "remove", fingerprint]) == 2
    assert "is not on the trust list" in capsys.readouterr().err


def test_add_asks_unless_yes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    trust = tmp_path / "t.txt"
    pem = _pem(tmp_path, "Julien Roux")
    assert main(["--trust", str(trust), "trust", "add", str(pem)]) == 2  # no terminal to ask
    assert "add --yes" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _question: "n")
    assert main(["--trust", str(trust), "trust", "add", str(pem)]) == 1
    assert not trust.exists()
    monkeypatch.setattr("builtins.input", lambda _question: "y")
    assert main(["--trust", str(trust), "trust", "add", str(pem), "--name", "J. Roux"]) == 0
    [entry] = load_trust(trust).entries
    assert entry.name == "J. Roux" and entry.roles == ("*",)


def test_add_from_a_signed_pdf_gives_one_entry_per_signer_with_the_roles_they_signed(
    store: Store, demo: Postmortem, tmp_path: Path
) -> None:
    from app.approval import stored_pdf
    from app.session import DocumentSession
    from app.signoff import install_signoff_workflow
    from tests.signing_helpers import approve

    session = DocumentSession.open(store, demo.id)
    install_signoff_workflow(session)
    approve(session)
    pdf = tmp_path / "approved.pdf"
    pdf.write_bytes(stored_pdf(store, session.doc) or b"")
    trust = tmp_path / "t.txt"
    assert main(["--trust", str(trust), "trust", "add", str(pdf), "--yes"]) == 0
    entries = {e.name: e.roles for e in load_trust(trust).entries}
    assert entries == {name: (role,) for role, name in TEAM.items()}
    assert main(["--trust", str(trust), "verify", str(pdf)]) == EXIT_OK


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("sha256:1234  roles=*  Someone", "not a SHA-256 certificate fingerprint"),
        (f"sha256:{'a' * 64}  Someone", "expected 'sha256:<fingerprint> roles=<roles> <name>'"),
        (f"sha256:{'a' * 64}  roles=  Someone", "no roles given"),
        (f"sha256:{'a' * 64}  roles=*  ca", "the signer's name is missing"),
    ],
)
def test_a_bad_line_names_its_number(
    tmp_path: Path, line: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    trust = tmp_path / "t.txt"
    trust.write_text(f"# comment\n{trust_line('b' * 64, '*', 'Good')}{line}\n", encoding="utf-8")
    with pytest.raises(FormatError, match=f"t.txt line 3: .*{re.escape(reason)}"):
        load_trust(trust)
    assert main(["--trust", str(trust), "trust", "list"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_add_refuses_what_is_not_a_certificate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_text("hello", encoding="utf-8")
    assert main(["--trust", str(tmp_path / "t.txt"), "trust", "add", str(junk), "--yes"]) == 2
    assert "is not a certificate (PEM/DER) nor a signed PDF" in capsys.readouterr().err
    assert main(["--trust", str(tmp_path / "t.txt"), "trust", "add", str(tmp_path / "no")]) == 2
    pipe = tmp_path / "pipe.pem"
    os.mkfifo(pipe)  # reading it would wait for a writer forever
    assert main(["--trust", str(tmp_path / "t.txt"), "trust", "add", str(pipe), "--yes"]) == 2
    assert "not a file" in capsys.readouterr().err
    assert not (tmp_path / "t.txt").exists()


def test_export_cert_hands_ones_own_certificate_to_the_team(
    store: Store, demo: Postmortem, db_path: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    store.close()
    out = tmp_path / "camille.pem"
    assert main(["trust", "export-cert", "--name", "Camille Martin", "-o", str(out)]) == 2
    assert "No personal key for Camille Martin" in capsys.readouterr().err
    monkeypatch.setenv("POSTMORTEM_STUDIO_KEY_PASSPHRASE", PASSPHRASE)
    sign = ["--db", str(db_path), "sign", demo.id, "--role", "prepared_by"]
    assert main([*sign, "--name", "Camille Martin"]) == 0
    assert main(["trust", "export-cert", "--name", "Camille Martin", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    team = tmp_path / "team.txt"
    assert main(["--trust", str(team), "trust", "add", str(out), "--roles", "prepared_by",
                 "--yes"]) == 0  # fmt: skip
    with Store(db_path) as reopened:
        [signoff] = reopened.load(demo.id).signoffs
    assert load_trust(team).entries[0].fingerprint == signoff.fingerprint


def test_a_certificate_issued_by_a_listed_ca_is_trusted(
    store: Store, demo: Postmortem, db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from app.signoff import set_required_roles

    ca = new_key("Example Corp Issuing CA", ca=True)
    issued = new_key("Sofia Benali", issuer=ca)
    p12 = tmp_path / "sofia-corporate.p12"
    p12.write_bytes(key_to_p12(issued, PASSPHRASE))
    phrase = tmp_path / "phrase"
    phrase.write_text(PASSPHRASE, encoding="utf-8")
    set_required_roles(store, ["approved_by"])
    store.close()
    sign = ["--db", str(db_path), "sign", demo.id, "--role", "approved_by", "--name", "Sofia"]
    assert main([*sign, "--p12", str(p12), "--passphrase-file", str(phrase)]) == 0
    out = tmp_path / "approved.pdf"
    assert main(["--db", str(db_path), "export", demo.id, "--format", "pdf", "-o", str(out)]) == 0
    ca_pem = tmp_path / "ca.pem"
    ca_pem.write_bytes(ca.cert.public_bytes(Encoding.PEM))
    trust = tmp_path / "t.txt"
    assert main(["--trust", str(trust), "trust", "add", str(ca_pem), "--ca", "--roles",
                 "approved_by", "--yes"]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["--trust", str(trust), "verify", str(out)]) == EXIT_OK
    assert "issued by a trusted CA" in capsys.readouterr().out
    # another CA with the same name is not the listed one
    other = new_key("Example Corp Issuing CA", ca=True)
    ca_pem.write_bytes(other.cert.public_bytes(Encoding.PEM))
    trust.unlink()
    assert main(["--trust", str(trust), "trust", "add", str(ca_pem), "--ca", "--yes"]) == 0
    assert main(["--trust", str(trust), "verify", str(out)]) == EXIT_UNTRUSTED
