"""Bytes of a Markdown file → clean text.

Real postmortems arrive with a BOM, in UTF-16, or as UTF-8 that some tool once read as
Windows-1252 or Mac Roman (``RÃ©sumÃ©``, ``R√©sum√©``, ``üö®``). ftfy repairs most of it; the
Mac Roman runs it leaves are repaired here, one run of non-ASCII characters at a time, only when
the run turns back into valid UTF-8 (a lone accented letter never does).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import ftfy
from ftfy.badness import is_bad

from app.errors import FormatError

_FIXER = ftfy.TextFixerConfig(uncurl_quotes=False)
_MAC_ROMAN_HIGH = "".join(bytes([code]).decode("mac_roman") for code in range(0x80, 0x100))
_MAC_ROMAN_RUN = re.compile("[" + re.escape(_MAC_ROMAN_HIGH) + "]{2,}")
_C1_OR_MOJIBAKE = re.compile(r"[\x80-\x9f]|[ÃÂâ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ©®«»]")
_SUSPECT = re.compile(r"[^\x00-\x7f]{2}|[\x80-\x9f]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass
class DecodedText:
    text: str
    encoding: str
    repairs: list[str] = field(default_factory=list)


def decode_markdown(raw: bytes, name: str = "file") -> DecodedText:
    """Decode and repair; refuse binary data with a sentence the user can act on."""
    encoding, text = _decode(raw, name)
    if _looks_binary(text):
        raise FormatError(f"{name} is a binary file, not Markdown text.")
    repairs: list[str] = []
    fixed = _fix_lines(text)
    if fixed != text:
        repairs.append("broken accents repaired (text once decoded with the wrong encoding)")
    repaired = repair_mac_roman_runs(fixed)
    if repaired != fixed:
        repairs.append("Mac Roman mojibake repaired (emoji and symbols)")
    return DecodedText(repaired.replace("\r\n", "\n").replace("\r", "\n"), encoding, repairs)


def _fix_lines(text: str) -> str:
    """ftfy, but only on the lines that need it: most lines of a big file are plain ASCII."""
    if text.isascii():
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _SUSPECT.search(line) and (is_bad(line) or _C1_OR_MOJIBAKE.search(line)):
            lines[index] = ftfy.fix_text(line, _FIXER)
    return "\n".join(lines)


def repair_mac_roman_runs(text: str) -> str:
    """Turn ``üö®`` back into 🚨: re-encode each suspicious run as Mac Roman, decode as UTF-8."""

    def repair(match: re.Match[str]) -> str:
        run = match.group(0)
        try:
            repaired = run.encode("mac_roman").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return _repair_prefixes(run)
        return repaired if _plausible(repaired) else run

    return _MAC_ROMAN_RUN.sub(repair, text)


def _repair_prefixes(run: str) -> str:
    """A run may glue a mangled symbol to a genuine accented letter: repair the longest part."""
    for end in range(len(run) - 1, 1, -1):
        try:
            repaired = run[:end].encode("mac_roman").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if _plausible(repaired):
            return repaired + run[end:]
    return run


def _plausible(repaired: str) -> bool:
    """Mojibake hides symbols, emoji and Latin-1 letters, not rare letters such as ``ǃ``."""
    return all(ch >= "\u2000" or "\u00a0" <= ch <= "\u00ff" for ch in repaired)


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return encoding, raw.decode(encoding)
            except UnicodeDecodeError:
                raise FormatError(f"{name} announces {encoding} but is not valid text.") from None
    guessed = _guess_utf16(raw)
    if guessed:
        try:
            return guessed, raw.decode(guessed)
        except UnicodeDecodeError:
            pass
    try:
        return "utf-8", raw.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252", raw.decode("cp1252", errors="replace")


def _guess_utf16(raw: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text leaves a zero byte in every other position."""
    sample = raw[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) / 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    if "\x00" in sample or "\ufffd" * 4 in sample:
        return True
    return len(_CONTROL.findall(sample)) / len(sample) > 0.02
