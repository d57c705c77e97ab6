"""Every failure a user can meet, each with its exit code; `cli.py` prints them as one line.

Modelled on OCRmyPDF's `exceptions.py`: one `ExitCode` enum, one exception class per kind of
failure carrying its code, and one handler (`cli.run_command`) that turns them into
`kwru: <message>` and the code. The message of an exception is already in the reader's language
(built with `_()` where it is raised). A few exceptions at the end never reach the user: they
signal a failed step inside the text pipeline, which then takes another route or quarantines
the file with an `Unreadable` reason.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """kwru's exit codes (kept stable: scripts and the tests rely on them)."""

    ok = 0
    failed = 1  # the command ran but did not do all it should (e.g. some letters failed)
    usage = 2  # a wrong argument: unknown case, bad date, bad key, argparse errors
    config = 3  # kwru.yaml is wrong
    workspace = 4  # the folder is not a (usable) workspace
    transition = 5  # a status change the procedure does not allow
    missing_value = 6  # a letter or bundle needs a value the case lacks; a broken template
    unreadable = 7  # an input file that cannot be turned into a document
    lock_busy = 8  # another kwru process holds the workspace
    office_missing = 9  # LibreOffice is not installed
    unexpected = 70  # a bug in kwru (EX_SOFTWARE of sysexits.h): details in the log file
    interrupted = 130  # Ctrl-C (128 + SIGINT, as shells report it)


class KwruError(Exception):
    """Base class: printed as one line `kwru: <message>` with `exit_code`."""

    exit_code: ExitCode = ExitCode.failed


class ConfigError(KwruError):
    """kwru.yaml cannot be used (a missing or wrong value)."""

    exit_code = ExitCode.config


class WorkspaceError(KwruError):
    """The folder is not a workspace, or one cannot be made there."""

    exit_code = ExitCode.workspace


class UsageError(KwruError):
    """A command was given a wrong argument (unknown case, bad date, bad key...)."""

    exit_code = ExitCode.usage


class TransitionError(KwruError):
    """A status change that the procedure does not allow."""

    exit_code = ExitCode.transition


class MissingValueError(KwruError):
    """A letter or bundle needs a value the case does not have."""

    exit_code = ExitCode.missing_value


class TemplateError(KwruError):
    """A template the secretary edited cannot be used (a broken tag)."""

    exit_code = ExitCode.missing_value


class BundleFailed(KwruError):
    """qpdf could not write a bundle: a source's data turned out unreadable only while copying it."""

    exit_code = ExitCode.failed


class Unreadable(KwruError):
    """An input file that cannot be turned into a document; it goes to quarantine/.

    `reason` is a plain sentence a secretary understands, in the reader's language, e.g.
    "PDF is beveiligd met een wachtwoord".
    """

    exit_code = ExitCode.unreadable

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class LockBusy(KwruError):
    """Another kwru process is working in this workspace."""

    exit_code = ExitCode.lock_busy


class OfficeMissing(KwruError):
    """LibreOffice is not installed, so no PDF can be made from a DOCX."""

    exit_code = ExitCode.office_missing


# Failed steps inside the text pipeline: caught there, never shown as such to a user.


class OcrFailed(Exception):
    """tesseract could not read the image (not a timeout)."""


class OcrmypdfFailed(Exception):
    """OCRmyPDF gave up on a PDF that was itself readable: it is kept without a text layer."""


class NotPlain(Exception):
    """The page image turned out not to be what the PDF dictionary promised."""
