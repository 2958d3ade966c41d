"""``sign``, ``reopen``, ``verify`` and the ``pdf`` export format.

``export ID --format pdf`` signs the file when the report is approved; the key's passphrase
comes from ``--passphrase-file`` or the POSTMORTEM_STUDIO_KEY_PASSPHRASE environment variable
(the personal key is created on first use), or ``--p12`` names the user's own PKCS#12 file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.errors import PostmortemError, ValidationError
from app.model import Postmortem
from app.signoff import install_signoff_workflow, reopen, required_roles, role_states, sign
from app.store import Store
from app.vocabulary import DEFAULT_SIGNOFF_ROLES, Status

#: exit code of ``verify`` when the file is readable but its signature or digest does not hold
VERIFICATION_FAILED = 3
#: commands of this module that never open the database
COMMANDS_WITHOUT_STORE = ("verify",)


def register(sub: Any) -> list[str]:
    signing = sub.add_parser("sign", help="sign off a postmortem for one role")
    signing.add_argument("id")
    signing.add_argument(
        "--role",
        required=True,
        help=f"the role signed for (default roles: {', '.join(DEFAULT_SIGNOFF_ROLES)})",
    )
    signing.add_argument("--name", required=True, help="the signer's name")
    signing.add_argument("--title", default="", help="the signer's job title")
    signing.add_argument(
        "--replace",
        action="store_true",
        help="replace a current sign-off of the same role by someone else",
    )
    again = sub.add_parser("reopen", help="reopen an approved postmortem as a new revision")
    again.add_argument("id")
    check = sub.add_parser("verify", help="check the digital signature of a report PDF")
    check.add_argument("file", type=Path)
    export = sub.choices.get("export")
    if export is not None:
        export.add_argument(
            "--passphrase-file", type=Path, default=None, help="signing key passphrase (pdf)"
        )
        export.add_argument(
            "--p12", type=Path, default=None, help="PKCS#12 file to sign with (pdf)"
        )
    return ["sign", "reopen", "verify"]


def run(args: argparse.Namespace, store: Store) -> int:
    from app.session import DocumentSession

    if args.command == "verify":
        from app.verify import verify_pdf

        result = verify_pdf(args.file)
        print("\n".join(result.lines()))
        return 0 if result.ok else VERIFICATION_FAILED
    session = DocumentSession.open(store, args.id)
    install_signoff_workflow(session)
    if args.command == "reopen":
        revision = reopen(session)
        print(f"reopened as revision {revision} (status: {session.doc.status.value})")
        return 0
    replaced = _current_signer(session.doc, args.role, required_roles(store))
    unlocked = session.doc.status != Status.APPROVED  # a locked report is refused by sign()
    if unlocked and replaced and replaced != args.name.strip() and not args.replace:
        raise ValidationError(
            f"{replaced} has already signed as {args.role} for this content; "
            "add --replace to replace that sign-off."
        )
    sign(session, args.role, args.name, args.title)
    if replaced and replaced != args.name.strip():
        print(f"replaced the sign-off by {replaced}", file=sys.stderr)
    doc = session.doc
    missing = [
        state.role
        for state in role_states(doc, required_roles(store))
        if state.required and state.state != "current"
    ]
    print(f"signed as {args.role}; status: {doc.status.value}", file=sys.stderr)
    if doc.status == Status.APPROVED:
        print("every required role has signed: the report is approved and locked", file=sys.stderr)
    elif missing:
        print(f"still to sign: {', '.join(missing)}", file=sys.stderr)
    return 0


def _current_signer(doc: Postmortem, role: str, roles: tuple[str, ...]) -> str:
    """Name of the current (not stale) sign-off for ``role``, or an empty string."""
    for state in role_states(doc, roles):
        if state.role == role.strip() and state.state == "current" and state.signoff:
            return state.signoff.name
    return ""


def _roles(args: argparse.Namespace) -> tuple[str, ...]:
    from app.paths import default_db_path

    path: Path = getattr(args, "db", None) or default_db_path()
    if not path.exists():
        return DEFAULT_SIGNOFF_ROLES
    try:
        with Store(path, read_only=True) as store:
            return required_roles(store)
    except PostmortemError:
        return DEFAULT_SIGNOFF_ROLES


def export_pdf(doc: Postmortem, path: Path, args: argparse.Namespace) -> None:
    """The ``pdf`` exporter of ``export``."""
    from app.fileio import check_target, write_file
    from app.report.export import SignWith, build_pdf

    check_target(path, ".pdf")
    sign_with = None
    if doc.status == Status.APPROVED:
        from app.signing import passphrase_from

        passphrase = passphrase_from(getattr(args, "passphrase_file", None))
        sign_with = SignWith(passphrase=passphrase, p12=getattr(args, "p12", None))
    data = build_pdf(
        doc,
        language=getattr(args, "lang", None),
        paper=getattr(args, "paper", "a4") or "a4",
        roles=_roles(args),
        sign_with=sign_with,
    )
    write_file(path, data)
