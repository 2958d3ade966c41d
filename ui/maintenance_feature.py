"""Tools ▸ Check database: the full integrity check of the file, on demand.

Opening the database checks only what costs nothing (its header, the first page of each table);
the full check reads the whole file, so it runs when asked (and by itself after a process that
had the file open died). It runs on a worker thread with its own connection: the window stays
usable while a big file is read.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from app.errors import PostmortemError
from app.store import Store

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class DatabaseCheck(QObject):
    """The Tools menu and its one action; ``finished`` carries the problems found."""

    finished = Signal(object)  # list[str], or the one-line error that stopped the check

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.running = False
        self.report: QMessageBox | None = None
        self.menu = QMenu(window.tr("&Tools"), window)
        self.menu.setObjectName("toolsMenu")
        window.menuBar().insertMenu(window.menus["help"].menuAction(), self.menu)
        window.menus["tools"] = self.menu
        self.action = QAction(window.tr("&Check database…"), window)
        self.action.setObjectName("checkDatabaseAction")
        self.action.triggered.connect(self.start)
        self.menu.addAction(self.action)
        self.finished.connect(self._show)

    def start(self) -> None:
        if self.running:
            return
        self.running = True
        self.action.setEnabled(False)
        self.window.statusBar().showMessage(self.window.tr("Checking the database…"))
        threading.Thread(target=self._run, args=(self.window.store.path,), daemon=True).start()

    def _run(self, path: object) -> None:
        from pathlib import Path

        result: object
        try:
            with Store(Path(str(path))) as store:  # writable: the search index check needs it
                result = store.check()
        except PostmortemError as error:
            result = str(error)
        try:
            self.finished.emit(result)
        except RuntimeError:  # the window was closed meanwhile
            pass

    def _show(self, result: object) -> None:
        self.running = False
        self.action.setEnabled(True)
        self.window.statusBar().clearMessage()
        path = self.window.store.path
        box = QMessageBox(self.window)
        box.setObjectName("databaseCheckReport")
        box.setWindowTitle(self.window.tr("Check database"))
        if result == []:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(self.window.tr("No damage found in {0}.").format(path))
        else:
            problems = [result] if isinstance(result, str) else list(result or [])
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(
                self.window.tr(
                    "The database {0} is damaged: restore a backup (files *.bak beside it)."
                ).format(path)
            )
            box.setDetailedText("\n".join(str(problem) for problem in problems[:50]))
        self.report = box
        box.open()


FEATURE = DatabaseCheck
