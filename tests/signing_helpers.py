"""Keys, signers that are not ours (Poppler's pdfsig, pyHanko used directly) and trust lists."""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.approval import prepare_signoff, record_signoff
from app.model import SignOff
from app.session import DocumentSession
from app.signing import SignerKey, new_key
from app.signoff import signoff_change
from app.vocabulary import DEFAULT_SIGNOFF_ROLES

PASSPHRASE = "correct horse battery"
_KEYS: dict[str, SignerKey] = {}


def key_for(name: str) -> SignerKey:
    """One in-memory key per person for the whole run (RSA generation costs ≈ 30 ms)."""
    if name not in _KEYS:
        _KEYS[name] = new_key(name, f"{name.split(maxsplit=1)[0].lower()}@example.org")
    return _KEYS[name]


def sign_role(session: DocumentSession, role: str, name: str, **options: object) -> SignOff:
    """A full sign-off: recorded, and its field of the approval PDF signed."""
    prepared = prepare_signoff(session, role, name, key=key_for(name), **options)  # type: ignore[arg-type]
    return record_signoff(session, prepared)


def quick_sign(
    session: DocumentSession, role: str, name: str, title: str = "", now: datetime | None = None
) -> SignOff:
    """A signed sign-off in the database only (no PDF): for workflow tests."""
    key = key_for(name.strip() or "Anonymous")
    session.apply(signoff_change(session, role, name, title, key=key, now=now))
    return session.doc.signoffs[-1]


TEAM = {
    "prepared_by": "Camille Martin",
    "reviewed_by": "Julien Roux",
    "approved_by": "Sofia Benali",
    "filed_by": "Nadia Haddad",
}


def approve(session: DocumentSession, roles: tuple[str, ...] = DEFAULT_SIGNOFF_ROLES) -> None:
    for role in roles:
        sign_role(session, role, TEAM.get(role, "Someone"))


def trust_line(fingerprint: str, roles: str, name: str) -> str:
    return f"sha256:{fingerprint}  roles={roles}  {name}\n"


def team_trust(path: Path, extra: str = "") -> Path:
    """A trust list with every TEAM member allowed their own role."""
    text = "".join(trust_line(key_for(n).fingerprint, r, n) for r, n in TEAM.items())
    path.write_text(text + extra, encoding="utf-8")
    return path


def pyhanko_sign(pdf: bytes, key: SignerKey, field: str) -> bytes:
    """Sign ``field`` with pyHanko's own signer (not the app's signing code)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    signer = signers.SimpleSigner(
        signing_cert=key.certificate,
        signing_key=key.key,
        cert_registry=SimpleCertificateStore.from_certs([key.certificate, *key.chain]),
    )
    output = io.BytesIO()
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name=field), signer, output=output)
    return output.getvalue()


@dataclass(frozen=True)
class NssSigner:
    """A certificate in an NSS database, for Poppler's ``pdfsig -sign``."""

    folder: Path
    nick: str
    certificate_der: bytes

    def sign(self, source: Path, target: Path, field: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["pdfsig", "-nssdir", f"sql:{self.folder}", "-nick", self.nick, "-sign", field,
             str(source), str(target)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip

    @property
    def fingerprint(self) -> str:
        from app.signing import certificate_fingerprint

        return certificate_fingerprint(self.certificate_der)


def make_nss_signer(folder: Path, nick: str, subject: str) -> NssSigner:
    """``certutil``: an empty-password NSS database with one self-signed signing certificate."""
    import base64
    import os

    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["certutil", "-N", "-d", f"sql:{folder}", "--empty-password"], check=True)
    noise = folder / "noise"
    noise.write_bytes(os.urandom(64))
    subprocess.run(
        ["certutil", "-S", "-d", f"sql:{folder}", "-n", nick, "-s", subject, "-x",
         "-t", "CTu,Cu,Cu", "-k", "rsa", "-g", "2048", "-v", "12", "-z", str(noise)],
        input="y\n\n", capture_output=True, text=True, check=True,
    )  # fmt: skip
    pem = subprocess.run(
        ["certutil", "-L", "-d", f"sql:{folder}", "-n", nick, "-a"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    body = "".join(line for line in pem.splitlines() if not line.startswith("-----"))
    return NssSigner(folder, nick, base64.b64decode(body))
