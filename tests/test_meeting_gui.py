"""Running a meeting from the keyboard; what the shared screen shows at chosen times."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.meeting.agenda import builtin_templates
from app.meeting.clock import FakeClock
from app.meeting.text import plain
from app.meeting.timer import MINUTE, SECOND
from app.model import Postmortem
from app.store import Store
from ui.main_window import MainWindow
from ui.meeting.agenda_dialog import AgendaDialog
from ui.meeting.control_panel import ControlPanel
from ui.meeting.live_views import RowColumn
from ui.meeting.presenter_view import PresenterView
from ui.meeting_feature import MeetingFeature

T0 = datetime(2026, 1, 16, 14, 0, tzinfo=UTC)
SHOTS = Path("/tmp/shots/C")


def text(widget: QWidget, name: str) -> str:
    found = widget.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def type_text(widget: QWidget, value: str) -> None:
    """Type like a person, including accented characters."""
    widget.setFocus()
    for char in value:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def in_english(store: Store, doc: Postmortem) -> Postmortem:
    """The demo is in French; these tests hold the meeting of an English report."""
    doc.language = "en"
    store.save(doc, expected_seq=store.seq(doc.id))
    return doc


def shown_rows(column: RowColumn) -> list[str]:
    """The rows a column shows, as typed (without the wrap points)."""
    return [plain(label.text()) for label in column.shown()]


@pytest.fixture
def running(qtbot, store: Store, demo: Postmortem) -> tuple[MainWindow, FakeClock]:
    in_english(store, demo)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.open_document(demo.id)
    clock = FakeClock(T0)
    feature: MeetingFeature = window.features.get(MeetingFeature)
    feature.clock = clock
    agenda = builtin_templates("en")[0]
    assert feature.start_with(agenda) is not None
    assert feature.panel is not None and feature.presenter is not None
    qtbot.addWidget(feature.panel)
    qtbot.addWidget(feature.presenter)
    return window, clock


def parts(window: MainWindow) -> tuple[ControlPanel, PresenterView]:
    feature: MeetingFeature = window.features.get(MeetingFeature)
    assert feature.panel is not None and feature.presenter is not None
    return feature.panel, feature.presenter


def press(qtbot, panel: ControlPanel, key: Qt.Key) -> None:
    """A key pressed by the facilitator, in the window holding the controls."""
    panel.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel.window(), timeout=2000)
    panel.agenda.setFocus()
    qtbot.keyClick(panel.agenda, key)


def wait_shown(qtbot, presenter: PresenterView, name: str, expected: str) -> None:
    """The panel's tick redraws the presenter; wait for it (no sleeping)."""
    qtbot.waitUntil(lambda: text(presenter, name) == expected, timeout=2000)


