"""The editor as a new user meets it: outline, times typed loosely, paste preview, cause links,
the parking lot, the canvas keys — each driven with keys and clicks."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from app.demo import demo_document
from app.diagrams.graph import ISHIKAWA, WHYS, children, root_of
from app.model import Postmortem, new_id
from app.report.renderer import render_pdf
from app.store import Store
from app.vocabulary import Marker
from tests.editor_helpers import (
    cell_text,
    edit_cell,
    fill_field,
    make_window,
    type_text,
    use_temporary_settings,
)
from tests.report_helpers import pdf_text
from ui.diagrams.feature import DiagramFeature
from ui.editor.pickers import PickerPopup
from ui.main_window import MainWindow

WEDNESDAY = date(2026, 1, 14)
PARIS_WINTER = timezone(timedelta(hours=1))


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    use_temporary_settings(tmp_path, monkeypatch)
    win = make_window(qtbot, store, monkeypatch, today=lambda: WEDNESDAY)
    win.resize(1280, 720)
    qtbot.mouseClick(win.home.new_button, Qt.MouseButton.LeftButton)
    return win


def dated(qtbot, win: MainWindow) -> MainWindow:
    fill_field(qtbot, win.editor.header.fields["incident_date"], "2026-01-15")
    fill_field(qtbot, win.editor.header.fields["timezone"], "Europe/Paris")
    return win


# -- 1. the outline --------------------------------------------------------------------------


def test_the_outline_lists_every_section_and_keys_move_through_it(qtbot, window) -> None:
    outline = window.outline
    names = [outline.item(row).text() for row in range(outline.count())]
    assert names[:4] == ["Header", "Summary and impact", "Timeline", "Analysis"]
    assert "Parking lot" in names and "Annexes" in names
    assert not window.document_tabs.tabBar().isVisible()  # no overflowing tab bar
    assert outline.verticalScrollBar().maximum() == 0  # every section fits at 1280×720
    qtbot.mouseClick(
        outline.viewport(),
        Qt.MouseButton.LeftButton,
        pos=outline.visualItemRect(outline.item(2)).center(),
    )
    assert window.document_tabs.currentWidget() is window.editor.containers["timeline"]
    field = window.editor.header.fields["title"]
    window.outline.setCurrentRow(0)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert outline.currentRow() == 1
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier
    )
    assert outline.currentRow() == 0
    number = outline.row_of("actions") + 1
    qtbot.keyClick(
        window.focusWidget() or window,
        Qt.Key(Qt.Key.Key_0 + number),
        Qt.KeyboardModifier.ControlModifier,
    )
    assert window.document_tabs.currentWidget() is window.editor.containers["actions"]


def test_the_outline_says_which_sections_need_attention(qtbot, window) -> None:
    outline = window.outline
    actions_row = outline.row_of("actions")
    assert "Nothing written yet" in outline.item(actions_row).toolTip()
    window.outline.setCurrentRow(actions_row)
    qtbot.mouseClick(window.editor.actions.rows.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert "1 action(s) without an owner." in outline.item(actions_row).toolTip()
    edit_cell(qtbot, window.editor.actions.table, 0, 1, "Léa")
    edit_cell(qtbot, window.editor.actions.table, 0, 2, "+3d")
    assert outline.state_of("actions").state == "filled"


# -- 2. times and dates as typed -------------------------------------------------------------


def test_a_time_alone_is_resolved_with_the_incident_date_and_zone(qtbot, window) -> None:
    field = window.editor.header.fields["started_at"]
    fill_field(qtbot, field, "14:31")
    assert window.current.started_at is None
    assert "set the incident date first" in field.error.text()
    dated(qtbot, window)
    for typed in ("14:31", "14h31", "2:31 PM"):
        fill_field(qtbot, field, "")
        fill_field(qtbot, field, typed)
        assert window.current.started_at == datetime(2026, 1, 15, 14, 31, tzinfo=PARIS_WINTER)
        assert field.text() == "2026-01-15 14:31 +01:00"  # shown resolved
    fill_field(qtbot, field, "2026-07-01 09:00")
    assert window.current.started_at.utcoffset() == timedelta(hours=2)  # summer time


def test_timeline_shows_the_time_alone_and_the_full_value_on_demand(qtbot, window) -> None:
    dated(qtbot, window)
    window.outline.setCurrentRow(window.outline.row_of("timeline"))
    timeline = window.editor.timeline
    qtbot.mouseClick(timeline.rows.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    edit_cell(qtbot, timeline.table, 0, 0, "14h05")
    assert cell_text(timeline.table, 0, 0) == "14:05"
    assert timeline.table.cell(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "2026-01-15 14:05 +01:00"
    edit_cell(qtbot, timeline.table, 0, 0, "2026-01-16 00:10")
    assert cell_text(timeline.table, 0, 0) == "2026-01-16 00:10"  # another day shows its date


def test_due_dates_in_words(qtbot, window) -> None:
    actions = window.editor.actions
    window.outline.setCurrentRow(window.outline.row_of("actions"))
    qtbot.mouseClick(actions.rows.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    for typed, expected in (
        ("tomorrow", date(2026, 1, 15)),
        ("+3d", date(2026, 1, 17)),
        ("next friday", date(2026, 1, 16)),
        ("vendredi", date(2026, 1, 16)),
        ("2026-03-01", date(2026, 3, 1)),
    ):
        edit_cell(qtbot, actions.table, 0, 2, typed)
        assert window.current.actions[0].due == expected, typed
        assert cell_text(actions.table, 0, 2) == expected.isoformat()
    edit_cell(qtbot, actions.table, 0, 2, "one day")
    assert "is not a date; type e.g." in window.last_error
    assert window.current.actions[0].due == date(2026, 3, 1)


def test_the_calendar_button_picks_a_date(qtbot, window) -> None:
    field = window.editor.header.fields["incident_date"]
    pick = next(a for a in field.actions() if a.objectName() == "pickDate")
    pick.trigger()
    popup = field.findChild(PickerPopup)
    assert popup is not None and popup.isVisible()
    popup.calendar.setSelectedDate(QDate(2026, 2, 3))
    qtbot.mouseClick(popup.ok, Qt.MouseButton.LeftButton)
    assert window.current.incident_date == date(2026, 2, 3)


# -- 3. paste with a preview -----------------------------------------------------------------

CHAT = "[14:00] ci: deploy `v2` started\n[14:20] sre: rollback\n"


def test_paste_shows_a_preview_and_adds_only_on_ok(qtbot, window) -> None:
    dated(qtbot, window)
    timeline = window.editor.timeline
    QGuiApplication.clipboard().setText(CHAT)
    qtbot.mouseClick(timeline.paste_button, Qt.MouseButton.LeftButton)
    preview = timeline.preview
    assert preview.isVisible() and window.current.timeline == []
    table = preview.table
    assert table.model().index(0, 1).data() == "deploy v2 started"  # backticks removed
    assert table.model().index(1, 3).data() == "—"  # marker not set…
    assert table.model().index(1, 4).data() == "Mitigated?"  # …only suggested
    table.setCurrentIndex(table.model().index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible())
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, editor, "Déploiement v2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the view commits the editor's value on the next loop turn
    assert table.model().index(0, 1).data() == "Déploiement v2"
    qtbot.mouseClick(preview.ok_button, Qt.MouseButton.LeftButton)
    assert [e.event for e in window.current.timeline] == ["Déploiement v2", "rollback"]
    assert [e.marker for e in window.current.timeline] == [None, None]
    assert window.undo_stack.undoText() == "Paste 2 timeline rows"


def test_suggested_markers_apply_only_when_asked(qtbot, window) -> None:
    dated(qtbot, window)
    preview = window.editor.timeline.paste_text(CHAT)
    qtbot.mouseClick(preview.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.ok_button, Qt.MouseButton.LeftButton)
    assert [e.marker for e in window.current.timeline] == [Marker.STARTED, Marker.MITIGATED]


def test_cancelling_the_preview_stores_nothing(qtbot, window) -> None:
    dated(qtbot, window)
    preview = window.editor.timeline.paste_text(CHAT)
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    assert not preview.isVisible()
    assert window.current.timeline == []
    assert window.store.load(window.current.id).timeline == []


def test_without_an_incident_date_the_day_is_asked_for(qtbot, window) -> None:
    preview = window.editor.timeline.paste_text(CHAT)
    assert preview.day_field.isVisible()
    assert not preview.ok_button.isEnabled()  # never silently today
    assert "no date" in preview.message.text()
    fill_field(qtbot, preview.day_field, "2026-01-15")
    assert preview.ok_button.isEnabled()
    qtbot.mouseClick(preview.ok_button, Qt.MouseButton.LeftButton)
    assert window.current.timeline[0].at.date() == date(2026, 1, 15)


def test_an_empty_or_unreadable_clipboard_says_so(qtbot, window) -> None:
    timeline = window.editor.timeline
    QGuiApplication.clipboard().setText("")
    qtbot.mouseClick(timeline.paste_button, Qt.MouseButton.LeftButton)
    assert "clipboard holds no text" in window.last_error
    QGuiApplication.clipboard().setText("no times here")
    qtbot.mouseClick(timeline.paste_button, Qt.MouseButton.LeftButton)
    assert "starts with a time" in window.last_error


# -- 4. links from actions to causes ---------------------------------------------------------


@pytest.fixture
def demo_window(qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    use_temporary_settings(tmp_path, monkeypatch)
    doc = demo_document()
    doc.id = new_id()
    store.save(doc)
    win = make_window(qtbot, store, monkeypatch)
    win.resize(1280, 720)
    win.select(doc.id)
    return win


def test_the_link_picker_links_by_text_and_shows_labels(qtbot, demo_window) -> None:
    win = demo_window
    actions = win.editor.actions
    win.outline.setCurrentRow(win.outline.row_of("actions"))
    column = actions.causes_column
    assert all(":" not in cell_text(actions.table, r, column).split(" ")[0] for r in range(2))
    assert "ishikawa:" not in cell_text(actions.table, 0, column)
    win.current.actions[0].causes = []
    actions.table.selectRow(actions.table.view_row(0))
    qtbot.mouseClick(actions.link_button, Qt.MouseButton.LeftButton)
    picker = actions.picker
    assert picker.isVisible()
    type_text(qtbot, picker.filter, "readiness")
    shown = [
        picker.list.item(r)
        for r in range(picker.list.count())
        if not picker.list.item(r).isHidden()
    ]
    assert shown and all("readiness" in item.text().lower() for item in shown)
    shown[0].setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    refs = win.current.actions[0].causes
    assert len(refs) == 1
    kind, node = refs[0].split(":")
    graph = getattr(win.current, kind)
    assert node in graph  # never dangling
    text = cell_text(actions.table, actions.table.view_row(0), column)
    assert "readiness" in text.lower() and refs[0] not in text


# -- 5. the parking lot ----------------------------------------------------------------------


def test_parking_lot_from_the_meeting_is_listed_edited_shown_and_printed(
    qtbot, window, tmp_path: Path
) -> None:
    from app.meeting.capture import parking_lot

    window.apply_change(parking_lot("Revoir les alertes de latence"))
    page = window.editor.parking
    window.outline.setCurrentRow(window.outline.row_of("parking"))
    assert page.topics.toPlainText() == "Revoir les alertes de latence"
    assert window.outline.state_of("parking").state == "filled"
    page.topics.setFocus()
    page.topics.moveCursor(page.topics.textCursor().MoveOperation.End)
    type_text(qtbot, page.topics, "\nBudget d'erreur à définir")
    qtbot.keyClick(page.topics, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    stored = window.store.load(window.current.id).parking_lot
    assert stored == ["Revoir les alertes de latence", "Budget d'erreur à définir"]
    from app.markdown.exporter import export_markdown

    assert "Budget d'erreur à définir" in export_markdown(window.current, "en")
    text = pdf_text(render_pdf(window.current, language="en"))
    assert "Parking lot" in text and "Budget d'erreur à définir" in text
    shown = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "--db",
            str(window.store.path),
            "show",
            window.current.id,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "\nParking lot\n" in shown.stdout, shown.stderr
    assert "Budget d'erreur à définir" in shown.stdout


# -- 6. the canvas ---------------------------------------------------------------------------


def _centre(view, node):
    return view.box_item(node).sceneBoundingRect().center()


def diagram_view(qtbot, store: Store, doc: Postmortem, kind: str):
    """The whole window (every feature) at 1280×720, showing ``doc``'s ``kind`` diagram."""
    store.save(doc)
    main = MainWindow(store)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    main.open_document(doc.id)
    page = main.features.get(DiagramFeature).pages[kind]
    main.document_tabs.setCurrentWidget(page)
    return main, page.view


