"""Markdown import in the window: the menu, drag-and-drop and the review dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

import ui.main_window as main_window_module
import ui.markdown_feature as feature
from app.store import Store
from tests.editor_helpers import use_temporary_settings
from tests.markdown_helpers import CORPUS, seed_path
from ui.main_window import MainWindow
from ui.markdown_feature import ImportReviewDialog
from ui.preferences import current_preferences

SHOTS = Path("/tmp/shots/F")


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    use_temporary_settings(tmp_path)
    monkeypatch.setattr(main_window_module, "FEATURES", ("ui.markdown_feature",))
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    return win


def _seed_000(tmp_path: Path) -> Path:
    path = tmp_path / "seed-000.md"
    path.write_bytes(seed_path("000").read_bytes())
    return path


def _menu_import(window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        feature.QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), "")
    )
    action = next(a for a in window.menus["file"].actions() if a.text() == "Import &Markdown…")
    action.trigger()


def _review(window: MainWindow) -> ImportReviewDialog:
    dialog = window.findChild(ImportReviewDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_file_menu_import_shows_the_review_then_creates_the_postmortem(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _menu_import(window, monkeypatch, _seed_000(tmp_path))
    dialog = _review(window)
    assert store.summaries("") == []  # nothing saved before the user agrees
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs[0].startswith("Mapped (") and tabs[1] == "Kept aside (5)"
    kept = [dialog.kept_list.item(i).text() for i in range(dialog.kept_list.count())]
    assert any("[Votre nom]" in entry for entry in kept)
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "markdown-review.png"))
    dialog.tabs.setCurrentIndex(2)
    dialog.grab().save(str(SHOTS / "markdown-review-warnings.png"))
    with qtbot.waitSignal(dialog.created):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    rows = store.summaries("")
    assert [row.title for row in rows] == ["Postmortem Template - TechMarket Platform"]
    assert window.current is not None and len(window.current.timeline) == 11
    window.grab().save(str(SHOTS / "markdown-imported-window.png"))


def test_cancelling_the_review_saves_nothing(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _menu_import(window, monkeypatch, CORPUS / "pagerduty_cloudflare_2019.md")
    dialog = _review(window)
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert store.summaries("") == []


def _drop(window: MainWindow, path: Path) -> tuple[bool, bool]:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point = QPointF(window.width() / 2, window.height() / 2)
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), actions, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(point, actions, mime, buttons, modifiers)
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_a_markdown_file_opens_the_review(
    qtbot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    accepted = _drop(window, CORPUS / "fr_ovh_sbg2_2021.md")
    assert accepted == (True, True)
    dialog = _review(window)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert [row.title for row in store.summaries("")] == [
        "🔥 Incendie du datacenter SBG2 – Strasbourg"
    ]


def test_the_review_shows_the_text_kept_aside_and_the_document_does_not_hold_it(
    qtbot, window: MainWindow, store: Store
) -> None:
    _drop(window, CORPUS / "messy_facebook_2021.md")
    dialog = _review(window)
    dialog.tabs.setCurrentWidget(dialog.notes_view)
    assert "32/13 25:61 corrupted clock line" in dialog.notes_view.toPlainText()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    (summary,) = store.summaries("")
    kept = [annex.content for annex in store.load(summary.id).annexes]
    assert not any("32/13 25:61" in content for content in kept)


def test_dropping_another_kind_of_file_is_ignored(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "photo.png"
    other.write_bytes(b"\x89PNG")
    assert _drop(window, other) == (False, False)
    assert window.findChild(ImportReviewDialog) is None


def test_a_binary_markdown_file_shows_an_error_and_no_review(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    binary = tmp_path / "broken.md"
    binary.write_bytes(bytes(range(256)) * 20)
    _menu_import(window, monkeypatch, binary)
    assert window.findChild(ImportReviewDialog) is None
    assert (
        window.last_error
        == "Cannot import broken.md: broken.md is a binary file, not Markdown text."
    )


def test_an_import_uses_the_severity_scale_of_the_preferences_and_shows_status_words(
    qtbot, window: MainWindow, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.editor_helpers import cell_text
    from tests.test_interchange_seams import ACTIONS_MD

    current_preferences().severity_lines = [
        "SEV1 | Customers cannot pay",
        "SEV2 | Payments slow",
        "SEV3 | One feature down",
        "SEV4 | Cosmetic",
    ]
    source = tmp_path / "payment-outage.md"
    source.write_text(ACTIONS_MD, encoding="utf-8")
    _menu_import(window, monkeypatch, source)
    dialog = _review(window)
    with qtbot.waitSignal(dialog.created):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert window.current is not None and window.current.severity == "SEV1"
    table = window.editor.actions.table
    headers = [
        table.model().headerData(c, Qt.Orientation.Horizontal)
        for c in range(table.model().columnCount())
    ]
    note = headers.index("Status note")
    assert cell_text(table, 1, headers.index("Status")) == "In progress"
    assert cell_text(table, 1, note) == "Waiting on vendor"
    assert cell_text(table, 0, note) == "Blocked ; needs the vendor"
    table.scrollTo(table.cell(0, note))
    window.editor.actions.grab().save(str(SHOTS / "imported-status-words.png"))
