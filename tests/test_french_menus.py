"""Every menu of the French interface — menu bar, Edit menu after an edit, the diagram's context
menus, a text field's own menu — and the dialogs' buttons, with no English word left.

A word counts as English when it appears in an English source text (Qt's catalogue for ``ui/``,
the core's tables for labels and messages) and in none of the French texts, the document's own
text or the allow-list of proper nouns and format names. Screenshots of each menu opened go to
``$MENU_SHOTS`` (or the test's temporary folder).
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QDialog, QMenu, QWidget

from app.diagrams import changes
from app.diagrams.graph import children, root_of
from app.jsonio import document_to_dict
from app.messages import MESSAGES
from app.store import Store
from app.vocabulary import LABELS
from tests.test_i18n import french_demo_window
from ui.diagrams.canvas import DiagramView
from ui.i18n import install_language
from ui.meeting.agenda_dialog import AgendaDialog

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "postmortem_studio_fr.ts"

#: proper nouns and format names, the same in both languages
ALLOWED = {
    "postmortem", "studio", "markdown", "pdf", "svg", "png", "json", "csv", "ishikawa", "sha",
    "utc", "iso", "ok", "tab", "ctrl", "alt", "f1", "f2",
}  # fmt: skip

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(text.replace("&", ""))}


def _texts() -> tuple[list[str], list[str]]:
    english, french = [], []
    for message in ET.parse(TS).getroot().iter("message"):
        english.append(message.findtext("source") or "")
        translation = message.find("translation")
        if translation is not None:
            french += [translation.text or ""] + [f.text or "" for f in translation]
    for table in (LABELS, MESSAGES):
        for en, fr in table.values():
            english.append(en)
            french.append(fr)
    return english, french


def english_words(document_text: str) -> set[str]:
    english, french = _texts()
    only_english = set().union(*map(_words, english)) - set().union(*map(_words, french))
    return only_english - ALLOWED - _words(document_text)


def walk(menu: QMenu) -> Iterator[QMenu]:
    """The menu and its submenus, each told first that it is about to show (menus built on
    demand fill themselves then)."""
    menu.aboutToShow.emit()
    yield menu
    for action in menu.actions():
        if action.menu() is not None:
            yield from walk(action.menu())


def entries(qtbot, menu: QMenu, shots: Path, name: str) -> list[str]:
    """Every entry of ``menu`` and its submenus; each is opened and photographed."""
    texts = []
    for number, shown in enumerate(walk(menu)):
        texts += [action.text() for action in shown.actions() if not action.isSeparator()]
        shown.popup(QPoint(10, 10))
        qtbot.waitUntil(shown.isVisible)
        shown.grab().save(str(shots / f"{name}-{number}.png"))
        shown.hide()
    return texts


@pytest.fixture
def french_ui() -> Iterator[None]:
    install_language("fr")
    yield
    install_language("en")


def open_dialogs(window: QWidget) -> list[QDialog]:
    return [dialog for dialog in window.findChildren(QDialog) if dialog.isVisible()]


def buttons(widget: QWidget) -> list[str]:
    return [b.text() for b in widget.findChildren(QAbstractButton) if b.text()]


def test_every_menu_and_dialog_button_is_french(
    qtbot, french_ui, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = french_demo_window(qtbot, store, tmp_path, monkeypatch, features=True)
    shots = Path(os.environ.get("MENU_SHOTS", tmp_path / "shots"))
    shots.mkdir(parents=True, exist_ok=True)

    # an edit of a diagram, so the Edit menu names one ("Annuler : Ajouter une case")
    first_why = children(window.current.whys, root_of(window.current.whys))[0]
    assert window.apply_change(changes.add_child("whys", first_why))
    assert window.undo_action.text() == "&Annuler : Ajouter une case"

    seen: dict[str, list[str]] = {}
    for number, action in enumerate(window.menuBar().actions()):
        menu = action.menu()
        seen[menu.title()] = entries(qtbot, menu, shots, f"menu-{number}")

    for view in window.findChildren(DiagramView):
        graph = getattr(window.current, view.kind)
        node = next(n for n, data in graph.nodes(data=True) if data.get("role") in ("why", "cause"))
        view.select(node)
        menu = view.build_context_menu()
        seen[f"context menu of the {view.kind} diagram"] = entries(
            qtbot, menu, shots, f"context-{view.kind}"
        )

    field = window.editor.header.fields["title"]
    menu = field.createStandardContextMenu()
    seen["context menu of a text field"] = entries(qtbot, menu, shots, "context-field")

    openers = {
        "preferences": window.edit_preferences,
        "history": window.show_history,
        "deleted postmortems": window.show_deleted,
        "getting started": window.guide_action.trigger,
        "keyboard shortcuts": window.keys_action.trigger,
        "sign-off": window.findChild(QAction, "signOffAction").trigger,
        "meeting agenda": lambda: AgendaDialog(store, "fr", window).open(),  # Réunion ▸ Démarrer
    }
    for name, open_it in openers.items():
        before = set(open_dialogs(window))
        open_it()
        (dialog,) = [d for d in open_dialogs(window) if d not in before]
        seen[f"buttons of {name}"] = buttons(dialog)
        dialog.grab().save(str(shots / f"dialog-{name.replace(' ', '-')}.png"))
        dialog.reject()
    window.show_error("x")
    box = window.findChild(QWidget, "errorBox")
    seen["buttons of an error box"] = buttons(box)
    box.close()

    assert sum(len(texts) for texts in seen.values()) > 60  # the walk did reach every menu
    document_text = json.dumps(document_to_dict(window.current), ensure_ascii=False)
    english = english_words(document_text)
    leftovers = {
        where: [text for text in texts if _words(text) & english] for where, texts in seen.items()
    }
    assert {where: texts for where, texts in leftovers.items() if texts} == {}


def test_the_check_finds_english_and_lets_french_and_names_through() -> None:
    english = english_words("Panne du payment-service")
    assert _words("Add a node") & english
    assert _words("Undo") & english
    assert not _words("&Annuler : Ajouter une case") & english
    assert not _words("Exporter en PDF / Markdown — payment-service") & english
