"""Starting the GUI: the QApplication, bundled fonts, the database, the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import PostmortemError
from app.paths import default_db_path, resource
from app.store import Store

log = logging.getLogger("postmortem_studio")


def load_bundled_fonts() -> list[str]:
    """Register the fonts in resources/fonts so screen and PDF measure text alike."""
    families: list[str] = []
    folder = resource("fonts")
    if folder.is_dir():
        for path in sorted(folder.glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def open_store_for_gui(db_path: Path | None) -> Store:
    path = db_path or default_db_path()
    if db_path is None:
        path.parent.mkdir(parents=True, exist_ok=True)
    return Store(path)


def ensure_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    application = QApplication(sys.argv[:1])
    application.setApplicationName("Postmortem Studio")
    application.setOrganizationName("postmortem-studio")
    application.setDesktopFileName("org.postmortemstudio.PostmortemStudio")
    load_bundled_fonts()
    return application


def missing_display() -> str:
    """Why no window can open here ('' when one can): Qt would abort the whole process."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return ""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return ""
    return (
        "no display found (DISPLAY and WAYLAND_DISPLAY are not set): start the app from a "
        "desktop session, or use a command such as 'postmortem-studio list' (see --help)."
    )


def log_unexpected_errors() -> None:
    """Errors nobody caught (in a slot, an event handler) go to the log file with their
    traceback; the app keeps running."""
    from app.logfile import setup_logging

    setup_logging()
    previous = sys.excepthook

    def record(kind: type[BaseException], error: BaseException, trace: Any) -> None:
        log.error("unexpected error in the app", exc_info=(kind, error, trace))
        previous(kind, error, trace)

    sys.excepthook = record


def run_gui(db_path: Path | None) -> int:
    problem = missing_display()
    if problem:
        print(f"postmortem-studio: error: {problem}", file=sys.stderr)
        return 1
    application = ensure_application()
    log_unexpected_errors()
    try:
        store = open_store_for_gui(db_path)
    except (PostmortemError, OSError) as error:
        QMessageBox.critical(None, "Postmortem Studio", str(error))
        return 1
    from ui.main_window import MainWindow

    window = MainWindow(store)
    window.show()
    code = application.exec()
    store.close()
    return int(code)
