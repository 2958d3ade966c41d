"""The report's fonts (bundled TTFs) and the symbol mapping that keeps every glyph printable.

DejaVu Sans sets the text; Symbola (monochrome) draws the symbols DejaVu lacks (✅ ❌ ⏳ …).
Characters outside the BMP draw in reportlab but lose their text (a broken ToUnicode entry), so
astral emoji, ZWJ sequences, skin tones, flags and variation selectors are first mapped to BMP
look-alikes the fonts have: the PDF shows a symbol and text extraction returns that symbol.
"""

from __future__ import annotations

import functools
import re

from app.paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
MONO = "DejaVuSansMono"
SYMBOLS = "Symbola"
FACES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    MONO: "DejaVuSansMono.ttf",
    SYMBOLS: "Symbola.ttf",
}

#: astral pictographs → BMP symbols both fonts can draw (meaning kept where a look-alike exists)
ASTRAL_LOOKALIKES = {
    "🔄": "⟳",
    "🔁": "⟳",
    "🚨": "⚠",
    "📋": "☰",
    "📚": "☰",
    "📝": "✎",
    "📊": "▥",
    "📈": "↗",
    "📉": "↘",
    "🎯": "◎",
    "🔥": "♨",
    "💊": "✚",
    "🚀": "➚",
    "🐛": "✱",
    "🔒": "⚿",
    "🔑": "⚿",
    "🔍": "⌕",
    "🔎": "⌕",
    "💡": "☼",
    "👍": "✔",
    "👎": "✘",
    "👉": "☞",
    "👀": "◉",
    "📞": "☎",
    "📧": "✉",
    "📨": "✉",
    "🕐": "◷",
    "🟢": "●",
    "🔴": "●",
    "🟡": "●",
    "🟠": "●",
    "🔵": "●",
    "⭐": "★",
    "🙂": "☺",
    "😀": "☺",
    "😊": "☺",
    "😃": "☺",
    "😢": "☹",
    "😞": "☹",
    "🎉": "✨",
    "👩": "☺",
    "👨": "☺",
    "🧑": "☺",
    "💻": "⌨",
    "🖥": "⌨",
}
#: shown for an astral pictograph without a look-alike: a neutral mark, never a box
UNKNOWN_PICTOGRAPH = "◆"
VARIATION_AND_MODIFIERS = re.compile(
    "[\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
)
FLAG = re.compile("([\U0001f1e6-\U0001f1ff])([\U0001f1e6-\U0001f1ff])")
ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SPECIAL = re.compile("[\U00010000-\U0010ffff\u200d\ufe0e\ufe0f\u20e3]")
ZWJ_SEQUENCE = re.compile("([^\u200d])(?:\u200d[^\u200d])+")


@functools.cache
def register_fonts() -> None:
    """Register the bundled faces with reportlab once per process (≈ 60 ms)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, filename in FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
    )
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)


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


def _astral(char: str) -> str:
    if ord(char) <= 0xFFFF:
        return char
    return ASTRAL_LOOKALIKES.get(char, UNKNOWN_PICTOGRAPH)


def map_symbols(text: str) -> str:
    """Replace what the PDF cannot carry as text by BMP look-alikes (see module docstring)."""
    if text.isascii() or not _SPECIAL.search(text):
        return text
    text = FLAG.sub(_flag, text)
    text = VARIATION_AND_MODIFIERS.sub("", text)
    text = ZWJ_SEQUENCE.sub(lambda match: match.group(1), text)
    text = text.replace("\u200d", "")
    return ASTRAL.sub(lambda match: _astral(match.group(0)), text)


def split_runs(text: str, face: str = REGULAR) -> list[tuple[str, bool]]:
    """Split mapped text into runs; True marks a run to draw with the symbol font.

    Characters neither font has are replaced by U+FFFD's look-alike "?" so nothing prints as
    an empty box.
    """
    if text.isascii():
        return [(text, False)]
    main = coverage(face)
    symbols = coverage(SYMBOLS)
    runs: list[tuple[str, bool]] = []
    current: list[str] = []
    in_symbols = False
    for original in text:
        char = original
        code = ord(char)
        if code in main or char in "\n\t":
            use_symbols = False
        elif code in symbols:
            use_symbols = True
        else:
            char, use_symbols = "?", False
        if use_symbols != in_symbols and current:
            runs.append(("".join(current), in_symbols))
            current = []
        in_symbols = use_symbols
        current.append(char)
    if current:
        runs.append(("".join(current), in_symbols))
    return runs
