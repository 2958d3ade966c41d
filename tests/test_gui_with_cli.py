"""The app open on a database while the command line writes the same file: no false alarm
("damaged"), and the window shows what was changed outside."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.store import Store
from tests.editor_helpers import fill_field
from tests.foundation_helpers import CONSOLE_SCRIPT
from tests.test_editor_bad_input import use_temporary_settings
from ui.main_window import MainWindow

ROLES = ("prepared_by", "reviewed_by", "approved_by", "filed_by")


def _cli(db: Path, *args: str) -> str:
    env = dict(os.environ, POSTMORTEM_STUDIO_KEY_PASSPHRASE="long enough passphrase")
    done = subprocess.run(
        [str(CONSOLE_SCRIPT), "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout.strip()


def test_the_window_and_the_command_line_share_one_file_without_false_alarms(
    qtbot, store: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_temporary_settings(tmp_path, monkeypatch)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    opened = window.current.id
    for round_number in range(2):
        _cli(db_path, "demo")
        for role in ROLES:
            _cli(db_path, "sign", opened, "--role", role, "--name", f"Signer {role}")
        window.reload_if_stale()  # coming back to the window
        assert window.current.status.value == "approved"
        assert "elsewhere" in window.statusBar().currentMessage().lower()
        _cli(db_path, "export", opened, "--format", "pdf", "-o", str(tmp_path / "r.pdf"))
        exported = tmp_path / f"copy-{round_number}.json"
        _cli(db_path, "export", opened, "--format", "json", "-o", str(exported))
        _cli(db_path, "reopen", opened)
        _cli(db_path, "import", str(exported))
        window.reload_if_stale()
        assert window.current.status.value == "in_review"
        assert window.current.revision == round_number + 2
        fill_field(qtbot, window.editor.header.fields["title"], f"Titre {round_number}")
        window.new_action.trigger()
        window.import_file(exported)
        window.select(opened)
        fill_field(qtbot, window.editor.header.fields["author"], f"Auteur {round_number}")
        assert "damaged" not in window.last_error.lower(), window.last_error
        assert "endommag" not in window.last_error.lower(), window.last_error
    with Store(db_path) as other:
        saved = other.load(opened)
        assert (saved.title, saved.author) == ("Titre 1", "Auteur 1")
        assert len(other.summaries()) == 1 + 2 * 4  # demo + per round: demo, import ×2, new
