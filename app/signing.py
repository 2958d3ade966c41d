"""Each person's signing key: created on first use, or their own PKCS#12 file.

A personal key is an RSA key with a self-signed certificate whose subject carries the person's
name (and e-mail when given). It is kept in the data folder's ``signing`` folder (mode 0700),
one PKCS#12 file per person (mode 0600), encrypted with their passphrase through
PBKDF2-SHA256 (600,000 rounds) and AES-256. pyHanko/asn1crypto objects are built lazily.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from app.errors import PostmortemError, ValidationError
from app.fileio import read_source
from app.paths import data_dir

PASSPHRASE_ENV = "POSTMORTEM_STUDIO_KEY_PASSPHRASE"
KEY_FOLDER = "signing"
KEY_SIZE = 2048
CERTIFICATE_YEARS = 10  # reports are kept for years; the signature must stay checkable
#: PBKDF2-SHA256 rounds protecting a personal key (OWASP 2023 guidance: at least 600,000)
KDF_ROUNDS = 600_000
MIN_PASSPHRASE = 8


class SigningError(PostmortemError):
    """The key cannot be used (wrong passphrase, unreadable file) or signing failed."""


@dataclass(frozen=True)
class SignerKey:
    """A private key with its certificate (``cryptography`` objects) and the issuers' chain."""

    native: Any
    cert: Any
    extra: tuple[Any, ...] = ()

    @cached_property
    def certificate_der(self) -> bytes:
        from cryptography.hazmat.primitives.serialization import Encoding

        return bytes(self.cert.public_bytes(Encoding.DER))

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.certificate_der).hexdigest()

    @property
    def subject(self) -> str:
        return str(self.cert.subject.rfc4514_string())

    @cached_property
    def certificate(self) -> Any:
        """The certificate as an asn1crypto object (pyHanko's type)."""
        from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]

        return asn1_x509.Certificate.load(self.certificate_der)

    @cached_property
    def chain(self) -> tuple[Any, ...]:
        from asn1crypto import x509 as asn1_x509
        from cryptography.hazmat.primitives.serialization import Encoding

        return tuple(asn1_x509.Certificate.load(c.public_bytes(Encoding.DER)) for c in self.extra)

    @cached_property
    def key(self) -> Any:
        """The private key as an asn1crypto object (pyHanko's type)."""
        from asn1crypto import keys as asn1_keys
        from cryptography.hazmat.primitives import serialization

        der = self.native.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return asn1_keys.PrivateKeyInfo.load(der)


def keys_folder() -> Path:
    """The owner-only folder of personal keys (created with mode 0700, tightened if looser)."""
    folder = data_dir() / KEY_FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if folder.stat().st_mode & 0o077:
            folder.chmod(0o700)
    except OSError as error:
        raise SigningError(f"Cannot prepare the key folder {folder}: {error.strerror}.") from None
    return folder


def key_slug(name: str) -> str:
    """A file name for a person's key: ``Élodie Martin`` → ``elodie-martin``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    if not slug:
        slug = hashlib.sha256(name.encode()).hexdigest()[:16]
    return slug


def has_personal_key(name: str) -> bool:
    """Whether ``name`` already has a personal key (nothing is created)."""
    return (data_dir() / KEY_FOLDER / f"{key_slug(name)}.p12").is_file()


def personal_key_path(name: str) -> Path:
    return keys_folder() / f"{key_slug(name)}.p12"


def certificate_path(name: str) -> Path:
    """The personal certificate in the clear (PEM), to hand to the team."""
    return keys_folder() / f"{key_slug(name)}.crt"


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            f"A new signing key needs a passphrase of at least {MIN_PASSPHRASE} characters."
        )


def _prepared(text: str) -> bool:
    """Whether certificate software accepts ``text`` in a name (RFC 4518 string preparation,
    which refuses code points unassigned in Unicode 3.2 — every emoji among them)."""
    from asn1crypto import x509 as asn1_x509

    try:
        _ = asn1_x509.Name.build({"common_name": text}).hashable
    except ValueError:
        return False
    return True


def check_certificate_name(name: str, email: str = "") -> None:
    """Refuse, before any key is made, a name a certificate cannot carry."""
    if not _prepared(name):
        refused = sorted({char for char in name if not _prepared(char)})
        shown = " ".join(refused) or name
        raise ValidationError(
            f"A signing certificate cannot hold {shown} (certificate software refuses emoji and "
            "other recent characters): type the name without them."
        )
    if email and not email.isascii():
        raise ValidationError(
            "A signing certificate needs an e-mail address in plain ASCII letters."
        )


def new_key(
    name: str,
    email: str = "",
    *,
    not_before: datetime | None = None,
    years: int = CERTIFICATE_YEARS,
    issuer: SignerKey | None = None,
    ca: bool = False,
) -> SignerKey:
    """A fresh RSA key and certificate for ``name`` (self-signed unless ``issuer`` is given)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    if not name.strip():
        raise ValidationError("A signing key needs the signer's name.")
    check_certificate_name(name.strip(), email.strip())
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name.strip())]
    if email.strip():
        attributes.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email.strip()))
    attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Postmortem Studio"))
    subject = x509.Name(attributes)
    start = not_before or datetime.now(UTC) - timedelta(minutes=5)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.cert.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=not ca,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    )
    if not ca:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
    signing_key = issuer.native if issuer else key
    certificate = builder.sign(signing_key, hashes.SHA256())
    return SignerKey(key, certificate, (issuer.cert, *issuer.extra) if issuer else ())


