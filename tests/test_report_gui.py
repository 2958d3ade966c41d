"""The Sign-off tab: sign through the dialog, see stale sign-offs, export the PDF off-thread."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.model import Postmortem
from app.session import FieldChange
from app.store import Store
from app.vocabulary import DEFAULT_SIGNOFF_ROLES, Status
from tests.report_helpers import pdf_text
from ui.main_window import MainWindow


def _wait_for_export(page, seconds: float = 20.0) -> None:
    """Let the GUI thread run until the export is done.

    Processes events directly rather than via a nested event loop, which returns at once in a
    process where QApplication.quit() has already been called (e.g. by the smoke test).
    """
    deadline = time.monotonic() + seconds
    while page.exporter.running and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    assert not page.exporter.running, "the export did not finish"


def _window(qtbot, store: Store, doc: Postmortem) -> MainWindow:
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    window.open_document(doc.id)
    page = window.signoff_page
    window.document_tabs.setCurrentWidget(page)
    page.open_when_done = False
    return window


def _sign_with_dialog(qtbot, window: MainWindow, role: str, name: str | None = None) -> None:
    page = window.signoff_page
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    if name is not None:
        dialog.name.clear()
        qtbot.keyClicks(dialog.name, name)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_dialog_prefills_author_and_signs(qtbot, store: Store, demo: Postmortem, tmp_path: Path):
    settings = QSettings()
    settings.setValue("author/name", "Sofia Benali")
    settings.setValue("author/title", "Head of Platform")
    window = _window(qtbot, store, demo)
    page = window.signoff_page
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.name.text() == "Sofia Benali"
    assert dialog.job_title.text() == "Head of Platform"
    dialog.grab().save(str(tmp_path / "signoff-dialog.png"))
    dialog.name.clear()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a sign-off needs a name
    qtbot.keyClicks(dialog.name, "Camille Martin")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert page.table.item(0, 1).text() == "Camille Martin"
    assert page.table.item(0, 4).text() == "signed"
    assert store.load(demo.id).signoffs[0].name == "Camille Martin"
    settings.clear()


def test_edit_makes_signoff_stale_then_all_roles_lock(qtbot, store: Store, demo: Postmortem):
    window = _window(qtbot, store, demo)
    page = window.signoff_page
    _sign_with_dialog(qtbot, window, "prepared_by", "Camille")
    window.apply_change(FieldChange("Edit summary", lambda d: d, "summary", "New summary."))
    assert "STALE" in page.status.text()
    assert page.table.item(0, 4).text().startswith("STALE")
    for role in DEFAULT_SIGNOFF_ROLES:
        _sign_with_dialog(qtbot, window, role, "Ana")
    assert window.session.doc.status == Status.APPROVED
    assert not page.sign_button.isEnabled()
    assert page.reopen_button.isEnabled()
    assert not window.apply_change(FieldChange("Edit", lambda d: d, "summary", "x"))
    assert "locked" in window.last_error
    qtbot.mouseClick(page.reopen_button, Qt.MouseButton.LeftButton)
    assert window.session.doc.revision == 2
    assert window.session.doc.status == Status.IN_REVIEW
    assert page.sign_button.isEnabled()


def test_export_runs_off_the_gui_thread(qtbot, store: Store, demo: Postmortem, tmp_path: Path):
    window = _window(qtbot, store, demo)
    page = window.signoff_page
    page.language.setCurrentIndex(page.language.findData("en"))
    target = tmp_path / "report.pdf"
    page.export_to(target)
    assert page.progress.isVisible()  # the window is still responsive meanwhile
    assert not page.export_button.isEnabled()
    _wait_for_export(page)
    assert not page.progress.isVisible()
    assert page.last_export == target
    assert "Executive summary" in pdf_text(target.read_bytes())
    window.grab().save(str(tmp_path / "signoff-tab.png"))


def test_export_error_is_shown(qtbot, store: Store, demo: Postmortem, tmp_path: Path):
    window = _window(qtbot, store, demo)
    page = window.signoff_page
    page.export_to(tmp_path / "missing-folder" / "report.pdf")
    assert "does not exist" in window.last_error
    assert page.export_button.isEnabled()


def test_approved_export_asks_passphrase_and_signs(
    qtbot, store: Store, demo: Postmortem, tmp_path: Path
):
    from app.session import DocumentSession
    from app.signoff import install_signoff_workflow, sign
    from app.verify import verify_pdf

    session = DocumentSession.open(store, demo.id)
    install_signoff_workflow(session)
    for role in DEFAULT_SIGNOFF_ROLES:
        sign(session, role, "Ana")
    window = _window(qtbot, store, demo)
    page = window.signoff_page
    target = tmp_path / "signed.pdf"
    page.export_to(target)
    ask = page.passphrase_dialog
    assert ask.creating  # no key yet: the passphrase is asked twice
    qtbot.keyClicks(ask.passphrase, "a good passphrase")
    qtbot.keyClicks(ask.confirm, "a good passphraze")
    assert not ask.ok_button.isEnabled()
    assert "differ" in ask.message.text()
    qtbot.keyClick(ask.confirm, Qt.Key.Key_Backspace)
    qtbot.keyClick(ask.confirm, Qt.Key.Key_Backspace)
    qtbot.keyClicks(ask.confirm, "se")
    assert ask.ok_button.isEnabled() and not ask.message.isVisible()
    qtbot.mouseClick(ask.ok_button, Qt.MouseButton.LeftButton)
    _wait_for_export(page)
    assert verify_pdf(target).ok
    shots = Path("/tmp/shots/E")
    if shots.is_dir():
        window.resize(1100, 700)
        window.grab().save(str(shots / "signoff-tab-approved.png"))
