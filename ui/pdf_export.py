"""Build the report PDF on a worker thread; the window stays responsive meanwhile."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.errors import PostmortemError
from app.fileio import check_target, write_file
from app.model import Postmortem
from app.report.export import SignWith, build_pdf


class _Signals(QObject):
    finished = Signal(str)
    failed = Signal(str)


class _ExportJob(QRunnable):
    """Renders (and signs) a private copy of the document, then writes the file atomically."""

    def __init__(
        self,
        doc: Postmortem,
        path: Path,
        *,
        language: str,
        paper: str,
        roles: tuple[str, ...],
        sign_with: SignWith | None,
    ) -> None:
        super().__init__()
        self.signals = _Signals()
        self.doc, self.path, self.language, self.paper = doc, path, language, paper
        self.roles, self.sign_with = roles, sign_with

    def run(self) -> None:
        try:
            data = build_pdf(
                self.doc,
                language=self.language,
                paper=self.paper,
                roles=self.roles,
                sign_with=self.sign_with,
            )
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

    def start(
        self,
        doc: Postmortem,
        path: Path,
        *,
        language: str,
        paper: str,
        roles: tuple[str, ...],
        sign_with: SignWith | None = None,
    ) -> bool:
        try:
            check_target(path, ".pdf")
        except PostmortemError as error:
            self.failed.emit(str(error))
            return False
        job = _ExportJob(
            doc, path, language=language, paper=paper, roles=roles, sign_with=sign_with
        )
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
