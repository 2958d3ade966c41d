"""The facilitator's keys: nothing ends or hides the meeting by accident, keys always act."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.meeting.agenda import builtin_templates
from app.meeting.clock import FakeClock
from app.meeting.timer import MINUTE
from app.model import Postmortem
from app.store import Store
from tests.meeting_helpers import T0
from ui.main_window import MainWindow
from ui.meeting.control_panel import ControlPanel
from ui.meeting_feature import MeetingFeature


@pytest.fixture
def window(qtbot, store: Store, demo: Postmortem) -> MainWindow:
    demo.language = "en"
    store.save(demo, expected_seq=store.seq(demo.id))
    main = MainWindow(store)
    qtbot.addWidget(main)
    main.show()
    main.open_document(demo.id)
    feature: MeetingFeature = main.features.get(MeetingFeature)
    feature.clock = FakeClock(T0)
    assert feature.start_with(builtin_templates("en")[0]) is not None
    assert feature.panel is not None and feature.presenter is not None
    qtbot.addWidget(feature.panel)
    qtbot.addWidget(feature.presenter)
    return main


def feature_of(window: MainWindow) -> MeetingFeature:
    return window.features.get(MeetingFeature)


def panel_of(window: MainWindow) -> ControlPanel:
    panel = feature_of(window).panel
    assert panel is not None
    return panel


def press(qtbot, panel: ControlPanel, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key pressed where the focus is, in the controls' window."""
    panel.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel.window(), timeout=2000)
    target = QApplication.focusWidget() or panel
    qtbot.keyClick(target, key, modifier)


def question(qtbot, name: str = "meetingQuestion") -> QMessageBox:
    qtbot.waitUntil(
        lambda: (
            isinstance(box := QApplication.activeModalWidget(), QMessageBox)
            and box.objectName() == name
        ),
        timeout=2000,
    )
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box, timeout=2000)
    return box


def answer(qtbot, box: QMessageBox, key: Qt.Key) -> None:
    qtbot.keyClick(box, key)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=2000)


