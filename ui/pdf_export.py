"""Build the report PDF on a worker thread; the window stays responsive meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.errors import PostmortemError
from app.fileio import check_target, write_file


class _Signals(QObject):
    finished = Signal(str)
    failed = Signal(str)


class _ExportJob(QRunnable):
    """Builds the PDF (from a private copy of the document), then writes the file atomically."""

    def __init__(self, build: Callable[[], bytes], path: Path) -> None:
        super().__init__()
        self.signals = _Signals()
        self.build, self.path = build, path

    def run(self) -> None:
        try:
            data = self.build()
            write_file(self.path, data)
        except PostmortemError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 — shown to the user, never lost on a thread
            self.signals.failed.emit(f"The PDF could not be built: {error}")
        else:
            self.signals.finished.emit(str(self.path))


class PdfExporter(QObject):
    """Starts export jobs; ``finished(path)`` / ``failed(message)`` arrive on the GUI thread."""

    started = Signal()
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.running = False
        self._job: _ExportJob | None = None

    def start(self, build: Callable[[], bytes], path: Path) -> bool:
        """Run ``build`` (it must not touch the database) on the worker, write ``path``."""
        try:
            check_target(path, ".pdf")
        except PostmortemError as error:
            self.failed.emit(str(error))
            return False
        job = _ExportJob(build, path)
        job.setAutoDelete(False)  # Python owns it: kept alive until its signal has arrived
        job.signals.finished.connect(self._done)
        job.signals.failed.connect(self._failed)
        self._job = job
        self.running = True
        self.started.emit()
        self.pool.start(job)
        return True

    def _done(self, path: str) -> None:
        self.running = False
        self._job = None
        self.finished.emit(path)

    def _failed(self, message: str) -> None:
        self.running = False
        self._job = None
        self.failed.emit(message)

    def wait(self, msecs: int = 30000) -> bool:
        return bool(self.pool.waitForDone(msecs))
