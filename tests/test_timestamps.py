"""``--tsa URL``: an RFC 3161 timestamp authority served on 127.0.0.1 by the test itself."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from app.cli import main
from app.model import Postmortem
from app.store import Store
from tests.signing_helpers import PASSPHRASE


def _tsa_identity() -> tuple[object, object]:
    """A TSA certificate (critical timeStamping usage) and key, as asn1crypto objects."""
    from asn1crypto import keys, x509
    from cryptography import x509 as cx509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = cx509.Name([cx509.NameAttribute(NameOID.COMMON_NAME, "Test Timestamp Authority")])
    now = datetime.now(UTC)
    certificate = (
        cx509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(cx509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(cx509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    der_key = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return (
        x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)),
        keys.PrivateKeyInfo.load(der_key),
    )


@pytest.fixture(scope="module")
def tsa_url() -> Iterator[str]:
    from asn1crypto import tsp
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    certificate, key = _tsa_identity()
    stamper = DummyTimeStamper(tsa_cert=certificate, tsa_key=key)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            answer = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            return

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()


def test_a_signature_timestamped_by_the_tsa_says_so(
    store: Store, demo: Postmortem, db_path: Path, tmp_path: Path, tsa_url: str,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from app.signoff import set_required_roles

    set_required_roles(store, ["prepared_by", "approved_by"])
    store.close()
    monkeypatch.setenv("POSTMORTEM_STUDIO_KEY_PASSPHRASE", PASSPHRASE)
    sign = ["--db", str(db_path), "sign", demo.id]
    assert main([*sign, "--role", "prepared_by", "--name", "Camille Martin", "--tsa", tsa_url]) == 0
    assert main([*sign, "--role", "approved_by", "--name", "Sofia Benali"]) == 0
    out = tmp_path / "approved.pdf"
    assert main(["--db", str(db_path), "export", demo.id, "--format", "pdf", "-o", str(out)]) == 0
    capsys.readouterr()
    main(["verify", str(out)])
    text = capsys.readouterr().out
    stamped, claimed = text.split("signature approved_by")
    assert "(RFC 3161 timestamp by Test Timestamp Authority)" in stamped
    assert "claimed by the signer's clock" not in stamped
    assert "(claimed by the signer's clock)" in claimed


def test_an_unreachable_tsa_is_one_clear_line_and_nothing_is_signed(
    store: Store, demo: Postmortem, db_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    store.close()
    monkeypatch.setenv("POSTMORTEM_STUDIO_KEY_PASSPHRASE", PASSPHRASE)
    args = ["--db", str(db_path), "sign", demo.id, "--role", "prepared_by", "--name", "Camille",
            "--tsa", f"http://127.0.0.1:{port}/"]  # fmt: skip
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "did not answer" in err and len(err.strip().splitlines()) == 1
    assert main([*args[:-2], "--tsa", "ftp://example.org/"]) == 1
    assert "must be an http(s) URL" in capsys.readouterr().err
    with Store(db_path) as reopened:
        assert reopened.load(demo.id).signoffs == []