def test_a_meeting_run_by_keyboard(
    qtbot, running: tuple[MainWindow, FakeClock], store: Store
) -> None:
    window, clock = running
    panel, presenter = parts(window)
    assert window.features.get(MeetingFeature).action.isEnabled()
    assert text(presenter, "presenterTitle") == "Introduction and ground rules"
    assert text(presenter, "presenterCountdown") == "05:00"
    assert text(presenter, "presenterNext") == "Next: Timeline review (10 min)"
    assert "No blame" in text(presenter, "presenterGroundRules")

    press(qtbot, panel, Qt.Key.Key_Space)  # start
    clock.advance(MINUTE + 30 * SECOND)
    wait_shown(qtbot, presenter, "presenterCountdown", "03:30")
    press(qtbot, panel, Qt.Key.Key_Plus)  # +1 min
    wait_shown(qtbot, presenter, "presenterCountdown", "04:30")
    press(qtbot, panel, Qt.Key.Key_Minus)
    wait_shown(qtbot, presenter, "presenterCountdown", "03:30")

    press(qtbot, panel, Qt.Key.Key_N)
    assert text(presenter, "presenterTitle") == "Timeline review"
    assert text(presenter, "presenterNext") == "Next: Causes analysis — 5 Whys (20 min)"
    assert text(presenter, "presenterProgress") == "Step 2 of 5"
    clock.advance(2 * MINUTE)
    press(qtbot, panel, Qt.Key.Key_Space)  # pause
    clock.advance(30 * MINUTE)  # a long break: the countdown stays
    wait_shown(qtbot, presenter, "presenterCountdown", "08:00")
    assert text(presenter, "presenterPhase") == "Paused"
    press(qtbot, panel, Qt.Key.Key_Space)  # resume
    clock.advance(9 * MINUTE)
    wait_shown(qtbot, presenter, "presenterCountdown", "+01:00")
    assert text(presenter, "presenterPhase") == "Over time"

    press(qtbot, panel, Qt.Key.Key_R)  # rebalance
    assert "ends on time" in panel.message.text()
    press(qtbot, panel, Qt.Key.Key_P)  # back to the introduction
    assert text(presenter, "presenterTitle") == "Introduction and ground rules"
    press(qtbot, panel, Qt.Key.Key_N)
    press(qtbot, panel, Qt.Key.Key_N)
    assert text(presenter, "presenterTitle") == "Causes analysis — 5 Whys"
    # The problem stays pinned above the chain of whys; D shows the Ishikawa.
    assert presenter.live.currentWidget() is presenter.whys
    assert plain(presenter.whys.pinned[0].text()).startswith("Problem: ")
    rows = shown_rows(presenter.whys.rows)
    assert rows[0].startswith("1. Pourquoi le service était-il indisponible ?")
    press(qtbot, panel, Qt.Key.Key_D)
    assert presenter.live.currentWidget() is presenter.ishikawa

    press(qtbot, panel, Qt.Key.Key_F1)
    assert panel.help.isVisible() and "Rebalance" in panel.help.text()
    press(qtbot, panel, Qt.Key.Key_Escape)
    assert not panel.help.isVisible()

    records = store.load(window.session.doc.id).meeting_agenda  # type: ignore[union-attr]
    assert records[0].spent_seconds == 90.0
    assert records[1].spent_seconds == 11 * 60.0
    assert records[2].started_at is not None


def test_single_keys_type_into_capture_fields(qtbot, running: tuple[MainWindow, FakeClock]) -> None:
    window, _clock = running
    panel, presenter = parts(window)
    panel.capture.setCurrentIndex(4)
    field = panel.findChild(QLineEdit, "capture-parking-text")
    assert field is not None
    panel.activateWindow()
    field.setFocus()
    qtbot.keyClicks(field, "N P ")
    type_text(field, "é")
    assert field.text() == "N P é"
    assert text(presenter, "presenterTitle") == "Introduction and ground rules"
    assert not panel.meeting.timer.started
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.session is not None and window.session.doc.parking_lot[-1] == "N P é"
    window.undo_action.trigger()
    assert "N P é" not in window.session.doc.parking_lot


def test_capturing_an_action_needs_owner_and_due(
    qtbot, running: tuple[MainWindow, FakeClock]
) -> None:
    window, _clock = running
    panel, presenter = parts(window)
    panel.capture.setCurrentIndex(3)
    assert window.session is not None
    before = len(window.session.doc.actions)
    qtbot.keyClicks(panel.a_text, "Add a lint rule")
    add = panel.findChild(QPushButton, "capture-action-add")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert "owner" in panel.message.text()
    qtbot.keyClicks(panel.a_owner, "@dev-1")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert "due date" in panel.message.text()
    qtbot.keyClicks(panel.a_due, "2026-01-20")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert len(window.session.doc.actions) == before + 1
    assert panel.a_text.text() == ""
    # The presenter follows the document: jump to the actions step and find it.
    panel.meeting.jump(3)
    panel.refresh()
    rows = shown_rows(presenter.rows)
    assert any("Add a lint rule" in row and "@dev-1" in row for row in rows)


