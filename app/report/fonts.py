"""The report's fonts (bundled TTFs) and the font runs that keep every glyph printable.

DejaVu Sans sets the text; Noto Emoji (monochrome, OFL) draws emoji (🔥 🔒 👩 …) as themselves;
Symbola (monochrome) draws the remaining symbols DejaVu lacks (✅ ❌ ⏳ …). reportlab writes a
broken ToUnicode entry for characters outside the BMP (``<1F525>``, an odd-length hex string),
so ``register_fonts`` installs a CMap writer that encodes them as UTF-16 surrogate pairs: the
emoji draw and text extraction returns them. Zero-width-joiner sequences (👩‍💻) print as the
emoji font's one glyph for them (``emoji_sequences``; as their parts when the font has none),
skin tones and variation selectors are dropped, flags print as ⚑ and the country code.
"""

from __future__ import annotations

import functools
import re

from app.paths import resource
from app.report import emoji_sequences
from app.visible_text import visible

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
MONO = "DejaVuSansMono"
SYMBOLS = "Symbola"
EMOJI = "NotoEmoji"
FACES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    MONO: "DejaVuSansMono.ttf",
    SYMBOLS: "Symbola.ttf",
    EMOJI: "NotoEmoji.ttf",
}
#: fallback faces, in order, for characters the text face lacks
FALLBACKS = (EMOJI, SYMBOLS)

#: shown for an astral pictograph without a look-alike: a neutral mark, never a box
UNKNOWN_PICTOGRAPH = "◆"
VARIATION_AND_MODIFIERS = re.compile(
    "[\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
)
FLAG = re.compile("([\U0001f1e6-\U0001f1ff])([\U0001f1e6-\U0001f1ff])")
ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SPECIAL = re.compile("[\U00010000-\U0010ffff\u200d\ufe0e\ufe0f\u20e3]")
#: code points standing for an emoji sequence's glyph (never taken from the user's text)
_RESERVED = re.compile(f"[{chr(emoji_sequences.FIRST_CODE)}-{chr(emoji_sequences.LAST_CODE)}]")
#: ZWJ sequence → the code drawing its glyph, and back (filled by ``register_fonts``)
SEQUENCES: dict[str, int] = {}
_SEQUENCE_OF: dict[int, str] = {}


@functools.cache
def register_fonts() -> None:
    """Register the bundled faces with reportlab once per process (≈ 60 ms)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    _install_astral_cmap()
    for name, filename in FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    SEQUENCES.update(emoji_sequences.install(pdfmetrics.getFont(EMOJI).face))
    _SEQUENCE_OF.update((code, text) for text, code in SEQUENCES.items())
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
    )
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)


def _unicode_hex(code: int) -> str:
    """A code point as the UTF-16BE hex a ToUnicode CMap expects (surrogates past the BMP;
    the whole sequence for a code standing for an emoji sequence's glyph)."""
    return _SEQUENCE_OF.get(code, chr(code)).encode("utf-16-be").hex().upper()


def _install_astral_cmap() -> None:
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "astral_safe", False):
        return

    def make_cmap(fontname: str, subset: list[int]) -> str:
        text: str = original(fontname, subset)
        if all(code <= 0xFFFF for code in subset):
            return text
        for index, code in enumerate(subset):
            if code > 0xFFFF:
                text = text.replace(
                    f"<{index:02X}> <{code:04X}>", f"<{index:02X}> <{_unicode_hex(code)}>"
                )
        return text

    make_cmap.astral_safe = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_cmap


@functools.cache
def coverage(face: str) -> frozenset[int]:
    """Code points a registered face can draw."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    font = pdfmetrics.getFont(face)
    return frozenset(font.face.charWidths)


def _flag(match: re.Match[str]) -> str:
    letters = "".join(chr(ord(ch) - 0x1F1E6 + ord("A")) for ch in match.groups())
    return f"⚑{letters}"


@functools.cache
def _drawable() -> frozenset[int]:
    return coverage(REGULAR).union(*(coverage(face) for face in FALLBACKS))


def _astral(char: str) -> str:
    return char if ord(char) in _drawable() else UNKNOWN_PICTOGRAPH


def map_symbols(text: str) -> str:
    """Flags, joiners, modifiers and undrawable astral characters made printable; control
    characters shown as their visible symbols (``app.visible_text``, as in every export)."""
    text = visible(text)
    if text.isascii() or not _SPECIAL.search(text):
        return text
    text = _RESERVED.sub(UNKNOWN_PICTOGRAPH, text)
    text = FLAG.sub(_flag, text)
    text = VARIATION_AND_MODIFIERS.sub("", text)
    if emoji_sequences.ZWJ in text:
        text = _joined(text).replace(emoji_sequences.ZWJ, "")
    return ASTRAL.sub(lambda match: _astral(match.group(0)), text)


def _joined(text: str) -> str:
    """ZWJ sequences the emoji font draws as one glyph replaced by that glyph's code."""
    register_fonts()
    return emoji_sequences.join(text, SEQUENCES)


def split_runs(text: str, face: str = REGULAR) -> list[tuple[str, str]]:
    """Split mapped text into runs, each with the face that draws it.

    Characters no font has are replaced by "?" so nothing prints as an empty box.
    """
    if text.isascii():
        return [(text, face)]
    main = coverage(face)
    # a styled face lacking a letter (the oblique has no Arabic) falls back to the upright one
    faces = FALLBACKS if face == REGULAR else (REGULAR, *FALLBACKS)
    fallbacks = [(name, coverage(name)) for name in faces]
    runs: list[tuple[str, str]] = []
    current: list[str] = []
    current_face = face
    for original in text:
        char = original
        code = ord(char)
        use = face
        if code not in main and char not in "\n\t":
            use = next((name for name, codes in fallbacks if code in codes), "")
            if not use:
                char, use = "?", face
        if use != current_face and current:
            runs.append(("".join(current), current_face))
            current = []
        current_face = use
        current.append(char)
    if current:
        runs.append(("".join(current), current_face))
    return runs
