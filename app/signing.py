"""PAdES digital signature of an approved report's PDF (pyHanko, imported lazily).

The signer uses either a PKCS#12 file they already have, or a personal key and self-signed
certificate that the app creates on first use in the user's data folder, protected by their
passphrase. The signature's reason carries the content digest printed in the report, so
``verify`` can tell whether the document that was signed is the one described.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.errors import PostmortemError, ValidationError
from app.paths import data_dir

PASSPHRASE_ENV = "POSTMORTEM_STUDIO_KEY_PASSPHRASE"
PERSONAL_KEY_FILE = "personal-signing-key.p12"
FIELD_NAME = "PostmortemApproval"
REASON_PREFIX = "Approved postmortem report; content digest sha256:"
KEY_SIZE = 2048
CERTIFICATE_YEARS = 10  # reports are kept for years; the signature must stay checkable


class SigningError(PostmortemError):
    """The key cannot be used (wrong passphrase, unreadable file) or signing failed."""


@dataclass(frozen=True)
class SignerKey:
    """A loaded private key and its certificate chain (asn1crypto objects for pyHanko)."""

    key: Any
    certificate: Any
    chain: tuple[Any, ...]
    subject: str
    #: the same private key as a ``cryptography`` object, so signing does not re-parse it
    native: Any = None


def personal_key_path() -> Path:
    return data_dir() / "signing" / PERSONAL_KEY_FILE


def create_personal_key(passphrase: str, name: str, path: Path | None = None) -> Path:
    """Create the self-signed personal key (PKCS#12, passphrase protected, owner-only file)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    if not passphrase:
        raise ValidationError("A passphrase is needed to protect the signing key.")
    target = path or personal_key_path()
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name.strip() or "Postmortem Studio user"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Postmortem Studio"),
        ]
    )
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=365 * CERTIFICATE_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        b"postmortem-studio",
        key,
        certificate,
        None,
        serialization.BestAvailableEncryption(passphrase.encode()),
    )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
    except FileExistsError:
        raise SigningError(f"A signing key already exists at {target}; it was kept.") from None
    except OSError as error:
        raise SigningError(
            f"Cannot create the signing key at {target}: {error.strerror}."
        ) from None
    return target


def load_key(path: Path, passphrase: str) -> SignerKey:
    """Open a PKCS#12 file; a wrong passphrase or a damaged file gives a clear error."""
    from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SigningError(f"No signing key file at {path}.") from None
    except OSError as error:
        raise SigningError(f"Cannot read the signing key {path}: {error.strerror}.") from None
    try:
        key, certificate, extra = pkcs12.load_key_and_certificates(data, passphrase.encode())
    except ValueError:
        raise SigningError(
            f"Cannot open {path.name}: wrong passphrase, or not a PKCS#12 (.p12/.pfx) file."
        ) from None
    if key is None or certificate is None:
        raise SigningError(f"{path.name} holds no private key with its certificate.")
    key_der = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    der = serialization.Encoding.DER
    return SignerKey(
        key=asn1_keys.PrivateKeyInfo.load(key_der),
        certificate=asn1_x509.Certificate.load(certificate.public_bytes(der)),
        chain=tuple(asn1_x509.Certificate.load(c.public_bytes(der)) for c in extra),
        subject=certificate.subject.rfc4514_string(),
        native=key,
    )


def personal_key(passphrase: str, name: str) -> SignerKey:
    """The user's personal key, created on first use."""
    path = personal_key_path()
    if not path.exists():
        create_personal_key(passphrase, name, path)
    return load_key(path, passphrase)


def passphrase_from(file: Path | None) -> str:
    """The passphrase for scripting: a file's first line, else the environment variable."""
    if file is not None:
        try:
            return file.read_text(encoding="utf-8").splitlines()[0] if file.stat().st_size else ""
        except OSError as error:
            raise SigningError(
                f"Cannot read the passphrase file {file}: {error.strerror}."
            ) from None
    value = os.environ.get(PASSPHRASE_ENV, "")
    if not value:
        raise SigningError(
            f"A passphrase is needed to sign: use --passphrase-file or set {PASSPHRASE_ENV}."
        )
    return value


def sign_pdf(pdf: bytes, signer: SignerKey, *, digest: str, name: str) -> bytes:
    """Return ``pdf`` with a PAdES baseline signature appended (incremental update)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    simple = _signer_class()(
        signing_cert=signer.certificate,
        signing_key=signer.key,
        cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
            [signer.certificate, *signer.chain]
        ),
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        reason=f"{REASON_PREFIX}{digest}",
        name=name or None,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    simple.native_key = signer.native
    output = io.BytesIO()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        signers.sign_pdf(writer, metadata, signer=simple, output=output)
    except Exception as error:
        raise SigningError(f"Signing the PDF failed: {error}.") from error
    return output.getvalue()


def _signer_class() -> Any:
    """pyHanko's SimpleSigner, reusing the already parsed key (parsing costs ≈ 60 ms a time)."""
    from cryptography.hazmat.primitives.asymmetric import padding, rsa
    from pyhanko.sign import signers
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash

    class PreparsedKeySigner(signers.SimpleSigner):
        native_key: Any = None

        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
            if isinstance(self.native_key, rsa.RSAPrivateKey) and (
                mechanism["algorithm"].native in ("rsassa_pkcs1v15", "sha256_rsa")
            ):
                hash_algorithm = get_pyca_cryptography_hash(digest_algorithm)
                signature: bytes = self.native_key.sign(data, padding.PKCS1v15(), hash_algorithm)
                return signature
            return bytes(super().sign_raw(data, digest_algorithm))

    return PreparsedKeySigner