def test_private_notes_stay_off_the_shared_screen(
    qtbot, running: tuple[MainWindow, FakeClock], store: Store
) -> None:
    window, _clock = running
    panel, presenter = parts(window)
    panel.activateWindow()
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "Bob: Next Pager Rota + Dashboards")
    assert not panel.meeting.timer.started  # N, P, R, D, + and space went into the text
    shown = " ".join(label.text() for label in presenter.findChildren(QLabel))
    assert "Bob" not in shown
    state = store.meeting_state(window.session.doc.id)  # type: ignore[union-attr]
    assert state is not None and state["notes"]["0"] == "Bob: Next Pager Rota + Dashboards"


def test_attendance_is_recorded_in_the_postmortem(
    qtbot, running: tuple[MainWindow, FakeClock], store: Store
) -> None:
    window, _clock = running
    panel, _presenter = parts(window)
    assert window.session is not None
    names = [p.name for p in window.session.doc.participants]
    last = panel.attendance.item(len(names) - 1)
    assert last.checkState() == Qt.CheckState.Unchecked
    last.setCheckState(Qt.CheckState.Checked)
    saved = store.load(window.session.doc.id).participants[-1]
    assert saved.attendance == "present"
    window.undo_action.trigger()
    assert store.load(window.session.doc.id).participants[-1].attendance != "present"


def test_the_agenda_dialog_refuses_bad_steps(qtbot, store: Store) -> None:
    dialog = AgendaDialog(store, "en")
    qtbot.addWidget(dialog)
    assert dialog.templates.count() == 2
    assert dialog.total.text() == "Total: 60 min"
    spin = dialog.table.cellWidget(0, 1)
    assert isinstance(spin, QSpinBox)
    start = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert start.text() == "Start"
    spin.setValue(0)
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    assert "at least one minute" in dialog.error.text()
    spin.setValue(300)
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    assert "at most 240 min" in dialog.error.text()
    assert dialog.total.text() == "Total: 355 min"
    remove = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Remove the step")
    for _ in range(5):
        dialog.table.selectRow(0)
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    assert "no steps" in dialog.error.text()
    assert dialog.result() == 0


def test_screenshots_at_1280x720(qtbot, running: tuple[MainWindow, FakeClock]) -> None:
    window, clock = running
    panel, presenter = parts(window)
    presenter.resize(1280, 720)
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.meeting.start()
    clock.advance(2 * MINUTE)
    panel.refresh()
    presenter.grab().save(str(SHOTS / "test-introduction.png"))
    panel.meeting.jump(2)
    panel.switch_diagram()
    clock.advance(21 * MINUTE)
    panel.refresh()
    assert presenter.live.currentWidget() is presenter.ishikawa
    assert text(presenter, "presenterCountdown") == "+01:00"
    presenter.grab().save(str(SHOTS / "test-analysis-overrun.png"))


