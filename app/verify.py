"""``verify``: what a report PDF's signatures let a reader rely on.

For each signature field: the role it stands for, the signer (certificate subject) and
fingerprint, whether the trust list allows that signer for that role, whether the signature is
intact (and nothing but further signatures was added after it), and its time — claimed by the
signer's clock unless an RFC 3161 timestamp token vouches for it. The content digest is
recomputed from the attached ``postmortem.json`` (covered by every signature) and compared
with the digest printed in the report and every digest named by a signature.

Exit codes (``verify`` command): 0 intact, complete and trusted; 3 BROKEN (a signature or the
digest does not hold, a signature time outside its certificate's validity); 4 INCOMPLETE (a
required role has not signed, or nothing is signed); 5 UNTRUSTED (intact and complete, but a
signer is not on the trust list for that role). When several apply, the lowest code wins.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.errors import FormatError
from app.fileio import read_source
from app.trust import TrustList

log = logging.getLogger(__name__)
DIGEST = re.compile(r"sha256:([0-9a-f]{64})")
MAX_BYTES = 512 * 1024 * 1024

EXIT_OK = 0
EXIT_BROKEN = 3
EXIT_INCOMPLETE = 4
EXIT_UNTRUSTED = 5


@dataclass
class SignatureCheck:
    field: str
    role: str
    signer: str = "unknown signer"
    fingerprint: str = ""
    certificate: bytes = b""
    others: tuple[bytes, ...] = ()
    claimed_at: datetime | None = None
    timestamped_at: datetime | None = None
    timestamp_authority: str = ""
    intact: bool = False
    trusted: bool = False
    trust_reason: str = ""
    signed_digest: str = ""
    problems: list[str] = dataclasses.field(default_factory=list)

    @property
    def broken(self) -> bool:
        return bool(self.problems)


@dataclass
class VerifyResult:
    path: Path
    signatures: list[SignatureCheck] = dataclasses.field(default_factory=list)
    unsigned_fields: list[str] = dataclasses.field(default_factory=list)
    printed_digest: str = ""
    recomputed_digest: str = ""
    document: Any = None
    problems: list[str] = dataclasses.field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if self.problems or any(check.broken for check in self.signatures):
            return EXIT_BROKEN
        if self.unsigned_fields or not self.signatures:
            return EXIT_INCOMPLETE
        if not all(check.trusted for check in self.signatures):
            return EXIT_UNTRUSTED
        return EXIT_OK

    @property
    def ok(self) -> bool:
        return self.exit_code == EXIT_OK

    def lines(self) -> list[str]:
        """What the CLI prints: one fact per line, the reasons named."""
        out: list[str] = []
        for check in self.signatures:
            out.append(f"signature {check.field} (role {check.role}): "
                       + ("BROKEN" if check.broken else "intact"))  # fmt: skip
            out.append(f"  signer: {check.signer}")
            out.append(f"  fingerprint: sha256:{check.fingerprint}")
            verdict = "trusted" if check.trusted else "NOT TRUSTED"
            out.append(f"  trust: {verdict} ({check.trust_reason})")
            if check.timestamped_at is not None:
                out.append(
                    f"  time: {check.timestamped_at.isoformat()} "
                    f"(RFC 3161 timestamp by {check.timestamp_authority})"
                )
            elif check.claimed_at is not None:
                out.append(
                    f"  time: {check.claimed_at.isoformat()} (claimed by the signer's clock)"
                )
            out.extend(f"  problem: {problem}" for problem in check.problems)
        out.extend(f"field {name}: NOT SIGNED" for name in self.unsigned_fields)
        if not self.signatures:
            out.append("no signature: nothing in this file was signed")
        if self.recomputed_digest:
            out.append(f"content digest (recomputed from the attached document): "
                       f"sha256:{self.recomputed_digest}")  # fmt: skip
        out.extend(f"problem: {problem}" for problem in self.problems)
        out.append(f"RESULT: {RESULT_WORDS[self.exit_code]}")
        return out


RESULT_WORDS = {
    EXIT_OK: "OK",
    EXIT_BROKEN: "BROKEN",
    EXIT_INCOMPLETE: "INCOMPLETE",
    EXIT_UNTRUSTED: "UNTRUSTED",
}


def read_pdf_file(path: Path) -> bytes:
    """The bytes of a report PDF to check: a regular file (never a FIFO or a device) of a
    report's size, read once so that what is checked is what is kept."""
    data = read_source(path, MAX_BYTES, "a report is never that large")
    if not data.startswith(b"%PDF-"):
        raise FormatError(f"{path.name} is not a PDF file.")
    if b"%%EOF" not in data[-2048:]:
        raise FormatError(f"{path.name} is damaged or truncated (its end is missing).")
    return data


