"""Text for the shared screen: where long identifiers may wrap.

``snake_case``, ``kebab-case``, ``dotted.names``, ``paths/like/this`` and ``camelCase`` get a
zero-width break opportunity at their joints, so a narrow column wraps them there and never in
the middle of a word ("add_user_prefer ences").
"""

from __future__ import annotations

import re

ZWSP = "\u200b"
_JOINT = re.compile(
    r"(?<=[_\-/])(?=\w)"  # after _ - /
    r"|(?<=[^\W\d]\.)(?=\w)"  # after a dot that follows a letter (not in 10.5)
    r"|(?<=[a-z0-9])(?=[A-Z])"  # camelCase
    r"|(?<=[A-Z])(?=[A-Z][a-z])"  # HTTPServer
)


def soft_breaks(text: str) -> str:
    """``text`` with a zero-width space at every joint of an identifier."""
    return _JOINT.sub(ZWSP, text)


def plain(text: str) -> str:
    """The text as typed (break opportunities removed)."""
    return text.replace(ZWSP, "")
