"""``trust add|list|remove|export-cert``: the team's trust list (see ``app.trust``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.errors import ValidationError
from app.trust import TrustList, entries_from_source, load_trust

COMMANDS_WITHOUT_STORE = ("trust",)


def register(sub: Any) -> list[str]:
    trust = sub.add_parser("trust", help="the team's trust list: who may sign which role")
    actions = trust.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="trust the signer(s) of a certificate or a signed PDF")
    add.add_argument("source", type=Path, help="a PEM/DER certificate or a signed PDF")
    add.add_argument("--name", default="", help="the signer's name (default: certificate name)")
    add.add_argument("--roles", default="", help="roles allowed, comma separated, or * (all)")
    add.add_argument("--ca", action="store_true", help="trust certificates this CA issued")
    add.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    actions.add_parser("list", help="show the trust list")
    remove = actions.add_parser("remove", help="remove a signer from the trust list")
    remove.add_argument("fingerprint")
    export = actions.add_parser("export-cert", help="write your certificate to give to the team")
    export.add_argument("--name", required=True, help="your name (the personal key's owner)")
    export.add_argument("-o", "--output", type=Path, required=True, help="PEM file to write")
    return ["trust"]


def run(args: argparse.Namespace, store: object) -> int:
    path: Path | None = getattr(args, "trust", None)
    if args.trust_command == "export-cert":
        return _export_cert(args)
    trust = load_trust(path)
    if args.trust_command == "list":
        print(f"# {trust.path}")
        for entry in trust.entries:
            print(entry.line())
        if not trust.entries:
            print("# (empty: no signer is trusted yet)")
        return 0
    if args.trust_command == "remove":
        removed = trust.remove(args.fingerprint)
        trust.save()
        print(f"removed {removed.name} (sha256:{removed.fingerprint})", file=sys.stderr)
        return 0
    return _add(args, trust)


def _add(args: argparse.Namespace, trust: TrustList) -> int:
    entries = entries_from_source(args.source, name=args.name, roles=args.roles, ca=args.ca)
    for entry in entries:
        print(f"  {entry.line()}", file=sys.stderr)
    if not args.yes and not _confirm(f"Add {len(entries)} signer(s) to {trust.path}?"):
        print("nothing was added", file=sys.stderr)
        return 1
    for entry in entries:
        trust.add(entry)
    trust.save()
    print(f"added {len(entries)} signer(s) to {trust.path}", file=sys.stderr)
    return 0


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        raise ValidationError("confirmation needs a terminal: add --yes to add without asking.")
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes", "o", "oui")


def _export_cert(args: argparse.Namespace) -> int:
    from app.fileio import write_file
    from app.signing import certificate_path

    source = certificate_path(args.name)
    if not source.is_file():
        raise ValidationError(
            f"No personal key for {args.name}: it is created by the first 'sign' with that name."
        )
    write_file(args.output, source.read_bytes())
    print(f"wrote {args.output} (sha256:{_fingerprint_of(source)})", file=sys.stderr)
    return 0


def _fingerprint_of(pem: Path) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding

    from app.signing import certificate_fingerprint, certificate_from_bytes

    certificate = certificate_from_bytes(pem.read_bytes())
    return certificate_fingerprint(certificate.public_bytes(Encoding.DER))
