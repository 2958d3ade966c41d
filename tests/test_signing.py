"""Digital signature of approved reports, and ``verify`` on good, tampered and bad files."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from app.cli import main
from app.errors import FormatError
from app.jsonio import content_digest
from app.model import Postmortem
from app.report.export import SignWith, build_pdf
from app.report.renderer import render_pdf
from app.session import DocumentSession
from app.signing import (
    PASSPHRASE_ENV,
    SigningError,
    create_personal_key,
    load_key,
    personal_key_path,
    sign_pdf,
)
from app.signoff import install_signoff_workflow, sign
from app.store import Store
from app.verify import verify_pdf
from app.vocabulary import DEFAULT_SIGNOFF_ROLES, Status

PASSPHRASE = "correct horse battery"


@pytest.fixture(scope="session")
def p12(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One RSA-2048 key and self-signed certificate for the whole test run."""
    return create_personal_key(
        PASSPHRASE, "Sofia Benali", tmp_path_factory.mktemp("keys") / "sofia.p12"
    )


@pytest.fixture(scope="session")
def signed_pdf(p12: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.demo import demo_document

    doc = demo_document()
    doc.status = Status.APPROVED
    data = build_pdf(doc, sign_with=SignWith(PASSPHRASE, p12=p12, name="Sofia Benali"))
    path = tmp_path_factory.mktemp("signed") / "report.pdf"
    path.write_bytes(data)
    return path


def _pdfsig(path: Path) -> str:
    """Poppler's independent opinion of a signed PDF."""
    run = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    return run.stdout


def _approve(store: Store, doc: Postmortem) -> None:
    session = DocumentSession.open(store, doc.id)
    install_signoff_workflow(session)
    for role in DEFAULT_SIGNOFF_ROLES:
        sign(session, role, "Sofia Benali" if role == "approved_by" else "Camille Martin")


def test_signed_report_verifies(signed_pdf: Path) -> None:
    result = verify_pdf(signed_pdf)
    assert result.ok
    [check] = result.signatures
    assert check.signer == "Sofia Benali"
    assert check.signed_at is not None
    assert check.intact and check.whole_file
    assert not check.trusted  # self-signed: reported honestly
    assert result.digest_matches
    text = "\n".join(result.lines())
    assert "INTACT" in text and "RESULT: OK" in text and "matches the signed document" in text


def test_one_flipped_byte_is_detected(signed_pdf: Path, tmp_path: Path) -> None:
    data = bytearray(signed_pdf.read_bytes())
    data[len(data) // 3] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    try:
        result = verify_pdf(tampered)
    except FormatError:
        return  # the flip broke the file structure: also a failure to verify
    assert not result.ok
    assert "NOT INTACT" in "\n".join(result.lines())
    if shutil.which("pdfsig"):
        out = _pdfsig(tampered)
        assert "Digest Mismatch" in out or "Signature is Invalid" in out
        assert "Signature is Valid" in _pdfsig(signed_pdf)


def test_appending_after_signing_is_detected(signed_pdf: Path, tmp_path: Path) -> None:
    import io

    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed_pdf.read_bytes()))
    writer.root["/PageMode"] = generic.NameObject("/UseOutlines")
    writer.update_root()
    output = io.BytesIO()
    writer.write(output)
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(output.getvalue())
    result = verify_pdf(appended)
    assert not result.ok
    assert "changed after it was signed" in "\n".join(result.lines())


def test_digest_in_report_must_match_the_signed_one(p12: Path, tmp_path: Path) -> None:
    from app.demo import demo_document

    doc = demo_document()
    key = load_key(p12, PASSPHRASE)
    data = sign_pdf(render_pdf(doc), key, digest="0" * 64, name="Mallory")
    path = tmp_path / "mismatch.pdf"
    path.write_bytes(data)
    result = verify_pdf(path)
    assert result.signatures[0].intact
    assert not result.digest_matches and not result.ok
    assert "DOES NOT MATCH" in "\n".join(result.lines())


def test_wrong_pkcs12_passphrase_is_a_clear_error(p12: Path) -> None:
    with pytest.raises(SigningError, match="wrong passphrase"):
        load_key(p12, "not the passphrase")


