"""The language a person reads: Dutch by default, English with KWRU_LANG=en (or an English locale).

Every text a person reads (help, messages, table headers, reasons, errors) is written in the
code in plain English and wrapped in `_()` (or `ngettext` for counts); the Dutch catalogue in
`pipeline/locale/nl/LC_MESSAGES/kwru.po` gives what a Dutch secretary reads. Logs, identifiers
and comments stay English and are not wrapped. See docs/architecture.md ("Language").
"""

from __future__ import annotations

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
