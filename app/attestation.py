"""The detached signature a sign-off carries: over (content digest, role, revision).

It lets a sign-off stored in the database or in exported JSON be checked later, offline, with
nothing but the certificate it names; it cannot be made without the signer's private key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from functools import lru_cache
from typing import Any

from app.model import SignOff

STATEMENT_HEADER = b"postmortem-studio sign-off v1\n"


def statement(digest: str, role: str, revision: int) -> bytes:
    """The exact bytes a sign-off signs."""
    return STATEMENT_HEADER + f"digest=sha256:{digest}\nrole={role}\nrevision={revision}\n".encode()


def sign_statement(native_key: Any, digest: str, role: str, revision: int) -> str:
    """Base64 signature of the statement by a ``cryptography`` private key (RSA or EC)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    data = statement(digest, role, revision)
    if isinstance(native_key, rsa.RSAPrivateKey):
        raw = native_key.sign(data, padding.PKCS1v15(), hashes.SHA256())
    elif isinstance(native_key, ec.EllipticCurvePrivateKey):
        raw = native_key.sign(data, ec.ECDSA(hashes.SHA256()))
    else:
        from app.signing import SigningError

        raise SigningError("Only RSA and elliptic-curve keys can sign off.")
    return base64.b64encode(raw).decode()


def signoff_problem(signoff: SignOff, revision: int) -> str:
    """Why this sign-off's own signature does not hold ("" when it does)."""
    if signoff.evidence == "pdf":
        return ""  # checked against the signed PDF (app.approval_store)
    if not (signoff.signature and signoff.certificate):
        return "no signature"
    return _check(signoff.certificate, signoff.fingerprint, signoff.signature,
                  statement(signoff.digest, signoff.role, revision))  # fmt: skip


@lru_cache(maxsize=256)
def _check(certificate_b64: str, fingerprint: str, signature_b64: str, data: bytes) -> str:
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    try:
        der = base64.b64decode(certificate_b64, validate=True)
        signature = base64.b64decode(signature_b64, validate=True)
        certificate = x509.load_der_x509_certificate(der)
    except (binascii.Error, ValueError):
        return "unreadable certificate or signature"
    if hashlib.sha256(der).hexdigest() != fingerprint.lower():
        return "the fingerprint does not match the certificate"
    public = certificate.public_key()
    try:
        if isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        else:
            return "unsupported key type"
    except InvalidSignature:
        return "the signature does not match (content, role or revision changed)"
    return ""
