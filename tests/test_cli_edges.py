"""What a person at a terminal runs into: pipes, no display, searches, folders, plain-text seeds."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.foundation_helpers import CONSOLE_SCRIPT, run_cli


def _demo(db_path: Path) -> str:
    result = run_cli("--db", db_path, "demo")
    assert result.code == 0
    return result.out.strip()


def test_list_is_a_table_with_a_header(db_path: Path) -> None:
    demo_id = _demo(db_path)
    out = run_cli("--db", db_path, "list").out.splitlines()
    assert out[0].split() == ["ID", "INCIDENT", "SEV", "STATUS", "TITLE"]
    assert out[1].startswith(demo_id + "  ")
    # every column starts at the same place on every line
    assert out[0].index("INCIDENT") == out[1].index("2026-01-15")


def test_a_search_that_finds_nothing_says_so(db_path: Path) -> None:
    _demo(db_path)
    result = run_cli("--db", db_path, "list", "--search", "zzzqq")
    assert result.code == 0 and result.out == ""
    assert "No postmortem matches 'zzzqq'" in result.err
    assert "demo" not in result.err


def test_show_as_text_reads_every_main_section(db_path: Path) -> None:
    demo_id = _demo(db_path)
    out = run_cli("--db", db_path, "show", demo_id).out
    for heading in (
        "Executive summary",
        "Impact",
        "Timeline (11 entries)",
        "5 Whys",
        "Root cause",
        "What went well",
        "Corrective actions (7)",
        "Lessons learned",
    ):
        assert f"\n{heading}\n{'-' * len(heading)}\n" in out, heading
    assert "◆ root cause" in out and "Time to acknowledge: 40 s" in out


def test_a_folder_given_to_import_is_named_as_a_folder(db_path: Path, tmp_path: Path) -> None:
    result = run_cli("--db", db_path, "import", tmp_path)
    assert result.code == 2
    assert "is a folder, not a file to import" in result.err


def test_a_markdown_postmortem_saved_as_txt_imports(db_path: Path, tmp_path: Path) -> None:
    notes = tmp_path / "incident.txt"
    notes.write_text(
        "# Checkout outage\n\n## Summary\n\nCheckout failed for 20 minutes.\n", encoding="utf-8"
    )
    result = run_cli("--db", db_path, "import", notes)
    assert result.code == 0, result.err
    shown = run_cli("--db", db_path, "show", result.out.strip()).out
    assert "Checkout outage" in shown and "Checkout failed for 20 minutes." in shown


@pytest.mark.skipif(not CONSOLE_SCRIPT.exists(), reason="the package is not installed in .venv")
def test_a_reader_that_stops_early_is_not_an_error(db_path: Path) -> None:
    from app.demo import demo_document
    from app.store import Store

    doc = demo_document()
    doc.summary = "x" * 2_000_000  # far more than a pipe holds, so the writer hits the closed end
    with Store(db_path) as store:
        store.save(doc)
    command = f"'{CONSOLE_SCRIPT}' --db '{db_path}' show --json {doc.id} | head -c 10"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout == '{\n  "forma'
    assert done.stderr == ""
    assert done.returncode == 0


@pytest.mark.skipif(not CONSOLE_SCRIPT.exists(), reason="the package is not installed in .venv")
def test_starting_the_app_without_a_display_says_so(db_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [str(CONSOLE_SCRIPT), "--db", str(db_path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 1
    assert done.stderr.strip().startswith("postmortem-studio: error: no display found")
    assert len(done.stderr.strip().splitlines()) == 1
