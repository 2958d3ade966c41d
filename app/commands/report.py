"""``sign``, ``reopen``, ``verify``, ``collect`` and the ``pdf`` export format.

``sign`` signs with the signer's own key: their personal key (created on first use with their
name in the certificate; passphrase from ``--passphrase-file`` or POSTMORTEM_STUDIO_KEY_PASSPHRASE)
or ``--p12``. ``export --format pdf --for-approval`` writes the approval PDF (signature fields
still empty for the roles to sign); an approved report exports its signed approval PDF.
``verify`` exit codes: see ``app.verify``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.errors import PostmortemError, ValidationError
from app.model import Postmortem
from app.roles import normalise_role
from app.signoff import install_signoff_workflow, reopen, required_roles, role_states
from app.store import Store
from app.vocabulary import DEFAULT_SIGNOFF_ROLES, Status

#: commands of this module that never open the database
COMMANDS_WITHOUT_STORE = ("verify",)


def register(sub: Any) -> list[str]:
    signing = sub.add_parser("sign", help="sign off a postmortem for one role, with your own key")
    signing.add_argument("id")
    signing.add_argument(
        "--role",
        required=True,
        help=f"the role signed for, e.g. prepared_by or 'Prepared by' "
        f"(default roles: {', '.join(DEFAULT_SIGNOFF_ROLES)})",
    )
    signing.add_argument("--name", required=True, help="the signer's name")
    signing.add_argument("--title", default="", help="the signer's job title")
    signing.add_argument("--email", default="", help="e-mail for a new personal certificate")
    signing.add_argument("--p12", type=Path, default=None, help="your own PKCS#12 file")
    signing.add_argument("--passphrase-file", type=Path, default=None, help="key passphrase")
    signing.add_argument("--tsa", default="", metavar="URL", help="RFC 3161 timestamp authority")
    signing.add_argument(
        "--replace",
        action="store_true",
        help="replace a current sign-off of the same role by someone else",
    )
    again = sub.add_parser("reopen", help="reopen an approved postmortem as a new revision")
    again.add_argument("id")
    check = sub.add_parser(
        "verify",
        help="check a report PDF's signatures (exit 0 OK, 3 broken, 4 incomplete, 5 untrusted)",
    )
    check.add_argument("file", type=Path)
    check.add_argument("--trust", dest="trust_here", type=Path, default=None,
                       help="trust list to check against")  # fmt: skip
    gather = sub.add_parser(
        "collect", help="record the sign-offs of an approval PDF signed elsewhere"
    )
    gather.add_argument("file", type=Path)
    gather.add_argument("--trust", dest="trust_here", type=Path, default=None,
                        help="trust list to check against")  # fmt: skip
    gather.add_argument(
        "--trust-new",
        action="store_true",
        help="accept signers not on the trust list (they are added for the role they signed)",
    )
    export = sub.choices.get("export")
    if export is not None:
        export.add_argument(
            "--for-approval",
            action="store_true",
            help="pdf: the approval PDF, with empty signature fields for the roles still to sign",
        )
    return ["sign", "reopen", "verify", "collect"]


def trust_file(args: argparse.Namespace) -> Path | None:
    here: Path | None = getattr(args, "trust_here", None)
    return here or getattr(args, "trust", None)


def run(args: argparse.Namespace, store: Store) -> int:
    from app.trust import load_trust

    if args.command == "verify":
        from app.verify import verify_pdf

        result = verify_pdf(args.file, load_trust(trust_file(args)))
        print("\n".join(result.lines()))
        return result.exit_code
    if args.command == "collect":
        return _collect(args, store)
    from app.session import DocumentSession

    session = DocumentSession.open(store, args.id)
    install_signoff_workflow(session)
    if args.command == "reopen":
        revision = reopen(session)
        print(f"reopened as revision {revision} (status: {session.doc.status.value})")
        return 0
    return _sign(args, session)


def _sign(args: argparse.Namespace, session: Any) -> int:
    from app import signing
    from app.approval import prepare_signoff, record_signoff
    from app.trust import load_trust

    store = session.store
    role = normalise_role(args.role, required_roles(store))
    replaced = _current_signer(session.doc, role, required_roles(store))
    unlocked = session.doc.status != Status.APPROVED  # a locked report is refused below
    if unlocked and replaced and replaced != args.name.strip() and not args.replace:
        raise ValidationError(
            f"{replaced} has already signed as {role} for this content; "
            "add --replace to replace that sign-off."
        )
    passphrase = signing.passphrase_from(args.passphrase_file)
    if args.p12 is not None:
        key = signing.load_key(args.p12, passphrase)
    else:
        key = signing.personal_key(passphrase, args.name, args.email)
    prepared = prepare_signoff(session, role, args.name, args.title, key=key, tsa_url=args.tsa)
    record_signoff(session, prepared)
    if replaced and replaced != args.name.strip():
        print(f"replaced the sign-off by {replaced}", file=sys.stderr)
    doc = session.doc
    print(f"signed as {role} with certificate sha256:{key.fingerprint}", file=sys.stderr)
    entry = load_trust(getattr(args, "trust", None)).decide(key.certificate_der, (), role)
    if not entry.trusted:
        print(
            f"note: {entry.reason}; give the team your certificate "
            f"(trust export-cert --name '{args.name}' -o FILE)",
            file=sys.stderr,
        )
    print(f"status: {doc.status.value}", file=sys.stderr)
    missing = [
        state.role
        for state in role_states(doc, required_roles(store))
        if state.required and state.state != "current"
    ]
    if doc.status == Status.APPROVED:
        print("every required role has signed: the report is approved and locked", file=sys.stderr)
    elif missing:
        print(f"still to sign: {', '.join(missing)}", file=sys.stderr)
    return 0


def _collect(args: argparse.Namespace, store: Store) -> int:
    from app.collect import collect
    from app.trust import load_trust

    outcome = collect(store, args.file, load_trust(trust_file(args)), trust_new=args.trust_new)
    for entry in outcome.newly_trusted:
        print(f"added to the trust list: {entry.line()}", file=sys.stderr)
    for signoff in outcome.recorded:
        print(f"recorded {signoff.role}: {signoff.name} (sha256:{signoff.fingerprint[:16]}…)")
    if not outcome.recorded:
        print("nothing new: every signature was already recorded", file=sys.stderr)
    print(f"status: {outcome.status}")
    return 0


def _current_signer(doc: Postmortem, role: str, roles: tuple[str, ...]) -> str:
    """Name of the current (not stale) sign-off for ``role``, or an empty string."""
    for state in role_states(doc, roles):
        if state.role == role and state.state == "current" and state.signoff:
            return state.signoff.name
    return ""


def _open_store(args: argparse.Namespace) -> Store | None:
    from app.paths import default_db_path

    path: Path = getattr(args, "db", None) or default_db_path()
    if not path.exists():
        return None
    try:
        return Store(path, read_only=True)
    except PostmortemError:
        return None


def export_pdf(doc: Postmortem, path: Path, args: argparse.Namespace) -> None:
    """The ``pdf`` exporter of ``export``: the report, or its approval PDF."""
    from app.fileio import check_target, write_file
    from app.report.export import build_pdf

    check_target(path, ".pdf")
    language = getattr(args, "lang", None)
    paper = getattr(args, "paper", "a4") or "a4"
    store = _open_store(args)
    try:
        if getattr(args, "for_approval", False) or doc.status == Status.APPROVED:
            if store is None:
                raise ValidationError("The approval PDF needs the database of this postmortem.")
            from app.approval import approval_pdf, stored_pdf

            if doc.status == Status.APPROVED and stored_pdf(store, doc) is None:
                print("warning: no signed approval PDF is kept for this revision; "
                      "the fields are empty", file=sys.stderr)  # fmt: skip
            data = approval_pdf(store, doc, language=language, paper=paper)
        else:
            roles = required_roles(store) if store is not None else DEFAULT_SIGNOFF_ROLES
            created = store.updated_at(doc.id) if store is not None else None
            data = build_pdf(doc, language=language, paper=paper, roles=roles, created=created)
    finally:
        if store is not None:
            store.close()
    write_file(path, data)
