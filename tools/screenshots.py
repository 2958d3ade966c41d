"""Screenshots of every section of the demo postmortem, for looking at the design.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/screenshots.py OUT_FOLDER

Writes OUT_FOLDER/{theme}-{width}x{height}-{nn}-{section}.png for the light, dark and
high-contrast themes at 1280×720 and 1920×1080, and prints any section whose outline needed
a scroll bar, whose tables scroll sideways, or (at 1920×1080) whose table columns are cut
(text wider than its column).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QTableView

from app.demo import add_demo
from app.store import Store
from ui.application import ensure_application
from ui.preferences import Preferences, use_preferences


def truncated_columns(window: object) -> list[str]:
    """Header titles of visible table columns narrower than their widest text."""
    cut = []
    for table in window.document_tabs.currentWidget().findChildren(QTableView):  # type: ignore[attr-defined]
        if not table.isVisible() or table.wordWrap():  # wrapped cells grow, never cut
            continue
        header = table.horizontalHeader()
        model = table.model()
        for column in range(model.columnCount()):
            if header.isSectionHidden(column) or column == model.columnCount() - 1:
                continue
            need = max(header.sectionSizeHint(column), table.sizeHintForColumn(column))
            if header.sectionSize(column) + 2 < need:
                cut.append(f"{table.objectName()}:{model.headerData(column, header.orientation())}")
    return cut


def sideways(window: object) -> list[str]:
    """Visible tables of the current section that need a horizontal scroll bar."""
    tables = window.document_tabs.currentWidget().findChildren(QTableView)  # type: ignore[attr-defined]
    return [
        table.objectName()
        for table in tables
        if table.isVisible() and table.horizontalScrollBar().maximum() > 0
    ]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = ensure_application()
    folder = Path(tempfile.mkdtemp(prefix="pm-shots-"))
    prefs = Preferences.from_file(folder / "settings.ini")
    use_preferences(prefs)
    store = Store(folder / "shots.sqlite3")
    doc = add_demo(store)
    from ui.main_window import MainWindow

    problems = []
    for theme in ("light", "dark", "high_contrast"):
        prefs.theme = theme  # applied by the window as it is built, as on a real start
        for width, height in ((1280, 720), (1920, 1080)):
            window = MainWindow(store)
            window.resize(width, height)
            window.show()
            window.select(doc.id)
            outline = window.outline
            for row in range(outline.count()):
                outline.setCurrentRow(row)
                for _ in range(3):  # tables fit their columns once shown: let that settle
                    app.processEvents()
                key = outline.key_of(row) or f"page{row}"
                window.grab().save(str(out / f"{theme}-{width}x{height}-{row:02d}-{key}.png"))
                if outline.verticalScrollBar().isVisible():
                    problems.append(f"{theme} {width}x{height}: the outline scrolls")
                where = f"{theme} {width}x{height} {key}"
                problems += [f"{where}: {table} scrolls sideways" for table in sideways(window)]
                if width == 1920:
                    problems += [
                        f"{theme} {width}x{height} {key}: {c}" for c in truncated_columns(window)
                    ]
            window.close()
            window.deleteLater()
            app.processEvents()
    for problem in problems:
        print(problem)
    print(f"{len(list(out.glob('*.png')))} screenshots in {out}")
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
