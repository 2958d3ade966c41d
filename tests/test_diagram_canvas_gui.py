"""The diagram tabs, driven like a facilitator would: keyboard first, then the mouse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.demo import demo_document
from app.diagrams import ops
from app.diagrams.graph import children, graph_to_data, new_ishikawa, new_whys, root_of
from app.model import Postmortem
from app.store import Store
from ui.diagrams.canvas import DiagramView
from ui.diagrams.feature import export_diagram
from ui.main_window import MainWindow

SHOTS = Path("/tmp/shots/B")


def outline(graph: nx.DiGraph, node: str | None = None) -> tuple[Any, ...]:
    """The tree as the room sees it: texts, answers, root-cause marks, in order (no ids)."""
    node = node or root_of(graph)
    data = graph.nodes[node]
    kids = tuple(outline(graph, kid) for kid in children(graph, node))
    return (data["text"], data["answer"], data["root_cause"], kids)


def type_text(widget: QWidget, text: str) -> None:
    for char in text:  # one event per character: keyClicks cannot send non-ASCII
        event = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char
        )
        QApplication.sendEvent(widget, event)


def press(
    qtbot: Any, view: DiagramView, key: Qt.Key, shift: bool = False, alt: bool = False
) -> None:
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    if alt:
        modifier |= Qt.KeyboardModifier.AltModifier  # Alt+arrows follow the tree
    qtbot.keyClick(view, key, modifier)


def write(qtbot: Any, view: DiagramView, text: str) -> None:
    assert view.editor.isVisible()
    view.editor.selectAll()
    type_text(view.editor, text)
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert not view.editor.isVisible()


def build_children(qtbot: Any, view: DiagramView, kids: tuple[Any, ...]) -> None:
    for index, (text, answer, root_cause, grandchildren) in enumerate(kids):
        press(qtbot, view, Qt.Key.Key_Tab if index == 0 else Qt.Key.Key_Return)
        write(qtbot, view, text)
        if answer:
            press(qtbot, view, Qt.Key.Key_F2, shift=True)
            write(qtbot, view, answer)
        if root_cause:
            press(qtbot, view, Qt.Key.Key_R)
        if grandchildren:
            build_children(qtbot, view, grandchildren)
            press(qtbot, view, Qt.Key.Key_Up, alt=True)


@pytest.fixture
def window(qtbot: Any, store: Store) -> MainWindow:
    doc = Postmortem(title="Built live")
    store.save(doc)
    main = MainWindow(store)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    main.open_document(doc.id)
    return main


def test_both_demo_diagrams_built_by_keyboard_undone_and_redone(
    qtbot: Any, window: MainWindow, store: Store
) -> None:
    demo = demo_document()
    assert window.session is not None
    doc_id = window.session.doc.id
    whys_view = window.diagram_pages["whys"].view
    fish_view = window.diagram_pages["ishikawa"].view

    window.document_tabs.setCurrentWidget(window.diagram_pages["whys"])
    problem, _, _, whys = outline(demo.whys)
    assert whys_view.selected_node() == "p"
    press(qtbot, whys_view, Qt.Key.Key_F2)
    write(qtbot, whys_view, problem)
    build_children(qtbot, whys_view, whys)

    window.document_tabs.setCurrentWidget(window.diagram_pages["ishikawa"])
    effect, _, _, categories = outline(demo.ishikawa)
    press(qtbot, fish_view, Qt.Key.Key_F2)
    write(qtbot, fish_view, effect)
    press(qtbot, fish_view, Qt.Key.Key_Down, alt=True)
    for index, (name, _, _, causes) in enumerate(categories):
        if index:
            press(qtbot, fish_view, Qt.Key.Key_Right, alt=True)
        press(qtbot, fish_view, Qt.Key.Key_F2)
        write(qtbot, fish_view, name)
        build_children(qtbot, fish_view, causes)
        press(qtbot, fish_view, Qt.Key.Key_Up, alt=True)

    assert outline(window.session.doc.whys) == outline(demo.whys)
    assert outline(window.session.doc.ishikawa) == outline(demo.ishikawa)
    saved = store.load(doc_id)
    assert outline(saved.whys) == outline(demo.whys)
    assert len(whys_view.items_) == 6 and len(fish_view.items_) == 17
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "built-ishikawa.png"))

    steps = window.undo_stack.count()
    assert steps > 40
    while window.undo_stack.canUndo():
        window.undo_action.trigger()
    assert graph_to_data(window.session.doc.whys) == graph_to_data(new_whys())
    assert graph_to_data(window.session.doc.ishikawa) == graph_to_data(new_ishikawa())
    assert graph_to_data(store.load(doc_id).ishikawa) == graph_to_data(new_ishikawa())
    assert len(whys_view.items_) == 1 and len(fish_view.items_) == 7

    while window.undo_stack.canRedo():
        window.redo_action.trigger()
    assert outline(store.load(doc_id).whys) == outline(demo.whys)
    assert outline(store.load(doc_id).ishikawa) == outline(demo.ishikawa)
    assert len(fish_view.items_) == 17


def test_refusals_show_a_message_and_keep_the_diagram(qtbot: Any, window: MainWindow) -> None:
    view = window.diagram_pages["whys"].view
    press(qtbot, view, Qt.Key.Key_Delete)
    assert "cannot be deleted" in window.last_error
    press(qtbot, view, Qt.Key.Key_R)
    assert "cannot be a root cause" in window.last_error
    assert window.undo_stack.count() == 0
    assert len(view.items_) == 1


def _drag(qtbot: Any, view: DiagramView, source: str, target: str) -> None:
    def centre(node: str) -> QPoint:
        return view.mapFromScene(view.box_item(node).sceneBoundingRect().center())

    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=centre(source))
    middle = (centre(source) + centre(target)) / 2
    qtbot.mouseMove(view.viewport(), middle)
    qtbot.mouseMove(view.viewport(), centre(target))
    assert view.box_item(target).drop_target == (view.drop_target == target)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=centre(target))


def test_drag_reparents_in_one_undo_step_and_refuses_cycles(qtbot: Any, window: MainWindow) -> None:
    assert window.session is not None
    graph = window.session.doc.whys
    first = ops.add_child(graph, "p", "first")
    second = ops.add_child(graph, "p", "second")
    below = ops.add_child(graph, first, "below first")
    view = window.diagram_pages["whys"].view
    view.rebuild()
    window.document_tabs.setCurrentWidget(window.diagram_pages["whys"])
    view.fit()

    _drag(qtbot, view, second, first)
    graph = window.session.doc.whys
    assert children(graph, first) == [below, second]
    assert window.undo_stack.count() == 1
    assert view.selected_node() == second

    _drag(qtbot, view, first, below)  # a node onto its own child: no drop target, nothing moves
    assert children(window.session.doc.whys, first) == [below, second]
    assert window.undo_stack.count() == 1

    window.undo_action.trigger()
    assert children(window.session.doc.whys, "p") == [first, second]


def test_zoom_keys_fit_and_readable_default(qtbot: Any, window: MainWindow) -> None:
    view = window.diagram_pages["ishikawa"].view
    start = view.zoom()
    assert start * 10.5 >= 13  # smallest text at least 13 px high without zooming
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() > start
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() < start
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    layout = view.current_layout()
    assert layout is not None
    shown = view.mapFromScene(0, 0, layout.width, layout.height).boundingRect()
    assert view.viewport().rect().adjusted(-2, -2, 2, 2).contains(shown)


def test_markup_label_is_shown_as_typed(qtbot: Any, window: MainWindow) -> None:
    window.document_tabs.setCurrentWidget(window.diagram_pages["whys"])
    view = window.diagram_pages["whys"].view
    press(qtbot, view, Qt.Key.Key_Tab)
    write(qtbot, view, "<b>bold?</b> & R&D")
    node = view.selected_node()
    assert node is not None
    item = view.box_item(node)
    assert item.box.lines[0].text == "<b>bold?</b> & R&D"
    assert "&lt;b&gt;bold?&lt;/b&gt; &amp; R&amp;D" in item.toolTip()


def test_read_only_view_follows_the_session_without_editing(
    qtbot: Any, store: Store, demo: Postmortem, tmp_path: Path
) -> None:
    from app.session import DocumentSession

    session = DocumentSession.open(store, demo.id)
    view = DiagramView("ishikawa", session=session, editable=False)
    qtbot.addWidget(view)
    assert len(view.items_) == 17
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert len(view.items_) == 17
    from app.diagrams import changes

    session.apply(changes.add_child("ishikawa", "c1", "Live from the room"))
    assert len(view.items_) == 18


def test_export_png_and_svg_from_the_window(qtbot: Any, store: Store, tmp_path: Path) -> None:
    from app.demo import add_demo

    doc = add_demo(store)
    main = MainWindow(store)
    qtbot.addWidget(main)
    main.open_document(doc.id)
    from PySide6.QtGui import QAction

    for name in ("exportDiagramPNG", "exportDiagramSVG"):
        assert main.findChild(QAction, name) in main.menus["file"].actions()
    png, svg = tmp_path / "fish.png", tmp_path / "fish.svg"
    assert export_diagram(main, "ishikawa", "png", png)
    assert export_diagram(main, "ishikawa", "svg", svg)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Golden Path sans" in svg.read_text(encoding="utf-8")
    assert not export_diagram(main, "whys", "svg", tmp_path / "missing" / "x.svg")
    assert "does not exist" in main.last_error


def _menu_action(view: DiagramView, text: str) -> Any:
    menu = view.build_context_menu()
    found = [a for a in menu.actions() if a.text().startswith(text)]
    for sub in (a.menu() for a in menu.actions() if a.menu() is not None):
        found += [a for a in sub.actions() if a.text().startswith(text)]
    assert found, [a.text() for a in menu.actions()]
    return found[0]


def test_context_menu_marks_root_cause_and_links_an_action(
    qtbot: Any, store: Store, tmp_path: Path
) -> None:
    from app.demo import add_demo

    doc = add_demo(store)
    main = MainWindow(store)
    qtbot.addWidget(main)
    main.open_document(doc.id)
    main.document_tabs.setCurrentWidget(main.diagram_pages["ishikawa"])
    view = main.diagram_pages["ishikawa"].view
    view.select("k9")  # "Pas d'alerte sur les pods Ready…", linked to nothing
    _menu_action(view, "Root cause on/off").trigger()
    assert view.box_item("k9").box.needs_action
    assert view.box_item("k9").box.badge is not None
    first_action = main.session.doc.actions[0] if main.session else None
    assert first_action is not None
    _menu_action(view, first_action.action[:20]).trigger()
    assert "ishikawa:k9" in store.load(doc.id).actions[0].causes
    assert not view.box_item("k9").box.needs_action
    main.grab().save(str(tmp_path / "linked.png"))


def test_category_set_from_the_menu_and_long_label_tooltip(qtbot: Any, window: MainWindow) -> None:
    view = window.diagram_pages["ishikawa"].view
    _menu_action(view, "The 6M").trigger()
    assert window.session is not None
    names = [
        window.session.doc.ishikawa.nodes[c]["text"]
        for c in children(window.session.doc.ishikawa, "e")
    ]
    assert names[:2] == ["Manpower", "Method"]
    view.select(children(window.session.doc.ishikawa, "e")[0])
    long_label = "The retry budget " + "x" * 2000
    window.document_tabs.setCurrentWidget(window.diagram_pages["ishikawa"])
    press(qtbot, view, Qt.Key.Key_Tab)
    write(qtbot, view, long_label)
    item = view.box_item(view.selected_node() or "")
    assert item.box.elided and item.box.lines[-1].text.endswith("…")
    assert long_label in item.toolTip()
    window.undo_action.trigger()
    window.undo_action.trigger()
    window.undo_action.trigger()
    names = [
        window.session.doc.ishikawa.nodes[c]["text"]
        for c in children(window.session.doc.ishikawa, "e")
    ]
    assert names[0] == "People"


def test_dragging_the_background_pans(qtbot: Any, store: Store) -> None:
    from app.demo import add_demo

    doc = add_demo(store)
    main = MainWindow(store)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    main.open_document(doc.id)
    main.document_tabs.setCurrentWidget(main.diagram_pages["ishikawa"])
    view = main.diagram_pages["ishikawa"].view
    view.zoom_by(2.0)
    bar = view.horizontalScrollBar()
    before = bar.value()
    empty = QPoint(view.viewport().width() // 2, 6)  # the strip above the diagram
    assert view.itemAt(empty) is None
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    qtbot.mouseMove(view.viewport(), empty + QPoint(150, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=empty + QPoint(150, 0))
    assert bar.value() < before
    assert view.selected_node() == "e"


@pytest.mark.parametrize("font", ["regular", "bold"])
def test_screen_measures_text_like_the_layout(qtbot: Any, font: str) -> None:
    from PySide6.QtGui import QFontMetricsF

    from app.diagrams.text_metrics import text_width
    from ui.diagrams.items import FONT_PIXELS, layout_font

    metrics = QFontMetricsF(layout_font(font))
    for text in ("Pourquoi Kubernetes les marquait-il « Ready » ?", "Rollout à 100 % — WWW iii"):
        screen = metrics.horizontalAdvance(text) * 11 / FONT_PIXELS
        shared = text_width(text, 11, bold=font == "bold")
        assert abs(screen - shared) <= 0.01 * shared, (text, screen, shared)


def test_ctrl_wheel_zooms(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    view = window.diagram_pages["whys"].view
    start = view.zoom()
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom() > start


def test_root_cause_badges_follow_the_report_language(
    qtbot: Any, store: Store, demo: Postmortem
) -> None:
    from app.session import DocumentSession

    view = DiagramView("whys", session=DocumentSession(store, demo), editable=False)
    qtbot.addWidget(view)
    badges = [box.badge.text for box in view.current_layout().boxes if box.badge is not None]
    assert badges and all("CAUSE RACINE" in text for text in badges)  # the demo is French