@pytest.mark.parametrize("kind", [WHYS, ISHIKAWA])
def test_arrow_keys_go_to_the_nearest_box_on_screen(qtbot, store: Store, kind: str) -> None:
    doc = demo_document()
    doc.id = new_id()
    _main, view = diagram_view(qtbot, store, doc, kind)
    QApplication.processEvents()
    whole = view.mapToScene(view.viewport().rect()).boundingRect()
    assert whole.contains(view.scene().sceneRect().adjusted(2, 2, -2, -2))  # fitted on open
    graph = getattr(doc, kind)
    for key, axis, sign in (
        (Qt.Key.Key_Right, "x", 1),
        (Qt.Key.Key_Left, "x", -1),
        (Qt.Key.Key_Down, "y", 1),
        (Qt.Key.Key_Up, "y", -1),
    ):
        moved = 0
        for node in list(graph.nodes):
            view.select(node)
            before = _centre(view, node)
            qtbot.keyClick(view, key)
            after_node = view.selected_node()
            if after_node == node:
                continue
            moved += 1
            after = _centre(view, after_node)
            delta = (after.x() - before.x()) if axis == "x" else (after.y() - before.y())
            assert delta * sign > 0, (kind, key, node, after_node)
        if kind == ISHIKAWA or axis == "y":  # the 5 Whys of the demo is one column
            assert moved, (kind, key)
    root = root_of(graph)
    view.select(root)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.selected_node() == children(graph, root)[0]  # Alt+arrows follow the tree