def test_end_asks_enter_confirms_and_resume_takes_it_back(qtbot, window: MainWindow) -> None:
    panel = panel_of(window)
    meeting = panel.meeting
    clock = meeting.timer.clock
    press(qtbot, panel, Qt.Key.Key_Space)
    clock.advance(2 * MINUTE)  # type: ignore[attr-defined]
    press(
        qtbot,
        panel,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    box = question(qtbot)
    assert "step 1 of 5" in box.text()
    answer(qtbot, box, Qt.Key.Key_Escape)  # a stray key: nothing happens
    assert not meeting.timer.finished and meeting.timer.running
    qtbot.mouseClick(panel.buttons["finish"], Qt.MouseButton.LeftButton)
    answer(qtbot, question(qtbot), Qt.Key.Key_Return)  # Enter confirms
    assert meeting.timer.finished
    assert panel.message.text().startswith("✔")
    presenter = feature_of(window).presenter
    assert presenter is not None
    assert presenter.next_label.text() == "Thank you — the meeting has ended."
    resume = panel.buttons["toggle"]
    assert resume.isEnabled() and resume.text() == "Resume meeting (10:00 left)"
    press(qtbot, panel, Qt.Key.Key_Space)  # Space does not take the end back…
    assert meeting.timer.finished
    clock.advance(4 * MINUTE)  # type: ignore[attr-defined]
    panel.refresh()
    assert resume.text() == "Resume meeting (06:00 left)"
    qtbot.mouseClick(resume, Qt.MouseButton.LeftButton)  # …the button does
    assert not meeting.timer.finished and meeting.timer.current == 0
    assert meeting.timer.step_elapsed_ms() == 2 * MINUTE
    assert presenter.next_label.text() == "Next: Timeline review (10 min)"
    saved = window.store.meeting_state(meeting.doc.id)
    assert saved is not None and saved["timer"]["finished"] is False


def test_n_on_the_last_step_offers_to_finish(qtbot, window: MainWindow) -> None:
    panel = panel_of(window)
    meeting = panel.meeting
    press(qtbot, panel, Qt.Key.Key_Space)
    for _ in range(4):
        press(qtbot, panel, Qt.Key.Key_N)
    assert meeting.timer.current == 4 and not meeting.timer.finished
    press(qtbot, panel, Qt.Key.Key_N)
    box = question(qtbot)
    assert "last step" in box.text()
    press_twice = meeting.timer.current
    answer(qtbot, box, Qt.Key.Key_Escape)
    assert not meeting.timer.finished and meeting.timer.current == press_twice
    press(qtbot, panel, Qt.Key.Key_N)
    answer(qtbot, question(qtbot), Qt.Key.Key_Return)
    assert meeting.timer.finished


def test_new_and_other_documents_leave_the_meeting_running(
    qtbot, window: MainWindow, store: Store, demo: Postmortem
) -> None:
    feature = feature_of(window)
    panel = panel_of(window)
    presenter = feature.presenter
    meeting = panel.meeting
    press(qtbot, panel, Qt.Key.Key_Space)
    press(qtbot, panel, Qt.Key.Key_N)
    meeting.timer.clock.advance(MINUTE)  # type: ignore[attr-defined]
    window.activateWindow()
    window.new_action.trigger()  # File ▸ New postmortem
    assert window.session is not None and window.session.doc.id != demo.id
    assert feature.panel is panel and panel.isVisible()
    assert presenter is not None and presenter.isVisible()
    assert meeting.timer.running and meeting.timer.current == 1
    feature.status.refresh()
    assert feature.status.isVisible()
    assert feature.status.text.text() == "Meeting running — step 2 of 5, 09:00 left"
    # A capture still lands in the meeting's document, not in the new one.
    panel.capture.setCurrentIndex(4)
    panel.p_text.setFocus()
    qtbot.keyClicks(panel.p_text, "Pager rota")
    qtbot.keyClick(panel.p_text, Qt.Key.Key_Return)
    assert store.load(demo.id).parking_lot[-1] == "Pager rota"
    assert "Pager rota" not in window.session.doc.parking_lot
    qtbot.mouseClick(feature.status.back, Qt.MouseButton.LeftButton)  # the way back
    assert window.session is not None and window.session.doc.id == demo.id
    assert meeting.session is window.session  # one session for the document again
    panel.capture.setCurrentIndex(4)
    panel.p_text.setFocus()
    qtbot.keyClicks(panel.p_text, "Dashboards")
    qtbot.keyClick(panel.p_text, Qt.Key.Key_Return)
    assert window.session.doc.parking_lot[-1] == "Dashboards"
    window.undo_action.trigger()
    assert store.load(demo.id).parking_lot[-1] == "Pager rota"


def test_quit_with_a_meeting_asks_then_closes_every_window(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature = feature_of(window)
    panel = panel_of(window)
    presenter = feature.presenter
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    press(qtbot, panel, Qt.Key.Key_Space)
    window.quit_action.trigger()
    box = question(qtbot, "quitQuestion")
    assert "A meeting is running (step 1 of 5)" in box.text()
    answer(qtbot, box, Qt.Key.Key_Escape)
    assert window.isVisible() and panel.isVisible() and not quits
    window.quit_action.trigger()
    answer(qtbot, question(qtbot, "quitQuestion"), Qt.Key.Key_Return)
    assert quits == [True]
    assert presenter is not None
    assert not window.isVisible() and not panel.isVisible() and not presenter.isVisible()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == []
    assert window.store.meeting_state(panel.meeting.doc.id) is not None  # resumable


QUIT_CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from app.meeting.agenda import builtin_templates
from app.meeting.clock import FakeClock
from app.store import Store
from app.demo import add_demo
from tests.meeting_helpers import T0
from ui.application import ensure_application
from ui.main_window import MainWindow
from ui.meeting_feature import MeetingFeature

app = ensure_application()
store = Store(sys.argv[1])
doc = add_demo(store)
window = MainWindow(store)
window.show()
window.open_document(doc.id)
feature = window.features.get(MeetingFeature)
feature.clock = FakeClock(T0)
meeting = feature.start_with(builtin_templates("en")[0])
meeting.start()

def confirm():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        print("asked:", box.objectName(), flush=True)
        box.defaultButton().click()
    else:
        QTimer.singleShot(50, confirm)

QTimer.singleShot(100, window.quit_action.trigger)
QTimer.singleShot(200, confirm)
code = app.exec()
print("exited", code, flush=True)
"""


def test_quit_during_a_meeting_ends_the_process(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", QUIT_CHILD, str(tmp_path / "quit.sqlite3")],
        capture_output=True,
        text=True,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "asked: quitQuestion" in done.stdout
    assert "exited 0" in done.stdout


def test_after_a_capture_the_keys_act_and_esc_leaves_a_text_field(
    qtbot, window: MainWindow
) -> None:
    panel = panel_of(window)
    meeting = panel.meeting
    panel.capture.setCurrentIndex(4)
    panel.window().activateWindow()
    panel.p_text.setFocus()
    qtbot.keyClicks(panel.p_text, "Next steps")  # N and space type into the field
    assert not meeting.timer.started
    qtbot.keyClick(panel.p_text, Qt.Key.Key_Return)
    assert panel.p_text.text() == ""
    assert QApplication.focusWidget() is panel  # the capture gives the keys back
    assert [panel.captures.item(i).text() for i in range(panel.captures.count())] == [
        "parked: Next steps"
    ]
    press(qtbot, panel, Qt.Key.Key_Space)
    assert meeting.timer.running
    press(qtbot, panel, Qt.Key.Key_N)
    assert meeting.timer.current == 1
    panel.capture.setCurrentIndex(0)
    panel.t_event.setFocus()
    qtbot.keyClicks(panel.t_event, "Pager")
    press(qtbot, panel, Qt.Key.Key_Escape)  # out of a one-line field too
    assert QApplication.focusWidget() is panel and panel.t_event.text() == "Pager"
    panel.t_event.clear()
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "n")
    assert panel.notes.toPlainText() == "n" and meeting.timer.current == 1
    press(qtbot, panel, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is panel
    press(qtbot, panel, Qt.Key.Key_N)
    assert meeting.timer.current == 2
    press(qtbot, panel, Qt.Key.Key_Space)
    assert not meeting.timer.running
    assert panel.notes.toPlainText() == ""  # step 3 has its own notes


def test_a_capture_of_this_step_is_taken_back(qtbot, window: MainWindow, store: Store) -> None:
    panel = panel_of(window)
    panel.capture.setCurrentIndex(4)
    for topic in ("Pager rota", "Dashboards"):
        panel.p_text.setFocus()
        qtbot.keyClicks(panel.p_text, topic)
        qtbot.keyClick(panel.p_text, Qt.Key.Key_Return)
    panel.captures.setCurrentRow(0)
    qtbot.mouseClick(panel.take_back, Qt.MouseButton.LeftButton)
    parked = store.load(panel.meeting.doc.id).parking_lot
    assert "Pager rota" not in parked and parked[-1] == "Dashboards"
    assert (
        panel.captures.count() == 1 and panel.message.text() == "✔  Taken back: parked: Pager rota"
    )
    assert "#1d4d31" in panel.message.styleSheet()
    panel.p_text.setFocus()
    qtbot.keyClick(panel.p_text, Qt.Key.Key_Return)  # nothing typed: refused, in red with ✖
    assert panel.message.text().startswith("✖") and "#8e1f1a" in panel.message.styleSheet()


def test_the_help_lists_exactly_the_active_keys(qtbot, window: MainWindow) -> None:
    panel = panel_of(window)
    press(qtbot, panel, Qt.Key.Key_F1)
    assert panel.help.isVisible()
    assert panel.help.listed_keys() == panel.active_keys()
    assert "Ctrl+5" in panel.active_keys() and "Ctrl+6" not in panel.active_keys()
    image = panel.grab().toImage()
    corner = panel.help.geometry().topLeft()
    inside = image.pixelColor(corner.x() + 8, corner.y() + panel.help.height() // 2)
    assert inside.name() == "#ffffff" and inside.alpha() == 255  # opaque, nothing shows through
    caps = [cap for cap in panel.help.caps if cap.text() == "−"]
    assert caps and caps[0].width() >= 34
    lefts = {
        cap.mapTo(panel.help, cap.rect().topLeft()).x()
        for cap in panel.help.caps
        if cap.parentWidget() is not None and cap.parentWidget().layout().indexOf(cap) == 0
    }
    assert len(lefts) == 1  # the keys line up in one column
    press(qtbot, panel, Qt.Key.Key_Escape)
    assert not panel.help.isVisible()
    presenter = feature_of(window).presenter
    assert presenter is not None
    first = presenter.category
    press(qtbot, panel, Qt.Key.Key_C)  # the next Ishikawa category is the one discussed
    assert presenter.category != first
    assert presenter.category == panel.c_category.currentData()


def test_the_panel_shows_time_left_and_a_calm_warning(qtbot, window: MainWindow) -> None:
    panel = panel_of(window)
    clock = panel.meeting.timer.clock
    press(qtbot, panel, Qt.Key.Key_Space)
    clock.advance(MINUTE)  # type: ignore[attr-defined]
    panel.refresh()
    assert panel.times.text() == "04:00 left in this step  ·  59:00 left in the meeting"
    assert not panel.warning.isVisible()
    clock.advance(3 * MINUTE)  # type: ignore[attr-defined]
    panel.refresh()
    assert panel.warning.text() == "Time to wrap up this step."
    assert "#fdf1d8" in panel.band.styleSheet()
    clock.advance(2 * MINUTE)  # type: ignore[attr-defined]
    panel.refresh()
    assert panel.times.text().startswith("01:00 over in this step")
    assert "(ends 01:00 late)" in panel.times.text()
    participants = panel.meeting.doc.participants
    here = sum(1 for p in participants if p.attendance == "present")
    assert panel.attendance_box.title() == f"Attendance: {here} of {len(participants)} present"


def test_one_meeting_at_a_time(qtbot, window: MainWindow, store: Store, demo: Postmortem) -> None:
    feature = feature_of(window)
    panel = panel_of(window)
    window.new_action.trigger()
    feature.action.trigger()  # Start meeting… on the new postmortem
    assert window.last_error.startswith("A meeting of “")
    error = window.findChild(QMessageBox, "errorBox")
    assert error is not None
    answer(qtbot, error, Qt.Key.Key_Return)
    assert feature.panel is panel
    window.open_document(demo.id)
    feature.action.trigger()  # on the meeting's own postmortem: back to it, same windows
    assert feature.panel is panel and panel.isVisible()
    panel.close()  # the facilitator closes the controls: the status goes, the meeting stays
    assert feature.panel is None and not feature.status.isVisible()
    assert store.meeting_state(demo.id) is not None


def test_closing_the_main_window_with_a_meeting_is_a_quit(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    panel = panel_of(window)
    press(qtbot, panel, Qt.Key.Key_Space)
    handle = window.windowHandle()
    assert handle is not None
    handle.close()  # the title bar's close button (a spontaneous close)
    assert window.isVisible()
    answer(qtbot, question(qtbot, "quitQuestion"), Qt.Key.Key_Escape)
    assert window.isVisible() and panel.isVisible() and not quits
