"""What the diagrams look like on screen: theme colours, and no leftovers after an edit."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox

from app.diagrams.document_layout import layout_for
from app.diagrams.graph import children, root_of
from app.store import Store
from tests.editor_helpers import open_demo, use_temporary_settings
from ui.diagrams.canvas import DiagramView
from ui.diagrams.export import render_png
from ui.document_view import document_html
from ui.main_window import MainWindow
from ui.preferences import apply_theme


@pytest.fixture
def window(qtbot: Any, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    use_temporary_settings(tmp_path, monkeypatch)
    yield open_demo(qtbot, store)
    apply_theme("light")


def show_section(qtbot: Any, window: MainWindow, key: str) -> DiagramView:
    window.outline.setCurrentRow(window.outline.row_of(key))
    view: DiagramView = window.document_side().feature_pages[key].view
    qtbot.waitExposed(view)
    return view


def on_screen(view: DiagramView) -> QImage:
    """The pixels the window shows now (its backing store), not a fresh rendering."""
    QApplication.processEvents()
    window = view.window()
    corner = view.viewport().mapTo(window, QPoint(0, 0))
    size = view.viewport().size()
    screen = window.windowHandle().screen()
    pixmap = screen.grabWindow(window.winId(), corner.x(), corner.y(), size.width(), size.height())
    return pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)


def lightness(image: QImage, x: int, y: int) -> int:
    return QColor(image.pixel(x, y)).lightness()


def test_the_diagrams_follow_the_dark_theme_and_exports_keep_print_colours(
    qtbot: Any, window: MainWindow
) -> None:
    apply_theme("dark")  # switched while the app runs
    for key in ("whys", "ishikawa"):
        view = show_section(qtbot, window, key)
        shown = view.grab().toImage()
        assert lightness(shown, 3, 3) < 60, key  # the canvas is dark like the window
        root = view.box_item(root_of(view._graph())).sceneBoundingRect().center()
        inside = view.mapFromScene(root)
        assert lightness(shown, inside.x(), inside.y()) < 110, key  # so are the boxes
    assert window.session is not None
    exported = QImage.fromData(render_png(layout_for(window.session.doc, "ishikawa")))
    assert QColor(exported.pixel(2, 2)) == QColor("#ffffff")  # an export prints as on paper
    apply_theme("light")
    view = show_section(qtbot, window, "ishikawa")
    assert lightness(view.grab().toImage(), 3, 3) > 240


def test_check_boxes_are_visible_in_the_dark_theme(qtbot: Any, window: MainWindow) -> None:
    apply_theme("dark")
    box = QCheckBox("Include the timeline")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    indicator = box.grab().toImage()
    frame = max(lightness(indicator, x, y) for x in range(18) for y in range(indicator.height()))
    assert frame > 120  # an unchecked box has a visible frame on the dark background


def exposed_region(view: DiagramView, node: str) -> QRect:
    """Where the box and the line to it are drawn now, in viewport pixels (with a margin)."""
    rect = view.mapFromScene(view.box_item(node).sceneBoundingRect()).boundingRect()
    for (_source, target, _kind), line in view.connectors_.items():
        if target == node:
            rect = rect.united(view.mapFromScene(line.sceneBoundingRect()).boundingRect())
    return rect.adjusted(-4, -4, 4, 4).intersected(view.viewport().rect())


def assert_repainted(view: DiagramView, region: QRect) -> None:
    """The screen shows in ``region`` exactly what a full repaint draws: no leftover pixels."""
    after_edit = on_screen(view).copy(region)
    view.viewport().repaint()
    repainted = on_screen(view).copy(region)
    assert after_edit == repainted


def test_moving_or_removing_a_box_leaves_nothing_behind(qtbot: Any, window: MainWindow) -> None:
    view = show_section(qtbot, window, "ishikawa")
    graph = view._graph()
    category = children(graph, root_of(graph))[0]
    leaf = children(graph, category)[-1]
    view.select(leaf)
    region = exposed_region(view, leaf)
    before = on_screen(view).copy(region)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert leaf not in view.items_
    assert on_screen(view).copy(region) != before  # the box is gone from where it was
    assert_repainted(view, region)

    graph = view._graph()
    home, target = [c for c in children(graph, root_of(graph)) if children(graph, c)][:2]
    moved = children(graph, home)[0]
    region = exposed_region(view, moved)
    start = view.mapFromScene(view.box_item(moved).sceneBoundingRect().center())
    end = view.mapFromScene(view.box_item(target).sceneBoundingRect().center())
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), (start + end) / 2)
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert moved in children(view._graph(), target)
    assert_repainted(view, region)


def test_the_report_view_tables_follow_the_dark_theme(qtbot: Any, window: MainWindow) -> None:
    def header_fill() -> QColor:
        assert window.current is not None
        html = document_html(window.current)
        found = re.search(r"<tr style='background:(#[0-9a-fA-F]{6})'>", html)
        assert found is not None
        return QColor(found.group(1))

    apply_theme("dark")
    try:
        assert header_fill().lightnessF() < 0.4  # the pale header text of the dark theme reads
    finally:
        apply_theme("light")
    assert header_fill().lightnessF() > 0.8
