"""A process that imports postmortems in a loop, for the durability test to kill.

Usage: ``python -m tests.import_loop DB JSON_FILE``. Each import goes through the CLI's
``import`` command; ``ack ID`` is printed only after the command returned, so every printed id
is a promise that this postmortem is on disk.
"""

from __future__ import annotations

import contextlib
import io
import sys

from app.cli import main as cli_main


def main(db: str, source: str) -> None:
    while True:
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = cli_main(["--db", db, "import", source])
        assert code == 0, code
        print(f"ack {out.getvalue().strip()}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])
