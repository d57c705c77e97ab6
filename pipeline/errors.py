"""Named failures a user can meet, each with an exit code and a one-line message."""

from __future__ import annotations


class KwruError(Exception):
    """Base class: printed as one line `kwru: <message>` with `exit_code`."""

    exit_code = 1


class ConfigError(KwruError):
    exit_code = 3


class WorkspaceError(KwruError):
    exit_code = 4


class UsageError(KwruError):
    """A command was given a wrong argument (unknown case, bad date, bad key...)."""

    exit_code = 2


class TransitionError(KwruError):
    """A status change that the procedure does not allow."""

    exit_code = 5


class MissingValueError(KwruError):
    """A letter or bundle needs a value the case does not have."""

    exit_code = 6


class Unreadable(KwruError):
    """An input file that cannot be turned into a document; it goes to quarantine/.

    `reason` is plain Dutch-or-English language a secretary understands, e.g.
    "PDF is beveiligd met een wachtwoord (encrypted with a password)".
    """

    exit_code = 7

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class LockBusy(KwruError):
    exit_code = 8
