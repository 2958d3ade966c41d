"""Preferences ▸ Trusted signers shows and edits the same list as ``trust``."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from app.trust import load_trust
from tests.signing_helpers import key_for, trust_line
from ui.preferences import Preferences, PreferencesDialog


def _dialog(qtbot, tmp_path: Path) -> PreferencesDialog:
    dialog = PreferencesDialog(Preferences.from_file(tmp_path / "prefs.ini"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pages.setCurrentWidget(dialog.trust_page)
    return dialog


def test_the_page_lists_adds_edits_removes_and_saves_on_ok(qtbot, tmp_path: Path, monkeypatch):
    trust = load_trust().path
    trust.parent.mkdir(parents=True, exist_ok=True)
    trust.write_text(trust_line(key_for("Julien Roux").fingerprint, "reviewed_by", "Julien Roux"),
                     encoding="utf-8")  # fmt: skip
    dialog = _dialog(qtbot, tmp_path)
    page = dialog.trust_page
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == "Julien Roux"
    pem = tmp_path / "sofia.pem"
    pem.write_bytes(key_for("Sofia Benali").cert.public_bytes(Encoding.PEM))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pem), ""))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 2 and page.table.item(1, 0).text() == "Sofia Benali"
    page.table.item(1, 1).setText("Approved by")
    page.table.selectRow(0)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 1
    assert "Julien" in trust.read_text(encoding="utf-8")  # nothing written before OK
    dialog.grab().save(str(tmp_path / "trust-page.png"))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    [entry] = load_trust().entries
    assert entry.name == "Sofia Benali" and entry.roles == ("approved_by",)
    assert entry.fingerprint == key_for("Sofia Benali").fingerprint


def test_bad_roles_or_a_bad_file_are_shown_and_ok_keeps_the_dialog_open(
    qtbot, tmp_path: Path, monkeypatch
):
    dialog = _dialog(qtbot, tmp_path)
    page = dialog.trust_page
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate", encoding="utf-8")
    assert not page.add_from(junk)
    assert "not a certificate" in page.problem.text()
    pem = tmp_path / "c.pem"
    pem.write_bytes(key_for("Camille Martin").cert.public_bytes(Encoding.PEM))
    assert page.add_from(pem)
    page.table.item(0, 1).setText(" , ")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert dialog.isVisible() and "no roles given" in page.problem.text()
    assert not load_trust().path.exists()
