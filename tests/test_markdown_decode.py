"""Reading the bytes of a Markdown file: BOMs, UTF-16, old encodings and mojibake."""

from __future__ import annotations

import codecs

import pytest

from app.errors import FormatError
from app.markdown.decode import decode_markdown, repair_mac_roman_runs
from tests.markdown_helpers import seed_path

TEXT = "# Résumé exécutif\n\n- ✅ Détection rapide : 20 s 🚨\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-no-bom", "utf16be-no-bom"],
)
def test_every_common_unicode_form_reads_the_same_text(raw: bytes, encoding: str) -> None:
    decoded = decode_markdown(raw)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_a_windows_1252_file_is_read() -> None:
    decoded = decode_markdown("# Résumé\n\nCoût : 12 €\n".encode("cp1252"))
    assert decoded.text == "# Résumé\n\nCoût : 12 €\n"


def test_utf8_read_as_latin1_and_mac_roman_is_repaired() -> None:
    latin = "Résumé exécutif".encode().decode("latin-1")
    mac = "✅ Done 🚨 → résolu".encode().decode("mac_roman")
    decoded = decode_markdown(f"{latin}\n{mac}\n".encode())
    assert decoded.text == "Résumé exécutif\n✅ Done 🚨 → résolu\n"
    assert decoded.repairs


def test_genuine_accents_next_to_each_other_are_left_alone() -> None:
    assert repair_mac_roman_runs("Müller, déjà vu, «ÉÈ»") == "Müller, déjà vu, «ÉÈ»"


def test_the_seeds_come_out_clean() -> None:
    text = decode_markdown(seed_path("000").read_bytes()).text
    assert "## 📊 Impact" in text
    assert "| ✅ Done |" in text.replace("2026-01-16 | ✅", "| ✅").replace("| 2026-01-16 ", "")
    assert "‚" not in text and "üì" not in text and "√" not in text


def test_seed_004_first_line_becomes_the_siren() -> None:
    raw = "# 🚨 PLAYBOOK D'INCIDENT".encode().decode("mac_roman").encode()
    assert "üö®" in raw.decode()
    assert decode_markdown(raw).text == "# 🚨 PLAYBOOK D'INCIDENT"


@pytest.mark.parametrize(
    "raw",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64,
        bytes(range(1, 32)) * 50,
    ],
    ids=["png", "elf", "control-characters"],
)
def test_binary_files_are_refused_with_a_clear_message(raw: bytes) -> None:
    with pytest.raises(FormatError, match="binary file, not Markdown"):
        decode_markdown(raw, "picture.md")
