"""Start-up pays only for what the first window shows: the list. The document side (editor
pages, feature pages, the report) is built when a postmortem is first opened; features are
reached through a typed registry and built on first use."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from app.demo import add_demo
from app.store import Store
from tests.editor_helpers import use_temporary_settings
from tests.tracking_helpers import TODAY, fill
from ui.dashboard import DashboardWidget
from ui.diagrams.feature import DiagramFeature
from ui.main_window import MainWindow
from ui.report_feature import ReportFeature
from ui.tracking_feature import TrackingFeature

FIRST_PAINT = """
import sys
from ui.launcher import main
main(["--smoke-test", "--db", sys.argv[1]])
heavy = ("networkx", "ui.editor.header", "ui.editor.actions", "ui.diagrams.canvas",
         "ui.document_view", "app.diagrams.changes")
print("LOADED", ",".join(name for name in heavy if name in sys.modules))
"""


def test_the_first_paint_loads_neither_networkx_nor_the_editor_pages(db_path: Path) -> None:
    with Store(db_path) as store:
        add_demo(store)
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(db_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "1 postmortem(s)" in done.stdout
    assert done.stdout.rsplit("LOADED", 1)[1].strip() == ""


def test_the_document_side_is_built_on_first_opening_with_every_tab_in_order(
    qtbot, store: Store, tmp_path: Path
) -> None:
    use_temporary_settings(tmp_path)
    doc = add_demo(store)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert not window.has_document_side()
    assert window.pages.currentWidget() is window.empty_selection
    window.select(doc.id)  # a click in the list
    assert window.has_document_side()
    assert window.pages.currentWidget() is window.document_area
    tabs = window.document_tabs
    titles = [tabs.tabText(index) for index in range(tabs.count())]
    assert titles == [
        "Header",
        "Summary and impact",
        "Timeline",
        "Analysis",
        "5 Whys",
        "Ishikawa",
        "Actions",
        "Lessons",
        "Parking lot",
        "Annexes",
        "Sign-off",
        "Report",
    ]
    pages = window.features.get(DiagramFeature).pages
    assert pages["whys"].view.scene().items()  # the open document's diagram is drawn
    signoff = window.features.get(ReportFeature).page
    assert signoff.table.rowCount() > 0


def test_a_menu_action_of_a_page_builds_the_document_side_when_needed(
    qtbot, store: Store, tmp_path: Path
) -> None:
    use_temporary_settings(tmp_path)
    add_demo(store)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    export = next(
        action
        for action in window.menus["file"].actions()
        if action.objectName() == "exportReportPdf"
    )
    assert not window.has_document_side()
    export.trigger()  # no document open: nothing to export, and nothing breaks
    assert window.has_document_side()
    assert window.pages.currentWidget() is window.empty_selection
    page = window.features.get(ReportFeature).page
    assert page.status.text() == "Open a postmortem to see its sign-offs."
    assert not page.export_button.isEnabled()


def test_the_registry_gives_each_feature_once_typed(qtbot, store: Store, tmp_path: Path) -> None:
    use_temporary_settings(tmp_path)
    window = MainWindow(store)
    qtbot.addWidget(window)
    tracking = window.features.get(TrackingFeature)
    assert isinstance(tracking, TrackingFeature)
    assert window.features.get(TrackingFeature) is tracking
    assert tracking.tracker_action in window.menus["view"].actions()


def _waiting(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM search_pending").fetchone()[0])
    finally:
        conn.close()


def test_search_rows_left_by_an_import_are_written_once_the_window_is_idle(
    qtbot, store: Store, tmp_path: Path
) -> None:
    use_temporary_settings(tmp_path)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    source = tmp_path / "incident.json"
    other = Store(tmp_path / "elsewhere.sqlite3")
    try:
        from app.jsonio import document_to_json

        source.write_text(document_to_json(add_demo(other)), encoding="utf-8")
    finally:
        other.close()
    window.import_file(source)
    assert _waiting(store.path) == 1  # not written during the import itself…
    qtbot.waitUntil(lambda: _waiting(store.path) == 0, timeout=10_000)  # …but soon after
    assert [s.title for s in store.summaries("paiement")]


def test_the_dashboard_says_computing_until_its_figures_arrive(qtbot, store: Store) -> None:
    fill(store)
    dashboard = DashboardWidget(store, lambda: TODAY)
    qtbot.addWidget(dashboard)
    assert dashboard.loading
    assert dashboard.severity_chart.placeholder() == "Computing…"
    assert dashboard.overdue.text() == "…"
    qtbot.waitUntil(lambda: not dashboard.loading, timeout=20_000)
    assert dashboard.severity_chart.bars
    assert dashboard.overdue.text() != "…"


def test_an_empty_database_shows_no_data_once_computed(qtbot, store: Store) -> None:
    dashboard = DashboardWidget(store, lambda: TODAY)
    qtbot.addWidget(dashboard)
    assert dashboard.month_chart.placeholder() == "Computing…"
    qtbot.waitUntil(lambda: not dashboard.loading, timeout=20_000)
    assert dashboard.month_chart.placeholder() == "No data"
