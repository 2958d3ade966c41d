"""Messages of the core (validation, locking, storage) in the interface language.

The core writes its messages in English; the ones a person meets while editing are recognised
here and rebuilt from translatable sentences. Anything else is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # the name lupdate looks for

_RULES: list[tuple[re.Pattern[str], Callable[[], str]]] = [
    (
        re.compile(
            r"^(.+?): '(.*)' is not a date and time; use ISO 8601 with an offset, e\.g\. (\S+)\.$"
        ),
        lambda: translate(
            "Messages", "{0}: '{1}' is not a date and time; use ISO 8601 with an offset, e.g. {2}."
        ),
    ),
    (
        re.compile(r"^(.+?): '(.*)' has no UTC offset; add one, e\.g\. \+01:00 or Z\.$"),
        lambda: translate("Messages", "{0}: '{1}' has no UTC offset; add one, e.g. +01:00 or Z."),
    ),
    (
        re.compile(r"^(.+?): '(.*)' is not a date; use YYYY-MM-DD, e\.g\. (\S+)\.$"),
        lambda: translate("Messages", "{0}: '{1}' is not a date; use YYYY-MM-DD, e.g. {2}."),
    ),
    (
        re.compile(r"^(.+?): a date and time is required\.$"),
        lambda: translate("Messages", "{0}: a date and time is required."),
    ),
    (
        re.compile(r"^(.+?): cannot be empty\.$"),
        lambda: translate("Messages", "{0}: cannot be empty."),
    ),
    (
        re.compile(
            r"^time zone: '(.*)' is unknown; use a name such as Europe/Paris or an offset\.$"
        ),
        lambda: translate(
            "Messages", "time zone: '{0}' is unknown; use a name such as Europe/Paris or an offset."
        ),
    ),
    (
        re.compile(r"^time zone: '(.*)' is not an offset such as \+01:00\.$"),
        lambda: translate("Messages", "time zone: '{0}' is not an offset such as +01:00."),
    ),
    (
        re.compile(
            r"^This report is approved and locked; reopen it to edit "
            r"\(a new revision is created\)\.$"
        ),
        lambda: translate(
            "Messages",
            "This report is approved and locked; reopen it to edit (a new revision is created).",
        ),
    ),
    (
        re.compile(
            r"^The database (.+) is read-only\. Your edits are kept in memory and saved as soon "
            r"as it is writable again\.$"
        ),
        lambda: translate(
            "Messages",
            "The database {0} is read-only. Your edits are kept in memory and saved as soon as "
            "it is writable again.",
        ),
    ),
    (
        re.compile(
            r"^The database (.+) was deleted or moved while open\. Your edits are kept in memory "
            r"and saved as soon as the file is back\.$"
        ),
        lambda: translate(
            "Messages",
            "The database {0} was deleted or moved while open. Your edits are kept in memory and "
            "saved as soon as the file is back.",
        ),
    ),
    (
        re.compile(
            r"^This postmortem was changed elsewhere \((.+) was changed there too\): (.+) no "
            r"longer applies and was not saved\. The latest version is shown\.$"
        ),
        lambda: translate(
            "Messages",
            "This postmortem was changed elsewhere ({0} was changed there too): {1} no longer "
            "applies and was not saved. The latest version is shown.",
        ),
    ),
    (
        re.compile(
            r"^This postmortem was approved and locked elsewhere: (.+) was not saved\. The latest "
            r"version is shown\.$"
        ),
        lambda: translate(
            "Messages",
            "This postmortem was approved and locked elsewhere: {0} was not saved. The latest "
            "version is shown.",
        ),
    ),
    (
        re.compile(r"^The postmortem '(.+)' was deleted elsewhere; this edit was not saved\.$"),
        lambda: translate(
            "Messages", "The postmortem '{0}' was deleted elsewhere; this edit was not saved."
        ),
    ),
]


def localized(message: str) -> str:
    for pattern, sentence in _RULES:
        match = pattern.match(message)
        if match:
            return sentence().format(*match.groups())
    return message
