"""The language a person reads: Dutch by default, English with KWRU_LANG=en (or an English locale).

Every text a person reads (help, messages, table headers, reasons, errors) is written in the
code in plain English and wrapped in `_()` (or `ngettext` for counts); the Dutch catalogue in
`pipeline/locale/nl/LC_MESSAGES/kwru.po` gives what a Dutch secretary reads. Logs, identifiers
and comments stay English and are not wrapped. See docs/architecture.md ("Language").
"""

from __future__ import annotations

import argparse
import gettext
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "kwru"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("nl", "en")
DEFAULT = "nl"


def language() -> str:
    """`KWRU_LANG` when set, else the locale's language when it is one we have, else Dutch."""
    wanted = os.environ.get("KWRU_LANG")
    if not wanted:
        for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(var, "")
            if value and value not in ("C", "POSIX") and not value.startswith("C."):
                wanted = value
                break
    code = (wanted or DEFAULT).split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else DEFAULT


@lru_cache(maxsize=4)
def _translation(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def _(message: str) -> str:
    return _translation(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation(language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a text for the catalogue where it is defined; translate it with `_()` where shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a singular/plural pair for the catalogue; shown with `ngettext(*pair, n)`."""
    return singular, plural


def localise_argparse() -> None:
    """Make argparse's own texts ("usage: ", "options", its errors) speak our language.

    argparse translates them with the `_` and `ngettext` names it imported from `gettext`
    (the global text domain, chosen by the locale variables, not by `language()`); it looks
    those module names up each time it builds a text, so pointing them at ours is enough.
    Their msgids are in ARGPARSE_TEXTS below, so that extraction puts them in our catalogue.
    """
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


# argparse's person-facing texts (Python 3.11-3.13), marked for extraction only; the test
# `tests/test_i18n.py` checks this list against the texts of the argparse that runs.
ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("argument %(argument_name)s: %(message)s"),
    N_(".__call__() not defined"),
    N_("conflicting subparser: %s"),
    N_("conflicting subparser alias: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_('argument "-" with mode %r'),
    N_("can't open '%(filename)s': %(error)s"),
    N_("cannot merge actions - two groups are named %r"),
    N_("'required' is an invalid argument for positionals"),
    N_("invalid option string %(option)r: must start with a character %(prefix_chars)r"),
    N_("dest= is required for options like %r"),
    N_("invalid conflict_resolution value: %r"),
    Nn_("conflicting option string: %s", "conflicting option strings: %s"),
    N_("mutually exclusive arguments must be optional"),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("cannot have multiple subparser arguments"),
    N_("subcommands"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    Nn_("expected %s argument", "expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("%r is not callable"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
)
