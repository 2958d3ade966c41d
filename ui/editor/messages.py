"""The core's messages (edit names, refusals) in the interface language.

The core hands out ``app.messages.Message`` objects — an English sentence with its id and
parameters — and the text is rendered here from the core's table in the language the
interface shows; nothing is parsed back from English. Any other text (written by ``ui/``
itself through Qt's catalogue, or a message of a library) is shown as it is.
"""

from __future__ import annotations

from app.messages import in_language
from ui.i18n import current_language


def localized(message: str) -> str:
    return in_language(message, current_language())
