"""The team's trust list: who may sign which role, reviewable like git's ``allowed_signers``.

One line per trusted signer::

    sha256:<certificate fingerprint>  roles=prepared_by,reviewed_by  Alice Martin <alice@x.org>
    sha256:<CA certificate fingerprint>  roles=*  ca  Example Corp issuing CA

``roles=*`` allows every role. A ``ca`` line trusts every certificate issued (directly or
through intermediates carried by the signature) by that CA. ``#`` starts a comment. The file is
``--trust FILE``, else ``$POSTMORTEM_STUDIO_TRUST``, else ``trusted-signers.txt`` in the data
folder, so a team can keep it in a shared repository.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import FormatError, ValidationError
from app.fileio import read_source
from app.paths import data_dir
from app.roles import ROLE_LABELS, normalise_role, role_key

TRUST_ENV = "POSTMORTEM_STUDIO_TRUST"
TRUST_FILE = "trusted-signers.txt"
ALL_ROLES = "*"
HEADER = (
    "# Postmortem Studio trust list: one trusted signer per line.\n"
    "#   sha256:<certificate fingerprint>  roles=<role,role or *>  [ca]  <name>\n"
)
_FINGERPRINT = re.compile(r"^(?:sha256:)?([0-9a-fA-F:]{64,95})$")


def normalise_fingerprint(text: str) -> str:
    """``sha256:AB:CD…`` / ``abcd…`` → 64 lower-case hex digits; ``ValidationError`` otherwise."""
    found = _FINGERPRINT.match(text.strip())
    digits = found.group(1).replace(":", "").lower() if found else ""
    if len(digits) != 64 or not all(c in "0123456789abcdef" for c in digits):
        raise ValidationError(f"'{text.strip()}' is not a SHA-256 certificate fingerprint.")
    return digits


@dataclass(frozen=True)
class TrustEntry:
    fingerprint: str
    roles: tuple[str, ...]
    name: str
    ca: bool = False

    def allows(self, role: str) -> bool:
        return ALL_ROLES in self.roles or role_key(role) in self.roles

    def line(self) -> str:
        parts = [f"sha256:{self.fingerprint}", f"roles={','.join(self.roles)}"]
        if self.ca:
            parts.append("ca")
        parts.append(self.name)
        return "  ".join(parts)


@dataclass(frozen=True)
class TrustDecision:
    trusted: bool
    reason: str
    entry: TrustEntry | None = None


@dataclass
class TrustList:
    path: Path
    entries: list[TrustEntry] = field(default_factory=list)

    def find(self, fingerprint: str) -> TrustEntry | None:
        return next((e for e in self.entries if e.fingerprint == fingerprint), None)

    def add(self, entry: TrustEntry) -> None:
        """Add or replace (same fingerprint) an entry."""
        self.entries = [e for e in self.entries if e.fingerprint != entry.fingerprint]
        self.entries.append(entry)

    def remove(self, fingerprint: str) -> TrustEntry:
        found = self.find(normalise_fingerprint(fingerprint))
        if found is None:
            raise ValidationError(f"{fingerprint} is not on the trust list {self.path}.")
        self.entries.remove(found)
        return found

    def save(self) -> None:
        from app.fileio import write_file

        text = HEADER + "".join(entry.line() + "\n" for entry in self.entries)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_file(self.path, text.encode("utf-8"))

    def decide(self, certificate_der: bytes, others: Iterable[bytes], role: str) -> TrustDecision:
        """Is this signer trusted to sign ``role``? (by fingerprint, or by a listed CA)"""
        from app.signing import certificate_fingerprint

        fingerprint = certificate_fingerprint(certificate_der)
        entry = self.find(fingerprint)
        if entry is None or entry.ca:
            entry = _issuing_ca(self, certificate_der, list(others))
        if entry is None:
            return TrustDecision(False, "signer not on the trust list")
        if not entry.allows(role):
            return TrustDecision(
                False,
                f"{entry.name} may not sign {role} (allowed: {', '.join(entry.roles)})",
                entry,
            )
        via = " (certificate issued by a trusted CA)" if entry.ca else ""
        return TrustDecision(True, f"on the trust list as {entry.name}{via}", entry)


def _issuing_ca(trust: TrustList, certificate_der: bytes, others: list[bytes]) -> TrustEntry | None:
    """The listed CA that issued this certificate, following issuers found in ``others``."""
    from cryptography import x509

    from app.signing import certificate_fingerprint

    try:
        current: Any = x509.load_der_x509_certificate(certificate_der)
        pool = [(der, x509.load_der_x509_certificate(der)) for der in others]
    except ValueError:
        return None
    for _ in range(8):  # chains are short; a loop cannot run forever
        issuer = next(
            ((der, c) for der, c in pool if c.subject == current.issuer and _issued(current, c)),
            None,
        )
        if issuer is None:
            return None
        entry = trust.find(certificate_fingerprint(issuer[0]))
        if entry is not None and entry.ca:
            return entry
        if issuer[1].subject == issuer[1].issuer:
            return None
        current = issuer[1]
    return None


def _issued(child: Any, parent: Any) -> bool:
    try:
        child.verify_directly_issued_by(parent)
    except (ValueError, TypeError, Exception):  # noqa: BLE001 — any failure: not its issuer
        return False
    return True


def trust_path(explicit: Path | None = None) -> Path:
    if explicit is not None:
        return explicit
    value = os.environ.get(TRUST_ENV, "")
    return Path(value) if value else data_dir() / TRUST_FILE


def load_trust(path: Path | None = None) -> TrustList:
    """Read the trust list (a missing file is an empty list); a bad line names its number."""
    target = trust_path(path)
    if target.is_dir():
        raise FormatError(f"The trust list {target} is a folder, not a file.")
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return TrustList(target)
    except (OSError, UnicodeDecodeError) as error:
        raise FormatError(f"Cannot read the trust list {target}: {error}.") from None
    trust = TrustList(target)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            trust.add(parse_line(line))
        except ValidationError as error:
            raise FormatError(f"{target.name} line {number}: {error}") from None
    return trust


def parse_line(line: str) -> TrustEntry:
    parts = line.split()
    if len(parts) < 3 or not parts[1].startswith("roles="):
        raise ValidationError("expected 'sha256:<fingerprint> roles=<roles> <name>'.")
    fingerprint = normalise_fingerprint(parts[0])
    roles = parse_roles(parts[1].removeprefix("roles="))
    ca = parts[2] == "ca"
    name = " ".join(parts[3:] if ca else parts[2:])
    if not name:
        raise ValidationError("the signer's name is missing.")
    return TrustEntry(fingerprint, roles, name, ca)


def parse_roles(text: str) -> tuple[str, ...]:
    """``Approved by, relu par`` → ``("approved_by", "reviewed_by")``; ``*`` is every role."""
    roles = tuple(_role(r) for r in text.split(",") if r.strip())
    if not roles:
        raise ValidationError("no roles given (use roles=* for every role).")
    return roles


def _role(text: str) -> str:
    if text.strip() == ALL_ROLES:
        return ALL_ROLES
    try:
        return normalise_role(text, tuple(ROLE_LABELS))
    except ValidationError:
        return role_key(text)


#: The largest file read for trust: a signed report, as large as ``verify`` accepts.
MAX_SOURCE_BYTES = 512 * 1024 * 1024


def entries_from_source(
    source: Path, *, name: str = "", roles: str = "", ca: bool = False
) -> list[TrustEntry]:
    """Trust entries for a certificate file (one) or a signed PDF (one per signer)."""
    from app.signing import certificate_fingerprint, certificate_from_bytes, subject_name

    data = read_source(source, MAX_SOURCE_BYTES, "give a certificate or a signed report")
    allowed = parse_roles(roles) if roles else None
    if data.startswith(b"%PDF-"):
        return _pdf_signers(source, name, allowed)
    try:
        certificate = certificate_from_bytes(data)
    except ValidationError:
        raise FormatError(
            f"{source.name} is not a certificate (PEM/DER) nor a signed PDF."
        ) from None
    from cryptography.hazmat.primitives.serialization import Encoding

    der = certificate.public_bytes(Encoding.DER)
    return [
        TrustEntry(
            certificate_fingerprint(der), allowed or ("*",), name or subject_name(certificate), ca
        )
    ]


def _pdf_signers(source: Path, name: str, allowed: tuple[str, ...] | None) -> list[TrustEntry]:
    from app.signing import certificate_from_bytes, subject_name
    from app.verify import verify_pdf

    result = verify_pdf(source, TrustList(source))
    by_fingerprint: dict[str, TrustEntry] = {}
    for check in result.signatures:
        if check.broken or not check.fingerprint:
            raise ValidationError(
                f"{source.name}: signature {check.field} does not hold; nobody was added."
            )
        known = by_fingerprint.get(check.fingerprint)
        roles = allowed or tuple(sorted({check.role, *(known.roles if known else ())}))
        signer = subject_name(certificate_from_bytes(check.certificate))
        by_fingerprint[check.fingerprint] = TrustEntry(check.fingerprint, roles, name or signer)
    if not by_fingerprint:
        raise ValidationError(f"{source.name} holds no signature; nobody was added.")
    return list(by_fingerprint.values())