def key_to_p12(signer: SignerKey, passphrase: str) -> bytes:
    """PKCS#12 bytes protected by PBKDF2-SHA256 (``KDF_ROUNDS``) and AES-256-CBC."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import PrivateFormat, pkcs12

    encryption = (
        PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase.encode())
    )
    return bytes(
        pkcs12.serialize_key_and_certificates(
            b"postmortem-studio", signer.native, signer.cert, list(signer.extra) or None, encryption
        )
    )


def write_private_file(target: Path, data: bytes) -> None:
    """Create ``target`` whole, with mode 0600, never over an existing file (written aside,
    then linked into place: another program sees no file or the complete one)."""
    aside = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        descriptor = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(aside, target)
    except FileExistsError:
        raise SigningError(f"A signing key already exists at {target}; it was kept.") from None
    except OSError as error:
        raise SigningError(
            f"Cannot create the signing key at {target}: {error.strerror}."
        ) from None
    finally:
        aside.unlink(missing_ok=True)


def create_personal_key(
    passphrase: str, name: str, email: str = "", path: Path | None = None
) -> Path:
    """Create ``name``'s personal key (PKCS#12, passphrase protected, owner-only file)."""
    check_new_passphrase(passphrase)
    from cryptography.hazmat.primitives.serialization import Encoding

    target = path or personal_key_path(name)
    signer = new_key(name, email)
    write_private_file(target, key_to_p12(signer, passphrase))
    certificate = target.with_suffix(".crt")
    certificate.unlink(missing_ok=True)
    write_private_file(certificate, signer.cert.public_bytes(Encoding.PEM))
    return target


def load_key(path: Path, passphrase: str) -> SignerKey:
    """Open a PKCS#12 file; a wrong passphrase or a damaged file gives a clear error."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    if not path.exists():
        raise SigningError(f"No signing key file at {path}.")
    try:
        data = read_source(path, 1024 * 1024, "a signing key is a few kilobytes")
    except PostmortemError as error:
        raise SigningError(f"Cannot read the signing key: {error}") from None
    try:
        key, certificate, extra = pkcs12.load_key_and_certificates(data, passphrase.encode())
    except ValueError:
        raise SigningError(
            f"Cannot open {path.name}: wrong passphrase, or not a PKCS#12 (.p12/.pfx) file."
        ) from None
    if key is None or certificate is None:
        raise SigningError(f"{path.name} holds no private key with its certificate.")
    return SignerKey(key, certificate, tuple(extra))


def personal_key(passphrase: str, name: str, email: str = "") -> SignerKey:
    """``name``'s personal key, created on first use (the passphrase then protects it)."""
    check_certificate_name(name.strip(), email.strip())  # also for a key made before the check
    path = personal_key_path(name)
    if not path.exists():
        try:
            create_personal_key(passphrase, name, email, path)
        except SigningError:
            if not path.exists():  # not a key created meanwhile by another program
                raise
    signer = load_key(path, passphrase)
    if not _prepared(signer.cert.subject.rfc4514_string()):
        raise SigningError(
            f"{path} was made for a name certificate software refuses (emoji or other recent "
            "characters): move that file aside (keep it) and sign again to create a new key."
        )
    return signer


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


def certificate_from_bytes(data: bytes) -> Any:
    """A ``cryptography`` certificate from PEM or DER bytes; ``ValidationError`` otherwise."""
    from cryptography import x509

    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError:
        raise ValidationError("not a PEM or DER certificate.") from None


def certificate_fingerprint(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()


def subject_name(certificate: Any) -> str:
    """The common name of a ``cryptography`` certificate, else its whole subject."""
    from cryptography.x509.oid import NameOID

    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else str(certificate.subject.rfc4514_string())
