"""The ``postmortem-studio`` entry point: a sub-command runs the core CLI without importing Qt;
no sub-command opens the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from app.cli import build_parser

    parser, _handlers = build_parser()
    parsed, _ = parser.parse_known_args(args)
    if parsed.command is not None or any(a in ("-h", "--help", "--version") for a in args):
        from app.cli import main as cli_main

        return cli_main(args)
    from ui.application import run_gui

    return run_gui(parsed.db)


if __name__ == "__main__":
    raise SystemExit(main())
