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


PASSPHRASE = "a good passphrase"


def _type(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def _sign_with_dialog(qtbot, window: MainWindow, role: str, name: str | None = None) -> None:
    page = window.signoff_page
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    if name is not None:
        _type(qtbot, dialog.name, name)
    _type(qtbot, dialog.passphrase, PASSPHRASE)
    if dialog.confirm.isVisible():
        _type(qtbot, dialog.confirm, PASSPHRASE)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled(), dialog.hint.text()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_dialog_prefills_author_and_signs_with_a_new_personal_key(
    qtbot, store: Store, demo: Postmortem, tmp_path: Path
):
    from app.signing import load_key, personal_key_path

    settings = QSettings()
    settings.setValue("author/name", "Sofia Benali")
    settings.setValue("author/title", "Head of Platform")
    window = _window(qtbot, store, demo)
    page = window.signoff_page
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.name.text() == "Sofia Benali"
    assert dialog.job_title.text() == "Head of Platform"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.name.clear()
    assert not ok.isEnabled()  # a sign-off needs a name
    qtbot.keyClicks(dialog.name, "Camille Martin")
    assert dialog.confirm.isVisible()  # first sign-off: a new key, its passphrase asked twice
    qtbot.keyClicks(dialog.passphrase, "short")
    assert not ok.isEnabled() and "at least 8 characters" in dialog.hint.text()
    _type(qtbot, dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.confirm, PASSPHRASE + "x")
    assert not ok.isEnabled() and "differ" in dialog.hint.text()
    _type(qtbot, dialog.confirm, PASSPHRASE)
    assert ok.isEnabled()
    dialog.grab().save(str(tmp_path / "signoff-dialog.png"))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert page.table.item(0, 1).text() == "Camille Martin"
    assert page.table.item(0, 4).text() == "signed"
    [signoff] = store.load(demo.id).signoffs
    key = load_key(personal_key_path("Camille Martin"), PASSPHRASE)
    assert signoff.name == "Camille Martin" and signoff.fingerprint == key.fingerprint
    assert key.fingerprint in page.table.item(0, 1).toolTip()
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    _type(qtbot, page.dialog.name, "Camille Martin")
    assert not page.dialog.confirm.isVisible()  # the key exists: asked once
    page.dialog.reject()
    settings.clear()


def test_a_wrong_passphrase_is_shown_and_nothing_is_signed(qtbot, store: Store, demo: Postmortem):
    window = _window(qtbot, store, demo)
    _sign_with_dialog(qtbot, window, "prepared_by", "Camille")
    page = window.signoff_page
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.role.setCurrentIndex(dialog.role.findData("reviewed_by"))
    _type(qtbot, dialog.name, "Camille")
    _type(qtbot, dialog.passphrase, "not the passphrase")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert "wrong passphrase" in window.last_error
    assert [s.role for s in store.load(demo.id).signoffs] == ["prepared_by"]


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


def test_the_status_control_cannot_reach_approved(qtbot, store: Store, demo: Postmortem):
    from PySide6.QtWidgets import QComboBox

    window = _window(qtbot, store, demo)
    status = window.findChild(QComboBox, "field_status")
    values = [status.itemData(i) for i in range(status.count())]
    assert "approved" not in values and "in_review" in values
    # even a programmatic status edit cannot approve: approval comes from sign-offs only
    window.apply_change(FieldChange("Status", lambda d: d, "status", Status.APPROVED))
    assert window.session.doc.status == Status.IN_REVIEW
    assert store.load(demo.id).status == Status.IN_REVIEW


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


def test_exporting_twice_gives_the_same_bytes_dated_at_the_revision(
    qtbot, store: Store, demo: Postmortem, tmp_path: Path
):
    from io import BytesIO

    from pypdf import PdfReader

    from app.report.times import pdf_date

    window = _window(qtbot, store, demo)
    page = window.signoff_page
    files = []
    for name in ("first.pdf", "second.pdf"):
        target = tmp_path / name
        page.export_to(target)
        _wait_for_export(page)
        files.append(target.read_bytes())
    assert files[0] == files[1]
    saved = store.updated_at(demo.id)
    assert saved is not None
    meta = PdfReader(BytesIO(files[0])).metadata
    assert meta is not None and meta["/CreationDate"] == pdf_date(saved)


def test_export_error_is_shown(qtbot, store: Store, demo: Postmortem, tmp_path: Path):
    window = _window(qtbot, store, demo)
    page = window.signoff_page
    page.export_to(tmp_path / "missing-folder" / "report.pdf")
    assert "does not exist" in window.last_error
    assert page.export_button.isEnabled()


def test_approved_export_is_the_pdf_signed_by_each_person(
    qtbot, store: Store, demo: Postmortem, tmp_path: Path
):
    from app.session import DocumentSession
    from app.signoff import install_signoff_workflow
    from app.trust import load_trust
    from app.verify import EXIT_OK, verify_pdf
    from tests.signing_helpers import approve, team_trust

    session = DocumentSession.open(store, demo.id)
    install_signoff_workflow(session)
    approve(session)
    window = _window(qtbot, store, demo)
    page = window.signoff_page
    target = tmp_path / "signed.pdf"
    page.export_to(target)  # no passphrase: the signatures were made at each sign-off
    _wait_for_export(page)
    result = verify_pdf(target, load_trust(team_trust(tmp_path / "trust.txt")))
    assert result.exit_code == EXIT_OK and len(result.signatures) == 4
    shots = Path("/tmp/shots/E")
    if shots.is_dir():
        window.resize(1100, 700)
        window.grab().save(str(shots / "signoff-tab-approved.png"))


def test_export_for_approval_then_collect_from_the_file_menu(
    qtbot, store: Store, demo: Postmortem, tmp_path: Path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from app.trust import load_trust
    from tests.signing_helpers import key_for, pyhanko_sign

    window = _window(qtbot, store, demo)
    page = window.signoff_page
    blank = tmp_path / "for-approval.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(blank), ""))
    qtbot.mouseClick(page.approval_button, Qt.MouseButton.LeftButton)
    _wait_for_export(page)
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(pyhanko_sign(blank.read_bytes(), key_for("Julien Roux"), "reviewed_by"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(signed), ""))
    asked: list[str] = []

    def answer(_parent, _title, text, *rest):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    action = next(a for a in window.menus["file"].actions() if a.objectName() == "collectSignedPdf")
    action.trigger()
    assert asked and "not on the trust list" in asked[0] and "Julien Roux" in asked[0]
    doc = store.load(demo.id)
    assert [(s.role, s.name) for s in doc.signoffs] == [("reviewed_by", "Julien Roux")]
    assert window.signoff_page.table.item(1, 1).text() == "Julien Roux"
    trusted = load_trust()
    assert trusted.find(key_for("Julien Roux").fingerprint) is not None