def verify_pdf(path: Path, trust: TrustList) -> VerifyResult:
    """Check every signature of ``path`` against ``trust``; ``FormatError`` if unreadable."""
    return verify_bytes(read_pdf_file(path), trust, path)


def verify_bytes(data: bytes, trust: TrustList, path: Path) -> VerifyResult:
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
        fields = [(name, value) for name, value, _ in enumerate_sig_fields(reader)]
        keywords = _keywords(reader)
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as error:
        raise FormatError(
            f"{path.name} is damaged and cannot be read as a PDF ({error})."
        ) from None
    result = VerifyResult(path)
    found = DIGEST.search(keywords)
    result.printed_digest = found.group(1) if found else ""
    _recompute_digest(reader, result, path.name)
    result.unsigned_fields = [name for name, value in fields if value is None]
    for embedded in signatures:
        check = _check_signature(embedded, trust)
        if check.signed_digest and result.recomputed_digest != check.signed_digest:
            check.problems.append(
                f"the signature names digest sha256:{check.signed_digest[:12]}…, "
                "not the attached document's"
            )
        result.signatures.append(check)
    return result


def _recompute_digest(reader: Any, result: VerifyResult, source: str) -> None:
    from app.approval_pdf import attached_postmortem
    from app.jsonio import content_digest

    try:
        result.document = attached_postmortem(reader, source)
    except FormatError as error:
        result.problems.append(f"{error} The content digest cannot be recomputed.")
        return
    result.recomputed_digest = content_digest(result.document)
    if result.printed_digest and result.printed_digest != result.recomputed_digest:
        result.problems.append(
            f"the printed digest sha256:{result.printed_digest[:12]}… does not match the "
            f"attached document (sha256:{result.recomputed_digest[:12]}…): the body was forged"
        )
    elif not result.printed_digest:
        result.problems.append("the report prints no content digest")


@contextlib.contextmanager
def _quiet_validator() -> Iterator[None]:
    """pyHanko logs an untrusted certificate as an error; we report trust ourselves."""
    loggers = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _keywords(reader: Any) -> str:
    try:
        return str(reader.trailer["/Info"].get("/Keywords", ""))
    except KeyError:
        return ""


def _check_signature(embedded: Any, trust: TrustList) -> SignatureCheck:
    from app.approval_pdf import REASON_PREFIX, role_of_field

    name = str(getattr(embedded, "field_name", "signature"))
    check = SignatureCheck(field=name, role=role_of_field(name))
    reason = str(embedded.sig_object.get("/Reason", ""))
    if reason.startswith(REASON_PREFIX):
        check.signed_digest = reason[len(REASON_PREFIX) :]
    try:
        _signer_identity(embedded, check)
        status = _validate(embedded)
    except Exception as error:  # noqa: BLE001 — any failure means "cannot be relied on"
        log.debug("signature %s cannot be validated: %r", name, error)
        check.problems.append("the signature data is damaged and cannot be checked")
        check.trust_reason = "not checked"
        return check
    decision = trust.decide(check.certificate, check.others, check.role)
    check.trusted, check.trust_reason = decision.trusted, decision.reason
    _integrity(status, check)
    _times(status, embedded, check)
    return check


def _signer_identity(embedded: Any, check: SignatureCheck) -> None:
    from app.signing import certificate_fingerprint

    certificate = embedded.signer_cert
    check.certificate = certificate.dump()
    check.fingerprint = certificate_fingerprint(check.certificate)
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    subject = x509.load_der_x509_certificate(check.certificate).subject
    check.signer = str(subject.rfc4514_string({NameOID.EMAIL_ADDRESS: "E"}))
    check.others = tuple(c.dump() for c in embedded.other_embedded_certs)


def _validate(embedded: Any) -> Any:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=[], allow_fetching=False)
    with _quiet_validator():
        return validate_pdf_signature(
            embedded, context, ts_validation_context=context, diff_policy=_diff_policy()
        )


