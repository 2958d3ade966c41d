"""The ``postmortem-studio`` entry point: a sub-command runs the core CLI without importing Qt;
no sub-command opens the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

SMOKE_TEST = "--smoke-test"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from ui.export_formats import register

    register()  # the formats that need Qt, for the commands and the window alike
    if SMOKE_TEST in args:
        return smoke_test([a for a in args if a != SMOKE_TEST])
    from app.cli import build_parser

    parser, _handlers = build_parser(args)
    parsed = parser.parse_args(args)  # --help, --version and unknown options end here
    if parsed.command is not None:
        from app.cli import main as cli_main

        return cli_main(args)
    _load_the_model_before_qt()
    from ui.application import run_gui

    return run_gui(parsed.db)


def _load_the_model_before_qt() -> None:
    """Once PySide6 is imported, it reads the source of every module imported after it (to
    look for ``__feature__`` switches); the document model and the store, imported first,
    start faster. (networkx is not among them: it loads with the first diagram built.)"""
    import app.jsonio
    import app.store  # noqa: F401


def smoke_test(args: list[str]) -> int:
    """Open the main window, run the event loop once and quit: proves an installed bundle starts
    (its Qt plugins, fonts and database all load) without anyone clicking."""
    from app.cli import build_parser

    parsed, _ = build_parser([])[0].parse_known_args(args)
    _load_the_model_before_qt()
    from PySide6.QtCore import QEventLoop, QTimer

    from ui.application import ensure_application, open_store_for_gui
    from ui.main_window import MainWindow

    application = ensure_application()
    store = open_store_for_gui(parsed.db)
    window = MainWindow(store)
    window.show()
    # A local loop, not application.exec(): quitting the application would leave it unable
    # to run event loops afterwards when the check runs inside a longer-lived process.
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    code = loop.exec()
    window.close()
    application.processEvents()
    store.close()
    print(f"smoke test: window opened and closed, {len(window.list_model.rows)} postmortem(s)")
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
