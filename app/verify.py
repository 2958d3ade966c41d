"""``verify``: is a signed report intact, who signed it, when, and does its digest match?

Checks, in order: the file is a complete PDF; it carries a signature; the signature is
cryptographically intact and covers the whole file (nothing appended after signing); the
content digest the report prints (also in its metadata keywords) equals the digest named in
the signed reason. pyHanko is imported lazily.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.errors import FormatError
from app.signing import REASON_PREFIX

log = logging.getLogger(__name__)
DIGEST = re.compile(r"sha256:([0-9a-f]{64})")
MAX_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class SignatureCheck:
    field: str
    signer: str
    signed_at: datetime | None
    intact: bool
    valid: bool
    whole_file: bool
    trusted: bool
    signed_digest: str
    problem: str = ""
    readable: bool = True

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.whole_file


@dataclass
class VerifyResult:
    path: Path
    signatures: list[SignatureCheck] = field(default_factory=list)
    printed_digest: str = ""

    @property
    def digest_matches(self) -> bool:
        return bool(self.printed_digest) and all(
            check.signed_digest == self.printed_digest for check in self.signatures
        )

    @property
    def ok(self) -> bool:
        return (
            bool(self.signatures)
            and self.digest_matches
            and all(check.ok for check in self.signatures)
        )

    def lines(self) -> list[str]:
        """What the CLI prints: one fact per line."""
        out: list[str] = []
        for check in self.signatures:
            when = check.signed_at.isoformat() if check.signed_at else "unknown time"
            state = "INTACT" if check.ok else "NOT INTACT"
            out.append(f"signature {check.field}: {state}")
            out.append(f"  signed by: {check.signer}")
            out.append(f"  signed at: {when}")
            if not check.readable:
                out.append(f"  problem: {check.problem}")
            elif not check.intact:
                out.append("  problem: the signed bytes were modified (digest mismatch)")
            elif not check.valid:
                out.append("  problem: the signature does not match the signer's certificate")
            elif not check.whole_file:
                out.append("  problem: the file was changed after it was signed")
            out.append(
                "  certificate: trusted"
                if check.trusted
                else "  certificate: self-signed or unknown authority (identity not vouched)"
            )
        if self.printed_digest and not all(check.ok for check in self.signatures):
            out.append(
                f"content digest sha256:{self.printed_digest} cannot be trusted: "
                "the signature does not cover this file as signed"
            )
        elif self.printed_digest:
            verdict = "matches" if self.digest_matches else "DOES NOT MATCH"
            out.append(f"content digest sha256:{self.printed_digest} {verdict} the signed document")
        else:
            out.append("no content digest found in the report")
        out.append("RESULT: OK" if self.ok else "RESULT: FAILED")
        return out


def _check_file(path: Path) -> bytes:
    if not path.exists():
        raise FormatError(f"{path}: no such file.")
    if path.is_dir():
        raise FormatError(f"{path} is a folder, not a PDF file.")
    if path.stat().st_size > MAX_BYTES:
        raise FormatError(f"{path.name} is too large to be a report.")
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise FormatError(f"{path.name} is not a PDF file.")
    if b"%%EOF" not in data[-2048:]:
        raise FormatError(f"{path.name} is damaged or truncated (its end is missing).")
    return data


def verify_pdf(path: Path) -> VerifyResult:
    """Check every signature of ``path``; ``FormatError`` for unreadable or unsigned files."""
    data = _check_file(path)
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
        keywords = _keywords(reader)
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as error:
        raise FormatError(
            f"{path.name} is damaged and cannot be read as a PDF ({error})."
        ) from None
    if not signatures:
        raise FormatError(f"{path.name} is not signed (no digital signature found).")
    result = VerifyResult(path)
    found = DIGEST.search(keywords)
    result.printed_digest = found.group(1) if found else ""
    for embedded in signatures:
        result.signatures.append(_check_signature(embedded))
    return result


@contextlib.contextmanager
def _quiet_validator() -> Iterator[None]:
    """pyHanko logs an untrusted (self-signed) certificate as an error; we report it ourselves."""
    loggers = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _keywords(reader: object) -> str:
    try:
        info = reader.trailer["/Info"]  # type: ignore[attr-defined]
        return str(info.get("/Keywords", ""))
    except KeyError:
        return ""


def _check_signature(embedded: object) -> SignatureCheck:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    name = str(getattr(embedded, "field_name", "signature"))
    signature_object = getattr(embedded, "sig_object", {})
    reason = str(signature_object.get("/Reason", "")) if signature_object else ""
    signed_digest = reason[len(REASON_PREFIX) :] if reason.startswith(REASON_PREFIX) else ""
    try:
        subject = embedded.signer_cert.subject  # type: ignore[attr-defined]
        signer = str(subject.native.get("common_name") or subject.human_friendly)
    except Exception:  # noqa: BLE001 — a damaged signature has no readable certificate
        signer = "unknown signer"
    try:
        context = ValidationContext(trust_roots=[], allow_fetching=False)
        with _quiet_validator():
            status = validate_pdf_signature(embedded, context)  # type: ignore[arg-type]
    except Exception as error:  # noqa: BLE001 — any failure means "not intact"
        log.debug("signature %s cannot be validated: %r", name, error)
        return SignatureCheck(
            name,
            signer,
            None,
            False,
            False,
            False,
            False,
            signed_digest,
            problem="the signature data is damaged and cannot be checked",
            readable=False,
        )
    return SignatureCheck(
        field=name,
        signer=signer,
        signed_at=status.signer_reported_dt,
        intact=bool(status.intact),
        valid=bool(status.valid),
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        trusted=bool(status.bottom_line),
        signed_digest=signed_digest,
    )
