"""Architecture rules a user depends on: the command line works without Qt installed or loaded."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

from tests.foundation_helpers import PROJECT, PYTHON, VENV_BIN

QT_MODULES = ("PySide6", "shiboken6")


def _run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PYTHON), "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=60,
        check=False,
    )


def _assert_without_qt(entry: str, db: Path, tmp_path: Path) -> None:
    """Run demo, list, show and export through ``entry`` in one fresh interpreter."""
    out = tmp_path / "out.json"
    done = _run_python(
        f"""
        import contextlib, io, sys
        import {entry.rpartition(".")[0]} as entry
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            assert entry.{entry.rpartition(".")[2]}(["--db", {str(db)!r}, "demo"]) == 0
        doc_id = buffer.getvalue().strip()
        for args in (["list"], ["show", doc_id], ["show", doc_id, "--json"],
                     ["export", doc_id, "--format", "json", "-o", {str(out)!r}]):
            with contextlib.redirect_stdout(io.StringIO()):
                assert entry.{entry.rpartition(".")[2]}(["--db", {str(db)!r}, *args]) == 0, args
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in {QT_MODULES!r})
        assert not loaded, loaded
        """
    )
    assert done.returncode == 0, done.stderr
    assert out.exists()


def test_the_core_cli_never_loads_qt(tmp_path: Path) -> None:
    _assert_without_qt("app.cli.main", tmp_path / "db.sqlite3", tmp_path)


def test_the_launcher_with_a_subcommand_never_loads_qt(tmp_path: Path) -> None:
    _assert_without_qt("ui.launcher.main", tmp_path / "db.sqlite3", tmp_path)


def test_importing_every_core_module_loads_no_qt() -> None:
    done = _run_python(
        """
        import importlib, pkgutil, sys
        import app
        for module in pkgutil.walk_packages(app.__path__, "app."):
            importlib.import_module(module.name)
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
        assert not loaded, loaded
        assert not any(m == "ui" or m.startswith("ui.") for m in sys.modules)
        """
    )
    assert done.returncode == 0, done.stderr


def test_the_import_contract_is_kept() -> None:
    lint_imports = VENV_BIN / "lint-imports"
    command = str(lint_imports) if lint_imports.exists() else shutil.which("lint-imports")
    assert command is not None, "import-linter is a test dependency: install .[dev]"
    done = subprocess.run(
        [command, "--no-cache"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "The core never imports Qt or the UI KEPT" in done.stdout
    assert "0 broken" in done.stdout
