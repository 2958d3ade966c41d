"""Errors that carry a message meant for the person using the app.

Environment problems and bad input become one of these; anything else is our bug and is
logged with its traceback by the caller.
"""


class PostmortemError(Exception):
    """Base class: ``str(error)`` is a complete sentence a user can act on."""


class ValidationError(PostmortemError):
    """A value or an edit that the document refuses."""


class FormatError(PostmortemError):
    """A file that is not what it claims to be, or of an unknown format version."""


class StoreError(PostmortemError):
    """The database cannot be opened, read or written."""


class NotFoundError(PostmortemError):
    """A postmortem (or a part of one) that does not exist."""


class LockedError(PostmortemError):
    """An edit to an approved report, which is locked until reopened."""


class ConflictError(PostmortemError):
    """The postmortem was saved by another program since this copy was loaded."""
