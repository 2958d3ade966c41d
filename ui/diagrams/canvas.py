"""The live diagram canvas: ``DiagramView``, a QGraphicsView mirroring one diagram of a document.

API (all a host needs)::

    view = DiagramView("whys" | "ishikawa", window=main_window)      # editable, undoable
    view = DiagramView("ishikawa", session=session, editable=False)   # e.g. a presenter screen
    view.set_session(session_or_None)   # follow another document (the window does this itself)
    view.selected_node() -> str | None; view.select(node_id)
    view.fit(); view.zoom_by(factor); view.current_layout() -> Layout
    view.auto_fit = True   # keep the whole diagram in view on resize and edits (the default
                           # for read-only views, e.g. a presenter screen)

Edits go through ``window.apply_change`` (one undo step each) or, without a window, straight to
``session.apply`` (no undo). The scene is rebuilt from a fresh layout after every model change:
items are created, updated or removed by node id, so the selection survives every re-layout.

Keys: Tab adds a child, Enter a sibling, F2 (or double-click) renames in place, Shift+F2 edits
a why's answer, Delete removes the node and its subtree, R toggles root cause, arrows move the
selection to the nearest box in that direction on screen (Alt+arrows follow the tree: Up parent,
Down first child, Left/Right siblings), Ctrl+= / Ctrl+- zoom, Ctrl+0 fits (also done on opening
and whenever the layout changes size). Mouse: click selects, drag a box onto another to
re-parent it (the target turns green where ``ops.can_move`` allows the drop; the dragged box
turns see-through), drag the background to pan, Ctrl+wheel zooms,
right-click opens the context menu.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QMenu, QPlainTextEdit, QWidget

from app.diagrams import changes, ops
from app.diagrams.document_layout import diagram_of, layout_for
from app.diagrams.graph import (
    ISHIKAWA,
    SEED_CATEGORIES_EN,
    SEED_CATEGORIES_FR,
    SIX_M_EN,
    SIX_M_FR,
    WHYS,
    children,
    parent,
    root_of,
)
from app.diagrams.layout import BACKGROUND, Layout, in_language
from app.errors import PostmortemError
from app.session import Change, DocumentSession
from ui.design import diagram_on_screen, screen_colour
from ui.diagrams.items import BoxItem, ConnectorItem
from ui.session_bridge import SessionBridge

DEFAULT_ZOOM = 1.25  # 10.5 pt text is ≥ 13 px high at 1280×720 without zooming
MIN_ZOOM, MAX_ZOOM = 0.15, 5.0
DRAG_THRESHOLD = 6
DRAGGED_OPACITY = 0.55
#: arrow key → direction on screen (x, y)
ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class InPlaceEditor(QPlainTextEdit):
    """The rename field laid over a box, as big as the box: Enter commits, Shift+Enter starts a
    new line, Escape cancels."""

    committed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not shift:
            self.committed.emit(self.text())
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        if self.isVisible():
            self.committed.emit(self.text())


class DiagramView(QGraphicsView):
    """A diagram of the open document, drawn from its layout; editable unless told otherwise."""

    selection_changed = Signal(object)

    def __init__(
        self,
        kind: str,
        window: Any = None,
        session: DocumentSession | None = None,
        editable: bool = True,
        parent_widget: QWidget | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.kind = kind
        self.window_ = window
        self.editable = editable
        self.session: DocumentSession | None = None
        self.bridge: SessionBridge | None = None
        self.layout_: Layout | None = None
        self.items_: dict[str, BoxItem] = {}
        self.connectors_: dict[tuple[str, str, str], ConnectorItem] = {}
        self.selected: str | None = None
        self.editing: tuple[str, str] | None = None  # (node, "text" | "answer")
        self.press: tuple[str, QPointF] | None = None
        self.dragging = False
        self.drop_target: str | None = None
        self.auto_fit = not editable
        self._fitted_size: tuple[float, float] | None = None
        self.last_error = ""  # the last refused edit, when there is no window to show it
        self.setObjectName(f"diagram-{kind}")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(QColor(screen_colour(BACKGROUND)))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.scale(DEFAULT_ZOOM, DEFAULT_ZOOM)
        self.editor = InPlaceEditor(self.viewport())
        self.editor.setObjectName("diagramEditor")
        self.editor.hide()
        self.editor.committed.connect(self._commit_edit)
        self.editor.cancelled.connect(self._cancel_edit)
        self.setAccessibleName(
            self.tr("5 Whys diagram") if kind == WHYS else self.tr("Ishikawa diagram")
        )
        if window is not None and session is None:
            session = window.session
        self.set_session(session)

    # ----- following the document -------------------------------------------------------
    def set_session(self, session: DocumentSession | None) -> None:
        if self.bridge is not None and self.session is not None:
            if self.bridge._on_change in self.session.listeners:
                self.session.listeners.remove(self.bridge._on_change)
            self.bridge.deleteLater()
        self.session = session
        self.bridge = None
        self._cancel_edit()
        if session is not None:
            self.bridge = SessionBridge(session, self)
            self.bridge.changed.connect(self.rebuild)
        self.selected = None
        self._fitted_size = None  # a newly opened diagram is shown whole
        self.rebuild()
        if session is not None:
            self.select(root_of(self._graph()))

    def _graph(self) -> Any:
        assert self.session is not None
        return diagram_of(self.session.doc, self.kind)

    def current_layout(self) -> Layout | None:
        return self.layout_

    def rebuild(self, *_args: object) -> None:
        """Mirror the model: create, update or remove items by node id."""
        scene = self.scene()
        if self.session is None:
            for item in [*self.items_.values(), *self.connectors_.values()]:
                scene.removeItem(item)
            self.items_.clear()
            self.connectors_.clear()
            self.layout_ = None
            return
        # badges in the report's language: what the room sees is what the report prints
        layout = in_language(layout_for(self.session.doc, self.kind), self.session.doc.language)
        self.layout_ = layout
        painted = diagram_on_screen(layout)  # in the theme's colours; exports keep print ones
        seen: set[str] = set()
        for box in painted.boxes:
            seen.add(box.node_id)
            item = self.items_.get(box.node_id)
            if item is None:
                item = BoxItem(box)
                self.items_[box.node_id] = item
                scene.addItem(item)
            else:
                item.set_box(box)
        for gone in set(self.items_) - seen:
            scene.removeItem(self.items_.pop(gone))
        wanted: set[tuple[str, str, str]] = set()
        for connector in painted.connectors:
            key = (connector.source, connector.target, connector.kind)
            wanted.add(key)
            line = self.connectors_.get(key)
            if line is None:
                line = ConnectorItem(connector)
                self.connectors_[key] = line
                scene.addItem(line)
            elif line.connector != connector:
                line.set_connector(connector)
        for gone_key in set(self.connectors_) - wanted:
            scene.removeItem(self.connectors_.pop(gone_key))
        size = (layout.width, layout.height)
        scene.setSceneRect(QRectF(0, 0, layout.width, layout.height))
        if self.isVisible() and (self.auto_fit or size != self._fitted_size):
            self._fitted_size = size  # a hidden view is fitted when shown (its size is known)
            self.fit()
        self.viewport().update()  # no stale connector pieces in the exposed region
        if self.selected not in self.items_:
            self.selected = None
            self.select(root_of(self._graph()))
        elif self.selected is not None:
            self.items_[self.selected].set_state(selected=True)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a new theme: its diagram colours
            self.setBackgroundBrush(QColor(screen_colour(BACKGROUND)))
            self.rebuild()

    # ----- selection --------------------------------------------------------------------
    def selected_node(self) -> str | None:
        return self.selected

    def select(self, node: str | None) -> None:
        if self.selected in self.items_:
            self.items_[self.selected].set_state(selected=False)
        self.selected = node if node in self.items_ else None
        if self.selected is not None:
            item = self.items_[self.selected]
            item.set_state(selected=True)
            self.ensureVisible(item, 24, 24)
        self.selection_changed.emit(self.selected)

    def box_item(self, node: str) -> BoxItem:
        return self.items_[node]

    # ----- edits ------------------------------------------------------------------------
    def apply(self, change: Change) -> bool:
        if not self.editable or self.session is None:
            return False
        if self.window_ is not None:
            done = bool(self.window_.apply_change(change))
        else:
            try:
                self.session.apply(change)
                done = True
            except PostmortemError as error:
                self.last_error = str(error)
                done = False
        created = getattr(change, "created", None)
        if done and created:
            self.select(created)
        return done

    def add_child(self) -> None:
        if self.selected and self.apply(changes.add_child(self.kind, self.selected)):
            self.start_edit()

    def add_sibling(self) -> None:
        if self.selected is None:
            return
        if parent(self._graph(), self.selected) is None:
            self.add_child()
        elif self.apply(changes.add_sibling(self.kind, self.selected)):
            self.start_edit()

    def delete_selected(self) -> None:
        if self.selected is None:
            return
        above = parent(self._graph(), self.selected)
        if self.apply(changes.delete(self.kind, self.selected)) and above is not None:
            self.select(above)

    def toggle_root_cause(self) -> None:
        if self.selected is None:
            return
        value = not self._graph().nodes[self.selected].get("root_cause", False)
        self.apply(changes.set_root_cause(self.kind, self.selected, value))

    def start_edit(self, field: str = "text") -> None:
        if not self.editable or self.selected is None:
            return
        node = self.selected
        if field == "answer" and self._graph().nodes[node].get("role") != "why":
            return
        self.editing = (node, field)
        item = self.items_[node]
        self.ensureVisible(item, 24, 24)
        rect = self.mapFromScene(item.sceneBoundingRect()).boundingRect()
        line = self.editor.fontMetrics().lineSpacing()
        self.editor.setGeometry(
            rect.x(), rect.y(), max(rect.width(), 160), max(rect.height(), 2 * line + 12)
        )
        self.editor.setText(str(self._graph().nodes[node].get(field, "")))
        placeholder = (
            self.tr("Answer: because…")
            if field == "answer"
            else self.tr("Type the text, Enter (Shift+Enter: new line)")
        )
        self.editor.setPlaceholderText(placeholder)
        self.editor.show()
        self.editor.selectAll()
        self.editor.setFocus()

    def _commit_edit(self, text: str) -> None:
        if self.editing is None:
            return
        node, field = self.editing
        self.editing = None
        self.editor.hide()
        self.setFocus()
        if node in self._graph() and text != self._graph().nodes[node].get(field, ""):
            if field == "answer":
                self.apply(changes.set_answer(self.kind, node, text))
            else:
                self.apply(changes.rename(self.kind, node, text))

    def _cancel_edit(self) -> None:
        self.editing = None
        self.editor.hide()
        if self.session is not None:
            self.setFocus()

    # ----- keyboard ---------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif ctrl and key == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif ctrl and key == Qt.Key.Key_0:
            self.fit()
        elif key in ARROWS and modifiers & Qt.KeyboardModifier.AltModifier:
            self._navigate(key)
        elif key in ARROWS:
            self._navigate_on_screen(key)
        elif not self.editable or self.session is None:
            super().keyPressEvent(event)
        elif key == Qt.Key.Key_Tab:
            self.add_child()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_sibling()
        elif key == Qt.Key.Key_F2:
            shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            self.start_edit("answer" if shift else "text")
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
        elif key == Qt.Key.Key_R and not ctrl:
            self.toggle_root_cause()
        else:
            super().keyPressEvent(event)

    def _navigate_on_screen(self, key: int) -> None:
        """Select the nearest box in the arrow's direction, as the boxes are drawn."""
        if self.selected is None or self.selected not in self.items_:
            return
        here = self.items_[self.selected].sceneBoundingRect().center()
        dx, dy = ARROWS[key]
        best: tuple[float, str] | None = None
        for node, item in self.items_.items():
            if node == self.selected:
                continue
            there = item.sceneBoundingRect().center()
            ahead = (there.x() - here.x()) * dx + (there.y() - here.y()) * dy
            aside = abs((there.x() - here.x()) * dy) + abs((there.y() - here.y()) * dx)
            if ahead <= 1 or aside > 2.5 * ahead + 40:
                continue  # behind, or too far off the arrow's direction
            score = ahead + 2 * aside
            if best is None or score < best[0]:
                best = (score, node)
        if best is not None:
            self.select(best[1])

    def _navigate(self, key: int) -> None:
        """Alt+arrows follow the tree: Up parent, Down first child, Left/Right siblings."""
        if self.session is None or self.selected is None:
            return
        graph = self._graph()
        node = self.selected
        above = parent(graph, node)
        target: str | None = None
        if key == Qt.Key.Key_Up:
            target = above
        elif key == Qt.Key.Key_Down:
            kids = children(graph, node)
            target = kids[0] if kids else None
        elif above is not None:
            siblings = children(graph, above)
            index = siblings.index(node) + (1 if key == Qt.Key.Key_Right else -1)
            target = siblings[index] if 0 <= index < len(siblings) else None
        if target is not None:
            self.select(target)

    # ----- zoom -------------------------------------------------------------------------
    def zoom_by(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(MIN_ZOOM / current, min(MAX_ZOOM / current, factor))
        self.scale(factor, factor)

    def zoom(self) -> float:
        return float(self.transform().m11())

    def fit(self) -> None:
        """Show the whole diagram (a small one is not blown up beyond 1.5× the default zoom)."""
        if self.layout_ is not None:
            self.fitInView(
                QRectF(0, 0, self.layout_.width, self.layout_.height),
                Qt.AspectRatioMode.KeepAspectRatio,
            )
            if self.zoom() > DEFAULT_ZOOM * 1.5:
                self.zoom_by(DEFAULT_ZOOM * 1.5 / self.zoom())
                self.centerOn(self.layout_.width / 2, self.layout_.height / 2)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        layout = self.layout_
        if layout is not None and (layout.width, layout.height) != self._fitted_size:
            self._fitted_size = (layout.width, layout.height)  # opened or changed while hidden
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)

    # ----- mouse: select, drag to re-parent, pan ----------------------------------------
    def _node_at(self, pos: QPoint) -> str | None:
        for item in self.items(pos):
            if isinstance(item, BoxItem):
                return item.node_id
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        node = self._node_at(event.position().toPoint())
        if node is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(node)
            self.press = (node, self.mapToScene(event.position().toPoint()))
            self.setFocus()
            event.accept()
            return
        if node is not None and event.button() == Qt.MouseButton.RightButton:
            self.select(node)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.press is None or not self.editable:
            super().mouseMoveEvent(event)
            return
        node, start = self.press
        here = self.mapToScene(event.position().toPoint())
        if not self.dragging:
            moved = self.mapFromScene(here) - self.mapFromScene(start)
            if moved.manhattanLength() < DRAG_THRESHOLD or not ops.can_move(self._graph(), node):
                return
            self.dragging = True
        item = self.items_[node]
        item.setPos(item.box.x + here.x() - start.x(), item.box.y + here.y() - start.y())
        item.setZValue(5)
        item.setOpacity(DRAGGED_OPACITY)  # the target's green shows through the dragged box
        self._set_drop_target(self._drop_target_at(event.position().toPoint(), node))

    def _drop_target_at(self, pos: QPoint, dragged: str) -> str | None:
        """The box under the pointer (below the dragged one) when ``dragged`` may go there."""
        for item in self.items(pos):
            if isinstance(item, BoxItem) and item.node_id != dragged:
                return item.node_id if ops.can_move(self._graph(), dragged, item.node_id) else None
        return None

    def _set_drop_target(self, node: str | None) -> None:
        if self.drop_target == node:
            return
        if self.drop_target in self.items_:
            self.items_[self.drop_target].set_state(drop_target=False)
        self.drop_target = node
        if node is not None:
            self.items_[node].set_state(drop_target=True)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.press is None:
            super().mouseReleaseEvent(event)
            return
        node, _ = self.press
        target = self.drop_target
        was_dragging = self.dragging
        self.press = None
        self.dragging = False
        self._set_drop_target(None)
        if node in self.items_:
            item = self.items_[node]
            item.setZValue(1)
            item.setOpacity(1.0)
            item.setPos(item.box.x, item.box.y)
        if (
            was_dragging
            and target is not None
            and self.apply(changes.move(self.kind, node, target))
        ):
            self.select(node)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        node = self._node_at(event.position().toPoint())
        if node is not None:
            self.select(node)
            self.start_edit()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu()
        menu.exec(event.globalPos())

    def build_context_menu(self) -> QMenu:
        menu = QMenu(self)
        entries: list[tuple[str, str, Any]] = []
        if self.editable and self.selected is not None:
            entries += [
                (self.tr("Add a child"), "Tab", self.add_child),
                (self.tr("Add a sibling"), "Enter", self.add_sibling),
                (self.tr("Rename"), "F2", self.start_edit),
            ]
            if self.kind == WHYS:
                entries.append(
                    (self.tr("Edit the answer"), "Shift+F2", lambda: self.start_edit("answer"))
                )
            entries += [
                (self.tr("Root cause on/off"), "R", self.toggle_root_cause),
                (self.tr("Delete with its sub-nodes"), "Del", self.delete_selected),
            ]
        for text, shortcut, slot in entries:
            keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            action = QAction(f"{text}\t{keys}", menu)
            action.triggered.connect(slot)
            menu.addAction(action)
        if self.editable and self.selected is not None and self.session is not None:
            self._add_link_menu(menu)
        if self.editable and self.kind == ISHIKAWA and self.session is not None:
            self._add_category_sets(menu)
        menu.addSeparator()
        keys = QKeySequence("Ctrl+0").toString(QKeySequence.SequenceFormat.NativeText)
        fit = QAction(self.tr("Fit to view") + f"\t{keys}", menu)
        fit.triggered.connect(self.fit)
        menu.addAction(fit)
        return menu

    def _add_category_sets(self, menu: QMenu) -> None:
        sets = menu.addMenu(self.tr("Category set"))
        choices = (
            (self.tr("Incident (People, Process, Tools…)"), SEED_CATEGORIES_EN),
            (self.tr("Incident, in French"), SEED_CATEGORIES_FR),
            (self.tr("The 6M (Manpower, Method, Machine…)"), SIX_M_EN),
            (self.tr("The 6M, in French"), SIX_M_FR),
        )
        for text, names in choices:
            entry = QAction(text, sets)
            entry.triggered.connect(
                lambda _checked=False, chosen=names: self.apply(changes.use_categories(chosen))
            )
            sets.addAction(entry)

    def _add_link_menu(self, menu: QMenu) -> None:
        assert self.session is not None and self.selected is not None
        node = self.selected
        if self._graph().nodes[node].get("role") not in ("why", "cause"):
            return
        sub = menu.addMenu(self.tr("Corrective actions"))
        actions = self.session.doc.actions
        ref = f"{self.kind}:{node}"
        current = {a.id for a in actions if ref in a.causes}
        if not actions:
            sub.addAction(self.tr("(no corrective action yet)")).setEnabled(False)
        for action in actions:
            entry = QAction(action.action[:80] or action.id, sub)
            entry.setCheckable(True)
            entry.setChecked(action.id in current)
            wanted = current ^ {action.id}
            entry.triggered.connect(
                lambda _checked=False, ids=wanted: self.apply(
                    changes.link_actions(self.kind, node, ids)
                )
            )
            sub.addAction(entry)
