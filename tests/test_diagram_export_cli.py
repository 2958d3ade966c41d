"""``export ID --format svg|png --diagram whys|ishikawa -o FILE`` from the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from app.cli import main
from app.model import Postmortem
from app.store import Store

PROBE = (
    "import sys; from app.cli import main; code = main(sys.argv[1:]); "
    "print('qt' if 'PySide6' in sys.modules else 'no-qt'); sys.exit(code)"
)


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(db), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )


def test_svg_export_never_loads_qt_and_png_does(
    demo: Postmortem, db_path: Path, tmp_path: Path
) -> None:
    svg = tmp_path / "whys.svg"
    done = _run(db_path, "export", demo.id, "--format", "svg", "--diagram", "whys", "-o", str(svg))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "no-qt"
    text = svg.read_text(encoding="utf-8")
    root = ElementTree.fromstring(text.encode("utf-8"))  # well-formed: viewers will open it
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "Pourquoi n&apos;y avait-il" in text or "Pourquoi n'y avait-il" in text
    assert "◆ CAUSE RACINE" in text  # the demo is a French report

    png = tmp_path / "fish.png"
    done = _run(
        db_path, "export", demo.id, "--format", "png", "--diagram", "ishikawa", "-o", str(png)
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "qt"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_svg_escapes_markup_labels(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = Postmortem(title="<script>")
    doc.whys.nodes["p"]["text"] = "<img src='/etc/passwd'/> & <b>"
    store.save(doc)
    out = tmp_path / "w.svg"
    assert main(["--db", str(store.path), "export", doc.id, "--format", "svg", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "<img" not in text and "<script>" not in text
    assert "&lt;img src='/etc/passwd'/&gt; &amp; &lt;b&gt;" in text


def test_export_to_a_missing_folder_is_one_clear_line(
    demo: Postmortem, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nowhere" / "x.svg"
    code = main(["--db", str(db_path), "export", demo.id, "--format", "svg", "-o", str(target)])
    assert code != 0
    assert "does not exist" in capsys.readouterr().err


def test_exported_diagrams_speak_the_report_language(tmp_path: Path) -> None:
    from app.cli import main
    from app.demo import add_demo
    from app.store import Store

    db = tmp_path / "lang.sqlite3"
    with Store(db) as store:
        doc = add_demo(store)  # a French report
    french = tmp_path / "fr.svg"
    english = tmp_path / "en.svg"
    base = ["--db", str(db), "export", doc.id, "--format", "svg", "--diagram", "whys"]
    assert main([*base, "-o", str(french)]) == 0
    assert main([*base, "--lang", "en", "-o", str(english)]) == 0
    assert "CAUSE RACINE" in french.read_text(encoding="utf-8")
    assert "ROOT CAUSE" not in french.read_text(encoding="utf-8")
    assert "ROOT CAUSE" in english.read_text(encoding="utf-8")