def test_the_in_place_editor_is_the_size_of_the_box_and_takes_lines(qtbot, store: Store) -> None:
    main, view = diagram_view(qtbot, store, Postmortem(title="Canvas"), WHYS)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    box = view.mapFromScene(view.box_item("p").sceneBoundingRect()).boundingRect()
    assert view.editor.width() >= box.width() - 1 and view.editor.height() >= box.height() - 1
    type_text(qtbot, view.editor, "Paiements")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(qtbot, view.editor, "en échec")
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert main.session.doc.whys.nodes["p"]["text"] == "Paiements\nen échec"


# -- 7. conventions --------------------------------------------------------------------------


def test_new_then_close_leaves_no_empty_postmortem(
    qtbot, store: Store, tmp_path, monkeypatch
) -> None:
    use_temporary_settings(tmp_path, monkeypatch)
    win = make_window(qtbot, store, monkeypatch)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(win.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert win.current is not None
    win.close()
    assert store.summaries() == [] and store.deleted() == []


def test_new_then_another_new_keeps_only_the_edited_one(
    qtbot, store: Store, tmp_path, monkeypatch
) -> None:
    use_temporary_settings(tmp_path, monkeypatch)
    win = make_window(qtbot, store, monkeypatch)
    qtbot.mouseClick(win.home.new_button, Qt.MouseButton.LeftButton)
    fill_field(qtbot, win.editor.header.fields["title"], "Panne DNS")
    qtbot.mouseClick(win.home.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(win.home.new_button, Qt.MouseButton.LeftButton)
    win.close()
    assert [s.title for s in store.summaries()] == ["Panne DNS"]


def test_severity_choices_say_what_they_mean_and_menus_are_grouped(qtbot, window) -> None:
    severity = window.editor.header.severity
    texts = [severity.itemText(i) for i in range(severity.count())]
    assert texts[0].startswith("P0 — ") and len(texts[0]) > 8
    actions = window.menus["file"].actions()
    labels = [a.text() for a in actions if not a.isSeparator()]
    assert labels[-1] == "&Quit"
    assert labels.index("&New postmortem") < labels.index("&Import…")
    help_labels = [a.text() for a in window.menus["help"].actions() if not a.isSeparator()]
    assert "&Keyboard shortcuts" in help_labels and "&Getting started" in help_labels
