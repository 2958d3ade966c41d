"""One policy for control characters in every export except JSON: make them visible.

Text pasted from slides or terminals carries control characters (vertical tab ``\\x0b`` for a
soft line break, ``\\x1b`` from coloured logs, even NUL). XML 1.0 forbids them (an SVG holding
one is not a valid file), a Markdown file holding NUL looks binary, a terminal obeys ``\\x1b``
sequences, and a PDF prints nothing or a box. So every exporter (Markdown, SVG, PDF, diagram
boxes, CSV, the terminal) passes user text through ``visible``: each C0 control except tab,
line feed and carriage return becomes its Unicode "control picture" (``\\x0b`` → ␋, ``\\x1b`` →
␛, NUL → ␀, DEL → ␡); C1 controls and the non-characters U+FFFE/U+FFFF become U+FFFD (�).
The stored document and its JSON export keep the original characters: nothing is lost, and
the change is visible where it happens. Symbola (bundled) has the control pictures' glyphs.
"""

from __future__ import annotations

import re

_KEPT = ("\t", "\n", "\r")
_SUBSTITUTES: dict[str, str] = {
    chr(code): chr(0x2400 + code) for code in range(0x20) if chr(code) not in _KEPT
}
_SUBSTITUTES["\x7f"] = "\u2421"
_SUBSTITUTES.update({chr(code): "\ufffd" for code in range(0x80, 0xA0)})
_SUBSTITUTES.update({"\ufffe": "\ufffd", "\uffff": "\ufffd"})
_INVISIBLE = re.compile("[" + "".join(re.escape(char) for char in _SUBSTITUTES) + "]")


#: an annex shows (PDF report, document view) up to this many UTF-8 bytes of its text; the
#: JSON export keeps it whole. A 60 MB log would otherwise take minutes to lay out.
MAX_ANNEX_BYTES = 100_000


def visible(text: str) -> str:
    """``text`` with every control character replaced by a visible substitute (see above)."""
    if _INVISIBLE.search(text) is None:
        return text
    return _INVISIBLE.sub(lambda match: _SUBSTITUTES[match.group(0)], text)


def excerpt(text: str, limit: int) -> tuple[str, int]:
    """The start of ``text`` that fits in ``limit`` UTF-8 bytes (cut after a line when one ends
    in its second half), and the size of the whole text in bytes."""
    if len(text) * 4 <= limit:  # a character takes at most 4 bytes: certainly fits
        return text, len(text.encode("utf-8"))
    size = len(text.encode("utf-8"))
    if size <= limit:
        return text, size
    head = text[:limit].encode("utf-8")[:limit].decode("utf-8", errors="ignore")
    line_end = head.rfind("\n", limit // 2)
    return (head[:line_end] if line_end > 0 else head), size
