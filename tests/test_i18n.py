"""English and French: a complete French catalogue, the French UI, live switching, preferences."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabWidget

from app.demo import add_demo
from app.edits import set_cell
from app.store import Store
from tests.editor_helpers import fill_field, make_window, use_temporary_settings
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.preferences import Preferences, apply_theme

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "postmortem_studio_fr.ts"
QM = TS.with_suffix(".qm")
FIX = "run .venv/bin/python resources/translations/translate_fr.py"


def messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))


@pytest.fixture
def french():
    install_language("fr")
    yield
    install_language("en")


def test_every_french_entry_is_finished() -> None:
    unfinished = []
    for message in messages(TS):
        translation = message.find("translation")
        forms = [] if translation is None else list(translation.iter("numerusform"))
        texts = (
            [f.text for f in forms]
            if forms
            else [None if translation is None else translation.text]
        )
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not all(texts)
        ):
            unfinished.append(message.findtext("source"))
    assert unfinished == [], f"unfinished French entries (fix: {FIX})"


def test_the_compiled_catalogue_matches_its_source(tmp_path: Path) -> None:
    """Compiling the .ts again gives the committed .qm byte for byte (file times are not
    kept by git, so only the content can tell a stale catalogue)."""
    assert QM.exists(), FIX
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(fresh)], check=True, timeout=60)
    assert fresh.read_bytes() == QM.read_bytes(), f"the .qm is out of date ({FIX})"


def test_the_catalogue_holds_every_string_of_the_interface(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    aliases = {"window": "MainWindow", "self.window": "MainWindow"}  # window.tr(…) in features
    wanted = {(aliases.get(context, context), source) for context, source in pairs(fresh)}
    assert sorted(wanted - set(pairs(TS))) == [], f"missing from the French catalogue ({FIX})"


def pairs(path: Path) -> list[tuple[str, str]]:
    return [
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in ET.parse(path).getroot().iter("context")
        for message in context.iter("message")
    ]


def english_leftovers(window) -> list[str]:
    """Visible texts that are English sources with a different French translation."""
    english = {}
    for message in messages(TS):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is not None and translation.text and translation.text != source:
            english[source.replace("&", "")] = translation.text
    seen = []
    for widget in window.findChildren(QLabel):
        seen.append(widget.text())
    for widget in window.findChildren(QAbstractButton):
        seen.append(widget.text())
    for tabs in window.findChildren(QTabWidget):
        seen += [tabs.tabText(i) for i in range(tabs.count())]
    for action in window.findChildren(QAction):
        seen.append(action.text())
    model = window.list_model
    seen += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(4)]
    return sorted({text for text in seen if text.replace("&", "") in english})


def french_demo_window(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, features=False
) -> MainWindow:
    """The window in French on the demo postmortem; ``features``: with every feature module."""
    prefs = use_temporary_settings(tmp_path, monkeypatch)
    prefs.ui_language = "fr"
    doc = add_demo(store)
    if features:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.show()
        window.refresh()
    else:
        window = make_window(qtbot, store, monkeypatch)
    window.select(doc.id)
    return window


def test_the_french_interface_has_no_english_left(
    qtbot, french, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = french_demo_window(qtbot, store, tmp_path, monkeypatch)
    assert window.menus["file"].title() == "&Fichier"
    tabs = window.document_tabs
    assert [tabs.tabText(i) for i in range(3)] == ["En-tête", "Résumé et impact", "Chronologie"]
    assert window.windowTitle().endswith("— enregistré — Postmortem Studio")
    assert window.editor.header.status.currentText() == "En relecture"
    assert english_leftovers(window) == []
    window.grab().save(str(tmp_path / "french.png"))


def test_switching_language_while_running(qtbot, store: Store, tmp_path: Path, monkeypatch) -> None:
    prefs = use_temporary_settings(tmp_path, monkeypatch)
    doc = add_demo(store)
    window = make_window(qtbot, store, monkeypatch)
    window.select(doc.id)
    assert window.menus["edit"].title() == "&Edit"
    dialog = window.edit_preferences()
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.author_name.setText("Camille Martin")
    try:
        dialog.accept()
        qtbot.waitUntil(lambda: window.menus["edit"].title() == "É&dition")
        assert window.home.new_button.text() == "Nouveau"
        assert window.document_tabs.tabText(0) == "En-tête"
        assert window.editor.header.fields["title"].text() == doc.title  # still the document
        palette = QApplication.instance().palette()
        assert palette.color(QPalette.ColorRole.Window).lightness() < 80
        reread = Preferences.from_file(tmp_path / "settings.ini")
        assert (reread.ui_language, reread.theme, reread.author_name) == (
            "fr",
            "dark",
            "Camille Martin",
        )
    finally:
        install_language("en")
        apply_theme("light")
    qtbot.waitUntil(lambda: window.menus["edit"].title() == "&Edit")
    assert window.document_tabs.tabText(0) == "Header"
    del prefs


def test_preferences_feed_new_postmortems_and_the_severity_scale(
    qtbot, store: Store, tmp_path: Path, monkeypatch
) -> None:
    prefs = use_temporary_settings(tmp_path, monkeypatch)
    prefs.author_name = "Inès"
    prefs.report_language = "fr"
    prefs.severity_lines = ["SEV1 | Tout est cassé", "SEV2 | Partiellement cassé"]
    prefs.agenda_template = "Post-mortem d’une heure, avec revue des actions ouvertes"
    prefs.categories = ["Humain", "Machine"]
    window = make_window(qtbot, store, monkeypatch)
    doc = window.home.new_postmortem()
    assert (doc.author, doc.language) == ("Inès", "fr")
    categories = [doc.ishikawa.nodes[n]["text"] for n in doc.ishikawa.successors("e")]
    assert categories == ["Humain", "Machine"]
    severity = window.editor.header.severity
    assert [severity.itemText(i) for i in range(severity.count())] == [
        "SEV1 — Tout est cassé",
        "SEV2 — Partiellement cassé",
    ]
    reread = Preferences.from_file(tmp_path / "settings.ini")
    assert reread.agenda_template == "Post-mortem d’une heure, avec revue des actions ouvertes"
    assert reread.categories == ["Humain", "Machine"]


def test_messages_of_the_core_are_shown_in_french(
    qtbot, french, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = french_demo_window(qtbot, store, tmp_path, monkeypatch)
    field = window.editor.header.fields["started_at"]
    fill_field(qtbot, field, "hier")
    assert field.error.text().startswith(
        "heure de début : « hier » n'est pas une heure ; tapez p. ex."
    )
    fill_field(qtbot, window.editor.header.fields["author"], "Léa")
    assert window.undo_action.text() == "&Annuler : Modifier auteur"
    window.apply_change(set_cell(window.current, "actions", 2, "owner", "Léa"))
    assert window.undo_action.text() == "&Annuler : Modifier responsable (action 3)"
