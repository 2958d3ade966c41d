"""An approved report's PDF is promised to rebuild byte for byte: what draws it stays pinned.

The PDF's bytes depend on reportlab (and its C accelerator), the bundled fonts, the rich-text and
right-to-left libraries and, for signed copies, pyHanko. Their versions are fixed in
packaging/constraints.txt, which both the test set-up (packaging/dev.sh, so CI) and the bundle
build (packaging/build.sh) install with; the fonts are fixed by their checksums.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

from app.approval import stored_pdf
from app.model import Postmortem
from app.session import DocumentSession
from app.signoff import install_signoff_workflow
from app.store import Store
from tests.signing_helpers import approve

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"
FONTS = ROOT / "resources" / "fonts"

#: The distributions whose version changes the bytes of a report or of its signature.
PDF_BYTES = (
    "reportlab",
    "rl_accel",
    "pyHanko",
    "pyhanko-certvalidator",
    "asn1crypto",
    "cryptography",
    "markdown-it-py",
    "python-bidi",
    "arabic-reshaper",
)


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for raw in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            name, sep, pinned = line.partition("==")
            assert sep, f"constraints.txt: {line!r} is not an exact pin (name==version)"
            pins[_key(name)] = pinned.strip()
    return pins


def _requirement_name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
    assert match is not None, requirement
    return _key(match.group(0))


def test_every_dependency_has_an_exact_tested_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"]) + list(project["optional-dependencies"]["dev"])
    pins = _pins()
    missing = sorted({_requirement_name(r) for r in wanted} - set(pins))
    assert missing == [], f"not pinned in packaging/constraints.txt: {missing}"


@pytest.mark.parametrize("distribution", PDF_BYTES)
def test_the_installed_version_is_the_pinned_one(distribution: str) -> None:
    pinned = _pins()[_key(distribution)]
    assert version(distribution) == pinned, (
        f"{distribution} {version(distribution)} is installed but reports are tested with "
        f"{pinned}: set up with packaging/dev.sh (pip install -c packaging/constraints.txt)"
    )


def test_ci_and_the_bundle_install_with_the_constraints() -> None:
    for script in ("dev.sh", "build.sh"):
        text = (ROOT / "packaging" / script).read_text(encoding="utf-8")
        assert "-c packaging/constraints.txt" in text, script


def test_the_bundled_fonts_are_the_tested_files() -> None:
    listed = {}
    for line in (FONTS / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split()
        listed[name] = digest
    present = {path.name for path in FONTS.glob("*.ttf")}
    assert present == set(listed), "resources/fonts/SHA256SUMS must list every font file"
    for name, digest in listed.items():
        actual = hashlib.sha256((FONTS / name).read_bytes()).hexdigest()
        assert actual == digest, f"{name} changed: reports would no longer rebuild byte for byte"


def test_the_bundle_keeps_lxml_because_signatures_carry_xmp(store: Store, demo: Postmortem) -> None:
    """lxml looks optional (pyHanko only needs it for XMP metadata) but signatures write XMP, and
    verifying those updates without it calls genuine signatures broken: the bundle keeps it."""
    session = DocumentSession.open(store, demo.id)
    install_signoff_workflow(session)
    approve(session, ("prepared_by", "reviewed_by"))
    signed = store.path.parent / "signed.pdf"
    signed.write_bytes(stored_pdf(store, session.doc) or b"")
    assert b"/Metadata" in signed.read_bytes()
    without_lxml = (
        "import sys; sys.modules['lxml'] = None; from app.cli import main; "
        "sys.exit(main(['verify', sys.argv[1]]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", without_lxml, str(signed)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "RESULT: BROKEN" in run.stdout, run.stdout + run.stderr
    spec = (ROOT / "packaging" / "postmortem-studio.spec").read_text(encoding="utf-8")
    assert '"lxml"' not in spec