def test_the_menu_resumes_a_meeting_in_progress(
    qtbot, running: tuple[MainWindow, FakeClock], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, clock = running
    panel, _presenter = parts(window)
    panel.meeting.start()
    clock.advance(6 * MINUTE)
    panel.meeting.next()
    clock.advance(MINUTE)
    panel.close()  # the facilitator closes the controls; the meeting goes on
    clock.advance(2 * MINUTE)
    feature: MeetingFeature = window.features.get(MeetingFeature)
    monkeypatch.setattr(feature, "_resume_wanted", lambda: True)
    feature.action.trigger()
    panel, presenter = parts(window)
    qtbot.addWidget(panel)
    qtbot.addWidget(presenter)
    assert text(presenter, "presenterTitle") == "Timeline review"
    assert text(presenter, "presenterCountdown") == "07:00"
    assert window.features.get(MeetingFeature).action in window.menus["meeting"].actions()


def test_start_meeting_uses_the_documents_language(
    qtbot, store: Store, demo: Postmortem, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)
    feature: MeetingFeature = window.features.get(MeetingFeature)
    assert not feature.action.isEnabled()  # no document open yet
    window.open_document(demo.id)
    feature.clock = FakeClock(T0)
    monkeypatch.setattr(AgendaDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    feature.action.trigger()
    panel, presenter = parts(window)
    qtbot.addWidget(panel)
    qtbot.addWidget(presenter)
    assert text(presenter, "presenterTitle") == "Introduction et règles de base"
    assert store.meeting_state(demo.id) is not None
    window.close_document()
    assert not feature.action.isEnabled()
    assert feature.panel is not None and feature.panel.isVisible()  # the meeting goes on


def test_a_calm_cue_near_the_end_and_on_overrun(
    qtbot, running: tuple[MainWindow, FakeClock]
) -> None:
    window, clock = running
    panel, presenter = parts(window)
    panel.meeting.start()
    clock.advance(5 * MINUTE - 76 * SECOND)  # the last quarter of a 5-minute step is 75 s
    panel.refresh()
    assert text(presenter, "presenterPhase") == ""
    assert "#e8f3ec" in presenter.band.styleSheet()
    clock.advance(SECOND)
    panel.refresh()
    assert text(presenter, "presenterCountdown") == "01:15"
    assert text(presenter, "presenterPhase") == "Wrapping up"
    assert "#fdf1d8" in presenter.band.styleSheet()
    clock.advance(75 * SECOND + 1)
    panel.refresh()
    assert text(presenter, "presenterCountdown") == "+00:00"
    assert text(presenter, "presenterPhase") == "Over time"
    assert "#f9e1df" in presenter.band.styleSheet()


def test_controls_can_dock_into_the_main_window(
    qtbot, running: tuple[MainWindow, FakeClock]
) -> None:
    window, clock = running
    feature: MeetingFeature = window.features.get(MeetingFeature)
    assert feature.panel is not None
    meeting = feature.panel.meeting
    feature.open(meeting, docked=True)
    assert feature.dock is not None and feature.dock.widget() is feature.panel
    assert window.dockWidgetArea(feature.dock) == Qt.DockWidgetArea.RightDockWidgetArea
    panel, presenter = parts(window)
    qtbot.addWidget(presenter)
    press(qtbot, panel, Qt.Key.Key_Space)
    clock.advance(MINUTE)
    panel.refresh()
    assert text(presenter, "presenterCountdown") == "04:00"
    window.close_document()
    assert feature.dock is not None  # the meeting goes on


def test_follow_up_variant_lists_open_actions_of_other_postmortems(
    qtbot, store: Store, demo: Postmortem
) -> None:
    from app.demo import add_demo

    earlier = add_demo(store)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.open_document(demo.id)
    feature: MeetingFeature = window.features.get(MeetingFeature)
    feature.clock = FakeClock(T0)
    follow_up = builtin_templates("en")[1]
    assert feature.start_with(follow_up) is not None
    assert feature.panel is not None and feature.presenter is not None
    qtbot.addWidget(feature.panel)
    qtbot.addWidget(feature.presenter)
    shown = [plain(label.text()) for label in feature.presenter.rows.labels]
    open_in_earlier = [a for a in earlier.actions if a.status.value in ("todo", "in_progress")]
    assert len(shown) == len(open_in_earlier) == 6
    assert any("Kyverno" in line and "Platform Team" in line for line in shown)
    assert all(earlier.title in line for line in shown)
    assert not any("Ajouter readinessProbe au payment-service —" in line for line in shown)


def test_the_agenda_dialog_opens_on_the_preferred_template(
    qtbot, store: Store, tmp_path: Path, monkeypatch
) -> None:
    from tests.editor_helpers import use_temporary_settings
    from ui.preferences import PreferencesDialog

    prefs = use_temporary_settings(tmp_path, monkeypatch)
    chooser = PreferencesDialog(prefs)
    qtbot.addWidget(chooser)
    names = [chooser.agenda.itemText(i) for i in range(chooser.agenda.count())]
    assert names == ["One-hour postmortem", "One-hour postmortem, starting with open actions"]
    chooser.agenda.setCurrentIndex(1)
    chooser.accept()
    dialog = AgendaDialog(store, "en")
    qtbot.addWidget(dialog)
    assert dialog.templates.currentText() == "One-hour postmortem, starting with open actions"
    first = dialog.table.item(0, 0)
    assert first is not None and "open actions" in first.text().lower()
