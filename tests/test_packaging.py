"""The packaging files stay valid: PyInstaller spec, desktop entry, AppStream metainfo, icons.

Building the bundle takes a minute and is done by ``packaging/build.sh``; these checks are quick
and catch a renamed resource, a broken id or an invalid file before a release build.
"""

from __future__ import annotations

import ast
import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "org.postmortemstudio.PostmortemStudio"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
SPEC = PACKAGING / "postmortem-studio.spec"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def test_spec_is_python_and_builds_one_folder_without_qml() -> None:
    tree = spec_tree()
    calls = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert {"Analysis", "PYZ", "EXE", "COLLECT"} <= calls  # COLLECT = one-folder bundle
    text = SPEC.read_text(encoding="utf-8")
    for module in ("PySide6.QtQml", "PySide6.QtQuick"):
        assert f'"{module}"' in text
    assert "exclude_binaries=True" in text


def test_spec_names_files_that_exist() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert '"ui" / "launcher.py"' in text and (ROOT / "ui" / "launcher.py").is_file()
    assert '(str(ROOT / "resources"), "resources")' in text
    assert (ROOT / "resources" / "fonts").is_dir()
    for name in (DESKTOP.name, METAINFO.name, f"{APP_ID}.svg"):
        assert (PACKAGING / name).is_file() or (PACKAGING / "icons" / name).is_file()


def test_spec_module_list_finds_commands_and_features() -> None:
    """The spec lists our modules from the tree: run that function alone and check it."""
    tree = spec_tree()
    function = next(
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name == "modules_of"
    )
    namespace: dict[str, object] = {"ROOT": ROOT}
    exec(compile(ast.Module(body=[function], type_ignores=[]), str(SPEC), "exec"), namespace)
    modules = namespace["modules_of"]("app") + namespace["modules_of"]("ui")  # type: ignore[operator]
    from app.cli import COMMAND_MODULES
    from ui.features import FEATURES

    assert set(COMMAND_MODULES) | set(FEATURES) <= set(modules)
    assert "app.commands" in modules and "ui.launcher" in modules


def test_desktop_entry_names_the_app_id_icon_and_command() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Icon"] == APP_ID
    assert section["Exec"].split()[0] == "postmortem-studio"
    assert section["Type"] == "Application"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'postmortem-studio = "ui.launcher:main"' in pyproject
    application = (ROOT / "ui" / "application.py").read_text(encoding="utf-8")
    assert f'setDesktopFileName("{APP_ID}")' in application


def test_metainfo_has_the_same_id_and_launches_the_desktop_file() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    assert root.find("provides/binary").text == "postmortem-studio"  # type: ignore[union-attr]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icons_exist_in_every_size() -> None:
    svg = ET.parse(PACKAGING / "icons" / f"{APP_ID}.svg").getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 128 128"
    for size in PNG_SIZES:
        path = PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(path) == (size, size)


def test_build_script_runs_the_bundle_smoke_test() -> None:
    script = (PACKAGING / "build.sh").read_text(encoding="utf-8")
    assert "pyinstaller" in script and "postmortem-studio.spec" in script
    assert "--smoke-test" in script
    readme = (PACKAGING / "README.md").read_text(encoding="utf-8")
    assert "packaging/build.sh" in readme


def test_smoke_test_flag_opens_the_window_and_exits_cleanly(
    qapp, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    from ui.launcher import main

    assert main(["--smoke-test"]) == 0
    assert "smoke test: window opened and closed" in capsys.readouterr().out
