"""The command line: the same core as the GUI, for scripting and tests (never imports Qt).

Every command exits 0 on success; an error prints one line on stderr and exits non-zero
(2 for bad usage or input, 1 for environment problems); our own bugs are logged with a
traceback to the log file, not shown raw.
"""

from __future__ import annotations

import argparse
import importlib
import io
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from app import __version__
from app.errors import (
    FormatError,
    LockedError,
    NotFoundError,
    PostmortemError,
    ValidationError,
)
from app.paths import DB_ENV, default_db_path

#: module → the commands it registers, and the commands of other modules it adds options to.
#: Only the modules of the command being run are imported (a test keeps this table true).
COMMAND_TABLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "app.commands.demo": (("demo",), ()),
    "app.commands.listing": (("list", "show"), ()),
    "app.commands.interchange": (("import", "export"), ()),
    "app.commands.tracking": (("actions", "metrics"), ()),
    "app.commands.report": (("sign", "reopen", "verify", "collect"), ("export",)),
    "app.commands.trust": (("trust",), ()),
    "app.commands.maintenance": (("check",), ()),
}
COMMAND_MODULES: tuple[str, ...] = tuple(COMMAND_TABLE)
HELP_FLAGS = ("-h", "--help")
#: options before the command that take a value (the value is not the command)
VALUE_OPTIONS = ("--db", "--trust")


def modules_for(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The command modules to import for this command line: those of its command; none for
    ``--version`` or the app; all of them for help or an unknown command (argparse lists
    them)."""
    if argv is None:
        return COMMAND_MODULES
    words: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            words.append(arg)
            break
    if not words:
        return COMMAND_MODULES if any(flag in argv for flag in HELP_FLAGS) else ()
    wanted = tuple(
        module
        for module, (commands, extends) in COMMAND_TABLE.items()
        if words[0] in commands or words[0] in extends
    )
    return wanted or COMMAND_MODULES


def build_parser(
    argv: Sequence[str] | None = None,
) -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    """The parser, with the sub-commands ``argv`` needs (all of them when ``argv`` is None)."""
    parser = argparse.ArgumentParser(
        prog="postmortem-studio",
        description="Facilitate blameless postmortems: without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"SQLite database to use (default: ${DB_ENV} or {default_db_path()})",
    )
    parser.add_argument(
        "--trust",
        type=Path,
        default=None,
        help="trust list of the team's signers (default: $POSTMORTEM_STUDIO_TRUST or "
        "trusted-signers.txt in the data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    handlers: dict[str, ModuleType] = {}
    for name in modules_for(argv):
        module = importlib.import_module(name)
        for command in module.register(sub):
            handlers[command] = module
    return parser, handlers


def exit_code(error: PostmortemError) -> int:
    refused = FormatError | ValidationError | NotFoundError | LockedError
    return 2 if isinstance(error, refused) else 1


def main(argv: Sequence[str] | None = None) -> int:
    _tolerate_terminal_encoding()
    words = list(sys.argv[1:] if argv is None else argv)
    parser, handlers = build_parser(words)
    args = parser.parse_args(words)
    if args.command is None:
        print("postmortem-studio: give a command (see --help), or start the app.", file=sys.stderr)
        return 2
    from app.store import Store

    db_path: Path = args.db or default_db_path()
    from app.logfile import setup_logging

    setup_logging()
    try:
        if args.db is None:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        module = handlers[args.command]
        if args.command not in getattr(module, "COMMANDS_WITHOUT_STORE", ()):
            with Store(db_path) as store:
                return int(handlers[args.command].run(args, store) or 0)
        return int(handlers[args.command].run(args, None) or 0)
    except PostmortemError as error:
        print(f"postmortem-studio: error: {error}", file=sys.stderr)
        return exit_code(error)
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped listening: not an error worth a message.
        _silence_stdout()
        return 0
    except OSError as error:
        print(
            f"postmortem-studio: error: {error.strerror or error}: {error.filename or ''}".rstrip(
                ": "
            ),
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception:  # noqa: BLE001 - our bug: logged to the file, one line shown
        where = _record_internal_error(args.command)
        print(
            f"postmortem-studio: internal error; please report it with the log {where} "
            "(run with PYTHONDEVMODE=1 to see details).",
            file=sys.stderr,
        )
        return 70


def _record_internal_error(command: str) -> str:
    """Record the traceback of an unexpected error in the log file; the terminal gets one line.

    Only in Python's development mode is the traceback also shown on stderr.
    """
    from app.logfile import setup_logging

    if sys.flags.dev_mode:
        sys.stderr.write(traceback.format_exc())
    path = setup_logging()
    if path is None:
        return "(it could not be written)"
    logging.getLogger("postmortem_studio").exception("unexpected error in %s", command)
    return str(path)


def _tolerate_terminal_encoding() -> None:
    """A terminal that cannot show a character gets '?' instead of a crash of the command."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


if __name__ == "__main__":
    raise SystemExit(main())