def _diff_policy() -> Any:
    """pyHanko's default policy, with two allowances for Poppler's ``pdfsig``, which (1) sets
    the widget's modification date ``/M`` when it fills a signature field and (2) may number
    its new signature object with an id below the previous revision's ``/Size`` that no
    revision ever used, and (3) leaves a new object that nothing refers to. An id that held an
    object before stays refused."""
    from pyhanko.sign.diff_analysis import policies
    from pyhanko.sign.diff_analysis.constants import VALUE_UPDATE_KEYS
    from pyhanko.sign.diff_analysis.form_rules_api import FormUpdatingRule
    from pyhanko.sign.diff_analysis.rules import form_field_rules

    rules: Any = form_field_rules
    default = policies.DEFAULT_DIFF_POLICY
    return policies.StandardDiffPolicy(
        global_rules=[*default.global_rules, _orphans_rule()],
        form_rule=FormUpdatingRule(
            field_rules=[
                rules.SigFieldCreationRule(),
                _unused_ids_are_new(rules.SigFieldModificationRule)(
                    value_update_keys=VALUE_UPDATE_KEYS | {"/M"}
                ),
                rules.GenericFieldModificationRule(),
            ],
        ),
    )


def _integrity(status: Any, check: SignatureCheck) -> None:
    from pyhanko.sign.diff_analysis.policy_api import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    check.intact = bool(status.intact) and bool(status.valid)
    if not status.intact:
        check.problems.append("the signed bytes were modified (digest mismatch)")
    elif not status.valid:
        check.problems.append("the signature does not match the signer's certificate")
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return
    level = status.modification_level
    if (
        status.coverage != SignatureCoverageLevel.ENTIRE_REVISION
        or level is None
        or (level > ModificationLevel.FORM_FILLING or not status.docmdp_ok)
    ):
        check.problems.append("the file was changed after this signature (not only signed)")


def _times(status: Any, embedded: Any, check: SignatureCheck) -> None:
    from cryptography import x509

    check.claimed_at = status.signer_reported_dt
    stamp = status.timestamp_validity
    if stamp is not None:
        if stamp.intact and stamp.valid:
            check.timestamped_at = stamp.timestamp
            authority = stamp.signing_cert.subject.native.get("common_name", "")
            check.timestamp_authority = str(authority or stamp.signing_cert.subject.human_friendly)
        else:
            check.problems.append("its RFC 3161 timestamp token is broken")
    moment = check.timestamped_at or check.claimed_at
    if moment is None:
        return
    certificate = x509.load_der_x509_certificate(check.certificate)
    start, end = certificate.not_valid_before_utc, certificate.not_valid_after_utc
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if moment < start:
        check.problems.append(
            f"signed at {moment.isoformat()}, before its certificate existed "
            f"(valid from {start.isoformat()}): backdated"
        )
    elif moment > end:
        check.problems.append(f"signed at {moment.isoformat()}, after its certificate expired")


def _unused_ids_are_new(base: Any) -> Any:
    class Rule(base):  # type: ignore[misc]
        def check_form_field(self, fq_name: str, spec: Any, context: Any) -> Any:
            old = _NeverUsedIsUnassignable(context.old)
            relaxed = dataclasses.replace(context, old=old)
            yield from super().check_form_field(fq_name, spec, relaxed)

    return Rule


class _NeverUsedIsUnassignable:
    """A revision view where an object id that no revision up to it ever used counts as new."""

    def __init__(self, resolver: Any) -> None:
        self._resolver = resolver

    def __getattr__(self, name: str) -> Any:
        return getattr(self._resolver, name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._resolver(*args, **kwargs)

    def is_ref_unassignable(self, ref: Any) -> bool:
        if self._resolver.is_ref_unassignable(ref):
            return True
        try:
            introduced = self._resolver.reader.xrefs.get_introducing_revision(ref)
        except KeyError:
            return False
        return bool(introduced > self._resolver.revision)


def _orphans_rule() -> Any:
    """Clears objects new in a revision that nothing in that revision refers to."""
    from pyhanko.sign.diff_analysis.policy_api import ModificationLevel
    from pyhanko.sign.diff_analysis.rules_api import QualifiedWhitelistRule, ReferenceUpdate

    class Orphans(QualifiedWhitelistRule):
        def apply_qualified(self, old: Any, new: Any) -> Iterator[tuple[Any, Any]]:
            xrefs = old.reader.xrefs
            fresh = [
                ref
                for ref in new.explicit_refs_in_revision()
                if xrefs.get_introducing_revision(ref) == new.revision
            ]
            if not fresh:
                return
            used = {(r.idnum, r.generation) for r in new.collect_dependencies(new.trailer_view)}
            for ref in fresh:
                if (ref.idnum, ref.generation) not in used:
                    yield ModificationLevel.FORM_FILLING, ReferenceUpdate(ref)

    return Orphans()
