"""The shared screen at 1280×720, as the back of the room sees it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QLabel

from app.diagrams.graph import ISHIKAWA, WHYS
from app.meeting.text import ZWSP, plain, soft_breaks
from app.meeting.timer import MINUTE
from app.model import Postmortem
from app.store import Store
from tests.meeting_helpers import grow_diagrams, open_meeting, rendered_text_sizes, settle
from ui.i18n import install_language
from ui.meeting.live_views import DIAGRAM_PX, TEXT_PX

SHOTS = Path("/tmp/shots/meeting")


def views(presenter):
    """Every view of the agenda: each step, and the analysis step with either diagram."""
    meeting = presenter.meeting
    for index, step in enumerate(meeting.agenda.steps):
        meeting.jump(index)
        if step.key == "analysis":
            for kind in (WHYS, ISHIKAWA):
                presenter.show_diagram(kind)
                settle(presenter)
                yield f"{index + 1}-{step.key}-{kind}"
        else:
            presenter.refresh()
            settle(presenter)
            yield f"{index + 1}-{step.key}"


def check_floor(presenter, name: str) -> list[str]:
    too_small = []
    for text, size in rendered_text_sizes(presenter):
        diagram = presenter.live.currentWidget() in (presenter.whys, presenter.ishikawa)
        inside = any(text.startswith(prefix) for prefix in ("presenterWhys", "ishikawa"))
        floor = DIAGRAM_PX if diagram and inside else TEXT_PX
        if size < floor:
            too_small.append(f"{name}: {text} is {size} px (floor {floor})")
    return too_small


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("content", ["demo", "big"])
def test_no_text_under_the_floor_at_1280x720(
    qtbot, store: Store, demo: Postmortem, language: str, content: str
) -> None:
    meeting, presenter, panel, clock = open_meeting(store, demo, language=language)
    qtbot.addWidget(panel)
    qtbot.addWidget(presenter)
    if content == "big":
        grow_diagrams(meeting.session, causes=40, whys=7)
    meeting.start()
    clock.advance(3 * MINUTE)
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    smallest = 1000
    for name in views(presenter):
        assert presenter.size().width() == 1280 and presenter.size().height() == 720
        sizes = rendered_text_sizes(presenter)
        assert sizes, name
        smallest = min(smallest, *(size for _t, size in sizes))
        problems += check_floor(presenter, name)
        presenter.grab().save(str(SHOTS / f"{language}-{content}-{name}.png"))
    _follow_up, presenter, panel, _clock = open_meeting(store, demo, template=1)
    qtbot.addWidget(panel)
    qtbot.addWidget(presenter)
    settle(presenter)
    problems += check_floor(presenter, "follow-up")
    presenter.grab().save(str(SHOTS / f"{language}-{content}-0-follow_up.png"))
    assert problems == []
    assert smallest >= TEXT_PX


def test_the_floor_check_catches_small_text(qtbot, store: Store, demo: Postmortem) -> None:
    """The measurement can fail: a label at 12 px, or squeezed to half a line, is reported."""
    _meeting, presenter, panel, _clock = open_meeting(store, demo)
    qtbot.addWidget(panel)
    qtbot.addWidget(presenter)
    small = presenter.purpose.font()
    small.setPixelSize(12)
    presenter.purpose.setFont(small)
    assert any("presenterPurpose" in line for line in check_floor(presenter, "intro"))
    squeezed = QLabel("squeezed", presenter)
    squeezed.setObjectName("squeezed")
    squeezed.setGeometry(10, 10, 200, 8)
    squeezed.show()
    assert any("squeezed" in line for line in check_floor(presenter, "intro"))


def test_big_diagrams_keep_the_problem_and_the_newest_in_view(
    qtbot, store: Store, demo: Postmortem
) -> None:
    meeting, presenter, panel, _clock = open_meeting(store, demo)
    qtbot.addWidget(panel)
    qtbot.addWidget(presenter)
    grow_diagrams(meeting.session, causes=40, whys=7)
    meeting.jump(2)
    presenter.show_diagram(WHYS)
    assert plain(presenter.whys.pinned[0].text()).startswith("Problème : ")
    shown = presenter.whys.rows.shown()
    assert plain(shown[-1].text()).startswith("7. Why did step 7")
    assert presenter.whys.rows.more.isVisible()  # the earlier whys are counted, not shrunk
    presenter.show_diagram(ISHIKAWA)
    chips = [plain(chip.text()) for chip in presenter.ishikawa.chip_labels]
    assert len(chips) == 6 and sum(int(chip.rsplit("· ", 1)[1]) for chip in chips) >= 40
    panel.next_category()  # C: the next category is the one discussed
    assert presenter.ishikawa.category.text() == chips[1].rsplit(" ·", 1)[0]


def test_the_timeline_pins_start_detection_and_mitigation(
    qtbot, store: Store, demo: Postmortem
) -> None:
    from app.meeting import capture

    meeting, presenter, panel, _clock = open_meeting(store, demo)
    qtbot.addWidget(panel)
    qtbot.addWidget(presenter)
    for minute in range(30):
        meeting.session.apply(
            capture.timeline_entry(meeting.doc, f"23:{minute:02d}", f"late entry {minute}")
        )
    meeting.jump(1)
    presenter.refresh()
    pinned = [plain(label.text()) for label in presenter.timeline.pinned]
    assert [line.split("  ·")[0] for line in pinned] == [
        "◆ Début",
        "◆ Détection",
        "◆ Atténuation",
    ]
    shown = [plain(label.text()) for label in presenter.timeline.rows.shown()]
    assert shown[-1].endswith("late entry 29")
    assert presenter.timeline.rows.more.isVisible()


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("add_user_preferences_table migration", 180),
        ("getUserPreferencesById timed out", 160),
        ("payment-service/checkout.handler failed", 170),
    ],
)
def test_identifiers_wrap_at_their_joints_only(qtbot, text: str, width: int) -> None:
    label = QLabel(soft_breaks(text))
    from ui.meeting.live_views import font

    label.setFont(font(22))
    layout = QTextLayout(label.text(), label.font())
    option = layout.textOption()
    option.setWrapMode(option.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    ends = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        ends.append(line.textStart() + line.textLength())
    layout.endLayout()
    assert len(ends) > 1
    for end in ends[:-1]:
        assert label.text()[end - 1] in (" ", ZWSP), (
            f"wrapped mid-word: {plain(label.text()[:end])!r}"
        )


def test_the_presenter_speaks_the_reports_language(qtbot, store: Store, demo: Postmortem) -> None:
    expected = {
        "en": ("Step 1 of 5", "Ground rules", "Next: "),
        "fr": ("Étape 1 sur 5", "Règles du jeu", "Ensuite : "),
    }
    # the app in the other language: the room reads the report's
    for report, app in (("en", "fr"), ("fr", "en")):
        install_language(app)
        try:
            _meeting, presenter, panel, _clock = open_meeting(store, demo, language=report)
            qtbot.addWidget(panel)
            qtbot.addWidget(presenter)
            progress, rules, upcoming = expected[report]
            assert presenter.progress.text() == progress
            assert presenter.live_title.text() == rules
            assert presenter.next_label.text().startswith(upcoming)
        finally:
            install_language("en")