def test_not_a_key_file(tmp_path: Path) -> None:
    bogus = tmp_path / "key.p12"
    bogus.write_bytes(b"hello")
    with pytest.raises(SigningError, match="not a PKCS#12"):
        load_key(bogus, PASSPHRASE)
    with pytest.raises(SigningError, match="No signing key"):
        load_key(tmp_path / "missing.p12", PASSPHRASE)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text", "is not a PDF file"),
        (None, "not signed"),
        ("truncated", "truncated"),
    ],
)
def test_verify_bad_files(
    content: bytes | str | None, message: str, tmp_path: Path, signed_pdf: Path
) -> None:
    path = tmp_path / "file.pdf"
    if content is None:
        from app.demo import demo_document

        path.write_bytes(render_pdf(demo_document()))
    elif content == "truncated":
        path.write_bytes(signed_pdf.read_bytes()[: signed_pdf.stat().st_size // 2])
    else:
        assert isinstance(content, bytes)
        path.write_bytes(content)
    with pytest.raises(FormatError, match=message):
        verify_pdf(path)


def test_verify_cli_messages(
    signed_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "db.sqlite3"), "verify", str(signed_pdf)]) == 0
    assert "RESULT: OK" in capsys.readouterr().out
    assert main(["--db", str(tmp_path / "db.sqlite3"), "verify", str(tmp_path / "none.pdf")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_cli_export_of_approved_report_is_signed_with_personal_key(
    store: Store,
    demo: Postmortem,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _approve(store, demo)
    store.close()
    out = tmp_path / "approved.pdf"
    args = ["--db", str(db_path), "export", demo.id, "--format", "pdf", "-o", str(out)]
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    assert main(args) == 1
    assert PASSPHRASE_ENV in capsys.readouterr().err
    assert not out.exists()
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    assert main([*args, "--lang", "en", "--paper", "letter"]) == 0
    key = personal_key_path()
    assert key.exists()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600  # created on first use, owner only
    result = verify_pdf(out)
    assert result.ok and result.signatures[0].signer == "Sofia Benali"
    assert result.printed_digest == content_digest(demo)
    phrase = tmp_path / "phrase.txt"
    phrase.write_text("wrong\n", encoding="utf-8")
    monkeypatch.delenv(PASSPHRASE_ENV)
    assert main([*args, "--passphrase-file", str(phrase)]) == 1
    assert "wrong passphrase" in capsys.readouterr().err


def test_cli_export_with_user_pkcs12(
    store: Store, demo: Postmortem, db_path: Path, tmp_path: Path, p12: Path
) -> None:
    _approve(store, demo)
    store.close()
    phrase = tmp_path / "phrase.txt"
    phrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    out = tmp_path / "mine.pdf"
    args = ["--db", str(db_path), "export", demo.id, "--format", "pdf", "-o", str(out)]
    assert main([*args, "--p12", str(p12), "--passphrase-file", str(phrase)]) == 0
    assert verify_pdf(out).ok
    assert not personal_key_path().exists()


def test_unapproved_export_is_unsigned_and_read_only_folder_is_refused(
    store: Store,
    demo: Postmortem,
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store.close()
    out = tmp_path / "draft.pdf"
    base = ["--db", str(db_path), "export", demo.id, "--format", "pdf"]
    assert main([*base, "-o", str(out)]) == 0
    with pytest.raises(FormatError, match="not signed"):
        verify_pdf(out)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    # root may write anywhere it owns: then use a folder the kernel keeps read-only
    folder = Path("/sys") if os.geteuid() == 0 else locked
    try:
        assert main([*base, "-o", str(folder / "report.pdf")]) == 1
        assert "permission denied" in capsys.readouterr().err
        assert not (folder / "report.pdf").exists()
    finally:
        locked.chmod(0o700)


def test_a_damaged_signature_is_reported_plainly(
    signed_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = signed_pdf.read_bytes()
    base = data.index(b"/Contents <") + len(b"/Contents <")
    failures = 0
    for offset in (10, 40, 100, 1000, 2000):
        damaged = bytearray(data)
        damaged[base + offset] = ord("0") if damaged[base + offset] != ord("0") else ord("1")
        path = tmp_path / f"damaged-{offset}.pdf"
        path.write_bytes(bytes(damaged))
        code = main(["verify", str(path)])
        captured = capsys.readouterr()
        text = captured.out + captured.err
        assert "attribute" not in text and "object has no" not in text, text
        assert code in (0, 2, 3), text
        if code == 3:
            failures += 1
            assert "problem:" in text and "RESULT: FAILED" in text
            assert "matches the signed document" not in text
    assert failures >= 1


def test_a_tampered_content_byte_gives_a_reason_and_exit_3(
    signed_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = bytearray(signed_pdf.read_bytes())
    marker = data.index(b"stream\n", len(data) // 4) + len(b"stream\n") + 10
    data[marker] ^= 0x01
    tampered = tmp_path / "tampered-content.pdf"
    tampered.write_bytes(bytes(data))
    code = main(["verify", str(tampered)])
    out = capsys.readouterr().out
    if code == 2:  # the flip broke the file's structure: refused as damaged, also a failure
        return
    assert code == 3
    assert "NOT INTACT" in out and "problem: the signed bytes were modified" in out
    assert "cannot be trusted" in out and "matches the signed document" not in out


def test_signing_a_role_twice_asks_before_replacing(
    store: Store, demo: Postmortem, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store.close()
    base = ["--db", str(db_path), "sign", demo.id, "--role", "approved_by"]
    assert main([*base, "--name", "Early Bird"]) == 0
    assert main([*base, "--name", "Sofia Benali"]) == 2
    assert "Early Bird has already signed as approved_by" in capsys.readouterr().err
    assert main([*base, "--name", "Sofia Benali", "--replace"]) == 0
    assert "replaced the sign-off by Early Bird" in capsys.readouterr().err
    with Store(db_path) as reopened:
        names = [s.name for s in reopened.load(demo.id).signoffs if s.role == "approved_by"]
    assert names == ["Sofia Benali"]


def test_signing_a_locked_report_is_refused_as_bad_input(
    store: Store, demo: Postmortem, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _approve(store, demo)
    store.close()
    args = ["--db", str(db_path), "sign", demo.id, "--role", "filed_by", "--name", "X"]
    assert main(args) == 2
    assert "approved and locked" in capsys.readouterr().err
