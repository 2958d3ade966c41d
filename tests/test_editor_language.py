"""The interface language, switched while the app runs, reaches every section and meaning."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from app.store import Store
from tests.editor_helpers import choose, open_demo, use_temporary_settings
from ui.i18n import install_language
from ui.main_window import MainWindow


def section_names(window: MainWindow) -> dict[str, str]:
    outline = window.outline
    return {outline.key_of(row): outline.item(row).text() for row in range(outline.count())}


def header_labels(window: MainWindow) -> set[str]:
    """The labels of the header form, as the person reads them."""
    return {label.text() for label in window.editor.header.findChildren(QLabel)}


def tab_title(window: MainWindow, page: object) -> str:
    tabs = window.document_tabs
    return tabs.tabText(tabs.indexOf(page))


def test_a_live_switch_renames_every_section_and_the_severity_meanings(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_temporary_settings(tmp_path, monkeypatch)
    window = open_demo(qtbot, store)  # every feature: the diagrams and sign-off add sections
    choose(qtbot, window.editor.header.language, "French")  # the report will be in French
    severity = window.editor.header.severity
    assert severity.itemText(0) == "P0 — Service completely down"  # read in the UI language
    # the header's labels are those of the field descriptions (app.fields), in the UI language
    assert {"Started", "Postmortem date", "Reviewers"} <= header_labels(window)
    names = section_names(window)
    assert (names["whys"], names["ishikawa"], names["signoff"]) == (
        "5 Whys",
        "Ishikawa",
        "Sign-off",
    )

    dialog = window.edit_preferences()
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    try:
        dialog.accept()
        qtbot.waitUntil(lambda: window.menus["edit"].title() == "É&dition")
        names = section_names(window)
        assert names["header"] == "En-tête"
        assert (names["whys"], names["signoff"], names["report"]) == (
            "5 Pourquoi",
            "Signatures",
            "Rapport",
        )
        assert tab_title(window, window.document_side().feature_pages["whys"]) == "5 Pourquoi"
        assert tab_title(window, window.document_side().feature_pages["signoff"]) == "Signatures"
        severity = window.editor.header.severity
        assert severity.itemText(0) == "P0 — Service complètement down"
        assert {"Début", "Date du post-mortem", "Relecteurs"} <= header_labels(window)
        assert window.current is not None and window.current.language == "fr"
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: section_names(window)["whys"] == "5 Whys")
    assert section_names(window)["signoff"] == "Sign-off"
    assert window.editor.header.severity.itemText(0) == "P0 — Service completely down"
